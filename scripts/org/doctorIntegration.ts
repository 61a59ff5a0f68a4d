/**
 * `handoff doctor`'s checks of the vendor's side: the External Client App exists, its client
 * credentials flow is on (global OAuth settings and policies), its Run-As user is an active user
 * holding the integration permission set. Reads: 3 Metadata API reads and 3 queries; none when the
 * config has no `integration`. Never reads the consumer key or secret.
 */
import { externalClientAppNames } from '../model/integration';
import type { HandoffModel } from '../model/types';
import type { Check } from './doctorChecks';
import { asBool, asText, exists, queryAll, soqlString, type OrgCaller } from './doctorSoql';
import { credentialsLocation } from './seedIntegration';

type Meta = Record<string, unknown>;
const G = 'External Client App';

async function read(org: OrgCaller, type: string, fullName: string): Promise<Meta | undefined> {
  const res = await org.call(`Metadata read ${type}`, (conn) => conn.metadata.read(type as never, fullName));
  return exists(res) ? (res as unknown as Meta) : undefined;
}

const pass = (id: string, message: string): Check => ({ id, group: G, status: 'pass', message, fix: '' });
const fail = (id: string, message: string, fix: string): Check => ({ id, group: G, status: 'fail', message, fix });

export async function integrationChecks(org: OrgCaller, model: HandoffModel): Promise<Check[]> {
  const i = model.integration;
  if (!i) return [];
  const n = externalClientAppNames(i.appName);
  const app = await read(org, 'ExternalClientApplication', n.app);
  if (!app) return [fail('integration.app', `${n.app} is not in the org`, 'Run `handoff deploy -o <org>`.')];
  const out: Check[] = [pass('integration.app', `${n.app} exists`)];
  const global = await read(org, 'ExtlClntAppGlobalOauthSettings', n.globalOauth);
  const policies = await read(org, 'ExtlClntAppOauthConfigurablePolicies', n.policies);
  const on = asBool(global?.isClientCredentialsFlowEnabled) && asBool(policies?.isClientCredentialsFlowEnabled);
  out.push(
    on
      ? pass('integration.clientCredentials', 'Client credentials flow is on')
      : fail(
          'integration.clientCredentials',
          `Client credentials flow is off (${!global ? `${n.globalOauth} missing` : !asBool(global.isClientCredentialsFlowEnabled) ? 'global OAuth settings' : 'OAuth policies'})`,
          'Run `handoff deploy -o <org>`, then `handoff seed --integration-user USER`.'
        )
  );
  const username = asText(policies?.clientCredentialsFlowUser);
  if (!username) {
    out.push(
      fail(
        'integration.runAsUser',
        'No Run-As user: the vendor cannot get a token',
        "Run `handoff seed -o <org> --integration-user USER` (the vendor's integration user)."
      )
    );
    return out;
  }
  const users = await queryAll<{ Id: string; IsActive: boolean }>(
    org,
    `SELECT Id, Username, IsActive FROM User WHERE Username = ${soqlString(username)}`
  );
  const user = users[0];
  if (!user || user.IsActive === false) {
    out.push(
      fail(
        'integration.runAsUser',
        `Run-As user ${username} is ${user ? 'inactive' : 'not a user of this org'}`,
        'Activate the user, or run `handoff seed --integration-user USER` with an active one.'
      )
    );
    return out;
  }
  out.push(
    pass(
      'integration.runAsUser',
      `Run-As user ${username} is active (Consumer Key and Secret: ${credentialsLocation(i.label)})`
    )
  );
  const ps = await queryAll<{ Id: string }>(
    org,
    `SELECT Id FROM PermissionSet WHERE Name = ${soqlString(model.permissionSets.integration.name)}`
  );
  const held = ps.length
    ? await queryAll<{ Id: string }>(
        org,
        `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(user.Id)} AND PermissionSetId = ${soqlString(ps[0].Id)}`
      )
    : [];
  out.push(
    held.length
      ? pass('integration.permissionSet', `${username} holds ${model.permissionSets.integration.name}`)
      : fail(
          'integration.permissionSet',
          `${username} does not hold ${model.permissionSets.integration.name}`,
          `Run \`handoff seed -o <org> --integration-user ${username}\`.`
        )
  );
  return out;
}
