/**
 * `handoff seed`'s part of the vendor's External Client App: sets the Run-As user of the client
 * credentials flow in the app's OAuth policies (org-specific, so never in source), through the
 * Metadata API, only when it differs. Never reads, prints or stores the consumer key or secret:
 * it says where the admin reads them.
 */
import { externalClientAppNames } from '../model/integration';
import type { HandoffModel } from '../model/types';
import { asArray, asBool, asText, exists, type OrgCaller } from './doctorSoql';

export const POLICIES_TYPE = 'ExtlClntAppOauthConfigurablePolicies';

/** ExtlClntAppOauthConfigurablePolicies children in metadata-v66.wsdl order (an update sends them in this order). */
const POLICY_ELEMENTS = [
  'apexHandler',
  'clientCredentialsFlowUser',
  'commaSeparatedCustomScopes',
  'commaSeparatedPermissionSet',
  'commaSeparatedProfile',
  'customAttributes',
  'executeHandlerAs',
  'externalClientApplication',
  'guestJwtSessionTimeoutType',
  'guestJwtTimeout',
  'ipRelaxationPolicyType',
  'isClientCredentialsFlowEnabled',
  'isGuestCodeCredFlowEnabled',
  'isTokenExchangeFlowEnabled',
  'label',
  'namedUserJwtSessionTimeoutType',
  'namedUserJwtTimeout',
  'permittedUsersPolicyType',
  'policyAction',
  'refreshTokenPolicyType',
  'refreshTokenValidityPeriod',
  'refreshTokenValidityUnit',
  'requiredSessionLevel',
  'sessionTimeoutInMinutes',
  'singleLogoutUrl',
  'startUrl'
] as const;

export interface RunAsReport {
  app: string;
  policies: string;
  /** The username asked for (--integration-user or users.integrationUser). */
  user?: string;
  /** What the org's policies name now (before a write). */
  current?: string;
  state: 'set' | 'update' | 'no-user' | 'policies-missing';
  failed?: string;
  /** Where the admin reads the Consumer Key and Secret for the vendor (the kit never reads them). */
  credentialsAt: string;
}

/** The Setup path to the app's Consumer Key and Secret (Salesforce Help, "Configure an External Client App for OAuth 2.0 Client Credentials Flow"). */
export function credentialsLocation(label: string): string {
  return `Setup → External Client Apps → External Client App Manager → ${label} → Settings → OAuth Settings → Consumer Key and Secret`;
}

function ordered(rec: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...rec, ...changes };
  const out: Record<string, unknown> = { fullName: merged.fullName };
  for (const k of POLICY_ELEMENTS) if (merged[k] !== undefined && merged[k] !== null) out[k] = merged[k];
  return out;
}

export async function seedRunAsUser(
  org: OrgCaller,
  model: HandoffModel,
  user: string | undefined,
  dryRun: boolean
): Promise<{ report: RunAsReport; wrote: boolean } | undefined> {
  const integration = model.integration;
  if (!integration) return undefined;
  const names = externalClientAppNames(integration.appName);
  const base = { app: names.app, policies: names.policies, credentialsAt: credentialsLocation(integration.label) };
  const rec = (await org.call(`Metadata read ${POLICIES_TYPE}`, (conn) =>
    conn.metadata.read(POLICIES_TYPE as never, names.policies)
  )) as unknown as Record<string, unknown>;
  if (!exists(rec)) return { report: { ...base, user, state: 'policies-missing' }, wrote: false };
  const current = asText(rec.clientCredentialsFlowUser);
  if (!user) return { report: { ...base, current, state: 'no-user' }, wrote: false };
  const same = current?.toLowerCase() === user.toLowerCase() && asBool(rec.isClientCredentialsFlowEnabled);
  if (same) return { report: { ...base, user, current, state: 'set' }, wrote: false };
  if (dryRun) return { report: { ...base, user, current, state: 'update' }, wrote: false };
  const res = (await org.call(`Metadata update ${POLICIES_TYPE}`, (conn) =>
    conn.metadata.update(
      POLICIES_TYPE as never,
      ordered(rec, { clientCredentialsFlowUser: user, isClientCredentialsFlowEnabled: true }) as never
    )
  )) as unknown as { success: boolean | string; errors?: { message?: string } | Array<{ message?: string }> };
  const ok = res.success === true || res.success === 'true';
  return {
    report: {
      ...base,
      user,
      current,
      state: 'update',
      ...(ok ? {} : { failed: asArray(res.errors)[0]?.message ?? 'no message' })
    },
    wrote: true
  };
}
