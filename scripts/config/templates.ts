/**
 * Starting configs per vendor for `handoff init`. The attribute lists are the keys each vendor sends
 * (README "Vendors" documents them and what to set on the vendor's side).
 */
import type { AttributeConfig, CaseFieldConfig, HandoffConfig, IntegrationConfig, Vendor } from './types';
import { groupFor, labelFor } from './infer';

const key = (k: string, extra: Partial<AttributeConfig> = {}): AttributeConfig => ({
  key: k,
  label: labelFor(k),
  group: groupFor(k),
  ...extra
});

const STANDARD = ['_firstName', '_lastName', '_email', '_subject'].map((k) => key(k));

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
  return {
    $schema: './schemas/handoff.config.schema.json',
    vendor,
    channel: { developerName: 'Handoff_Messaging', label: 'Handoff Messaging' },
    deployment: { developerName: 'Handoff_Deployment', label: 'Handoff Deployment' },
    flow: { apiName: 'Handoff_Routing', label: 'Handoff Routing' },
    attributes,
    queues: [{ developerName: 'Handoff_General', label: 'Hand-off General' }],
    routing: { rules: [], defaultQueue: 'Handoff_General' },
    fallback: { queue: 'Handoff_General', whenNoAgent: 'wait' },
    continuation: { enabled: true },
    integration: starterIntegration(vendor),
    caseFields: VENDOR_CASE_FIELDS[vendor],
    ...VENDOR_CHANNEL[vendor],
    ...(attributes.some((a) => a.key.toLowerCase() === '_email')
      ? { contactMatching: { emailAttribute: attributes.find((a) => a.key.toLowerCase() === '_email')!.key } }
      : {})
  };
}
