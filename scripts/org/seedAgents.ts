/**
 * `handoff seed`, agents: what makes Omni-Channel offer them the work, written only where missing
 * (a second run writes nothing). In this order, because assigning a permission set that grants
 * Enhanced Chat Rep fails for a user without the licence:
 *   1. the Enhanced Chat User licence (PermissionSetLicenseAssign);
 *   2. membership of their queues (GroupMember);
 *   3. the presence configuration (PresenceUserConfigUser; a user has at most one).
 * The agent permission set itself is assigned by seed.ts with the other assignments. Writes go
 * through sObject Collections, 200 records a call.
 */
import { AGENT_ACCESS } from '../contract';
import type { HandoffModel, ResolvedAgent } from '../model/types';
import {
  chunk,
  queryAll,
  saveError,
  settleDuplicates,
  soqlList,
  soqlString,
  type OrgCaller,
  type SaveResult
} from './doctorSoql';

export interface OrgUser {
  Id: string;
  Username: string;
  IsActive: boolean;
}

/** Usernames per `User` query: keeps the GET URL well under the 16 KB limit. */
const USERNAMES_PER_QUERY = 100;
const COLLECTION_SIZE = 200;

/** The org's users for these usernames (case-insensitive, as Salesforce compares them), in bounded queries. */
export async function findUsers(org: OrgCaller, usernames: string[]): Promise<Map<string, OrgUser>> {
  const out = new Map<string, OrgUser>();
  for (const slice of chunk([...new Set(usernames)], USERNAMES_PER_QUERY)) {
    const rows = await queryAll<OrgUser>(
      org,
      `SELECT Id, Username, IsActive FROM User WHERE Username IN ${soqlList(slice)}`
    );
    for (const u of rows) out.set(u.Username.toLowerCase(), u);
  }
  return out;
}

export interface AgentWrite {
  username: string;
  /** What is given: the licence, `queue:<DeveloperName>`, or the presence configuration. */
  what: string;
}

export interface AgentSeedReport {
  licence: string;
  presenceConfig: string;
  toCreate: AgentWrite[];
  created: number;
  alreadyInPlace: number;
  failed: Array<AgentWrite & { message: string }>;
  /** Agents who use another presence configuration (a user has one: the kit does not move them). */
  otherPresenceConfig: Array<{ username: string }>;
  /** What the org lacks: the licence (not bought or not enabled), queues or the configuration (deploy first). */
  missing: string[];
}

type Pending = AgentWrite & { type: string; record: Record<string, string> };

export async function seedAgents(
  org: OrgCaller,
  model: HandoffModel,
  agents: ResolvedAgent[],
  users: Map<string, OrgUser>,
  dryRun: boolean,
  progress: (line: string) => void
): Promise<{ report: AgentSeedReport; writes: number }> {
  const report: AgentSeedReport = {
    licence: AGENT_ACCESS.licence,
    presenceConfig: model.presenceConfig.developerName,
    toCreate: [],
    created: 0,
    alreadyInPlace: 0,
    failed: [],
    otherPresenceConfig: [],
    missing: []
  };
  const active = agents.flatMap((a) => {
    const u = users.get(a.username.toLowerCase());
    return u && u.IsActive !== false ? [{ agent: a, user: u }] : [];
  });
  if (!active.length) return { report, writes: 0 };
  const userIds = active.map((x) => x.user.Id);
  const pending: Pending[] = [];

  progress('Reading agents’ licences, queue memberships and presence configurations…');
  const [licence] = await queryAll<{ Id: string }>(
    org,
    `SELECT Id, DeveloperName FROM PermissionSetLicense WHERE DeveloperName = ${soqlString(AGENT_ACCESS.licence)}`
  );
  if (!licence) report.missing.push(`permission set licence ${AGENT_ACCESS.licence} (${AGENT_ACCESS.licenceLabel})`);
  else {
    const have = new Set(
      (
        await queryAll<{ AssigneeId: string }>(
          org,
          `SELECT AssigneeId FROM PermissionSetLicenseAssign WHERE PermissionSetLicenseId = ${soqlString(licence.Id)} AND AssigneeId IN ${soqlList(userIds)}`
        )
      ).map((r) => r.AssigneeId)
    );
    for (const { agent, user } of active) {
      if (have.has(user.Id)) report.alreadyInPlace++;
      else
        pending.push({
          username: agent.username,
          what: AGENT_ACCESS.licence,
          type: 'PermissionSetLicenseAssign',
          record: { AssigneeId: user.Id, PermissionSetLicenseId: licence.Id }
        });
    }
  }

  const queueNames = [...new Set(active.flatMap((x) => x.agent.queues))];
  const groups = queueNames.length
    ? await queryAll<{ Id: string; DeveloperName: string }>(
        org,
        `SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(queueNames)}`
      )
    : [];
  const groupId = new Map(groups.map((g) => [g.DeveloperName, g.Id]));
  for (const q of queueNames) if (!groupId.has(q)) report.missing.push(`queue ${q}`);
  const members = groups.length
    ? await queryAll<{ GroupId: string; UserOrGroupId: string }>(
        org,
        `SELECT GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ${soqlList(groups.map((g) => g.Id))} AND UserOrGroupId IN ${soqlList(userIds)}`
      )
    : [];
  const isMember = new Set(members.map((m) => `${m.GroupId}:${m.UserOrGroupId}`));
  for (const { agent, user } of active) {
    for (const q of agent.queues) {
      const gid = groupId.get(q);
      if (!gid) continue;
      if (isMember.has(`${gid}:${user.Id}`)) report.alreadyInPlace++;
      else
        pending.push({
          username: agent.username,
          what: `queue:${q}`,
          type: 'GroupMember',
          record: { GroupId: gid, UserOrGroupId: user.Id }
        });
    }
  }

  const [config] = await queryAll<{ Id: string }>(
    org,
    `SELECT Id, DeveloperName FROM PresenceUserConfig WHERE DeveloperName = ${soqlString(model.presenceConfig.developerName)}`
  );
  if (!config) report.missing.push(`presence configuration ${model.presenceConfig.developerName}`);
  else {
    const assigned = new Map(
      (
        await queryAll<{ UserId: string; PresenceUserConfigId: string }>(
          org,
          `SELECT UserId, PresenceUserConfigId FROM PresenceUserConfigUser WHERE UserId IN ${soqlList(userIds)}`
        )
      ).map((r) => [r.UserId, r.PresenceUserConfigId])
    );
    for (const { agent, user } of active) {
      const current = assigned.get(user.Id);
      if (current === config.Id) report.alreadyInPlace++;
      else if (current) report.otherPresenceConfig.push({ username: agent.username });
      else
        pending.push({
          username: agent.username,
          what: `presence:${model.presenceConfig.developerName}`,
          type: 'PresenceUserConfigUser',
          record: { UserId: user.Id, PresenceUserConfigId: config.Id }
        });
    }
  }

  report.toCreate = pending.map(({ username, what }) => ({ username, what }));
  if (dryRun || !pending.length) return { report, writes: 0 };
  let writes = 0;
  // The licence first: the other writes do not need it, but the permission set assignment after this does.
  for (const type of ['PermissionSetLicenseAssign', 'GroupMember', 'PresenceUserConfigUser']) {
    for (const slice of chunk(
      pending.filter((p) => p.type === type),
      COLLECTION_SIZE
    )) {
      progress(`Creating ${type} (${slice.length})…`);
      const records = slice.map((p) => p.record);
      // A retry after a lost answer meets what the first call wrote: those read back as done.
      const results = await settleDuplicates(
        org,
        type,
        records,
        (await org.call(`create ${type}`, (conn) =>
          conn.create(type, records, { allOrNone: false })
        )) as unknown as SaveResult[]
      );
      writes++;
      results.forEach((r, i) => {
        if (r.success) report.created++;
        else report.failed.push({ username: slice[i].username, what: slice[i].what, message: saveError(r) });
      });
    }
  }
  return { report, writes };
}
