/**
 * MessagingSession's fields and their permissions in the two permission sets, from Metadata API reads
 * whose size never pages: 1 read of CustomObject MessagingSession (its `fields`; CustomObject also
 * covers standard objects, Metadata API Developer Guide, CustomObject) and the permission sets' own
 * `fieldPermissions` (read once for doctor, read/index.ts). A FieldDefinition or FieldPermissions
 * query would add one call per further 2,000 rows.
 */
import { asArray, asBool, asText, readMeta, type OrgCaller } from '../../doctorSoql';
import type { FieldSnapshot } from '../snapshot';

type Meta = Record<string, unknown>;

/** `fieldPermissions` of the permission sets (name → component; undefined: not in the org) on MessagingSession. */
function sessionPermissions(permissionSets: ReadonlyMap<string, Meta | undefined>): FieldSnapshot['permissions'] {
  const permissions: FieldSnapshot['permissions'] = new Map();
  for (const [name, ps] of permissionSets) {
    for (const p of asArray(ps?.fieldPermissions as Meta[] | Meta | undefined)) {
      const field = asText(p.field) ?? '';
      if (!field.startsWith('MessagingSession.')) continue;
      let byPs = permissions.get(field);
      if (!byPs) permissions.set(field, (byPs = new Map()));
      byPs.set(name, { read: asBool(p.readable), edit: asBool(p.editable) });
    }
  }
  return permissions;
}

/** `permissionSets`: the kit's two permission sets as readMetaMany returned them (read/index.ts). */
export async function readFields(
  org: OrgCaller,
  permissionSets: ReadonlyMap<string, Meta | undefined>
): Promise<FieldSnapshot> {
  const session = await readMeta(org, 'CustomObject', 'MessagingSession');
  const names = asArray(session?.fields as Meta[] | Meta | undefined).map((f) => asText(f.fullName) ?? '');
  return { names: new Set(names.filter(Boolean)), permissions: sessionPermissions(permissionSets) };
}
