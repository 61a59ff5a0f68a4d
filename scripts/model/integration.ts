/**
 * The vendor's side of the connection, resolved: its External Client App and exactly which Contact
 * and Case fields its integration user reads and writes. One module so the permission set
 * generator, the validator's least-privilege rule and `doctor` share one answer.
 */
import type { CaseFieldConfig, HandoffConfig, SyncedObject, Vendor } from '../config/types';
import { SYNCED_OBJECTS } from '../platform/fieldSecurity';
import type { ResolvedCaseField, ResolvedIntegration } from './types';

export { ALWAYS_ACCESSIBLE, SYNCED_OBJECTS } from '../platform/fieldSecurity';

/**
 * What the vendor guides say the integration reads (Fin "How is data synced with Salesforce?":
 * Contact and Case fields; Fullview Part 2: Cases with the conversation) and writes on the Cases it
 * creates (Subject, Description, the customer's email, the Contact; Transcript and Summary live in `caseFields`).
 */
export const DEFAULT_SYNC_FIELDS: Record<SyncedObject, readonly string[]> = {
  Contact: ['AccountId', 'Email', 'MobilePhone', 'Phone', 'Title'],
  Case: ['ContactId', 'Description', 'Origin', 'Priority', 'Reason', 'Subject', 'SuppliedEmail', 'SuppliedName', 'Type']
};
export const DEFAULT_PUSH_FIELDS: Record<SyncedObject, readonly string[]> = {
  Contact: [],
  Case: ['ContactId', 'Description', 'Subject', 'SuppliedEmail']
};

/** The client-credentials callback every vendor guide names (it is never redirected to in that flow). */
export const DEFAULT_CALLBACK_URL = 'https://login.salesforce.com/services/oauth2/success';
/**
 * Scopes as ConnectedAppOauthAccessScope spells them: `Api` (api) and `Basic`, taken here for the
 * guides' `id` scope (identity URL: id, profile, email, address, phone). Unverified mapping of `id`
 * to `Basic`: one setting (the config's `integration.scopes`) away from change.
 */
export const DEFAULT_SCOPES: readonly string[] = ['Api', 'Basic'];

const VENDOR_APP_LABEL: Record<Vendor, string> = {
  fin: 'Intercom Fin',
  fullview: 'Fullview',
  cognigy: 'Cognigy',
  generic: 'AI Vendor'
};

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

export function resolveCaseFields(fields: CaseFieldConfig[] | undefined): ResolvedCaseField[] {
  return (fields ?? [])
    .map((f): ResolvedCaseField => {
      const type = f.type ?? 'LongTextArea';
      return {
        apiName: `${f.name}__c`,
        label: f.label,
        type,
        length: f.length ?? (type === 'LongTextArea' ? 131072 : 255)
      };
    })
    .sort((a, b) => (a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0));
}

export function resolveIntegration(
  config: HandoffConfig,
  caseFields: ResolvedCaseField[]
): ResolvedIntegration | undefined {
  const i = config.integration;
  if (!i) return undefined;
  const field = (o: SyncedObject, own: Record<SyncedObject, readonly string[]>, given?: string[]): string[] =>
    given ?? [...own[o]];
  const editFields = {} as Record<SyncedObject, string[]>;
  const readFields = {} as Record<SyncedObject, string[]>;
  for (const o of SYNCED_OBJECTS) {
    const pushed = [
      ...field(o, DEFAULT_PUSH_FIELDS, i.pushFields?.[o]),
      ...(o === 'Case' ? caseFields.map((f) => f.apiName) : [])
    ];
    editFields[o] = sorted(pushed);
    readFields[o] = sorted([...field(o, DEFAULT_SYNC_FIELDS, i.syncFields?.[o]), ...pushed]);
  }
  const vendorLabel = VENDOR_APP_LABEL[config.vendor ?? 'generic'];
  return {
    appName: i.appName,
    label: i.label ?? `${vendorLabel} Integration`,
    contactEmail: i.contactEmail,
    description:
      i.description ??
      `${vendorLabel} connects with the client credentials flow: it reads synced Contact and Case fields and creates Cases.`,
    scopes: [...(i.scopes ?? DEFAULT_SCOPES)],
    callbackUrl: i.callbackUrl ?? DEFAULT_CALLBACK_URL,
    readFields,
    editFields
  };
}

/** Component names of the app's parts, in one place (the generator, seed and doctor read the same ones). */
export function externalClientAppNames(appName: string): {
  app: string;
  globalOauth: string;
  oauth: string;
  policies: string;
} {
  return {
    app: appName,
    globalOauth: `${appName}_glbloauth`,
    oauth: `${appName}_oauth`,
    policies: `${appName}_oauthPlcy`
  };
}
