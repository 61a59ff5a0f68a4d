/**
 * Starting configs per vendor for `handoff init`. The attribute lists are the keys each vendor sends
 * (README "Vendors" documents them and what to set on the vendor's side).
 */
import type {
  AttributeConfig,
  CaseFieldConfig,
  CaseTemplateConfig,
  HandoffConfig,
  IntegrationConfig,
  Vendor
} from './types';
import { groupFor, labelFor } from './infer';
import { STANDARD_PARAMETERS, standardParameterFor, standardVendorKey } from '../platform/standardParameters';

const key = (k: string, extra: Partial<AttributeConfig> = {}): AttributeConfig => ({
  key: k,
  label: labelFor(k),
  group: groupFor(k),
  ...extra
});

const STANDARD = STANDARD_PARAMETERS.map((p) => key(standardVendorKey(p)));

export const VENDOR_ATTRIBUTES: Record<Vendor, AttributeConfig[]> = {
  fin: [
    ...STANDARD,
    ...['user_full_name', 'user_email', 'user_user_id', 'user_browser_locale', 'user_last_request_at'].map((k) =>
      key(k)
    ),
    ...[
      'user_geoip_data_country_name',
      'user_geoip_data_city_name',
      'user_geoip_data_timezone',
      'user_geoip_data_country_code2'
    ].map((k) => key(k))
  ],
  fullview: [
    ...STANDARD,
    key('plan'),
    key('queueName'),
    key('customer_id'),
    key('ai_summary', { type: 'LongTextArea', length: 32768 })
  ],
  cognigy: [
    ...STANDARD.filter((a) => a.key !== '_subject'),
    key('language'),
    key('intent'),
    key('order_number'),
    key('transcript_url', { type: 'Url' })
  ],
  generic: [...STANDARD]
};

/** The Case fields each vendor writes (Fin: Transcript and Summary; Fullview: the conversation and its AI summary; Cognigy: the transcript link). */
export const VENDOR_CASE_FIELDS: Record<Vendor, CaseFieldConfig[]> = {
  fin: [
    { name: 'Handoff_Transcript', label: 'Transcript' },
    { name: 'Handoff_Summary', label: 'Summary' }
  ],
  fullview: [
    { name: 'Handoff_Transcript', label: 'Conversation History' },
    { name: 'Handoff_Summary', label: 'AI Summary' }
  ],
  cognigy: [
    { name: 'Handoff_Transcript_URL', label: 'Transcript URL', type: 'Url' },
    { name: 'Handoff_Summary', label: 'Summary' }
  ],
  generic: [{ name: 'Handoff_Summary', label: 'Summary' }]
};

/**
 * What our own Case (fallback `case`) takes from the vendor's attributes: Fullview's AI summary,
 * Cognigy's transcript link. Fin sends neither as a routing attribute; it writes Transcript and
 * Summary through its Salesforce sync (the integration user) instead.
 */
export const VENDOR_CASE_TEMPLATE: Record<Vendor, CaseTemplateConfig | undefined> = {
  fin: undefined,
  fullview: { fields: { Handoff_Summary__c: 'ai_summary' } },
  cognigy: { fields: { Handoff_Transcript_URL__c: 'transcript_url' } },
  generic: undefined
};

const APP_NAME: Record<Vendor, string> = {
  fin: 'Handoff_Fin',
  fullview: 'Handoff_Fullview',
  cognigy: 'Handoff_Cognigy',
  generic: 'Handoff_Vendor'
};

/** The vendor's External Client App: defaults for scopes, callback and synced fields come from model/integration.ts. */
export function starterIntegration(vendor: Vendor): IntegrationConfig {
  return { appName: APP_NAME[vendor], contactEmail: 'REPLACE_WITH_ADMIN_EMAIL@example.com' };
}

/** The vendor's Case mapping applies only when every attribute it names is in the config (an inferred config may lack them). */
function mapsOnly(template: CaseTemplateConfig, attributes: AttributeConfig[]): boolean {
  const keys = new Set(attributes.map((a) => a.key));
  return Object.values(template.fields ?? {}).every((k) => keys.has(k));
}

/** What each vendor's setup guide asks of the channel (Fullview: show the queue position, 4320-minute tokens). */
const VENDOR_CHANNEL: Partial<Record<Vendor, Pick<HandoffConfig, 'channel' | 'messaging'>>> = {
  fullview: {
    channel: { developerName: 'Handoff_Messaging', label: 'Handoff Messaging', tokenExpiryMinutes: 4320 },
    messaging: { isQueuePositionEnabled: true }
  }
};

export function starterConfig(
  vendor: Vendor,
  attributes: AttributeConfig[] = VENDOR_ATTRIBUTES[vendor]
): HandoffConfig {
  const template = VENDOR_CASE_TEMPLATE[vendor];
  return {
    $schema: './schemas/handoff.config.schema.json',
    vendor,
    channel: { developerName: 'Handoff_Messaging', label: 'Handoff Messaging' },
    deployment: { developerName: 'Handoff_Deployment', label: 'Handoff Deployment' },
    flow: { apiName: 'Handoff_Routing', label: 'Handoff Routing' },
    attributes,
    queues: [{ developerName: 'Handoff_General', label: 'Hand-off General' }],
    routing: { rules: [], defaultQueue: 'Handoff_General' },
    fallback: {
      queue: 'Handoff_General',
      whenNoAgent: 'wait',
      ...(template && mapsOnly(template, attributes) ? { case: template } : {})
    },
    continuation: { enabled: true },
    integration: starterIntegration(vendor),
    caseFields: VENDOR_CASE_FIELDS[vendor],
    ...VENDOR_CHANNEL[vendor],
    ...(attributes.some((a) => standardParameterFor(a.key) === 'Email')
      ? { contactMatching: { emailAttribute: attributes.find((a) => standardParameterFor(a.key) === 'Email')!.key } }
      : {})
  };
}
