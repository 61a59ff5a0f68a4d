/**
 * References leave the project only on purpose: a permission set that grants an Apex class, object or
 * custom field neither the project nor handoff.validate.json provides fails its deploy ("no ApexClass
 * named X found" — the Metadata API resolves every name in the same deploy or the org). The kit's own
 * platform code is named with its fix: `handoff init` copies it into the project.
 */
import { children, child } from '../../xml/read';
import { kitFixFor } from '../kitComponents';
import type { Rule } from '../types';

const isCustom = (name: string): boolean => /__(c|mdt|e|x|b)$/i.test(name);
/**
 * `ns__Name__c`: a component of a managed package (Salesforce names packaged components with the
 * package's namespace prefix and a double underscore). The package installs it, so it can never be in
 * the project's source; the org is trusted to have it. (A project of its own namespace loses this check.)
 */
const isNamespaced = (name: string): boolean => /^[A-Za-z][A-Za-z0-9]*__[A-Za-z]\w*__(c|mdt|e|x|b)$/i.test(name);

export const rules: Rule[] = [
  {
    id: 'references/permission-set-apex',
    description:
      'Each Apex class a permission set grants (classAccesses) is in the project or listed in handoff.validate.json (existingApexClasses).',
    fix: 'Add the class to the project, remove the grant, or list it in handoff.validate.json "existingApexClasses" when it exists only in the org.',
    check({ project, settings, report }) {
      const known = new Set(settings.existingApexClasses.map((c) => c.toLowerCase()));
      for (const ps of project.ofType('PermissionSet')) {
        for (const access of children(ps.xml, 'classAccesses')) {
          const node = child(access, 'apexClass');
          const name = node?.text.trim() ?? '';
          if (!name || project.apexClass(name) || known.has(name.toLowerCase())) continue;
          report(
            { file: ps.path, line: (node ?? access).line },
            `Permission set ${ps.name} grants the Apex class ${name}, which is not in the project`,
            kitFixFor('class', name)
          );
        }
      }
    }
  },
  {
    id: 'references/permission-set-fields',
    description:
      'Each custom object and field a permission set grants is in the project or listed in handoff.validate.json (existingFields).',
    fix: 'Add the object or field to the project (for hand-off fields: the config, then handoff build), remove the grant, or list it in handoff.validate.json "existingFields".',
    check({ project, settings, report }) {
      const known = new Set(settings.existingFields.map((c) => c.toLowerCase()));
      const objectKnown = (o: string): boolean => project.has('CustomObject', o) || known.has(o.toLowerCase());
      const fix = (object: string): string | undefined => kitFixFor('object', object);
      for (const ps of project.ofType('PermissionSet')) {
        for (const op of children(ps.xml, 'objectPermissions')) {
          const node = child(op, 'object');
          const object = node?.text.trim() ?? '';
          if (!isCustom(object) || isNamespaced(object) || objectKnown(object)) continue;
          report(
            { file: ps.path, line: (node ?? op).line },
            `Permission set ${ps.name} grants the object ${object}, which is not in the project`,
            fix(object)
          );
        }
        for (const fp of children(ps.xml, 'fieldPermissions')) {
          const node = child(fp, 'field');
          const full = node?.text.trim() ?? '';
          const [object, field] = full.split('.');
          // MessagingSession hand-off fields are the naming chain's (chain/field-exists, chain/field-fls).
          if (!field || !isCustom(field) || isNamespaced(field) || object === 'MessagingSession') continue;
          if (project.has('CustomField', full) || known.has(full.toLowerCase())) continue;
          report(
            { file: ps.path, line: (node ?? fp).line },
            `Permission set ${ps.name} grants the field ${full}, which is not in the project`,
            fix(object)
          );
        }
      }
    }
  }
];
