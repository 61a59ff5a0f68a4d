/** Typed views of fields, the field permissions of permission sets, queues and custom metadata records. */
import { child, children, textOf } from '../../xml/read';
import type { ParsedFile, SourceProject } from '../project';

type Parsed = ParsedFile;

export function fieldFile(project: SourceProject, object: string, field: string): Parsed | undefined {
  return project.find('CustomField', `${object}.${field}`);
}

export interface FieldView {
  /** The object's API name (the folder under objects/). */
  object: string;
  /** The field's API name. */
  name: string;
  /** The field type; Text when the file names none. */
  type: string;
  length?: number;
  required: boolean;
}

/** A CustomField file (`Object.Field__c`) as the fields it declares. */
export function fieldView(file: Parsed): FieldView {
  const dot = file.name.indexOf('.');
  const len = textOf(file.xml, 'length');
  return {
    object: file.name.slice(0, dot),
    name: file.name.slice(dot + 1),
    type: textOf(file.xml, 'type') ?? 'Text',
    length: len ? Number(len) : undefined,
    required: textOf(file.xml, 'required') === 'true'
  };
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

/** A queue's label (its <name>), '' when absent. */
export function queueLabel(file: Parsed): string {
  return textOf(file.xml, 'name') ?? '';
}

/** The values of a custom metadata record by field; a nil value (xsi:nil) is undefined. */
export function customMetadataValues(file: Parsed): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const v of children(file.xml, 'values')) {
    const field = textOf(v, 'field');
    const val = child(v, 'value');
    if (field && !out.has(field)) out.set(field, val && val.attrs['xsi:nil'] !== 'true' ? val.text.trim() : undefined);
  }
  return out;
}
