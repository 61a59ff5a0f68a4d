import type { OrgEmulator } from '../emulator/server';
import { main } from '../../scripts/cli/main';
import { runDoctor } from '../../scripts/org/doctor';
import type { OrgSession } from '../../scripts/org/connect';
import type { HandoffModel } from '../../scripts/model/types';
import { setChannelActive } from '../emulator/miaw';
import {
  configWithAttributes,
  editComponent,
  installModel,
  installRunAsUser,
  model,
  openSession,
  staff,
  startOrg,
  startOrgInEnvironment
} from './orgFixture';

const SETTINGS_XML = (organisationId: string) =>
  `<CustomMetadata><label>Default</label><protected>false</protected>` +
  `<values><field>Organisation_Id__c</field><value>${organisationId}</value></values></CustomMetadata>`;
const PRINCIPAL = 'Handoff_End_Conversation|Vendor';

describe('handoff doctor against the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  let root: string;
  const m = model();

  const doctor = (mm: HandoffModel = m) => runDoctor(org, mm, { root, orgId: emu.state.orgId, scrtUrl: emu.url });
  const failing = async (mm?: HandoffModel) => (await doctor(mm)).checks.filter((c) => c.status !== 'pass');

  beforeEach(async () => {
    emu = await startOrg();
    root = installModel(emu, m);
    emu.state.putComponent({
      type: 'CustomMetadata',
      fullName: 'Handoff_Settings.Default',
      xml: SETTINGS_XML('org-1')
    });
    installRunAsUser(emu, m);
    emu.credentials.set(PRINCIPAL, new Map([['Token', 'secret']]));
    org = await openSession(emu);
    await staff(emu, org, m, root);
  });
  afterEach(() => emu.stop());

  it('passes every check on a complete org', async () => {
    expect(await failing()).toEqual([]);
  });

  it.each<[string, string, (emu: OrgEmulator) => void]>([
    ['channel inactive', 'channel.active', (e) => setChannelActive(e.state, 'Handoff_Messaging', false)],
    [
      'mapping empty',
      'channel.mappings',
      (e) =>
        editComponent(e, 'MessagingChannel', 'Handoff_Messaging', (x) =>
          x.replace(
            '<actionParameterMappings>\n            <actionParameterName>plan</actionParameterName>\n        </actionParameterMappings>',
            ''
          )
        )
    ],
    [
      'custom parameter missing',
      'channel.parameters',
      (e) =>
        editComponent(e, 'MessagingChannel', 'Handoff_Messaging', (x) =>
          x.replace(
            '<externalParameterName>plan</externalParameterName>',
            '<externalParameterName>Plan</externalParameterName>'
          )
        )
    ],
    [
      'pre-chat inactive',
      'prechat.active',
      (e) =>
        editComponent(e, 'EmbeddedServiceConfig', 'Handoff_Deployment', (x) =>
          x.replace('<isActive>true</isActive>', '<isActive>false</isActive>')
        )
    ],
    [
      'deployment changed, not published',
      'deployment.published',
      (e) =>
        editComponent(e, 'EmbeddedServiceConfig', 'Handoff_Deployment', (x) =>
          x.replace(
            '</embeddedServiceForms>',
            '<embeddedServiceFormFields><displayOrder>-1</displayOrder><formField>added_later</formField><formFieldType>Text</formFieldType><isHidden>true</isHidden><isRequired>false</isRequired><messagingChannelParameterType>Custom</messagingChannelParameterType></embeddedServiceFormFields></embeddedServiceForms>'
          )
        )
    ],
    [
      'flow inactive',
      'flow.active',
      (e) => {
        const def = e.state.find('FlowDefinition')[0];
        def.ActiveVersionId = null;
      }
    ],
    [
      'flow differs from the project',
      'flow.version',
      (e) =>
        editComponent(e, 'Flow', 'Handoff_Routing', (x) => x.replace(/<name>plan<\/name>/, '<name>plan_old</name>'))
    ],
    [
      'FLS missing',
      'fields.agentAccess',
      (e) =>
        editComponent(e, 'PermissionSet', 'Handoff_Agent', (x) =>
          x.replace(
            /<field>MessagingSession\.plan__c<\/field>\s*<readable>true<\/readable>/,
            '<field>MessagingSession.plan__c</field><readable>false</readable>'
          )
        )
    ],
    ['field missing', 'fields.exist', (e) => e.state.metadata.get('CustomField')!.delete('MessagingSession.plan__c')],
    [
      'queue without MessagingSession',
      'queues.messagingSession',
      (e) =>
        editComponent(e, 'Queue', 'Handoff_DACH', (x) =>
          x.replace('<sobjectType>MessagingSession</sobjectType>', '<sobjectType>Case</sobjectType>')
        )
    ],
    [
      'queue without routing config',
      'queues.routingConfig',
      (e) =>
        editComponent(e, 'Queue', 'Handoff_DACH', (x) =>
          x.replace(/<queueRoutingConfig>[^<]*<\/queueRoutingConfig>/, '')
        )
    ],
    [
      'organisation id blank',
      'settings.complete',
      (e) =>
        e.state.putComponent({ type: 'CustomMetadata', fullName: 'Handoff_Settings.Default', xml: SETTINGS_XML('') })
    ],
    ['token not set on the principal', 'credential.token', (e) => e.credentials.clear()],
    [
      'principal access missing from the flow permission set',
      'credential.access',
      (e) =>
        editComponent(e, 'PermissionSet', 'Handoff_Flow', (x) =>
          x.replace(/<externalCredentialPrincipalAccesses>[\s\S]*?<\/externalCredentialPrincipalAccesses>/, '')
        )
    ],
    [
      'named credential on another URL',
      'credential.named',
      (e) =>
        editComponent(e, 'NamedCredential', 'Handoff_End_Conversation', (x) =>
          x.replace(m.endConversation!.endpoint, 'https://other.example.org/end')
        )
    ],
    [
      'external credential without the Authorization header',
      'credential.external',
      (e) =>
        editComponent(e, 'ExternalCredential', 'Handoff_End_Conversation', (x) =>
          x.replace('<parameterType>AuthHeader</parameterType>', '<parameterType>AuthParameter</parameterType>')
        )
    ],
    [
      'no Run-As user on the vendor app',
      'integration.runAsUser',
      (e) =>
        editComponent(e, 'ExtlClntAppOauthConfigurablePolicies', 'Handoff_Fin_oauthPlcy', (x) =>
          x.replace(/<clientCredentialsFlowUser>[^<]*<\/clientCredentialsFlowUser>/, '')
        )
    ],
    [
      'Run-As user deactivated',
      'integration.runAsUser',
      (e) => {
        e.state.find('User', { Username: 'vendor@example.com' })[0].IsActive = false;
      }
    ],
    [
      'Run-As user without the integration permission set',
      'integration.permissionSet',
      (e) => {
        const vendor = e.state.find('User', { Username: 'vendor@example.com' })[0];
        for (const a of e.state.find('PermissionSetAssignment', { AssigneeId: vendor.Id }))
          e.state.table('PermissionSetAssignment').delete(a.Id);
      }
    ],
    [
      'client credentials off in the policies',
      'integration.clientCredentials',
      (e) =>
        editComponent(e, 'ExtlClntAppOauthConfigurablePolicies', 'Handoff_Fin_oauthPlcy', (x) =>
          x.replace('<isClientCredentialsFlowEnabled>true', '<isClientCredentialsFlowEnabled>false')
        )
    ],
    ['vendor app missing', 'integration.app', (e) => e.state.metadata.get('ExternalClientApplication')!.clear()],
    [
      'recent End Conversation failures',
      'failures.recent',
      (e) =>
        e.state.insert('Handoff_Callout_Failure__c', {
          CreatedDate: new Date().toISOString(),
          Error_Type__c: 'Timeout'
        })
    ]
  ])('detects %s (%s)', async (_name, id, breakIt) => {
    breakIt(emu);
    const bad = await failing();
    // An edit of the deployment is also a change since the kit's last publish.
    const alsoUnpublished = ['prechat.active', 'deployment.published'].includes(id) ? ['deployment.publishRecord'] : [];
    expect(bad.map((c) => c.id)).toEqual([id, ...alsoUnpublished]);
    expect(bad[0].status).toBe('fail');
    expect(bad[0].fix).not.toBe('');
  });

  it.each(['readMetadata', 'GET /services/data/v66.0/query', 'GET /services/data/v66.0/named-credentials/credential'])(
    'gives the same report when the answer to %s is lost after the org answered it',
    async (match) => {
      emu.faults.push({ match, dropAfterCommit: true });
      expect(await failing()).toEqual([]);
      expect(emu.requests.filter((q) => q.route === 'fault-after-commit')).toHaveLength(1);
    }
  );

  it('never puts the token in its report', async () => {
    expect(JSON.stringify(await doctor())).not.toContain('secret');
  });

  it('makes the same number of calls for 10 and 1,000 attributes', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000]) {
      const e = await startOrg();
      try {
        const mm = model(configWithAttributes(n));
        const r = installModel(e, mm);
        const s = await openSession(e);
        installRunAsUser(e, mm);
        e.resetCounters();
        const report = await runDoctor(s, mm, { root: r, orgId: e.state.orgId, scrtUrl: e.url });
        expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
          'settings.complete',
          'credential.token',
          ...mm.queues.map((q) => `agents.queue.${q.developerName}`)
        ]);
        counts.push(e.count());
      } finally {
        await e.stop();
      }
    }
    // 7 Metadata reads (the fields and both permission sets among them), 4 REST queries, 2 Tooling
    // queries, 1 credential read, 1 MIAW access token (org/doctor/read/), 5 queries for the agents (no
    // queue has members here, so the per-member ones are skipped), and for the vendor app 3 Metadata
    // reads and 3 REST queries (read/integration.ts). Fields and field permissions are Metadata reads,
    // which do not page: 2,004 field permissions at 1,000 attributes cost no second page.
    expect(counts).toEqual([26, 26]);
  }, 60_000);
});

describe('handoff doctor / seed / smoke through the CLI', () => {
  let emu: OrgEmulator;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, stop } = await startOrgInEnvironment());
    delete process.env.HANDOFF_ESCALATION_TOKEN;
  });
  afterAll(() => stop());

  async function cli(
    argv: string[]
  ): Promise<{ code: number; json: { status: number; result: Record<string, unknown> } }> {
    let stdout = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await main(argv);
      return { code, json: JSON.parse(stdout) };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('doctor --json exits 1 with the failing check and its fix', async () => {
    const { code, json } = await cli(['doctor', '--scrt-url', emu.url, '--json']);
    expect(code).toBe(1);
    const checks = json.result.checks as Array<{ id: string; status: string; fix: string }>;
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'settings.complete',
      'credential.token',
      ...model().queues.map((q) => `agents.queue.${q.developerName}`),
      // Not seeded yet: the vendor app has no Run-As user.
      'integration.runAsUser'
    ]);
  }, 30_000);

  it('seed --dry-run --json plans without writing and exits 1 while the token is missing', async () => {
    const { code, json } = await cli(['seed', '--dry-run', '--json']);
    expect(code).toBe(1);
    expect(json.result.changed).toBe(true);
    expect(json.result.writes).toBe(0);
  });

  it('smoke without --payload is a usage error (exit 2)', async () => {
    const { code } = await cli(['smoke', '--json']);
    expect(code).toBe(2);
  });
});
