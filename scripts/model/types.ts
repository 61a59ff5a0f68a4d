/**
 * The resolved model: the config with every default applied and every name decided once (by
 * naming/). Generators only read this; they never derive a name themselves.
 */
import type { AttributeGroup, FieldType, NoAgentFallback, RoutingModel, RuleOperator, Vendor } from '../config/types';
import type { NamingNote } from '../naming/naming';
import type { StandardParameter } from '../platform/standardParameters';

export type { StandardParameter };

export interface ResolvedAttribute {
  /** Vendor key, verbatim: the channel's externalParameterName. */
  key: string;
  label: string;
  group: AttributeGroup;
  /** 1-based position in the config. */
  order: number;
  /** The one derived API name: channel parameter `name`, `actionParameterName`, flow input variable. */
  name: string;
  /** Set for `_firstName`, `_lastName`, `_email`, `_subject`: a channel standard parameter. */
  standard?: StandardParameter;
  /** The pre-chat `formField`: `name` for custom parameters, `_FirstName`… for standard ones. */
  formField: string;
  field: { apiName: string; type: FieldType; length: number; visibleLines?: number };
  /** The channel parameter's maxLength (values are truncated to it). */
  maxLength: number;
  hidden: boolean;
  required: boolean;
}

/** An agent and the queues (DeveloperName) they are a member of. */
export interface ResolvedAgent {
  username: string;
  queues: string[];
}

export interface ResolvedQueue {
  developerName: string;
  label: string;
  /** sObjects the queue takes, sorted: always MessagingSession. */
  objects: string[];
  routingConfig: {
    developerName: string;
    label: string;
    model: RoutingModel;
    priority: number;
    capacityWeight: number;
    pushTimeout: number;
  };
}

export interface ResolvedRule {
  /** API name of the decision outcome. */
  name: string;
  label: string;
  attribute: ResolvedAttribute;
  operator: RuleOperator;
  /** The compared values: one for equals/contains, many for `in`, none for isBlank. */
  values: string[];
  queue: string;
}

export interface HandoffModel {
  vendor: Vendor;
  channel: { developerName: string; label: string };
  deployment: { developerName: string; label: string };
  flow: { apiName: string; label: string };
  attributes: ResolvedAttribute[];
  queues: ResolvedQueue[];
  rules: ResolvedRule[];
  defaultQueue: string;
  fallback: {
    queue: string;
    whenNoAgent: NoAgentFallback;
    caseSubject: string;
    caseOrigin: string;
    casePriority?: string;
  };
  businessHours?: { name: string; whenClosed: NoAgentFallback };
  continuation: boolean;
  contactMatching?: { emailAttribute: ResolvedAttribute; createContact: boolean };
  endConversation?: {
    endpoint: string;
    organisationId: string;
    timeoutMs: number;
    maxAttempts: number;
    tokenEnv: string;
  };
  /** Present when endConversation is configured: the Named Credential's URL (the endpoint). */
  calloutCredential?: { namedCredential: string; externalCredential: string; principal: string; url: string };
  permissionSets: { agent: { name: string; label: string }; integration: { name: string; label: string } };
  presenceStatus: { developerName: string; label: string };
  messaging: {
    queueLimitType: 'QueueLength' | 'QueueLengthPerAgent';
    queueThreshold: number;
    isEstimatedWaitTimeEnabled: boolean;
    isQueuePositionEnabled: boolean;
  };
  users: { agents: ResolvedAgent[]; integrationUser?: string };
  /** The agents' presence configuration (PresenceUserConfig); assigned to the agents by `seed`. */
  presenceConfig: { developerName: string; label: string; capacity: number };
  /** Every name that was truncated, de-duplicated or changed beyond plain cleaning. */
  namingNotes: NamingNote[];
}
