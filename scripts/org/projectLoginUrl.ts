/**
 * SDR converts the source for a deploy through @salesforce/core's project config, which refuses a
 * login URL that is not a Salesforce address (InvalidProjectLoginUrlError). When sfdx-project.json
 * sets no `sfdcLoginUrl`, core takes the sf CLI's `org-instance-url` (the SF_INSTANCE_URL variable
 * among others) for it; FORCE_SFDC_LOGIN_URL overrides both (core's SfProject.resolveProjectConfig).
 * This names where the refused URL came from and the fix, instead of an internal error. A host
 * HANDOFF_TRUSTED_HOSTS admits is still refused here: core's list is its own, so the fix stays sfdcLoginUrl.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../project/errors';
import { SFDX_PROJECT_FILE } from '../project/sfdxProject';
import { isTrustedHost, TRUSTED_HOSTS_SETTING, trustedHosts } from './orgHosts';

const sameUrl = (a: unknown, b: string) => typeof a === 'string' && a.trim().replace(/\/+$/, '') === b;

/** A UserError for core's refusal of the project's login URL; undefined for any other error. */
export function projectLoginUrlMistake(e: unknown, root: string, env: NodeJS.ProcessEnv): UserError | undefined {
  if ((e as Error)?.name !== 'InvalidProjectLoginUrlError') return undefined;
  const url = /"([^"]+)"/.exec((e as Error).message)?.[1]?.replace(/\/+$/, '') ?? '';
  let project: Record<string, unknown> = {};
  try {
    project = JSON.parse(fs.readFileSync(path.join(root, SFDX_PROJECT_FILE), 'utf8')) as Record<string, unknown>;
  } catch {
    // packageDirectories() has already read it; an unreadable file cannot be the source here.
  }
  const refused = '@salesforce/core, which converts the source for the deploy, refuses it as the login URL';
  for (const key of ['sfdcLoginUrl', 'signupTargetLoginUrl']) {
    if (sameUrl(project[key], url)) {
      return new UserError(`${SFDX_PROJECT_FILE} $.${key} is ${url}, which is not a Salesforce address.`, [
        `Set it to https://login.salesforce.com (https://test.salesforce.com for a sandbox) or your My Domain URL.`
      ]);
    }
  }
  if (sameUrl(env.FORCE_SFDC_LOGIN_URL, url)) {
    return new UserError(`FORCE_SFDC_LOGIN_URL is ${url}, which is not a Salesforce address: ${refused}.`, [
      'Unset FORCE_SFDC_LOGIN_URL, or set it to https://login.salesforce.com or your My Domain URL.'
    ]);
  }
  const variable = ['SF_INSTANCE_URL', 'SF_ORG_INSTANCE_URL', 'SFDX_INSTANCE_URL'].find((v) => sameUrl(env[v], url));
  const source = variable ?? "the sf CLI's org-instance-url setting (`sf config get org-instance-url`)";
  const why = trusted(url, env)
    ? `${TRUSTED_HOSTS_SETTING} admits that host for the kit's own connection, but ${refused} (core trusts only Salesforce's domains)`
    : `and that is not a Salesforce address: ${refused}`;
  return new UserError(
    `${SFDX_PROJECT_FILE} sets no sfdcLoginUrl, so @salesforce/core takes ${source} (${url}) for it, ${why}.`,
    [
      `Add "sfdcLoginUrl": "https://login.salesforce.com" to ${SFDX_PROJECT_FILE} (as \`sf project generate\` writes it).`
    ]
  );
}

function trusted(url: string, env: NodeJS.ProcessEnv): boolean {
  try {
    return isTrustedHost(new URL(url).hostname, trustedHosts(env));
  } catch {
    // connect() has already refused a malformed setting or URL; this is only the message's wording.
    return false;
  }
}
