import type { Fault, OrgEmulator } from '../emulator/server';
import type { EmuRequest } from '../emulator/router';
import { runSeed, type SeedOptions } from '../../scripts/org/seed';
import { seedOutcome } from '../../scripts/commands/seed';
import { planSettings, settingsFullName } from '../../scripts/org/seedPlan';
import { planCredential } from '../../scripts/org/seedCredential';
import { UserError } from '../../scripts/project/errors';
import type { OrgSession } from '../../scripts/org/connect';
import { routingSettings } from '../emulator/routing';
import { resolveAgents } from '../../scripts/model/resolve';
import { addUsers, exampleConfig, installModel, model, openSession, startOrg, writes } from './orgFixture';

const TOKEN = 'tok-secret-123';
const m = model();
const agentsOf = (names: string[]) => resolveAgents(names, m.queues);
const opts = (over: Partial<SeedOptions> = {}): SeedOptions => ({
  agents: agentsOf(['agent1@example.com', 'agent2@example.com']),
  integrationUser: 'integration@example.com',
  dryRun: false,
  env: { HANDOFF_ESCALATION_TOKEN: TOKEN },
  ...over
});

describe('seed plan', () => {
  const end = m.endConversation!;
  it('writes a new record with every field, and no field holds a secret', () => {
    const p = planSettings(end, undefined);
    expect(p.write).toBe(true);
    expect(p.fullName).toBe('Handoff_Settings.Default');
    expect(Object.keys(p.values).sort()).toEqual(['Max_Attempts__c', 'Organisation_Id__c', 'Timeout_Ms__c']);
  });
  it('compares numbers numerically', () => {
    const current = {
      Organisation_Id__c: end.organisationId,
      Timeout_Ms__c: '10000.0',
      Max_Attempts__c: String(end.maxAttempts)
    };
    expect(planSettings(end, current).write).toBe(false);
  });
  it('sets a missing token, keeps a set one unless rotating, and reports one that cannot be set', () => {
    expect(planCredential({ exists: false, tokenSet: false }, TOKEN, false)).toBe('set');
    expect(planCredential({ exists: true, tokenSet: true }, TOKEN, false)).toBe('unchanged');
    expect(planCredential({ exists: true, tokenSet: true }, TOKEN, true)).toBe('rotate');
    expect(planCredential({ exists: false, tokenSet: false }, '  ', false)).toBe('missing');
  });
});

describe('handoff seed against the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, m);
    addUsers(emu, ['agent1@example.com', 'agent2@example.com', 'integration@example.com']);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('writes the settings record and the assignments, then a second run writes nothing', async () => {
    emu.resetCounters();
    const first = await runSeed(org, m, opts());
    expect(first.problems).toEqual([]);
    expect(first.changed).toBe(true);
    expect(first.assignments.created).toBe(3);
    const rec = emu.state.component('CustomMetadata', settingsFullName());
    expect(rec?.xml).toContain(m.endConversation!.organisationId);
    expect(rec?.xml).not.toContain(TOKEN);
    // The token is on the principal, encrypted; never in custom metadata.
    expect(emu.credentials.get('Handoff_End_Conversation|Vendor')?.get('Token')).toBe(TOKEN);
    expect(first.credential?.action).toBe('set');
    // Settings upsert + credential POST + one Collections call each for licences, queue memberships,
    // presence configurations and permission sets + the Run-As user in the app's OAuth policies;
    // presence access is granted by the deployed permission set.
    expect(first.presence.state).toBe('granted');
    expect(first.integration).toMatchObject({ state: 'update', user: 'integration@example.com', app: 'Handoff_Fin' });
    expect(emu.state.component('ExtlClntAppOauthConfigurablePolicies', 'Handoff_Fin_oauthPlcy')?.xml).toContain(
      '<clientCredentialsFlowUser>integration@example.com</clientCredentialsFlowUser>'
    );
    expect(writes(emu)).toBe(7);

    emu.resetCounters();
    const second = await runSeed(org, m, opts());
    expect(second.changed).toBe(false);
    expect(second.writes).toBe(0);
    expect(writes(emu)).toBe(0);
    expect(second.assignments.alreadyAssigned).toBe(3);
    expect(second.integration?.state).toBe('set');
  });

  it('refuses a Run-As user the org does not have, and says where the Consumer Key and Secret are', async () => {
    const r = await runSeed(org, m, opts({ integrationUser: 'nobody@example.com' }));
    expect(r.problems.join('\n')).toContain('nobody@example.com');
    expect(r.integration?.credentialsAt).toBe(
      'Setup → External Client Apps → External Client App Manager → Intercom Fin Integration → Settings → OAuth Settings → Consumer Key and Secret'
    );
    expect(emu.state.component('ExtlClntAppOauthConfigurablePolicies', 'Handoff_Fin_oauthPlcy')?.xml).not.toContain(
      'nobody@example.com'
    );
  });

  it('keeps a token already set, replaces it on --rotate-token, and never puts it in its report', async () => {
    await runSeed(org, m, opts());
    const kept = await runSeed(org, m, opts({ env: { HANDOFF_ESCALATION_TOKEN: 'rotated-token' } }));
    expect(kept.credential?.action).toBe('unchanged');
    expect(emu.credentials.get('Handoff_End_Conversation|Vendor')?.get('Token')).toBe(TOKEN);
    emu.resetCounters();
    const r = await runSeed(org, m, opts({ env: { HANDOFF_ESCALATION_TOKEN: 'rotated-token' }, rotateToken: true }));
    expect(r.credential?.action).toBe('rotate');
    expect(emu.count('PUT /services/data/v66.0/named-credentials/credential')).toBe(1);
    expect(emu.credentials.get('Handoff_End_Conversation|Vendor')?.get('Token')).toBe('rotated-token');
    expect(JSON.stringify(r)).not.toMatch(/rotated-token|tok-secret/);
    expect(writes(emu)).toBe(1);
  });

  it('--dry-run reads and plans but writes nothing', async () => {
    emu.resetCounters();
    const r = await runSeed(org, m, opts({ dryRun: true }));
    expect(r.changed).toBe(true);
    expect(r.assignments.toCreate).toHaveLength(3);
    expect(writes(emu)).toBe(0);
    expect(emu.state.component('CustomMetadata', settingsFullName())).toBeUndefined();
  });

  it.each([
    [10, 1],
    [450, 3]
  ])(
    'assigns %i agents in ceil(N/200) = %i Collections calls',
    async (n, calls) => {
      const agents = Array.from({ length: n }, (_, i) => `agent${i}@bulk.example.com`);
      addUsers(emu, agents);
      emu.resetCounters();
      const r = await runSeed(org, m, opts({ agents: agentsOf(agents), integrationUser: undefined }));
      expect(r.assignments.created).toBe(n);
      // Per kind of record (licence, queue membership, presence configuration, permission set): ceil(N/200) calls.
      expect(r.agents.created).toBe(n * (2 + m.queues.length));
      expect(emu.count('POST /services/data/v66.0/composite/sobjects')).toBe(
        calls * 3 + Math.ceil((n * m.queues.length) / 200)
      );
      expect(emu.state.table('PermissionSetAssignment').size).toBe(n);
    },
    30_000
  );

  it('reports unknown users and a missing token as problems', async () => {
    const r = await runSeed(org, m, opts({ agents: agentsOf(['nobody@example.com']), env: {} }));
    expect(r.problems.join('\n')).toMatch(/No such user in the org: nobody@example.com/);
    expect(r.problems.join('\n')).toMatch(
      /token is not set on Handoff_End_Conversation-Vendor and HANDOFF_ESCALATION_TOKEN is not set/
    );
  });

  it('grants presence status access when the permission set lacks it', async () => {
    const ps = emu.state.component('PermissionSet', 'Handoff_Agent')!;
    emu.state.putComponent({
      type: 'PermissionSet',
      fullName: 'Handoff_Agent',
      xml: ps.xml.replace(/<servicePresenceStatusAccesses>[\s\S]*?<\/servicePresenceStatusAccesses>/g, '')
    });
    const r = await runSeed(org, m, opts());
    expect(r.presence.state).toBe('grant');
    const again = await runSeed(org, m, opts());
    expect(again.presence.state).toBe('granted');
    expect(again.writes).toBe(0);
  });

  it('survives a transient failure of a Collections call (retried by the connection layer)', async () => {
    emu.faults.push({ match: 'POST /services/data/v66.0/composite/sobjects', status: 503 });
    const r = await runSeed(org, m, opts());
    expect(r.problems).toEqual([]);
    expect(emu.state.table('PermissionSetAssignment').size).toBe(3);
  });

  it('gives each agent the licence, their queues and the presence configuration; a second run writes nothing', async () => {
    const agents = resolveAgents(
      ['agent1@example.com', { username: 'agent2@example.com', queues: ['Handoff_Priority'] }],
      m.queues
    );
    const r = await runSeed(org, m, opts({ agents }));
    expect(r.problems).toEqual([]);
    expect(r.agents.toCreate.filter((w) => w.username === 'agent2@example.com').map((w) => w.what)).toEqual([
      'EmbeddedServiceMessagingUserPsl',
      'queue:Handoff_Priority',
      'presence:Handoff_Agents'
    ]);
    expect(emu.state.table('GroupMember').size).toBe(m.queues.length + 1);
    emu.resetCounters();
    const again = await runSeed(org, m, opts({ agents }));
    expect(again.changed).toBe(false);
    expect(writes(emu)).toBe(0);
  });

  it('the agent permission set cannot be assigned without the licence; seed assigns the licence first', async () => {
    const r = await runSeed(org, m, opts({ agents: agentsOf(['agent1@example.com']), integrationUser: undefined }));
    expect(r.problems).toEqual([]);
    const user = emu.state.find('User', { Username: 'agent1@example.com' })[0];
    const [assign] = emu.state.find('PermissionSetLicenseAssign', { AssigneeId: user.Id });
    emu.state.table('PermissionSetLicenseAssign').delete(assign.Id);
    emu.state.table('PermissionSetAssignment').clear();
    // An org without the licence (not bought, or not enabled).
    routingSettings(emu.state).licences = [];
    emu.state.table('PermissionSetLicense').clear();
    const noLicence = await runSeed(
      org,
      m,
      opts({ agents: agentsOf(['agent1@example.com']), integrationUser: undefined })
    );
    expect(noLicence.problems.join('\n')).toMatch(
      /The org has no permission set licence EmbeddedServiceMessagingUserPsl/
    );
    expect(noLicence.problems.join('\n')).toMatch(
      /Assigning Handoff_Agent to agent1@example.com failed: FIELD_INTEGRITY_EXCEPTION/
    );
  });
});

describe('handoff seed on an org with nothing deployed', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  beforeEach(async () => {
    emu = await startOrg();
    addUsers(emu, ['agent1@example.com', 'agent2@example.com', 'integration@example.com']);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('--dry-run with nothing to write does not call the org already seeded: the problems block it', async () => {
    // As `handoff init` leaves a project (issue 12): no endConversation, no agents yet.
    const bare = model({ ...exampleConfig(), endConversation: undefined });
    const r = await runSeed(org, bare, opts({ dryRun: true, agents: [] }));
    expect(r.changed).toBe(false);
    expect(r.problems.length).toBeGreaterThan(1);
    expect(r.problems.filter((p) => !p.includes('`handoff deploy`'))).toEqual([]);
    expect(seedOutcome(r)).toBe(`Not seeded: the ${r.problems.length} problems below block it.`);
  });

  it('--dry-run with a plan says the problems limit it, not that it would all be applied', async () => {
    const r = await runSeed(org, m, opts({ dryRun: true }));
    expect(r.changed).toBe(true);
    expect(seedOutcome(r)).toBe(
      `Dry run: nothing written; without --dry-run the plan above would be applied as far as the ${r.problems.length} problems below allow.`
    );
  });

  it('says "already seeded" once the org is deployed and seeded', async () => {
    installModel(emu, m);
    expect((await runSeed(org, m, opts())).problems).toEqual([]);
    expect(seedOutcome(await runSeed(org, m, opts({ dryRun: true })))).toBe(
      'Nothing to change: the org is already seeded.'
    );
  });
});

describe('handoff seed of a deployed org without agents or a Run-As user', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, m);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('does not call the org already seeded: it names what is still missing (doctor fails on both)', async () => {
    await runSeed(org, m, opts({ agents: [], integrationUser: undefined }));
    const again = await runSeed(org, m, opts({ agents: [], integrationUser: undefined }));
    expect(again.problems).toEqual([]);
    expect(seedOutcome(again)).toBe(
      'Nothing to change, but not yet seeded: no agents (--agents, or users.agents in the config); no Run-As user for the External Client App Handoff_Fin (--integration-user, or users.integrationUser).'
    );
  });
});

describe('handoff seed when the org commits and the answer is lost', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, m);
    addUsers(emu, ['agent1@example.com', 'agent2@example.com', 'integration@example.com']);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  /** The Collections create of one sObject type (seed makes one per type). */
  const collectionsOf =
    (type: string) =>
    (req: EmuRequest): boolean =>
      req.label === 'POST /services/data/v66.0/composite/sobjects' && req.body.includes(`"type":"${type}"`);

  it.each<[string, Fault['match']]>([
    ['the licence Collections create', collectionsOf('PermissionSetLicenseAssign')],
    ['the queue membership Collections create', collectionsOf('GroupMember')],
    ['the presence configuration Collections create', collectionsOf('PresenceUserConfigUser')],
    ['the permission set Collections create', collectionsOf('PermissionSetAssignment')],
    ['the token create', 'POST /services/data/v66.0/named-credentials/credential'],
    ['the settings upsert', 'upsertMetadata']
  ])('counts %s whose retry meets DUPLICATE_VALUE as done, and a re-run converges', async (_what, match) => {
    emu.faults.push({ match, dropAfterCommit: true });
    const first = await runSeed(org, m, opts());
    expect(emu.requests.filter((r) => r.route === 'fault-after-commit')).toHaveLength(1);
    expect(first.problems).toEqual([]);
    expect(first.agents.failed).toEqual([]);
    expect(emu.state.table('PermissionSetLicenseAssign').size).toBe(2);
    expect(emu.state.table('PresenceUserConfigUser').size).toBe(2);
    expect(first.assignments.created).toBe(3);
    expect(first.assignments.failed).toEqual([]);
    expect(emu.state.table('PermissionSetAssignment').size).toBe(3);
    expect(emu.credentials.get('Handoff_End_Conversation|Vendor')?.get('Token')).toBe(TOKEN);
    emu.resetCounters();
    const again = await runSeed(org, m, opts());
    expect(again.changed).toBe(false);
    expect(writes(emu)).toBe(0);
  });

  it('grants presence access once when the create answer is lost', async () => {
    const ps = emu.state.component('PermissionSet', 'Handoff_Agent')!;
    emu.state.putComponent({
      type: 'PermissionSet',
      fullName: 'Handoff_Agent',
      xml: ps.xml.replace(/<servicePresenceStatusAccesses>[\s\S]*?<\/servicePresenceStatusAccesses>/g, '')
    });
    emu.faults.push({ match: 'POST /services/data/v66.0/sobjects/SetupEntityAccess', dropAfterCommit: true });
    const r = await runSeed(org, m, opts());
    expect(emu.requests.filter((q) => q.route === 'fault-after-commit')).toHaveLength(1);
    expect(r.problems).toEqual([]);
    expect(emu.state.table('SetupEntityAccess').size).toBe(1);
    expect((await runSeed(org, m, opts())).presence.state).toBe('granted');
  });

  it('stops on a network failure midway with what was and was not written, no stack trace; a re-run converges', async () => {
    emu.faults.push({ match: 'POST /services/data/v66.0/composite/sobjects', drop: true, times: 10 });
    const err = await runSeed(org, m, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.message).toMatch(/^Seed stopped: /);
    expect(e.details.join('\n')).toMatch(/Written: Handoff_Settings\.Default, the End Conversation token\./);
    expect(e.details.join('\n')).toMatch(
      /Not written \(or not confirmed\): agents \(licence, queues, presence configuration\), permission set assignments, presence status access\./
    );
    expect(e.exitCode).toBe(1);
    emu.faults.length = 0;
    const again = await runSeed(org, m, opts());
    expect(again.problems).toEqual([]);
    expect(again.assignments.created).toBe(3);
    expect(again.settings?.write).toBe(false);
    expect(again.credential?.action).toBe('unchanged');
  });
});
