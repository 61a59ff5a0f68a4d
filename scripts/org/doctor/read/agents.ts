/**
 * Who can take the work (checks/agents.ts): the queues' members, and of those that are users, the
 * licence, the agent permission set, its presence status and the presence configuration. A fixed
 * number of queries: one per object, the per-member ones skipped when no queue has a user member.
 */
import { AGENT_ACCESS } from '../../../contract';
import type { HandoffModel } from '../../../model/types';
import { queryAll, soqlList, soqlString, type OrgCaller } from '../../doctorSoql';
import type { AgentSnapshot } from '../snapshot';

export async function readAgentSnapshot(org: OrgCaller, model: HandoffModel): Promise<AgentSnapshot> {
  const names = model.queues.map((q) => q.developerName);
  const groups = await queryAll<{ Id: string; DeveloperName: string }>(
    org,
    `SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(names)}`
  );
  const rows = groups.length
    ? await queryAll<{ GroupId: string; UserOrGroupId: string }>(
        org,
        `SELECT GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ${soqlList(groups.map((g) => g.Id))}`
      )
    : [];
  const members = new Map(
    groups.map((g) => [g.DeveloperName, rows.filter((r) => r.GroupId === g.Id).map((r) => r.UserOrGroupId)])
  );
  // Members that are users (Ids 005…); a member may also be a group.
  const ids = [...new Set(rows.map((r) => r.UserOrGroupId).filter((id) => id.startsWith('005')))];
  const some = (soql: (list: string) => string) =>
    ids.length ? queryAll<Record<string, unknown>>(org, soql(soqlList(ids))) : Promise.resolve([]);
  const users = new Map(
    (await some((l) => `SELECT Id, Username, IsActive FROM User WHERE Id IN ${l}`)).map((u) => [
      String(u.Id),
      { username: String(u.Username), active: u.IsActive !== false }
    ])
  );
  const licenced = new Set(
    (
      await some(
        (l) =>
          `SELECT AssigneeId FROM PermissionSetLicenseAssign WHERE PermissionSetLicense.DeveloperName = ${soqlString(AGENT_ACCESS.licence)} AND AssigneeId IN ${l}`
      )
    ).map((r) => String(r.AssigneeId))
  );
  const field = `Permissions${AGENT_ACCESS.userPermission}`;
  const [ps] = await queryAll<Record<string, unknown>>(
    org,
    `SELECT Id, Name, ${field} FROM PermissionSet WHERE Name = ${soqlString(model.permissionSets.agent.name)}`
  );
  const psId = ps ? String(ps.Id) : '';
  const assigned = new Set(
    ps
      ? (
          await some(
            (l) =>
              `SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSetId = ${soqlString(psId)} AND AssigneeId IN ${l}`
          )
        ).map((r) => String(r.AssigneeId))
      : []
  );
  const access = ps
    ? await queryAll<{ Id: string }>(
        org,
        `SELECT Id FROM SetupEntityAccess WHERE ParentId = ${soqlString(psId)} AND SetupEntityType = 'ServicePresenceStatus'`
      )
    : [];
  const [config] = await queryAll<{ Id: string }>(
    org,
    `SELECT Id FROM PresenceUserConfig WHERE DeveloperName = ${soqlString(model.presenceConfig.developerName)}`
  );
  const presenceConfigUsers = new Set(
    config
      ? (
          await some(
            (l) =>
              `SELECT UserId FROM PresenceUserConfigUser WHERE PresenceUserConfigId = ${soqlString(config.Id)} AND UserId IN ${l}`
          )
        ).map((r) => String(r.UserId))
      : []
  );
  return {
    members,
    users,
    licenced,
    assigned,
    grantsPermission: ps ? ps[field] === true : undefined,
    presenceStatusGranted: access.length > 0,
    presenceConfigExists: !!config,
    presenceConfigUsers
  };
}
