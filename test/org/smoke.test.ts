import type { OrgEmulator } from '../emulator/server';
import { runSmoke, type SmokeOptions } from '../../scripts/org/smoke';
import { judge, plan } from '../../scripts/org/smokeReport';
import type { OrgSession } from '../../scripts/org/connect';
import { miawState, publishDeployment, setChannelActive, unpublishDeployment } from '../emulator/miaw';
import { editComponent, exampleConfig, installModel, model, openSession, startOrg } from './orgFixture';

const config = exampleConfig();
config.attributes!.find((a) => a.key === 'plan')!.maxLength = 5;
const m = model(config);

const PAYLOAD = {
  _firstName: 'John',
  _email: 'john@example.com',
  user_geoip_data_city_name: 'Dallas',
  'conversation_custom_data_Fin AI Agent: Preview': 'false',
  plan: 'enterprise',
  user_created_at: '',
  not_in_config: 'x'
};

describe('smoke plan and judgement', () => {
  it('reports keys missing from the published form before sending, and skips empty and unknown keys', () => {
    const p = plan(m, PAYLOAD, ['_FirstName', 'user_geoip_data_city_name']);
    const status = Object.fromEntries(p.outcomes.map((o) => [o.key, o.status]));
    expect(status).toEqual({
      _email: 'not-published',
      'conversation_custom_data_Fin AI Agent: Preview': 'not-published',
      plan: 'not-published',
      user_created_at: 'skipped',
      not_in_config: 'not-configured'
    });
    expect(p.expect.map((e) => e.key)).toEqual(['_firstName', 'user_geoip_data_city_name']);
    expect(p.routingAttributes).not.toHaveProperty('user_created_at');
  });
  it('tells landed, truncated, dropped and mismatched apart', () => {
    const p = plan(m, { plan: 'enterprise', _firstName: 'John', user_geoip_data_city_name: 'Dallas' }, [
      'plan',
      '_FirstName',
      'user_geoip_data_city_name'
    ]);
    const out = judge(p.expect, { plan__c: 'enter', firstName__c: 'Jon', user_geoip_data_city_name__c: null });
    expect(out.map((o) => o.status)).toEqual(['truncated', 'mismatch', 'dropped']);
  });
});

describe('handoff smoke against the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  const opts = (over: Partial<SmokeOptions> = {}): SmokeOptions => ({
    scrtUrl: emu.url,
    orgId: emu.state.orgId,
    payload: PAYLOAD,
    timeoutMs: 300,
    pollMs: 10,
    ...over
  });

  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, m);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('lands every configured attribute, truncates to maxLength, and closes the conversation', async () => {
    emu.resetCounters();
    const r = await runSmoke(org, m, opts());
    const byKey = Object.fromEntries(r.outcomes.map((o) => [o.key, o]));
    expect(byKey._firstName).toMatchObject({ status: 'landed', field: 'firstName__c', actual: 'John' });
    expect(byKey['conversation_custom_data_Fin AI Agent: Preview'].status).toBe('landed');
    expect(byKey.plan).toMatchObject({ status: 'truncated', actual: 'enter' });
    expect(byKey.not_in_config.status).toBe('not-configured');
    expect(r.failed).toBe(0);
    expect(r.error).toBeUndefined();
    expect(r.closed).toBe(true);
    expect(emu.state.table('MessagingSession').get(r.sessionId!)?.Status).toBe('Ended');
    // token, conversation, message, close; the session was there at the first poll.
    expect(r.miawCalls).toBe(4);
    expect(r.polls).toBe(1);
    // Nobody is seeded as an agent here: the conversation waits unoffered, and smoke says so.
    expect(r.routing).toMatchObject({ offered: false, problem: expect.stringContaining('no agent was offered it') });
  });

  it('a MIAW URL no server answers at is named, with why (was "fetch failed")', async () => {
    const r = await runSmoke(org, m, opts({ scrtUrl: 'http://127.0.0.1:9', sleep: async () => undefined }));
    expect(r.error).toBe(
      'POST /authorization/unauthenticated/access-token: cannot reach http://127.0.0.1:9: fetch refuses to connect to port 9 (a port the Fetch standard blocks: https://fetch.spec.whatwg.org/#port-blocking)'
    );
    expect(r.outcomes).toEqual([]);
  });

  it('reports an attribute whose mapping is empty as dropped', async () => {
    editComponent(emu, 'MessagingChannel', 'Handoff_Messaging', (x) =>
      x.replace(
        '<actionParameterMappings>\n            <actionParameterName>user_geoip_data_city_name</actionParameterName>\n        </actionParameterMappings>',
        ''
      )
    );
    const r = await runSmoke(org, m, opts());
    expect(r.outcomes.filter((o) => o.status === 'dropped').map((o) => o.key)).toEqual(['user_geoip_data_city_name']);
    expect(r.failed).toBe(1);
  });

  it('reports a field the published form lacks as not published, before sending', async () => {
    editComponent(emu, 'EmbeddedServiceConfig', 'Handoff_Deployment', (x) =>
      x.replace('<formField>plan</formField>', '<formField>plan_x</formField>')
    );
    // Not published since the change: the old form (with plan) is still what MIAW serves.
    let r = await runSmoke(org, m, opts());
    expect(r.outcomes.find((o) => o.key === 'plan')?.status).toBe('truncated');
    publishDeployment(emu.state, 'Handoff_Deployment');
    r = await runSmoke(org, m, opts());
    expect(r.outcomes.find((o) => o.key === 'plan')?.status).toBe('not-published');
    expect(r.failed).toBe(1);
  });

  it('re-authorises on 401, resends on 417 and backs off on 429', async () => {
    emu.faults.push({ match: 'POST /iamessage/api/v2/authorization', status: 429 });
    emu.faults.push({ match: 'POST /iamessage/api/v2/conversation', status: 401, times: 1 });
    emu.faults.push({
      match: (req) => req.path.endsWith('/message') && !req.body.includes('isNewMessagingSession'),
      status: 417
    });
    const r = await runSmoke(org, m, opts());
    expect(r.failed).toBe(0);
    expect(r.closed).toBe(true);
    expect(r.outcomes.find((o) => o.key === '_email')?.status).toBe('landed');
  });

  it('stops at the timeout when no session appears, and still closes the conversation', async () => {
    setChannelActive(emu.state, 'Handoff_Messaging', false);
    const r = await runSmoke(org, m, opts({ timeoutMs: 100 }));
    expect(r.error).toMatch(/No MessagingSession/);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.closed).toBe(true);
    expect(r.polls).toBeLessThan(10);
    expect([...miawState(emu.state).conversations.values()].every((c) => c.closed)).toBe(true);
  });

  it('Ctrl-C while it waits for an agent stops waiting at once and still closes the conversation', async () => {
    const interrupted = new AbortController();
    const r = await runSmoke(
      org,
      m,
      opts({
        // Nobody is an agent here: without the interruption it would wait out the whole minute.
        timeoutMs: 60_000,
        signal: interrupted.signal,
        progress: (line) => {
          if (line.startsWith('Checking where the conversation went')) interrupted.abort();
        }
      })
    );
    expect(r.error).toBe('Interrupted: stopped waiting; the test conversation is closed below');
    expect(r.routing).toBeUndefined();
    expect(r.closed).toBe(true);
    expect([...miawState(emu.state).conversations.values()].map((c) => c.closed)).toEqual([true]);
    expect(emu.state.table('MessagingSession').get(r.sessionId!)?.Status).toBe('Ended');
  });

  it('Ctrl-C before the conversation is started starts none', async () => {
    const interrupted = new AbortController();
    interrupted.abort();
    const r = await runSmoke(org, m, opts({ signal: interrupted.signal }));
    expect(r.error).toBe('Interrupted: stopped waiting; the test conversation is closed below');
    expect(r.conversationId).toBeUndefined();
    expect(miawState(emu.state).conversations.size).toBe(0);
  });

  it('fails cleanly when the deployment was never published', async () => {
    unpublishDeployment(emu.state, 'Handoff_Deployment');
    const r = await runSmoke(org, m, opts());
    expect(r.error).toMatch(/400.*No published/);
    expect(r.conversationId).toBeUndefined();
  });

  it.each([
    ['the conversation create', 'POST /iamessage/api/v2/conversation'],
    ['the session query', 'GET /services/data/v66.0/query']
  ])(
    'when %s commits and its answer is lost: reports truly, one session, no stack, a re-run passes',
    async (_w, match) => {
      emu.faults.push({ match, dropAfterCommit: true });
      const r = await runSmoke(org, m, opts());
      expect(emu.requests.filter((q) => q.route === 'fault-after-commit')).toHaveLength(1);
      // Whatever smoke concludes, it must not claim a value landed that did not, nor crash.
      if (r.error) expect(r.error).not.toMatch(/\n\s+at /);
      for (const o of r.outcomes.filter((x) => x.status === 'landed'))
        expect(emu.state.table('MessagingSession').get(r.sessionId!)?.[o.field!]).toBe(o.actual);
      expect([...miawState(emu.state).conversations.values()].every((c) => c.closed)).toBe(true);
      const again = await runSmoke(org, m, opts());
      expect(again.failed).toBe(0);
      expect(again.closed).toBe(true);
    }
  );
});
