/** Typed views of fields, the field permissions of permission sets, and queues. */
import { children, textOf } from '../../xml/read';
import type { ParsedFile, SourceProject } from '../project';

type Parsed = ParsedFile;

export function fieldFile(project: SourceProject, object: string, field: string): Parsed | undefined {
  return project.find('CustomField', `${object}.${field}`);
}

export interface FieldGrant {
  permissionSet: string;
  readable: boolean;
  editable: boolean;
}

const grantsMemo = new WeakMap<SourceProject, Map<string, FieldGrant[]>>();
/** Field permissions granted by the project's permission sets, by `Object.Field__c`. */
export function fieldGrants(project: SourceProject): Map<string, FieldGrant[]> {
  const hit = grantsMemo.get(project);
  if (hit) return hit;
  const map = new Map<string, FieldGrant[]>();
  for (const ps of project.ofType('PermissionSet')) {
    for (const fp of children(ps.xml, 'fieldPermissions')) {
      const field = textOf(fp, 'field');
      if (!field) continue;
      const list = map.get(field) ?? [];
      list.push({
        permissionSet: ps.name,
        readable: textOf(fp, 'readable') === 'true',
        editable: textOf(fp, 'editable') === 'true'
      });
      map.set(field, list);
    }
  }
  grantsMemo.set(project, map);
  return map;
}

/** sObject types a queue takes. */
export function queueObjects(file: Parsed): string[] {
  return children(file.xml, 'queueSobject').map((q) => textOf(q, 'sobjectType') ?? '');
}
