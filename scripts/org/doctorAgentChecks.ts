/**
 * doctor, agents: can anyone take the work? Every routing queue needs an active member with the
 * Enhanced Chat User licence, the agent permission set (which grants Enhanced Chat Rep and the
 * hand-off presence status) and the presence configuration (help.salesforce.com
 * `service.miaw_prepare_users`; contract.ts AGENT_ACCESS). Read in a fixed number of queries; each
 * failing check names the member and exactly what they lack, with the command that fixes it.
 */
import { AGENT_ACCESS } from '../contract';
import type { HandoffModel } from '../model/types';
import type { Check } from './doctorChecks';
import { queryAll, soqlList, soqlString, type OrgCaller } from './doctorSoql';

export interface AgentSnapshot {
  /** Queue DeveloperName → member user Ids (queues missing from the org are absent). */
  members: Map<string, string[]>;
  users: Map<string, { username: string; active: boolean }>;
  licenced: Set<string>;
  assigned: Set<string>;
  /** undefined: the permission set is not in the org. */
  grantsPermission?: boolean;
  presenceStatusGranted: boolean;
  presenceConfigExists: boolean;
  presenceConfigUsers: Set<string>;
}

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

const DEPLOY_FIX = 'Run `handoff deploy` (the generated metadata carries it).';

/** What one queue member lacks, in the words of the fix; empty when they can take the work. */
export function lacks(s: AgentSnapshot, userId: string): string[] {
  const u = s.users.get(userId);
  if (!u) return ['is not a user'];
  const out: string[] = [];
  if (!u.active) out.push('is inactive');
  if (!s.licenced.has(userId)) out.push(`the ${AGENT_ACCESS.licenceLabel} licence (${AGENT_ACCESS.licence})`);
  if (!s.assigned.has(userId)) out.push('the agent permission set');
  if (!s.presenceConfigUsers.has(userId)) out.push('the presence configuration');
  return out;
}

export function agentChecks(model: HandoffModel, s: AgentSnapshot): Check[] {
  const G = 'Agents';
  const ps = model.permissionSets.agent.name;
  const out: Check[] = [
    s.grantsPermission
      ? { id: 'agents.permission', group: G, status: 'pass', message: `${ps} grants Enhanced Chat Rep`, fix: '' }
      : {
          id: 'agents.permission',
          group: G,
          status: 'fail',
          message:
            s.grantsPermission === undefined
              ? `Permission set ${ps} is not in the org`
              : `${ps} does not grant Enhanced Chat Rep (${AGENT_ACCESS.userPermission}): agents cannot take messaging work`,
          fix: DEPLOY_FIX
        },
    s.presenceStatusGranted
      ? {
          id: 'agents.presenceStatus',
          group: G,
          status: 'pass',
          message: `${ps} gives access to a presence status`,
          fix: ''
        }
      : {
          id: 'agents.presenceStatus',
          group: G,
          status: 'fail',
          message: `${ps} gives no presence status: agents cannot go online`,
          fix: 'Run `handoff seed` (it grants the hand-off presence status), or `handoff deploy`.'
        },
    s.presenceConfigExists
      ? {
          id: 'agents.presenceConfig',
          group: G,
          status: 'pass',
          message: `Presence configuration ${model.presenceConfig.developerName} exists`,
          fix: ''
        }
      : {
          id: 'agents.presenceConfig',
          group: G,
          status: 'fail',
          message: `Presence configuration ${model.presenceConfig.developerName} is not in the org`,
          fix: DEPLOY_FIX
        }
  ];
  for (const q of model.queues) {
    const id = `agents.queue.${q.developerName}`;
    const members = s.members.get(q.developerName);
    if (!members) continue; // the queue itself is missing: queueChecks reports it.
    const userMembers = members.filter((m) => s.users.has(m));
    const ready = userMembers.filter((m) => !lacks(s, m).length);
    if (ready.length) {
      out.push({
        id,
        group: G,
        status: 'pass',
        message: `${q.developerName}: ${ready.length} member(s) can take the work (${ready.map((m) => s.users.get(m)!.username).join(', ')})`,
        fix: ''
      });
      continue;
    }
    if (!userMembers.length) {
      out.push({
        id,
        group: G,
        status: 'fail',
        message: `${q.developerName} has no members: nobody is offered its conversations`,
        fix: `Name agents for it in users.agents (or \`handoff seed --agents user@acme.com:${q.developerName}\`) and run \`handoff seed\`.`
      });
      continue;
    }
    const details = userMembers.map((m) => `${s.users.get(m)!.username} lacks ${lacks(s, m).join(', ')}`);
    out.push({
      id,
      group: G,
      status: 'fail',
      message: `No member of ${q.developerName} can take the work: ${details.join('; ')}`,
      fix: `Run \`handoff seed --agents ${userMembers.map((m) => `${s.users.get(m)!.username}:${q.developerName}`).join(',')}\` (it assigns the licence, the permission set and the presence configuration); an inactive user must be reactivated in Setup → Users.`
    });
  }
  return out;
}
