import type { OrgEmulator } from '../emulator/server';
import { runSeed, type SeedOptions } from '../../scripts/org/seed';
import { planSettings, settingsFullName } from '../../scripts/org/seedPlan';
import type { OrgSession } from '../../scripts/org/connect';
import { routingSettings } from '../emulator/routing';
import { resolveAgents } from '../../scripts/model/resolve';
import { addUsers, installModel, model, openSession, startOrg, writes } from './orgFixture';

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
  it('writes a new record with every field, and never carries the token into the plan', () => {
    const p = planSettings(end, undefined, TOKEN);
    expect(p.write).toBe(true);
    expect(p.fullName).toBe('Handoff_Settings.Default');
    expect(JSON.stringify(p.fields)).not.toContain(TOKEN);
    expect(p.values.Escalation_Token__c).toBe(TOKEN);
  });
  it('compares numbers numerically and keeps the org token when the variable is unset', () => {
    const current = {
      Endpoint__c: end.endpoint,
      Organisation_Id__c: end.organisationId,
      Escalation_Token__c: 'in-org',
      Timeout_Ms__c: '10000.0',
      Max_Attempts__c: '3'
    };
    const p = planSettings(end, current, undefined);
    expect(p.write).toBe(false);
    expect(p.fields.find((f) => f.field === 'Escalation_Token__c')?.action).toBe('keep-org-value');
    expect(p.values.Escalation_Token__c).toBe('in-org');
  });
  it('flags a token blank in the org and missing from the environment', () => {
    expect(planSettings(end, undefined, '  ').tokenMissing).toBe(true);
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
    expect(rec?.xml).toContain(TOKEN);
    expect(rec?.xml).toContain(m.endConversation!.endpoint);
    // Settings upsert + one Collections call each for licences, queue memberships, presence
    // configurations and permission sets + the Run-As user in the app's OAuth policies; presence
    // access is granted by the deployed permission set.
    expect(first.presence.state).toBe('granted');
    expect(first.integration).toMatchObject({ state: 'update', user: 'integration@example.com', app: 'Handoff_Fin' });
    expect(emu.state.component('ExtlClntAppOauthConfigurablePolicies', 'Handoff_Fin_oauthPlcy')?.xml).toContain(
      '<clientCredentialsFlowUser>integration@example.com</clientCredentialsFlowUser>'
    );
    expect(writes(emu)).toBe(6);

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

  it('updates only what changed, and never puts the token in its report', async () => {
    await runSeed(org, m, opts());
    emu.resetCounters();
    const r = await runSeed(org, m, opts({ env: { HANDOFF_ESCALATION_TOKEN: 'rotated-token' } }));
    expect(r.settings?.fields.find((f) => f.field === 'Escalation_Token__c')).toEqual({
      field: 'Escalation_Token__c',
      action: 'change'
    });
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
    expect(r.problems.join('\n')).toMatch(/HANDOFF_ESCALATION_TOKEN is not set/);
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
