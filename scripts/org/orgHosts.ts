/**
 * Which hosts the kit connects to with SF_INSTANCE_URL / SF_LOGIN_URL: Salesforce's own domains, and
 * the hosts an admin names in HANDOFF_TRUSTED_HOSTS (a corporate gateway or proxy in front of the org,
 * a Salesforce domain this list lacks). Anything else is refused before any call, so a typo or a
 * pasted web address never receives the session token.
 */
import { UserError } from '../project/errors';

/** The one setting that admits hosts outside Salesforce's domains (docs/org-operations.md#connecting). */
export const TRUSTED_HOSTS_SETTING = 'HANDOFF_TRUSTED_HOSTS';

/**
 * The domains an org answers on: the list @salesforce/core's SfdcUrl.isSalesforceDomain accepts
 * (from help.salesforce.com article 000003652), so a URL passing here also passes core's project check.
 */
const SALESFORCE_HOST =
  /\.(salesforce\.com|force\.com|cloudforce\.com|salesforceliveagent\.com|salesforce\.mil|crmforce\.mil|sfcrmproducts\.cn)$/i;

/** A host name or IPv4 address, optionally with a leading dot (every host under that domain). */
const HOST_ENTRY = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/;

const TRUST_EXAMPLE = `${TRUSTED_HOSTS_SETTING}=sf-gateway.acme.com,.proxy.acme.com`;

/** The entries of HANDOFF_TRUSTED_HOSTS, lower case; a UserError naming the first entry that is not a host. */
export function trustedHosts(env: NodeJS.ProcessEnv): string[] {
  const entries = (env[TRUSTED_HOSTS_SETTING] ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const bad = entries.find((e) => !HOST_ENTRY.test(e));
  if (bad !== undefined) {
    throw new UserError(`${TRUSTED_HOSTS_SETTING} lists "${bad}", which is not a host name.`, [
      `List host names only (no scheme, port or path), comma-separated; a leading dot admits every host under a domain: ${TRUST_EXAMPLE}.`
    ]);
  }
  return entries;
}

/** Whether `hostname` is one of `trusted`: the same host, or under a ".domain" entry. */
export function isTrustedHost(hostname: string, trusted: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return trusted.some((t) => (t.startsWith('.') ? host.endsWith(t) : host === t));
}

export function isSalesforceHost(hostname: string): boolean {
  return SALESFORCE_HOST.test(hostname);
}

/** The fix line for a refused host: how to trust it, if it is the company's route to Salesforce. */
export function trustHostFix(hostname: string): string {
  return `If ${hostname} is your company's gateway to Salesforce, trust it: ${TRUSTED_HOSTS_SETTING}=${hostname} (docs/org-operations.md#connecting).`;
}
