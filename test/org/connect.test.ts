/**
 * Connecting (three ways) and surviving faults, through the real jsforce client against the
 * loopback org emulator. Sleeps are injected, so retries cost no wall time.
 */
import type { Org } from '@salesforce/core';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { connect, type OrgSession } from '../../scripts/org/connect';
import {
  backoffDelay,
  classify,
  resilient,
  type ResiliencePolicy,
  type RetryEvent
} from '../../scripts/org/resilience';
import { UserError } from '../../scripts/project/errors';
import { OrgEmulator } from '../emulator/server';
import { json } from '../emulator/router';

const CLIENT = { SF_CLIENT_ID: 'emulator-client-id', SF_CLIENT_SECRET: 'emulator-client-secret' };

let emu: OrgEmulator;
let sleeps: number[];
let retries: RetryEvent[];

function policy(extra: Partial<ResiliencePolicy> = {}): Partial<ResiliencePolicy> {
  return {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onRetry: (e) => retries.push(e),
    timeoutMs: 5000,
    ...extra
  };
}

async function clientSession(extra: Partial<ResiliencePolicy> = {}): Promise<OrgSession> {
  return connect({ env: { ...CLIENT, SF_LOGIN_URL: emu.url }, policy: policy(extra) });
}

/** One cheap REST call: the org's limits. */
const limits = (s: OrgSession) =>
  s.call('limits', (conn) => conn.request<{ DailyApiRequests: { Max: number } }>('/limits'));

async function rejection(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    return e as UserError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  emu = await OrgEmulator.start();
  emu.router.register('limits', (req) =>
    req.method === 'GET' && /^\/services\/data\/v[\d.]+\/limits$/.test(req.path)
      ? json(200, { DailyApiRequests: { Max: 15000, Remaining: 14999 } })
      : undefined
  );
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.resetCounters();
  emu.faults.length = 0;
  emu.oauth.rejectDomain = false;
  sleeps = [];
  retries = [];
});

describe('client credentials', () => {
  test('gets a token and makes calls with it', async () => {
    const s = await clientSession();
    expect(s.method).toBe('client-credentials');
    expect(s.instanceUrl).toBe(emu.url);
    expect((await limits(s)).DailyApiRequests.Max).toBe(15000);
    expect(emu.count('POST /services/oauth2/token')).toBe(1);
    expect(emu.count('GET /services/data/v66.0/limits')).toBe(1);
  });

  test.each([
    [{ SF_CLIENT_ID: 'nobody' }, /does not know SF_CLIENT_ID/],
    [{ SF_CLIENT_SECRET: 'wrong-secret' }, /refused SF_CLIENT_SECRET/]
  ])('says which credential is wrong (%o)', async (override, message) => {
    const e = await rejection(connect({ env: { ...CLIENT, SF_LOGIN_URL: emu.url, ...override }, policy: policy() }));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(message);
    expect(JSON.stringify([e.message, e.details])).not.toMatch(/wrong-secret|emulator-client-secret/);
  });

  test('a wrong domain is named, whether caught before or by the org', async () => {
    const before = await rejection(
      connect({ env: { ...CLIENT, SF_LOGIN_URL: 'https://login.salesforce.com' }, policy: policy() })
    );
    expect(before.message).toMatch(/needs your My Domain URL/);
    emu.oauth.rejectDomain = true;
    const after = await rejection(clientSession());
    expect(after.message).toMatch(/not supported on http:\/\/127\.0\.0\.1/);
    expect(after.details.join(' ')).toMatch(/My Domain URL/);
  });

  test('an expired session is renewed once, then the call succeeds', async () => {
    const s = await clientSession();
    emu.faults.push({ match: 'GET /services/data', expireSession: true });
    expect((await limits(s)).DailyApiRequests.Max).toBe(15000);
    expect(emu.count('POST /services/oauth2/token')).toBe(2);
    expect(s.stats.reauthorisations).toBe(1);
    expect(retries.map((r) => r.kind)).toEqual(['session']);
  });

  test('a session that expires again right after renewal fails instead of looping', async () => {
    const s = await clientSession();
    emu.faults.push({ match: 'GET /services/data', expireSession: true, times: 5 });
    const e = await rejection(limits(s));
    expect(classify(e)).toBe('session');
    expect(emu.count('POST /services/oauth2/token')).toBe(2);
    expect(emu.count('GET /services/data')).toBe(2);
  });
});

describe('access token from the environment', () => {
  test('works while valid; when expired, says how to get a new one, without printing it', async () => {
    const token = emu.issueToken();
    const s = await connect({ env: { SF_INSTANCE_URL: emu.url, SF_ACCESS_TOKEN: token }, policy: policy() });
    expect(s.target).toBe(`SF_INSTANCE_URL ${emu.url}`);
    await limits(s);
    emu.state.expireSessions();
    const e = await rejection(limits(s));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/SF_ACCESS_TOKEN has expired/);
    expect(JSON.stringify([e.message, e.details, s.target])).not.toContain(token);
    expect(emu.count('GET /services/data')).toBe(2);
  });

  test.each([
    [{ SF_ACCESS_TOKEN: 'x' }, /SF_INSTANCE_URL is not/],
    [{ SF_INSTANCE_URL: 'https://acme.my.salesforce.com' }, /SF_ACCESS_TOKEN is not\./],
    [{ SF_INSTANCE_URL: 'http://acme.my.salesforce.com', SF_ACCESS_TOKEN: 'x' }, /must start with https/],
    [{ SF_INSTANCE_URL: 'acme', SF_ACCESS_TOKEN: 'x' }, /is not a URL/],
    [
      {
        SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
        SF_ACCESS_TOKEN: 'x',
        HANDOFF_TRUSTED_HOSTS: 'gw.acme.com:443'
      },
      /^HANDOFF_TRUSTED_HOSTS lists "gw.acme.com:443", which is not a host name\.$/
    ],
    [{ SF_CLIENT_ID: 'x' }, /SF_CLIENT_SECRET is not set/],
    [{ SF_CLIENT_ID: 'x', SF_CLIENT_SECRET: 'y' }, /SF_LOGIN_URL is not set/],
    [{}, /No org to connect to/]
  ])('incomplete settings %o are named', async (env, message) => {
    const e = await rejection(connect({ env, policy: policy() }));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(message);
  });

  test.each([
    ['https://sf.acme.example', 'sf.acme.example', true],
    ['https://SF.Acme.Example', 'sf.acme.example', true],
    ['https://deep.sf.acme.example', '.acme.example', true],
    ['https://acme.example', '.acme.example', false],
    ['https://evilacme.example', '.acme.example', false],
    ['https://sf.acme.example.evil.com', 'sf.acme.example', false],
    ['https://sf.acme.example', '', false]
  ])('HANDOFF_TRUSTED_HOSTS: %s with %o admitted: %s', async (url, hosts, admitted) => {
    const env = { SF_INSTANCE_URL: url, SF_ACCESS_TOKEN: 'x', HANDOFF_TRUSTED_HOSTS: `other.example, ${hosts}` };
    const outcome = await connect({ env, policy: policy() }).then(
      (s) => s.instanceUrl,
      (e: UserError) => e.message
    );
    expect(outcome).toBe(
      admitted
        ? new URL(url).origin
        : `SF_INSTANCE_URL is ${new URL(url).origin}, which is not a Salesforce address (nor a host HANDOFF_TRUSTED_HOSTS names).`
    );
  });
});

describe('an address where no org answers (undici\'s "fetch failed" and its cause)', () => {
  const CHECK_INSTANCE_URL =
    'Check SF_INSTANCE_URL: it is the org URL `sf org display --target-org ALIAS` prints as Instance Url.';

  async function tokenFailure(instanceUrl: string): Promise<UserError> {
    const s = await connect({ env: { SF_INSTANCE_URL: instanceUrl, SF_ACCESS_TOKEN: 'x' }, policy: policy() });
    return rejection(limits(s));
  }

  test('something that is not HTTP (an SSH banner) is named as such', async () => {
    const banner = net.createServer((socket) => socket.on('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    await new Promise<void>((resolve) => banner.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(banner.address() as net.AddressInfo).port}`;
    try {
      const e = await tokenFailure(url);
      expect(e).toBeInstanceOf(UserError);
      expect([e.message, e.details]).toEqual([
        `Cannot reach SF_INSTANCE_URL ${url}: what answers there does not speak HTTP.`,
        [CHECK_INSTANCE_URL]
      ]);
    } finally {
      await new Promise((resolve) => banner.close(resolve));
    }
  });

  test('https:// to a plain-http server says the TLS handshake failed', async () => {
    const url = emu.url.replace(/^http:/, 'https:');
    const e = await tokenFailure(url);
    expect(e).toBeInstanceOf(UserError);
    expect([e.message, e.details]).toEqual([
      `Cannot reach SF_INSTANCE_URL ${url}: the TLS handshake failed (ERR_SSL_WRONG_VERSION_NUMBER): what answers there is not an https:// server.`,
      [CHECK_INSTANCE_URL]
    ]);
  });

  test('an sf CLI org whose instance URL is on a port fetch refuses names that URL', async () => {
    const org = {
      getUsername: () => 'admin@acme.example',
      getConnection: () => ({ instanceUrl: 'http://127.0.0.1:9/', accessToken: 'x' }),
      refreshAuth: async () => undefined
    } as unknown as Org;
    const s = await connect({ org, targetOrg: 'acme', policy: policy() });
    const e = await rejection(limits(s));
    expect(e).toBeInstanceOf(UserError);
    expect([e.message, e.details]).toEqual([
      'Cannot reach org acme (admin@acme.example) at http://127.0.0.1:9: fetch refuses to connect to port 9 (a port the Fetch standard blocks: https://fetch.spec.whatwg.org/#port-blocking).',
      ['Check the network; `sf org display --target-org ALIAS` shows the org URL (log in again if it changed).']
    ]);
  });
});

describe('retries', () => {
  test('5xx, REQUEST_LIMIT_EXCEEDED and a dropped connection are retried with growing backoff', async () => {
    const s = await clientSession();
    emu.faults.push({ match: 'GET /services/data', status: 503, times: 1 });
    emu.faults.push({ match: 'GET /services/data', status: 403, errorCode: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    emu.faults.push({ match: 'GET /services/data', drop: true, times: 1 });
    await limits(s);
    expect(emu.count('GET /services/data')).toBe(4);
    expect(retries.map((r) => r.reason)).toEqual(['SERVER_UNAVAILABLE', 'REQUEST_LIMIT_EXCEEDED', expect.any(String)]);
    expect(sleeps).toEqual([375, 750, 1500]); // 500·2^n · (0.5 + 0.5/2)
  });

  test('gives up after the policy attempts and throws the last error', async () => {
    const s = await clientSession({ attempts: 3 });
    emu.faults.push({ match: 'GET /services/data', status: 500, times: 10 });
    const e = await rejection(limits(s));
    expect(classify(e)).toBe('transient');
    expect(emu.count('GET /services/data')).toBe(3);
  });

  test('a slow answer times out and is retried', async () => {
    const s = await clientSession({ timeoutMs: 150 });
    emu.faults.push({ match: 'GET /services/data', latencyMs: 600 });
    await limits(s);
    expect(retries[0].reason).toBe('HANDOFF_TIMEOUT');
  });

  test('a client error is not retried', async () => {
    const s = await clientSession();
    emu.faults.push({ match: 'GET /services/data', status: 400, errorCode: 'MALFORMED_QUERY' });
    await rejection(limits(s));
    expect(emu.count('GET /services/data')).toBe(1);
  });

  test('backoff doubles, is capped and jittered within [50%, 100%]', () => {
    const p = { baseDelayMs: 500, maxDelayMs: 4000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...p, random: () => 0.999999 }))).toEqual([
      500, 1000, 2000, 4000, 4000
    ]);
    expect(backoffDelay(3, { ...p, random: () => 0 })).toBe(1000);
  });

  test('resilient() re-authorises at most once per call', async () => {
    let reauths = 0;
    const expired = Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
    const p = { ...policy(), attempts: 3, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 } as ResiliencePolicy;
    await expect(
      resilient(
        'x',
        async () => {
          throw expired;
        },
        p,
        async () => {
          reauths++;
        }
      )
    ).rejects.toBe(expired);
    expect(reauths).toBe(1);
  });
});

describe('sf CLI alias', () => {
  // @salesforce/core keeps its auth files under os.homedir(); jest's process.env does not reach
  // the native call, so the home folder is redirected by spying on it.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-sfhome-'));
  let homedir: jest.SpyInstance;
  beforeAll(() => {
    // The real module object: `import * as os` is a copy under SWC's interop.
    homedir = jest.spyOn(require('node:os') as typeof os, 'homedir').mockReturnValue(home);
    process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
    // core creates a missing alias file itself, but its ENOENT check (`instanceof Error`) fails
    // across jest's realms; outside jest it works as is.
    fs.mkdirSync(path.join(home, '.sfdx'), { recursive: true });
    fs.writeFileSync(path.join(home, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
    process.env.SF_DISABLE_TELEMETRY = 'true';
  });
  afterAll(() => {
    homedir.mockRestore();
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('an unknown alias says how to list and authorise orgs', async () => {
    const e = await rejection(connect({ targetOrg: 'nosuchorg', policy: policy() }));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe('No org authorised as "nosuchorg".');
    expect(e.details.join(' ')).toMatch(/sf org list.*sf org login web --alias nosuchorg/);
  }, 20000);

  test("a known alias connects with the sf CLI's session", async () => {
    const core = require('@salesforce/core') as typeof import('@salesforce/core');
    // What `sf org login` asks the org for the username, answered here for this test only.
    emu.router.register('test-userinfo', (req, { state }) =>
      req.path === '/services/oauth2/userinfo'
        ? json(200, { user_id: state.userId, organization_id: state.orgId, preferred_username: state.username })
        : /\/sobjects\/User\/005/.test(req.path)
          ? json(200, { Username: state.username })
          : undefined
    );
    const token = emu.issueToken();
    const auth = await core.AuthInfo.create({
      username: 'admin@handoff.emulator',
      accessTokenOptions: { accessToken: token, instanceUrl: emu.url, loginUrl: emu.url }
    });
    fs.writeFileSync(path.join(home, '.sfdx', 'admin@handoff.emulator.json'), '{}'); // the same realm trap as alias.json
    await auth.save();
    const state = await core.StateAggregator.getInstance();
    await state.aliases.setAndSave('emu', 'admin@handoff.emulator');
    const s = await connect({ targetOrg: 'emu', policy: policy() });
    expect(s.method).toBe('alias');
    expect(s.target).toBe('org emu (admin@handoff.emulator)');
    expect((await limits(s)).DailyApiRequests.Max).toBe(15000);
    expect(fs.readFileSync(path.join(home, '.sfdx', 'admin@handoff.emulator.json'), 'utf8')).not.toContain(token);
  }, 20000);
});
