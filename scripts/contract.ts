/**
 * Names shared by the generators, the Apex classes, the LWCs, the validator, the simulator and the org
 * scripts. Change a name here and in the hand-written Apex/LWC in the same commit.
 */
export const API_VERSION = '66.0';
export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

export const END_CONVERSATION = {
  className: 'HandoffEndConversation',
  label: 'End Conversation',
  jobClassName: 'HandoffEndConversationJob',
  inputs: { messagingSessionId: 'messagingSessionId', caseId: 'caseId', reason: 'reason' },
  outputs: { accepted: 'accepted', message: 'message' },
  reasons: { noAgent: 'no_agent_available', outsideHours: 'outside_business_hours' }
} as const;

export const BUSINESS_HOURS = {
  className: 'HandoffBusinessHours',
  label: 'Is Within Business Hours',
  inputs: { businessHoursName: 'businessHoursName' },
  outputs: { isWithin: 'isWithin' }
} as const;

export const SETTINGS_TYPE = {
  objectName: 'Handoff_Settings__mdt',
  defaultRecord: 'Default',
  fields: {
    organisationId: 'Organisation_Id__c',
    timeoutMs: 'Timeout_Ms__c',
    maxAttempts: 'Max_Attempts__c'
  }
} as const;

/**
 * The End Conversation callout's credential: a Named Credential (the endpoint URL) backed by an External
 * Credential whose named principal holds the vendor's token. The platform adds the Authorization header
 * at callout time, so neither Apex, a user nor the vendor's integration user can read the token.
 */
export const CALLOUT_CREDENTIAL = {
  namedCredential: 'Handoff_End_Conversation',
  externalCredential: 'Handoff_End_Conversation',
  /** The named principal: a permission set grants `<externalCredential>-<principal>`. */
  principal: 'Vendor',
  /** The principal's authentication parameter that holds the token (`$Credential.<ext>.Token`). */
  tokenParameter: 'Token'
} as const;

/** The permission-set name of the principal: `<ExternalCredential>-<principal>`, as retrieves spell it. */
export const PRINCIPAL_ACCESS_NAME = `${CALLOUT_CREDENTIAL.externalCredential}-${CALLOUT_CREDENTIAL.principal}`;

/**
 * The Authorization header value the External Credential carries: a formula over the principal's
 * encrypted parameter (the platform's merge syntax). The generator writes it; doctor compares with it.
 */
export function authorizationFormula(externalCredential: string): string {
  return `{!'Bearer ' & $Credential.${externalCredential}.${CALLOUT_CREDENTIAL.tokenParameter}}`;
}

export const ATTRIBUTE_TYPE = {
  objectName: 'Handoff_Attribute__mdt',
  fields: {
    key: 'Key__c',
    parameter: 'Parameter__c',
    field: 'Field__c',
    label: 'Label__c',
    group: 'Group__c',
    order: 'Order__c',
    frameOrigins: 'Frame_Origins__c'
  }
} as const;

export const FAILURE_OBJECT = 'Handoff_Callout_Failure__c';
export const CONTEXT_LWC = { component: 'handoffContext', controller: 'HandoffContextController' } as const;

/** The standard Omni-Channel service channel for messaging sessions. */
export const MESSAGING_SERVICE_CHANNEL = { developerName: 'sfdc_livemessage', label: 'Messaging' } as const;

/** The kit's own Apex test classes, run by check-only deploys (RunSpecifiedTests). */
export const APEX_TEST_CLASSES = [
  'HandoffEndConversationTest',
  'HandoffBusinessHoursTest',
  'HandoffContextControllerTest'
] as const;

/**
 * What an agent needs to be offered hand-offs (help.salesforce.com `service.miaw_prepare_users`): the
 * Enhanced Chat User permission set licence, and a permission set granting Enhanced Chat Rep. The
 * licence API name and that it carries the permission: a public org setup guide
 * (EmbeddedServiceMessagingUserPsl "grants EmbeddedMessagingAgent"); docs/architecture.md, "Agents".
 */
export const AGENT_ACCESS = {
  userPermission: 'EmbeddedMessagingAgent',
  licence: 'EmbeddedServiceMessagingUserPsl',
  licenceLabel: 'Enhanced Chat User',
  presenceConfig: { developerName: 'Handoff_Agents', label: 'Hand-off Agents' }
} as const;
