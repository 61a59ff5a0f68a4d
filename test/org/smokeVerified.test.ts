/**
 * `handoff smoke --verified`: a test identity JWT signed with a key from the environment is checked by
 * the emulator against the channel's key set, and the conversation is taken as that customer; a wrong
 * key, issuer or expiry is refused with the reason, and key mistakes are exact errors naming the variable.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HandoffConfig } from '../../scripts/config/types';
import type { OrgSession } from '../../scripts/org/connect';
import { runSmoke, type SmokeOptions } from '../../scripts/org/smoke';
import { signIdentityToken } from '../../scripts/org/verifiedJwt';
import { UserError } from '../../scripts/project/errors';
import { vendorJwks } from '../emulator/miawVerified';
import type { OrgEmulator } from '../emulator/server';
import { runCli } from '../support/cli';
import { exampleConfig, installModel, model, openSession, staff, startOrg } from './orgFixture';

const JWKS_URL = 'https://vendor.example.com/.well-known/jwks.json';
const ISSUER = 'https://vendor.example.com';

function verifiedConfig(): HandoffConfig {
  const c = exampleConfig();
  c.channel!.verification = { mode: 'verified', keySet: 'Vendor_Keys', jwksUrl: JWKS_URL, issuer: ISSUER };
  return c;
}

const rsa = (): { privateKey: KeyObject; publicKey: KeyObject } => generateKeyPairSync('rsa', { modulusLength: 2048 });
const vendor = rsa();
const stranger = rsa();
const pem = (k: KeyObject): string => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const m = model(verifiedConfig());

describe('the test identity token', () => {
  const env = { VENDOR_KEY: pem(vendor.privateKey) };

  it('is an RS256 JWT with kid, iss, sub and a five-minute exp', () => {
    const jwt = signIdentityToken({
      keyEnv: 'VENDOR_KEY',
      env,
      kid: 'k1',
      issuer: ISSUER,
      subject: 'cust-1',
      now: 1000
    });
    const [h, p] = jwt
      .split('.')
      .slice(0, 2)
      .map((x) => JSON.parse(Buffer.from(x, 'base64url').toString()) as object);
    expect(h).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
    expect(p).toEqual({ iss: ISSUER, sub: 'cust-1', iat: 1000, nbf: 1000, exp: 1300 });
  });

  it('takes the kid from a private JWK', () => {
    const jwk = JSON.stringify({ ...vendor.privateKey.export({ format: 'jwk' }), kid: 'from-jwk' });
    const jwt = signIdentityToken({ keyEnv: 'K', env: { K: jwk }, subject: 's' });
    expect(JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString())).toMatchObject({ kid: 'from-jwk' });
  });

  const error = (f: () => unknown): UserError => {
    try {
      f();
    } catch (e) {
      if (e instanceof UserError) return e;
      throw e;
    }
    throw new Error('test: no error');
  };

  it('names the variable when it is unset, and never echoes a key it cannot read', () => {
    expect(error(() => signIdentityToken({ keyEnv: 'NOPE', env: {}, kid: 'k', subject: 's' })).message).toBe(
      'The environment variable NOPE (named by --jwt-key) is not set.'
    );
    const bad = error(() => signIdentityToken({ keyEnv: 'K', env: { K: 'secret-not-a-key' }, kid: 'k', subject: 's' }));
    expect(bad.message).toBe('The environment variable K does not hold an RSA private key.');
    expect(JSON.stringify(bad)).not.toContain('secret-not-a-key');
  });

  it('needs a kid when the key is PEM', () => {
    expect(error(() => signIdentityToken({ keyEnv: 'VENDOR_KEY', env, subject: 's' })).message).toBe(
      'The identity token needs a key id (kid) and the key has none.'
    );
  });
});

describe('smoke as a verified customer against the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  const opts = (identityToken: string, subject = 'cust-42'): SmokeOptions => ({
    scrtUrl: emu.url,
    orgId: emu.state.orgId,
    payload: { _firstName: 'Ada', plan: 'pro' },
    timeoutMs: 300,
    pollMs: 10,
    verified: { identityToken, subject }
  });
  const token = (o: { key?: KeyObject; issuer?: string; lifetimeSeconds?: number; kid?: string } = {}): string =>
    signIdentityToken({
      keyEnv: 'K',
      env: { K: pem(o.key ?? vendor.privateKey) },
      kid: o.kid ?? 'k1',
      issuer: o.issuer ?? ISSUER,
      subject: 'cust-42',
      lifetimeSeconds: o.lifetimeSeconds
    });

  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, m);
    vendorJwks(emu.state).set(JWKS_URL, { keys: [{ ...vendor.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('is taken as the customer the JWT names, and the attributes still land', async () => {
    const r = await runSmoke(org, m, opts(token()));
    expect(r.error).toBeUndefined();
    expect(r.verification).toEqual({ subject: 'cust-42', accepted: true, endUserKey: 'cust-42' });
    expect(r.failed).toBe(0);
    expect(emu.requests.some((q) => q.path.endsWith('/authorization/authenticated/access-token'))).toBe(true);
  });

  it.each([
    ['signed by another key', { key: stranger.privateKey }, 'the JWT signature does not match its key'],
    [
      'with another issuer',
      { issuer: 'https://evil.example.com' },
      `JWT iss "https://evil.example.com" is not the key set's issuer "${ISSUER}"`
    ],
    ['already expired', { lifetimeSeconds: -60 }, 'the JWT has expired (exp)'],
    ['naming a key the set lacks', { kid: 'k9' }, 'no key with kid "k9" in key set Vendor_Keys']
  ])('refuses a JWT %s, with the reason', async (_what, o, reason) => {
    const r = await runSmoke(org, m, opts(token(o)));
    expect(r.error).toBe(
      `POST /authorization/authenticated/access-token answered 401: User verification failed: ${reason}`
    );
    expect(r.verification).toMatchObject({ accepted: false });
    expect(r.conversationId).toBeUndefined();
  });

  it('refuses a verified token on a channel left at UnAuth', async () => {
    installModel(emu, model(exampleConfig()));
    const r = await runSmoke(org, m, opts(token()));
    expect(r.error).toContain('User verification failed: the channel is not set up for verified users');
  });
});

describe('handoff smoke --verified (CLI)', () => {
  it('is a usage error without --jwt-key, or with a key in place of a variable name', async () => {
    expect((await runCli(['smoke', '--payload', 'x.json', '--verified'])).code).toBe(2);
    const r = await runCli(['smoke', '--payload', 'x.json', '--verified', '--jwt-key', '-----BEGIN PRIVATE KEY-----']);
    expect(r.code).toBe(2);
    expect((await runCli(['smoke', '--payload', 'x.json', '--jwt-key', 'VENDOR_KEY'])).code).toBe(2);
  });

  it('runs end to end with the key from the environment and never prints it', async () => {
    const saved = { ...process.env };
    const emu = await startOrg();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-verified-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app' }] })
      );
      fs.writeFileSync(path.join(dir, 'handoff.config.json'), JSON.stringify(verifiedConfig()));
      fs.writeFileSync(path.join(dir, 'payload.json'), JSON.stringify({ _firstName: 'Ada' }));
      installModel(emu, m);
      await staff(emu, await openSession(emu), m, dir); // an agent to offer the work to, so routing passes too
      vendorJwks(emu.state).set(JWKS_URL, { keys: [{ ...vendor.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
      process.env.SF_INSTANCE_URL = emu.url;
      process.env.SF_ACCESS_TOKEN = emu.issueToken();
      process.env.VENDOR_TEST_KEY = pem(vendor.privateKey);
      const argv = ['smoke', '--payload', 'payload.json', '--scrt-url', emu.url, '--timeout', '1'];
      const r = await runCli([...argv, '--verified', '--jwt-key', 'VENDOR_TEST_KEY', '--jwt-kid', 'k1'], dir);
      expect(r.stdout).toContain('✔ taken as verified customer handoff-smoke-test');
      expect(r.code).toBe(0);
      const secret = pem(vendor.privateKey).split('\n')[1];
      expect(r.stdout + r.stderr).not.toContain(secret);
      const unset = await runCli([...argv, '--verified', '--jwt-key', 'UNSET_KEY_VAR', '--jwt-kid', 'k1'], dir);
      expect(unset.code).toBe(1);
      expect(unset.stderr).toContain('The environment variable UNSET_KEY_VAR (named by --jwt-key) is not set.');
    } finally {
      process.env = saved;
      await emu.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the channel is not for verified users when the project is not', async () => {
    const r = await runCli(['smoke', '--payload', 'examples/payloads/fin-sample.json', '--verified', '--jwt-key', 'K']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('handoff smoke --verified: the channel is not for verified users.');
  });
});
