/** MessagingSession's fields (1 Tooling query) and their permissions in the two permission sets (1 query). */
import type { HandoffModel } from '../../../model/types';
import { asBool, queryAll, soqlList, type OrgCaller } from '../../doctorSoql';
import type { FieldSnapshot } from '../snapshot';

export async function readFields(org: OrgCaller, model: HandoffModel): Promise<FieldSnapshot> {
  const fieldRows = await queryAll<{ QualifiedApiName: string }>(
    org,
    "SELECT QualifiedApiName FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = 'MessagingSession'",
    true
  );
  const psNames = [model.permissionSets.agent.name, model.permissionSets.flow.name];
  const permRows = await queryAll<{
    Field: string;
    PermissionsRead: boolean;
    PermissionsEdit: boolean;
    Parent?: { Name?: string };
  }>(
    org,
    `SELECT Field, PermissionsRead, PermissionsEdit, Parent.Name FROM FieldPermissions WHERE SobjectType = 'MessagingSession' AND Parent.Name IN ${soqlList(psNames)}`
  );
  const permissions: FieldSnapshot['permissions'] = new Map();
  for (const p of permRows) {
    let byPs = permissions.get(p.Field);
    if (!byPs) permissions.set(p.Field, (byPs = new Map()));
    byPs.set(p.Parent?.Name ?? '', { read: asBool(p.PermissionsRead), edit: asBool(p.PermissionsEdit) });
  }
  return { names: new Set(fieldRows.map((f) => f.QualifiedApiName)), permissions };
}
