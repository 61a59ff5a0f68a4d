/**
 * The vendor's External Client App: 3 Metadata API reads (the app, its global OAuth settings, its
 * policies) and 3 queries (the Run-As user, the integration permission set, its assignment). Each step
 * is read only when the one before found something, so a broken setup costs fewer calls, never more.
 * Nothing when the config has no `integration`; never the consumer key or secret.
 */
import { externalClientAppNames } from '../../../model/integration';
import type { HandoffModel } from '../../../model/types';
import { asBool, asText, queryAll, readMeta, soqlString, type OrgCaller } from '../../doctorSoql';
import type { IntegrationSnapshot } from '../snapshot';

export async function readIntegration(org: OrgCaller, model: HandoffModel): Promise<IntegrationSnapshot | undefined> {
  const i = model.integration;
  if (!i) return undefined;
  const n = externalClientAppNames(i.appName);
  if (!(await readMeta(org, 'ExternalClientApplication', n.app))) return { appExists: false };
  const global = await readMeta(org, 'ExtlClntAppGlobalOauthSettings', n.globalOauth);
  const policies = await readMeta(org, 'ExtlClntAppOauthConfigurablePolicies', n.policies);
  const out: IntegrationSnapshot = {
    appExists: true,
    globalClientCredentials: global ? asBool(global.isClientCredentialsFlowEnabled) : undefined,
    policies: policies && {
      clientCredentials: asBool(policies.isClientCredentialsFlowEnabled),
      runAsUser: asText(policies.clientCredentialsFlowUser)
    }
  };
  const username = out.policies?.runAsUser;
  if (!username) return out;
  const [user] = await queryAll<{ Id: string; IsActive: boolean }>(
    org,
    `SELECT Id, Username, IsActive FROM User WHERE Username = ${soqlString(username)}`
  );
  if (!user) return out;
  out.runAsUser = { id: user.Id, active: user.IsActive !== false };
  if (!out.runAsUser.active) return out;
  const [ps] = await queryAll<{ Id: string }>(
    org,
    `SELECT Id FROM PermissionSet WHERE Name = ${soqlString(model.permissionSets.integration.name)}`
  );
  const held = ps
    ? await queryAll<{ Id: string }>(
        org,
        `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(user.Id)} AND PermissionSetId = ${soqlString(ps.Id)}`
      )
    : [];
  out.holdsPermissionSet = held.length > 0;
  return out;
}
