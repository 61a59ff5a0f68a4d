/**
 * Connecting to an org, three ways, each failure with a message that says what to do:
 *   1. `-o/--target-org ALIAS`: an org the sf CLI has authorised (its auth files, via @salesforce/core);
 *   2. `SF_INSTANCE_URL` + `SF_ACCESS_TOKEN`: a session handed over by a pipeline;
 *   3. `SF_CLIENT_ID` + `SF_CLIENT_SECRET` + `SF_LOGIN_URL`: an External Client App's client credentials.
 * The result wraps a jsforce Connection with `call()`, which every org command uses for its calls:
 * a timeout per attempt, retries with backoff (resilience.ts) and one re-authorisation on an
 * expired session. No secret ever goes into a message.
 */
import type { Org } from '@salesforce/core';
import { Connection } from 'jsforce';
import { API_VERSION } from '../contract';
import { UserError } from '../project/errors';
import { hasAllowedScheme, isLoopbackHost } from '../project/urlScheme';
import { unreachableReason } from './networkFailure';
import { isSalesforceHost, isTrustedHost, TRUSTED_HOSTS_SETTING, trustedHosts, trustHostFix } from './orgHosts';
import { classify, DEFAULT_POLICY, errorCodeOf, resilient, type CallStats, type ResiliencePolicy } from './resilience';

export type AuthMethod = 'alias' | 'access-token' | 'client-credentials';

export interface ConnectOptions {
  /** The `-o/--target-org` value: an sf CLI alias or username. */
  targetOrg?: string;
  /**
   * The org the sf CLI already resolved from `-o` or its default target-org (`sf handoff …`, the
   * plugin's `Flags.optionalOrg`): used as it is, not looked up again.
   */
  org?: Org;
  env?: NodeJS.ProcessEnv;
  apiVersion?: string;
  policy?: Partial<ResiliencePolicy>;
}

export interface OrgSession {
  conn: Connection;
  method: AuthMethod;
  /** Where we are connected, for messages: never a secret. */
  target: string;
  instanceUrl: string;
  /** Runs one org call with a timeout, bounded retries and one re-authorisation. */
  call<T>(label: string, fn: (conn: Connection) => PromiseLike<T>): Promise<T>;
  /** Gets a fresh session (used by `call`; exposed for long polls). */
  reauthorize(): Promise<void>;
  readonly stats: CallStats;
  readonly policy: ResiliencePolicy;
}

/** The fixes for "no org": the three ways, each a bullet under a message that introduces them. */
const HOW_TO_CONNECT = [
  '-o ALIAS: an org authorised with `sf org login web --alias ALIAS` (or `sf org login jwt`)',
  'SF_INSTANCE_URL + SF_ACCESS_TOKEN: an instance URL and a session token (e.g. from `sf org display --verbose`)',
  'SF_CLIENT_ID + SF_CLIENT_SECRET + SF_LOGIN_URL: an External Client App with the client credentials flow enabled; SF_LOGIN_URL is your My Domain URL'
];

export async function connect(options: ConnectOptions = {}): Promise<OrgSession> {
  const env = options.env ?? process.env;
  const apiVersion = options.apiVersion ?? API_VERSION;
  const policy: ResiliencePolicy = { ...DEFAULT_POLICY, ...options.policy };
  if (options.org) return fromOrg(options.org, options.targetOrg, apiVersion, policy);
  if (options.targetOrg) return fromAlias(options.targetOrg, apiVersion, policy);
  const instanceUrl = env.SF_INSTANCE_URL?.trim();
  const accessToken = env.SF_ACCESS_TOKEN?.trim();
  const clientId = env.SF_CLIENT_ID?.trim();
  const clientSecret = env.SF_CLIENT_SECRET?.trim();
  if (accessToken || instanceUrl) {
    if (!accessToken)
      throw new UserError('SF_INSTANCE_URL is set but SF_ACCESS_TOKEN is not.', ['Set both, or use -o ALIAS.']);
    if (!instanceUrl)
      throw new UserError('SF_ACCESS_TOKEN is set but SF_INSTANCE_URL is not.', [
        'Set SF_INSTANCE_URL to the org URL, e.g. https://mycompany.my.salesforce.com.'
      ]);
    return fromToken(checkedUrl('SF_INSTANCE_URL', instanceUrl, env), accessToken, apiVersion, policy);
  }
  if (clientId || clientSecret) {
    if (!clientId || !clientSecret) {
      throw new UserError(`${clientId ? 'SF_CLIENT_SECRET' : 'SF_CLIENT_ID'} is not set.`, [
        'Client credentials need SF_CLIENT_ID, SF_CLIENT_SECRET and SF_LOGIN_URL (your My Domain URL).'
      ]);
    }
    const loginUrl = env.SF_LOGIN_URL?.trim();
    if (!loginUrl) {
      throw new UserError('SF_LOGIN_URL is not set.', [
        'The client credentials flow only works on your My Domain URL: set SF_LOGIN_URL=https://<your-domain>.my.salesforce.com.'
      ]);
    }
    return fromClientCredentials(checkedUrl('SF_LOGIN_URL', loginUrl, env), clientId, clientSecret, apiVersion, policy);
  }
  throw new UserError('No org to connect to. Connect one of three ways:', HOW_TO_CONNECT);
}

/**
 * https only, except the loopback addresses the tests use; a Salesforce host or one HANDOFF_TRUSTED_HOSTS
 * names; no path, query or trailing slash.
 */
function checkedUrl(variable: string, raw: string, env: NodeJS.ProcessEnv): string {
  // Read first, whatever the host: a mistake in the setting is said now, not when a gateway is first used.
  const trusted = trustedHosts(env);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${variable} is not a URL.`, [
      'Use the full org URL, e.g. https://mycompany.my.salesforce.com.'
    ]);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (!hasAllowedScheme(url)) {
    throw new UserError(`${variable} must start with https:// (it is ${url.protocol}//${url.host}).`);
  }
  const origin = `${url.protocol}//${url.host}`;
  if (LIGHTNING_HOST.test(url.hostname)) {
    throw new UserError(`${variable} is ${origin}, the Lightning Experience address, which serves no API.`, [
      `Use the My Domain URL: ${origin.replace(LIGHTNING_HOST, '.my.salesforce.com')} (\`sf org display\` prints it as Instance Url).`
    ]);
  }
  if (!loopback && !isSalesforceHost(url.hostname) && !isTrustedHost(url.hostname, trusted)) {
    throw new UserError(
      `${variable} is ${origin}, which is not a Salesforce address (nor a host ${TRUSTED_HOSTS_SETTING} names).`,
      [
        'Use the org URL, e.g. https://mycompany.my.salesforce.com (`sf org display --target-org ALIAS` prints it as Instance Url).',
        trustHostFix(url.hostname)
      ]
    );
  }
  return origin;
}

/** The Lightning domain (<domain>.lightning.force.com) is the UI's; SfdcUrl.toLightningDomain maps .my.salesforce.com to it. */
const LIGHTNING_HOST = /\.lightning\.force\.com$/i;

/** What to check when the org cannot be reached, by how the session was made. */
const CHECK_ADDRESS: Record<AuthMethod, string> = {
  'access-token':
    'Check SF_INSTANCE_URL: it is the org URL `sf org display --target-org ALIAS` prints as Instance Url.',
  alias: 'Check the network; `sf org display --target-org ALIAS` shows the org URL (log in again if it changed).',
  'client-credentials': 'Check the network and SF_LOGIN_URL (your My Domain URL).'
};

/**
 * A UserError when `e` says the org cannot be reached at all; undefined for an answer from the org.
 * The instance URL is named when the target does not already say it (an alias, client credentials).
 */
function unreachable(e: unknown, method: AuthMethod, target: string, instanceUrl: string): UserError | undefined {
  const why = unreachableReason(e, instanceUrl);
  if (!why) return undefined;
  const where = target.includes(instanceUrl) ? target : `${target} at ${instanceUrl}`;
  return new UserError(`Cannot reach ${where}: ${why}.`, [CHECK_ADDRESS[method]]);
}

const LOGIN_HOSTS = /^(login|test)\.salesforce\.com$/i;

async function fromClientCredentials(
  loginUrl: string,
  clientId: string,
  clientSecret: string,
  version: string,
  policy: ResiliencePolicy
): Promise<OrgSession> {
  if (LOGIN_HOSTS.test(new URL(loginUrl).hostname)) {
    throw new UserError(`SF_LOGIN_URL is ${loginUrl}, but the client credentials flow needs your My Domain URL.`, [
      'Set SF_LOGIN_URL=https://<your-domain>.my.salesforce.com (Setup → My Domain shows it).'
    ]);
  }
  const conn = new Connection({ oauth2: { loginUrl, clientId, clientSecret }, version });
  const authorize = async () => {
    try {
      await resilient('OAuth token request', () => conn.authorize({ grant_type: 'client_credentials' }), policy);
    } catch (e) {
      throw oauthFailure(e, loginUrl);
    }
  };
  await authorize();
  return makeSession(conn, 'client-credentials', `client credentials at ${loginUrl}`, policy, authorize);
}

function oauthFailure(e: unknown, loginUrl: string): UserError {
  const code = errorCodeOf(e);
  const description = String((e as Error)?.message ?? '');
  switch (code) {
    case 'invalid_client_id':
      return new UserError(`The org at ${loginUrl} does not know SF_CLIENT_ID.`, [
        "Copy the consumer key from the External Client App's OAuth settings; if the app is new, wait a few minutes for it to reach the org."
      ]);
    case 'invalid_client':
      return new UserError(`The org at ${loginUrl} refused SF_CLIENT_SECRET for this client.`, [
        "Copy the consumer secret again from the External Client App's OAuth settings."
      ]);
    case 'invalid_grant':
      if (/domain/i.test(description)) {
        return new UserError(`The client credentials flow is not supported on ${loginUrl}.`, [
          'Set SF_LOGIN_URL to your My Domain URL (https://<your-domain>.my.salesforce.com), not login.salesforce.com.'
        ]);
      }
      return new UserError(`The org at ${loginUrl} refused the client credentials: ${description}.`, [
        'Enable the client credentials flow on the External Client App and choose its "Run As" user (an API-enabled user).'
      ]);
    case 'unsupported_grant_type':
      return new UserError(`The External Client App does not allow the client credentials flow.`, [
        'Enable "Client Credentials Flow" in its OAuth policies and set the "Run As" user.'
      ]);
    default:
      return networkOrUnknown(e, `the token endpoint at ${loginUrl}`, loginUrl);
  }
}

function networkOrUnknown(e: unknown, what: string, url: string): UserError {
  const code = errorCodeOf(e);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new UserError(`Cannot find ${what}: the host name does not resolve.`, ['Check the domain for typos.']);
  if (classify(e) === 'transient')
    return new UserError(`Cannot reach ${what} (${code || 'network error'}), even after retries.`, [
      'Check the network and try again.'
    ]);
  const why = unreachableReason(e, url);
  if (why) return new UserError(`Cannot reach ${what}: ${why}.`, [CHECK_ADDRESS['client-credentials']]);
  return new UserError(`Connecting to ${what} failed: ${code ? `${code}: ` : ''}${String((e as Error)?.message ?? e)}`);
}

async function fromToken(
  instanceUrl: string,
  accessToken: string,
  version: string,
  policy: ResiliencePolicy
): Promise<OrgSession> {
  const conn = new Connection({ instanceUrl, accessToken, version });
  const cannotRenew = async () => {
    throw new UserError(`The session in SF_ACCESS_TOKEN has expired or is not valid for ${instanceUrl}.`, [
      'Get a new token (e.g. `sf org display --verbose --target-org ALIAS`), or connect with -o ALIAS or client credentials, which renew themselves.'
    ]);
  };
  return makeSession(conn, 'access-token', `SF_INSTANCE_URL ${instanceUrl}`, policy, cannotRenew);
}

/** An sf CLI alias or username, through @salesforce/core (loaded only here: it is heavy). */
async function fromAlias(aliasOrUsername: string, version: string, policy: ResiliencePolicy): Promise<OrgSession> {
  const core = require('@salesforce/core') as typeof import('@salesforce/core');
  let org: import('@salesforce/core').Org;
  try {
    org = await core.Org.create({ aliasOrUsername });
  } catch (e) {
    const name = (e as Error).name;
    if (/NamedOrgNotFound|NoAuthInfoFound|AuthInfoNotFound|NoOrgFound/i.test(name)) {
      throw new UserError(`No org authorised as "${aliasOrUsername}".`, [
        'Run `sf org list` to see the aliases you have, or authorise it: `sf org login web --alias ' +
          aliasOrUsername +
          '`.'
      ]);
    }
    throw new UserError(`Cannot read the sf CLI's authorisation for "${aliasOrUsername}": ${(e as Error).message}`, [
      'Re-authorise it: `sf org login web --alias ' + aliasOrUsername + '`.'
    ]);
  }
  return fromOrg(org, aliasOrUsername, version, policy);
}

/** An org @salesforce/core has resolved: its instance URL and token, renewed through its auth when it expires. */
function fromOrg(org: Org, aliasOrUsername: string | undefined, version: string, policy: ResiliencePolicy): OrgSession {
  const username = org.getUsername() ?? aliasOrUsername ?? 'the default target-org';
  const name = aliasOrUsername ?? username;
  const coreConn = org.getConnection();
  // `sf org login access-token --instance-url` stores the URL as given to a URL flag, with a trailing
  // slash; jsforce appends "/services/…", and "//services" would read as a host name.
  const instanceUrl = coreConn.instanceUrl.replace(/\/+$/, '');
  const conn = new Connection({ instanceUrl, accessToken: coreConn.accessToken ?? undefined, version });
  const refresh = async () => {
    try {
      await org.refreshAuth();
    } catch (e) {
      throw new UserError(`The sf CLI's session for "${name}" has expired and could not be renewed.`, [
        `Log in again: \`sf org login web --alias ${name}\`. (${errorCodeOf(e) || 'refresh failed'})`
      ]);
    }
    conn.accessToken = org.getConnection().accessToken ?? conn.accessToken;
  };
  const label = name === username ? username : `${name} (${username})`;
  return makeSession(conn, 'alias', `org ${label}`, policy, refresh);
}

function makeSession(
  conn: Connection,
  method: AuthMethod,
  target: string,
  policy: ResiliencePolicy,
  reauthorize: () => Promise<void>
): OrgSession {
  // The transport's own timeout is a backstop: ours (in `resilient`) fires first and is retried.
  boundTransport(conn, policy.timeoutMs + 1000);
  // jsforce would refresh (or fail to) on its own and retry without bound: we do it once, in `call`.
  (conn as unknown as { _refreshDelegate?: unknown })._refreshDelegate = undefined;
  const stats: CallStats = { calls: 0, retries: 0, reauthorisations: 0 };
  let reached = false;
  return {
    conn,
    method,
    target,
    get instanceUrl() {
      return conn.instanceUrl;
    },
    stats,
    policy,
    reauthorize,
    call: async (label, fn) => {
      try {
        const answer = await resilient(label, () => fn(conn), policy, reauthorize, stats);
        reached = true;
        return answer;
      } catch (e) {
        // Before the org has ever answered, a network failure means a wrong address; later, the
        // command reports it with what it had done (seed's "Seed stopped").
        throw (!reached && unreachable(e, method, target, conn.instanceUrl)) || e;
      }
    }
  };
}

/**
 * jsforce retries some requests on its own (GET on 5xx, up to 5 times, with fixed sleeps) and has
 * no per-call timeout. Our policy does both, so its transport gets `maxRetries: 0` and our timeout.
 */
function boundTransport(conn: Connection, timeoutMs: number): void {
  const transport = conn._transport;
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = ((req: Parameters<typeof original>[0], options: Record<string, unknown> = {}) =>
    original(req, {
      ...options,
      timeout: timeoutMs,
      retry: { maxRetries: 0 }
    } as never)) as typeof transport.httpRequest;
}
