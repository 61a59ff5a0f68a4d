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
  settleDuplicates,
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
import { CALLOUT_CREDENTIAL, SETTINGS_TYPE } from '../contract';
import { UserError } from '../project/errors';
import { seedRunAsUser, type RunAsReport } from './seedIntegration';
import { planCredential, readCredential, writeCredential, type CredentialSeed } from './seedCredential';

/** sObject Collections accept 200 records a call. */
export const COLLECTION_SIZE = 200;

export interface SeedOptions {
  /** Agents and their queues (model.users.agents, or `--agents` resolved the same way). */
  agents: ResolvedAgent[];
  integrationUser?: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  /** Replace a token the principal already has with the one in the environment. */
  rotateToken?: boolean;
  progress?: (line: string) => void;
}

export interface SeedReport {
  dryRun: boolean;
  /** Absent when the config has no endConversation (nothing to store). */
  settings?: {
    fullName: string;
    exists: boolean;
    write: boolean;
    fields: SettingsFieldPlan[];
  };
  /** The External Credential principal's token (never its value). Absent without endConversation. */
  credential?: CredentialSeed & { written: boolean };
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

/** The steps of a seed run, in order, for the summary of a run the org stopped half-way. */
const SEED_STEPS = [
  'settings record',
  'End Conversation token',
  'agents (licence, queues, presence configuration)',
  'permission set assignments',
  'presence status access'
];

/**
 * Runs the seed; when an org call still fails after its retries, stops with a UserError (exit 1, no
 * stack trace) that says what was written and what was not. A re-run writes only what is missing.
 */
export async function runSeed(org: OrgCaller, model: HandoffModel, opts: SeedOptions): Promise<SeedReport> {
  const done: string[] = [];
  const step = { at: 0 };
  try {
    return await seedSteps(org, model, opts, done, step);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const notDone = SEED_STEPS.slice(step.at);
    throw new UserError(`Seed stopped: ${(e as Error).message}`, [
      `Written: ${done.length ? done.join(', ') : 'nothing'}.`,
      `Not written (or not confirmed): ${notDone.join(', ')}.`,
      'Run `handoff seed` again: it reads the org first and writes only what is missing.'
    ]);
  }
}

/** One seed run: what every step reads, and what they add up (writes, whether anything changed, problems, what is done). */
interface SeedRun {
  org: OrgCaller;
  model: HandoffModel;
  opts: SeedOptions;
  progress: (line: string) => void;
  /** What was written and confirmed, for the summary of a run the org stopped half-way. */
  done: string[];
  problems: string[];
  writes: number;
  changed: boolean;
}

/** 1. The settings record (Metadata API upsert), only where it differs. */
async function settingsStep(run: SeedRun): Promise<SeedReport['settings']> {
  const { org, opts, progress } = run;
  const end = run.model.endConversation;
  if (!end) return undefined;
  progress(`Reading ${settingsFullName()}…`);
  const plan = planSettings(end, await readSettings(org));
  const settings = { fullName: plan.fullName, exists: plan.exists, write: plan.write, fields: plan.fields };
  if (!plan.write) return settings;
  run.changed = true;
  if (opts.dryRun) return settings;
  progress(`Writing ${plan.fullName}…`);
  const res = (await org.call('Metadata upsert CustomMetadata', (conn) =>
    conn.metadata.upsert('CustomMetadata', settingsMetadata(plan.values) as never)
  )) as unknown as {
    success: boolean | string;
    errors?: { message?: string } | Array<{ message?: string }>;
  };
  run.writes++;
  if (!(res.success === true || res.success === 'true')) {
    run.problems.push(`Writing ${plan.fullName} failed: ${asArray(res.errors)[0]?.message ?? 'no message'}`);
  } else run.done.push(plan.fullName);
  return settings;
}

/** 1b. The token, on the External Credential's principal (Connect API). */
async function tokenStep(run: SeedRun): Promise<SeedReport['credential']> {
  const end = run.model.endConversation;
  if (!end) return undefined;
  const seeded = await seedCredential(run.org, end.tokenEnv, run.opts);
  if (seeded.report.action === 'set' || seeded.report.action === 'rotate') run.changed = true;
  if (seeded.report.written) {
    run.writes++;
    run.done.push('the End Conversation token');
  }
  if (seeded.problem) run.problems.push(seeded.problem);
  return seeded.report;
}

/** 2. Agents: the licence (before the permission set, which needs it), queues, presence configuration. */
async function agentsStep(run: SeedRun): Promise<AgentSeedReport> {
  const { org, model, opts } = run;
  const agentUsers = opts.agents.length
    ? await findUsers(
        org,
        opts.agents.map((a) => a.username)
      )
    : new Map();
  const seededAgents = await seedAgents(org, model, opts.agents, agentUsers, opts.dryRun, run.progress);
  const agents = seededAgents.report;
  run.writes += seededAgents.writes;
  if (agents.toCreate.length) run.changed = true;
  if (agents.created) run.done.push(`${agents.created} agent grant(s) (licence, queue, presence configuration)`);
  for (const f of agents.failed) run.problems.push(`Giving ${f.username} ${f.what} failed: ${f.message}`);
  for (const m of agents.missing)
    run.problems.push(
      m.startsWith('permission set licence')
        ? `The org has no ${m}: agents cannot take Enhanced Chat work. Check Setup → Company Information → Permission Set Licenses.`
        : `The org has no ${m}. Run \`handoff deploy\` first.`
    );
  for (const o of agents.otherPresenceConfig)
    run.problems.push(
      `${o.username} uses another presence configuration (a user has one): Setup → Presence Configurations → remove them there, or move them to ${agents.presenceConfig}.`
    );
  return agents;
}

/** 3. Permission set assignments (sObject Collections, 200 a call; a lost answer's duplicates settled). */
async function assignmentsStep(run: SeedRun): Promise<SeedReport['assignments']> {
  const { org, model, opts, progress } = run;
  progress('Reading users and permission set assignments…');
  const ap = await readAssignments(org, model, opts);
  const failed: SeedReport['assignments']['failed'] = [];
  let created = 0;
  if (ap.create.length) {
    run.changed = true;
    if (!opts.dryRun) {
      for (const slice of chunk(ap.create, COLLECTION_SIZE)) {
        progress(`Assigning permission sets (${slice.length})…`);
        const records = slice.map((a) => ({ AssigneeId: a.AssigneeId, PermissionSetId: a.PermissionSetId }));
        const results = await settleDuplicates(
          org,
          'PermissionSetAssignment',
          records,
          (await org.call('create PermissionSetAssignment', (conn) =>
            conn.create('PermissionSetAssignment', records, { allOrNone: false })
          )) as unknown as SaveResult[]
        );
        run.writes++;
        results.forEach((r, i) => {
          if (r.success) created++;
          else
            failed.push({ username: slice[i].username, permissionSet: slice[i].permissionSet, message: saveError(r) });
        });
        run.done.push(`${slice.length} permission set assignment(s)`);
      }
    }
  }
  for (const f of failed) run.problems.push(`Assigning ${f.permissionSet} to ${f.username} failed: ${f.message}`);
  if (ap.unknownUsers.length)
    run.problems.push(
      `No such user in the org: ${ap.unknownUsers.join(', ')}. Check the usernames (--agents, --integration-user or users in the config).`
    );
  if (ap.inactiveUsers.length) run.problems.push(`Inactive users were not assigned: ${ap.inactiveUsers.join(', ')}.`);
  if (ap.missingPermissionSets.length) {
    run.problems.push(
      `Permission set not in the org: ${ap.missingPermissionSets.join(', ')}. Run \`handoff deploy\` first.`
    );
  }
  return {
    wanted: ap.create.length + ap.alreadyAssigned.length + ap.unknownUsers.length + ap.inactiveUsers.length,
    alreadyAssigned: ap.alreadyAssigned.length,
    toCreate: ap.create.map((a) => ({ username: a.username, permissionSet: a.permissionSet })),
    created,
    failed,
    unknownUsers: ap.unknownUsers,
    inactiveUsers: ap.inactiveUsers,
    missingPermissionSets: ap.missingPermissionSets
  };
}

/** 3b. The vendor app's Run-As user, once the user holds the integration permission set. */
async function runAsStep(run: SeedRun): Promise<RunAsReport | undefined> {
  const runAs = await seedRunAsUser(run.org, run.model, run.opts.integrationUser, run.opts.dryRun);
  if (runAs?.report.state === 'update') {
    run.changed = true;
    if (runAs.wrote) run.writes++;
  }
  if (runAs?.report.state === 'policies-missing')
    run.problems.push(
      `The OAuth policies ${runAs.report.policies} of ${runAs.report.app} are not in the org. Run \`handoff deploy\` first.`
    );
  if (runAs?.report.failed)
    run.problems.push(
      `Setting the Run-As user of ${runAs.report.app} to ${runAs.report.user} failed: ${runAs.report.failed}`
    );
  return runAs?.report;
}

/** 4. Presence status access for agents (SetupEntityAccess on the agent permission set). */
async function presenceStep(run: SeedRun): Promise<SeedReport['presence']> {
  const { model } = run;
  const presence = await seedPresence(run.org, model, run.opts.dryRun);
  if (presence.state === 'grant') {
    run.changed = true;
    if (presence.wrote) run.writes++;
  }
  if (presence.state === 'status-missing')
    run.problems.push(
      `Presence status ${model.presenceStatus.developerName} is not in the org. Run \`handoff deploy\` first.`
    );
  if (presence.failed) run.problems.push(`Granting presence status access failed: ${presence.failed}`);
  return {
    status: model.presenceStatus.developerName,
    permissionSet: model.permissionSets.agent.name,
    state: presence.state,
    ...(presence.failed ? { failed: presence.failed } : {})
  };
}

/** The steps in order; `step.at` says which one an org failure stopped (SEED_STEPS). */
async function seedSteps(
  org: OrgCaller,
  model: HandoffModel,
  opts: SeedOptions,
  done: string[],
  step: { at: number }
): Promise<SeedReport> {
  const run: SeedRun = {
    org,
    model,
    opts,
    progress: opts.progress ?? (() => undefined),
    done,
    problems: [],
    writes: 0,
    changed: false
  };
  const settings = await settingsStep(run);
  step.at = 1;
  const credential = await tokenStep(run);
  step.at = 2;
  const agents = await agentsStep(run);
  step.at = 3;
  const assignments = await assignmentsStep(run);
  const integration = await runAsStep(run);
  step.at = 4;
  const presence = await presenceStep(run);
  step.at = SEED_STEPS.length;
  return {
    dryRun: opts.dryRun,
    settings,
    credential,
    assignments,
    ...(integration ? { integration } : {}),
    presence,
    agents,
    writes: run.writes,
    changed: run.changed,
    problems: run.problems
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
  let res: SaveResult;
  try {
    res = (await org.call('create SetupEntityAccess', (conn) =>
      conn.create('SetupEntityAccess', { ParentId: ps[0].Id, SetupEntityId: statuses[0].Id })
    )) as unknown as SaveResult;
  } catch (e) {
    // A retried create whose first answer was lost: the access exists if the org committed it.
    if ((e as { errorCode?: string }).errorCode !== 'DUPLICATE_VALUE') throw e;
    const now = await queryAll<{ Id: string }>(
      org,
      `SELECT Id FROM SetupEntityAccess WHERE ParentId = ${soqlString(ps[0].Id)} AND SetupEntityId = ${soqlString(statuses[0].Id)}`
    );
    res = now.length
      ? { success: true }
      : { success: false, errors: [{ statusCode: 'DUPLICATE_VALUE', message: (e as Error).message }] };
  }
  return { state: 'grant', wrote: true, ...(res.success ? {} : { failed: saveError(res) }) };
}

/**
 * Sets the principal's token from the environment when it has none (or on --rotate-token). A write whose
 * answer was lost is checked by reading again: if the token is there, it counts as done.
 */
async function seedCredential(
  org: OrgCaller,
  tokenEnv: string,
  opts: SeedOptions
): Promise<{ report: CredentialSeed & { written: boolean }; problem?: string }> {
  const target = `${CALLOUT_CREDENTIAL.externalCredential}-${CALLOUT_CREDENTIAL.principal}`;
  opts.progress?.(`Reading the token of ${target}…`);
  const state = await readCredential(org);
  const token = opts.env[tokenEnv];
  const action = planCredential(state, token, opts.rotateToken ?? false);
  const report = {
    externalCredential: CALLOUT_CREDENTIAL.externalCredential,
    principal: CALLOUT_CREDENTIAL.principal,
    tokenEnv,
    action,
    written: false
  };
  if (action === 'missing')
    return {
      report,
      problem: `The End Conversation token is not set on ${target} and ${tokenEnv} is not set: set it in the environment and run \`handoff seed\` again.`
    };
  if (action === 'unchanged' || opts.dryRun) return { report };
  opts.progress?.(`Setting the token of ${target}…`);
  try {
    await writeCredential(org, state, token!);
  } catch (e) {
    // The org may have committed before the answer was lost: a retried create then fails as a duplicate.
    const after = await readCredential(org);
    if (!(action === 'set' && after.tokenSet))
      return { report, problem: `Setting the token of ${target} failed: ${(e as Error).message}` };
  }
  return { report: { ...report, written: true } };
}
