/**
 * `handoff seed`: the org data that metadata deploys cannot carry. Reads first, writes only the
 * difference (so a second run writes nothing): the settings record through the Metadata API (the
 * token from an environment variable, never from the repo), permission set assignments through sObject
 * Collections (200 a call), and the agents' access to the presence status.
 */
import type { HandoffModel, ResolvedAgent } from '../model/types';
import { findUsers, seedAgents, type AgentSeedReport } from './seedAgents';
import {
  asArray,
  asText,
  chunk,
  exists,
  queryAll,
  saveError,
  soqlList,
  soqlString,
  type OrgCaller,
  type SaveResult
} from './doctorSoql';
import {
  NUMBER_FIELDS,
  planAssignments,
  planSettings,
  settingsFullName,
  wantedAssignments,
  type AssignmentPlan,
  type SettingsFieldPlan,
  type SettingsValues
} from './seedPlan';
import { SETTINGS_TYPE } from '../contract';
import { seedRunAsUser, type RunAsReport } from './seedIntegration';

/** sObject Collections accept 200 records a call. */
export const COLLECTION_SIZE = 200;

export interface SeedOptions {
  /** Agents and their queues (model.users.agents, or `--agents` resolved the same way). */
  agents: ResolvedAgent[];
  integrationUser?: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  progress?: (line: string) => void;
}

export interface SeedReport {
  dryRun: boolean;
  /** Absent when the config has no endConversation (nothing to store). */
  settings?: {
    fullName: string;
    exists: boolean;
    write: boolean;
    tokenEnv: string;
    tokenMissing: boolean;
    fields: SettingsFieldPlan[];
  };
  assignments: {
    wanted: number;
    alreadyAssigned: number;
    toCreate: Array<{ username: string; permissionSet: string }>;
    created: number;
    failed: Array<{ username: string; permissionSet: string; message: string }>;
    unknownUsers: string[];
    inactiveUsers: string[];
    missingPermissionSets: string[];
  };
  /** The External Client App's Run-As user (absent when the config has no `integration`). */
  integration?: RunAsReport;
  presence: {
    status: string;
    permissionSet: string;
    state: 'granted' | 'grant' | 'status-missing' | 'permission-set-missing';
    failed?: string;
  };
  /** Agents: licence, queue membership, presence configuration (seedAgents.ts). */
  agents: AgentSeedReport;
  /** Write calls made (Metadata upsert, Collections, sObject create); 0 on a dry run or when nothing changed. */
  writes: number;
  /** True when the org needed (or, on a dry run, would need) any change. */
  changed: boolean;
  /** Problems that make the run a failure (exit 1). */
  problems: string[];
}

interface SettingsRecord {
  fullName?: string;
  values?: Array<{ field: string; value?: unknown }> | { field: string; value?: unknown };
}

async function readSettings(org: OrgCaller): Promise<SettingsValues | undefined> {
  const rec = (await org.call('Metadata read CustomMetadata', (conn) =>
    conn.metadata.read('CustomMetadata', settingsFullName())
  )) as unknown as SettingsRecord;
  if (!exists(rec)) return undefined;
  const values: SettingsValues = {};
  for (const v of asArray((rec as SettingsRecord).values)) values[v.field] = asText(v.value);
  return values;
}

/** The record as the Metadata API takes it: every value typed, the way md-meta.xml files carry them. */
function settingsMetadata(values: Record<string, string>): Record<string, unknown> {
  return {
    fullName: settingsFullName(),
    label: SETTINGS_TYPE.defaultRecord,
    protected: false,
    // jsforce writes `{'@attr': v, '': text}` as `<value attr="v">text</value>`.
    values: Object.entries(values).map(([field, value]) => ({
      field,
      value: { '@xsi:type': NUMBER_FIELDS.has(field) ? 'xsd:double' : 'xsd:string', '': value }
    }))
  };
}

async function readAssignments(org: OrgCaller, model: HandoffModel, opts: SeedOptions): Promise<AssignmentPlan> {
  const wanted = wantedAssignments(
    model,
    opts.agents.map((a) => a.username),
    opts.integrationUser
  );
  if (!wanted.length) return planAssignments([], [], [], []);
  const psNames = [...new Set(wanted.map((w) => w.permissionSet))];
  const permissionSets = await queryAll<{ Id: string; Name: string }>(
    org,
    `SELECT Id, Name FROM PermissionSet WHERE Name IN ${soqlList(psNames)}`
  );
  const users = [...(await findUsers(org, [...new Set(wanted.map((w) => w.username))])).values()];
  const existing = permissionSets.length
    ? await queryAll<{ AssigneeId: string; PermissionSetId: string }>(
        org,
        `SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE PermissionSetId IN ${soqlList(permissionSets.map((p) => p.Id))}`
      )
    : [];
  return planAssignments(wanted, users, permissionSets, existing);
}

export async function runSeed(org: OrgCaller, model: HandoffModel, opts: SeedOptions): Promise<SeedReport> {
  const progress = opts.progress ?? (() => undefined);
  const problems: string[] = [];
  let writes = 0;
  let changed = false;

  // 1. Settings record.
  let settings: SeedReport['settings'];
  const end = model.endConversation;
  if (end) {
    progress(`Reading ${settingsFullName()}…`);
    const current = await readSettings(org);
    const plan = planSettings(end, current, opts.env[end.tokenEnv]);
    settings = {
      fullName: plan.fullName,
      exists: plan.exists,
      write: plan.write,
      tokenEnv: end.tokenEnv,
      tokenMissing: plan.tokenMissing,
      fields: plan.fields
    };
    if (plan.tokenMissing) {
      problems.push(
        `The escalation token is blank in the org and ${end.tokenEnv} is not set: set it in the environment and run \`handoff seed\` again.`
      );
    }
    if (plan.write) {
      changed = true;
      if (!opts.dryRun) {
        progress(`Writing ${plan.fullName}…`);
        const res = (await org.call('Metadata upsert CustomMetadata', (conn) =>
          conn.metadata.upsert('CustomMetadata', settingsMetadata(plan.values) as never)
        )) as unknown as {
          success: boolean | string;
          errors?: { message?: string } | Array<{ message?: string }>;
        };
        writes++;
        if (!(res.success === true || res.success === 'true')) {
          problems.push(`Writing ${plan.fullName} failed: ${asArray(res.errors)[0]?.message ?? 'no message'}`);
        }
      }
    }
  }

  // 2. Agents: the licence (before the permission set, which needs it), queues, presence configuration.
  const agentUsers = opts.agents.length
    ? await findUsers(
        org,
        opts.agents.map((a) => a.username)
      )
    : new Map();
  const seededAgents = await seedAgents(org, model, opts.agents, agentUsers, opts.dryRun, progress);
  const agents = seededAgents.report;
  writes += seededAgents.writes;
  if (agents.toCreate.length) changed = true;
  for (const f of agents.failed) problems.push(`Giving ${f.username} ${f.what} failed: ${f.message}`);
  for (const m of agents.missing)
    problems.push(
      m.startsWith('permission set licence')
        ? `The org has no ${m}: agents cannot take Enhanced Chat work. Check Setup → Company Information → Permission Set Licenses.`
        : `The org has no ${m}. Run \`handoff deploy\` first.`
    );
  for (const o of agents.otherPresenceConfig)
    problems.push(
      `${o.username} uses another presence configuration (a user has one): Setup → Presence Configurations → remove them there, or move them to ${agents.presenceConfig}.`
    );

  // 3. Permission set assignments.
  progress('Reading users and permission set assignments…');
  const ap = await readAssignments(org, model, opts);
  const failed: SeedReport['assignments']['failed'] = [];
  let created = 0;
  if (ap.create.length) {
    changed = true;
    if (!opts.dryRun) {
      for (const slice of chunk(ap.create, COLLECTION_SIZE)) {
        progress(`Assigning permission sets (${slice.length})…`);
        const records = slice.map((a) => ({ AssigneeId: a.AssigneeId, PermissionSetId: a.PermissionSetId }));
        const results = (await org.call('create PermissionSetAssignment', (conn) =>
          conn.create('PermissionSetAssignment', records, { allOrNone: false })
        )) as unknown as SaveResult[];
        writes++;
        results.forEach((r, i) => {
          if (r.success) created++;
          else
            failed.push({ username: slice[i].username, permissionSet: slice[i].permissionSet, message: saveError(r) });
        });
      }
    }
  }
  for (const f of failed) problems.push(`Assigning ${f.permissionSet} to ${f.username} failed: ${f.message}`);
  if (ap.unknownUsers.length)
    problems.push(
      `No such user in the org: ${ap.unknownUsers.join(', ')}. Check the usernames (--agents, --integration-user or users in the config).`
    );
  if (ap.inactiveUsers.length) problems.push(`Inactive users were not assigned: ${ap.inactiveUsers.join(', ')}.`);
  if (ap.missingPermissionSets.length) {
    problems.push(
      `Permission set not in the org: ${ap.missingPermissionSets.join(', ')}. Run \`handoff deploy\` first.`
    );
  }

  // 3. The vendor app's Run-As user, once the user holds the integration permission set.
  const runAs = await seedRunAsUser(org, model, opts.integrationUser, opts.dryRun);
  if (runAs?.report.state === 'update') {
    changed = true;
    if (runAs.wrote) writes++;
  }
  if (runAs?.report.state === 'policies-missing')
    problems.push(
      `The OAuth policies ${runAs.report.policies} of ${runAs.report.app} are not in the org. Run \`handoff deploy\` first.`
    );
  if (runAs?.report.failed)
    problems.push(
      `Setting the Run-As user of ${runAs.report.app} to ${runAs.report.user} failed: ${runAs.report.failed}`
    );

  // 4. Presence status access for agents (SetupEntityAccess on the agent permission set).
  const presence = await seedPresence(org, model, opts.dryRun);
  if (presence.state === 'grant') {
    changed = true;
    if (presence.wrote) writes++;
  }
  if (presence.state === 'status-missing')
    problems.push(
      `Presence status ${model.presenceStatus.developerName} is not in the org. Run \`handoff deploy\` first.`
    );
  if (presence.failed) problems.push(`Granting presence status access failed: ${presence.failed}`);

  return {
    dryRun: opts.dryRun,
    settings,
    assignments: {
      wanted: ap.create.length + ap.alreadyAssigned.length + ap.unknownUsers.length + ap.inactiveUsers.length,
      alreadyAssigned: ap.alreadyAssigned.length,
      toCreate: ap.create.map((a) => ({ username: a.username, permissionSet: a.permissionSet })),
      created,
      failed,
      unknownUsers: ap.unknownUsers,
      inactiveUsers: ap.inactiveUsers,
      missingPermissionSets: ap.missingPermissionSets
    },
    ...(runAs ? { integration: runAs.report } : {}),
    presence: {
      status: model.presenceStatus.developerName,
      permissionSet: model.permissionSets.agent.name,
      state: presence.state,
      ...(presence.failed ? { failed: presence.failed } : {})
    },
    agents,
    writes,
    changed,
    problems
  };
}

async function seedPresence(
  org: OrgCaller,
  model: HandoffModel,
  dryRun: boolean
): Promise<{ state: SeedReport['presence']['state']; wrote: boolean; failed?: string }> {
  const statuses = await queryAll<{ Id: string }>(
    org,
    `SELECT Id, DeveloperName FROM ServicePresenceStatus WHERE DeveloperName = ${soqlString(model.presenceStatus.developerName)}`
  );
  if (!statuses.length) return { state: 'status-missing', wrote: false };
  const ps = await queryAll<{ Id: string }>(
    org,
    `SELECT Id FROM PermissionSet WHERE Name = ${soqlString(model.permissionSets.agent.name)}`
  );
  if (!ps.length) return { state: 'permission-set-missing', wrote: false };
  const access = await queryAll<{ Id: string }>(
    org,
    `SELECT Id FROM SetupEntityAccess WHERE ParentId = ${soqlString(ps[0].Id)} AND SetupEntityId = ${soqlString(statuses[0].Id)}`
  );
  if (access.length) return { state: 'granted', wrote: false };
  if (dryRun) return { state: 'grant', wrote: false };
  const res = (await org.call('create SetupEntityAccess', (conn) =>
    conn.create('SetupEntityAccess', { ParentId: ps[0].Id, SetupEntityId: statuses[0].Id })
  )) as unknown as SaveResult;
  return { state: 'grant', wrote: true, ...(res.success ? {} : { failed: saveError(res) }) };
}
