/** Apex: sources parse, each class has its -meta.xml, and flows call invocable actions as the classes declare them. */
import * as path from 'node:path';
import { child, children, textOf } from '../../xml/read';
import { kitFixFor } from '../kitComponents';
import type { InvocableInfo } from '../apexInfo';
import type { SourceProject } from '../../source/project';
import type { Rule } from '../types';

/**
 * The inputs a flow passes to an invocable method: the request class's @InvocableVariables, or,
 * for a List of primitives or sObjects (`touch(List<Id> ids)`), the one parameter by its own name
 * (Salesforce's InvocableMethod annotation docs; retrieved flows pass `<name>opportunityIds</name>`
 * to such a method). Undefined when the request class lives in another file of the project.
 */
function declaredInputs(info: InvocableInfo, project: SourceProject): InvocableInfo['inputs'] | undefined {
  if (info.requestClass || !info.elementType) return info.inputs;
  if (project.apexClass(info.elementType)) return undefined;
  return info.parameter ? [{ name: info.parameter, required: false }] : [];
}

export const rules: Rule[] = [
  {
    id: 'apex/parse',
    description: 'Every Apex class parses (@apexdevtools/apex-parser).',
    fix: 'Correct the syntax at the line shown.',
    check({ project, apex, report }) {
      for (const cls of project.apex) {
        for (const p of apex.syntax(cls).slice(0, 3))
          report({ file: cls.path, line: p.line }, `Apex syntax error at column ${p.column}: ${p.message}`);
      }
    }
  },
  {
    id: 'apex/meta-xml',
    description:
      'Every .cls has its .cls-meta.xml and every .cls-meta.xml its .cls (a deploy silently skips a class without one).',
    fix: 'Add <Name>.cls-meta.xml (ApexClass with apiVersion and status Active), or remove the orphan file.',
    check({ project, report }) {
      for (const cls of project.apex) {
        if (!project.allFiles.has(`${cls.path}-meta.xml`))
          report(
            { file: cls.path },
            `${path.posix.basename(cls.path)} has no ${path.posix.basename(cls.path)}-meta.xml: it is not deployed`
          );
      }
      for (const m of project.metadata) {
        if (m.path.endsWith('.cls-meta.xml') && !project.allFiles.has(m.path.slice(0, -'-meta.xml'.length))) {
          report({ file: m.path }, `${path.posix.basename(m.path)} has no ${path.posix.basename(m.path, '-meta.xml')}`);
        }
      }
    }
  },
  {
    id: 'apex/invocable-action',
    description:
      'Each Apex action in a flow names a class with an @InvocableMethod and passes only (and every required) @InvocableVariable input.',
    fix: 'Use the class holding the @InvocableMethod as actionName, and its request class @InvocableVariable names as input parameter names.',
    check({ project, apex, report }) {
      for (const file of project.ofType('Flow')) {
        for (const a of children(file.xml, 'actionCalls')) {
          if (textOf(a, 'actionType') !== 'apex') continue;
          const nameNode = child(a, 'actionName');
          const className = nameNode?.text.trim() ?? '';
          const at = { file: file.path, line: (nameNode ?? a).line };
          const cls = project.apexClass(className);
          if (!cls) {
            report(
              at,
              `Apex action "${textOf(a, 'name')}" calls ${className}, which is not a class in the project`,
              kitFixFor('class', className)
            );
            continue;
          }
          const info = apex.invocable(cls);
          if (!info) {
            report(at, `${className} has no @InvocableMethod`);
            continue;
          }
          const inputs = declaredInputs(info, project);
          // A request class in another file: its @InvocableVariables are not scanned, so nothing is judged.
          if (!inputs) continue;
          const declared = new Map(inputs.map((i) => [i.name.toLowerCase(), i]));
          const given = new Set<string>();
          for (const p of children(a, 'inputParameters')) {
            const n = child(p, 'name');
            const name = n?.text.trim() ?? '';
            given.add(name.toLowerCase());
            if (!declared.has(name.toLowerCase())) {
              report(
                { file: file.path, line: (n ?? p).line },
                info.requestClass
                  ? `Input "${name}" is not an @InvocableVariable of ${className}.${info.requestClass} (declared: ${inputs.map((i) => i.name).join(', ') || 'none'})`
                  : `Input "${name}" is not a parameter of ${className}'s @InvocableMethod (parameter: ${inputs.map((i) => i.name).join(', ') || 'none'})`
              );
            }
          }
          for (const i of inputs) {
            if (i.required && !given.has(i.name.toLowerCase()))
              report(
                at,
                `Apex action "${textOf(a, 'name')}" does not pass the required input "${i.name}" of ${className}`
              );
          }
        }
      }
    }
  }
];
