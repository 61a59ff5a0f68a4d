/**
 * The vendor's side: the External Client App exists, its client credentials flow is on (global OAuth
 * settings and policies), its Run-As user is an active user holding the integration permission set.
 * None when the config has no `integration`. Never reads the consumer key or secret.
 */
import { externalClientAppNames } from '../../../model/integration';
import { credentialsLocation } from '../../seedIntegration';
import { pass as passIn, type Check } from '../check';
import type { IntegrationSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'External Client App';
const pass = (id: string, message: string): Check => passIn(G, id, message);
const fail = (id: string, message: string, fix: string): Check => ({ id, group: G, status: 'fail', message, fix });

function clientCredentials(s: IntegrationSnapshot, names: ReturnType<typeof externalClientAppNames>): Check {
  if (s.globalClientCredentials && s.policies?.clientCredentials)
    return pass('integration.clientCredentials', 'Client credentials flow is on');
  const where =
    s.globalClientCredentials === undefined
      ? `${names.globalOauth} missing`
      : !s.globalClientCredentials
        ? 'global OAuth settings'
        : 'OAuth policies';
  return fail(
    'integration.clientCredentials',
    `Client credentials flow is off (${where})`,
    'Run `handoff deploy -o <org>`, then `handoff seed --integration-user USER`.'
  );
}

/** The Run-As user and its permission set; stops at the first break, as the reading did. */
function runAsUser(s: IntegrationSnapshot, label: string, permissionSet: string): Check[] {
  const username = s.policies?.runAsUser;
  if (!username)
    return [
      fail(
        'integration.runAsUser',
        'No Run-As user: the vendor cannot get a token',
        "Run `handoff seed -o <org> --integration-user USER` (the vendor's integration user)."
      )
    ];
  if (!s.runAsUser?.active)
    return [
      fail(
        'integration.runAsUser',
        `Run-As user ${username} is ${s.runAsUser ? 'inactive' : 'not a user of this org'}`,
        'Activate the user, or run `handoff seed --integration-user USER` with an active one.'
      )
    ];
  return [
    pass(
      'integration.runAsUser',
      `Run-As user ${username} is active (Consumer Key and Secret: ${credentialsLocation(label)})`
    ),
    s.holdsPermissionSet
      ? pass('integration.permissionSet', `${username} holds ${permissionSet}`)
      : fail(
          'integration.permissionSet',
          `${username} does not hold ${permissionSet}`,
          `Run \`handoff seed -o <org> --integration-user ${username}\`.`
        )
  ];
}

export const integration: CheckFamily = {
  name: 'integration',
  checks(model, snapshot) {
    const i = model.integration;
    const s = snapshot.integration;
    if (!i || !s) return [];
    const names = externalClientAppNames(i.appName);
    if (!s.appExists)
      return [fail('integration.app', `${names.app} is not in the org`, 'Run `handoff deploy -o <org>`.')];
    return [
      pass('integration.app', `${names.app} exists`),
      clientCredentials(s, names),
      ...runAsUser(s, i.label, model.permissionSets.integration.name)
    ];
  }
};
