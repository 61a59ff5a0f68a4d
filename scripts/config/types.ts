/**
 * The shape of handoff.config.json as the user writes it. Optional keys get their defaults in
 * model/resolve.ts; schemas/handoff.config.schema.json describes the same shape for editors and
 * for runtime validation (config/validate.ts).
 */
import type { ChannelConfig, DeploymentConfig } from './channelTypes';

export type Vendor = 'fin' | 'fullview' | 'cognigy' | 'generic';
export type AttributeGroup = 'Customer' | 'Conversation' | 'Location' | 'Other';
/** Field types a pre-chat String can be written into by the flow without a conversion. */
export type FieldType = 'Text' | 'LongTextArea' | 'Email' | 'Phone' | 'Url';
export type RuleOperator = 'equals' | 'contains' | 'in' | 'isBlank';
export type RoutingModel = 'MOST_AVAILABLE' | 'LEAST_ACTIVE';
export type NoAgentFallback = 'wait' | 'case';
/** Fullview's two options: the kit's flow decides (omniChannel), or the vendor does by business hours (vendorFlow). */
export type IntegrationMode = 'omniChannel' | 'vendorFlow';

export interface NamedComponent {
  developerName: string;
  label?: string;
}

export interface AttributeConfig {
  /** The key the vendor sends in routingAttributes, verbatim (case-exact). */
  key: string;
  label?: string;
  group?: AttributeGroup;
  type?: FieldType;
  /** Field length (Text: 1–255, LongTextArea: 256–131072). */
  length?: number;
  /** The channel parameter's maxLength; defaults to the field length. */
  maxLength?: number;
  /** Hidden pre-chat field (the vendor sends it; the customer never sees it). Default true. */
  hidden?: boolean;
  required?: boolean;
  /** Overrides the derived API name (parameter, flow variable, field base). */
  name?: string;
  /** A visible choice-list pre-chat field: the values the customer picks from (config/rules/choices.ts). */
  choices?: { value: string; label?: string; default?: boolean }[];
}

export interface QueueRoutingConfig {
  model?: RoutingModel;
  priority?: number;
  capacityWeight?: number;
  pushTimeout?: number;
}

export interface QueueConfig extends NamedComponent {
  routing?: QueueRoutingConfig;
  /** Extra sObjects the queue takes besides MessagingSession (Case is added for the fallback queue when Cases are created). */
  objects?: string[];
}

/** An agent and the queues they take work from (GroupMember); usernames are org-specific. */
export interface AgentConfig {
  username: string;
  queues?: string[];
}

export interface RuleConfig {
  label?: string;
  /** The vendor key of the attribute tested. */
  attribute: string;
  operator: RuleOperator;
  value?: string;
  values?: string[];
  queue: string;
}

export interface HandoffConfig {
  $schema?: string;
  vendor?: Vendor;
  /** Where `handoff build` writes, project-relative (default: scripts/project/outputDir.ts). */
  output?: { dir?: string };
  /** Who decides between a live conversation and a Case (default omniChannel; docs/integration.md "Modes"). */
  mode?: IntegrationMode;
  /**
   * The MIAW half (`channel`, `deployment`, `attributes`, `queues`, `routing`, `fallback`): required in
   * omniChannel mode; in vendorFlow mode all of it or none (the vendor then only creates Cases: rules/mode.ts).
   */
  channel?: ChannelConfig;
  deployment?: DeploymentConfig;
  flow?: { apiName?: string; label?: string };
  /** Prefix of the MessagingSession custom field names (`<prefix><name>__c`). */
  fieldPrefix?: string;
  attributes?: AttributeConfig[];
  queues?: QueueConfig[];
  routing?: { rules?: RuleConfig[]; defaultQueue: string };
  fallback?: {
    /** Where faults and unrouted conversations go; also the channel's fallback queue. */
    queue: string;
    whenNoAgent: NoAgentFallback;
    case?: CaseTemplateConfig;
  };
  businessHours?: { name: string; whenClosed?: NoAgentFallback };
  continuation?: { enabled: boolean };
  contactMatching?: {
    emailAttribute: string;
    createContact?: boolean;
    /** Match on the vendor-supplied, unverified email anyway (validate warns; see docs/flow.md). */
    trustUnverifiedEmail?: boolean;
  };
  endConversation?: {
    endpoint: string;
    organisationId?: string;
    timeoutMs?: number;
    maxAttempts?: number;
    /** Environment variable that holds the escalation token for `handoff seed` (never stored in the repo). */
    tokenEnv?: string;
  };
  permissionSets?: { agent?: string; integration?: string; flow?: string };
  presenceStatus?: NamedComponent;
  messaging?: {
    queueLimitType?: 'QueueLength' | 'QueueLengthPerAgent';
    queueThreshold?: number;
    isEstimatedWaitTimeEnabled?: boolean;
    isQueuePositionEnabled?: boolean;
  };
  /** The AI vendor's side of the connection: its External Client App and what its integration user may touch. */
  integration?: IntegrationConfig;
  /** Case fields the vendor writes (e.g. Transcript, Summary): generated with FLS (integration edit, agents read). */
  caseFields?: CaseFieldConfig[];
  /** Cognigy AI Copilot: the attribute carrying the agent's Copilot workspace URL, shown in an iframe. */
  copilot?: CopilotConfig;
  /** Facts about the target org that validate checks limits against (model/orgLimits.ts). */
  org?: { edition?: 'enterprise' | 'performance' | 'unlimited' | 'developer' };
  /** Users `handoff seed` assigns the permission sets to (usernames). */
  users?: {
    /** A username takes work from every queue; `{ username, queues }` from the queues named. */
    agents?: Array<string | AgentConfig>;
    integrationUser?: string;
    /** The agents' presence configuration capacity (PresenceUserConfig). Default 5. */
    capacity?: number;
  };
}

/** Objects whose fields the vendor's integration user syncs. */
export type SyncedObject = 'Contact' | 'Case';

/**
 * The vendor's External Client App (client credentials flow). The Run-As user is org-specific and
 * never in source: `handoff seed --integration-user` sets it.
 */
export interface IntegrationConfig {
  /** API name of the External Client App (also the base of its settings and policies files). */
  appName: string;
  label?: string;
  contactEmail: string;
  description?: string;
  /** OAuth scopes as the Metadata API spells them (ConnectedAppOauthAccessScope): default Api, Basic. */
  scopes?: string[];
  callbackUrl?: string;
  /** Fields the vendor reads (field-level security read), per object; default the standard ones the vendor guides name. */
  syncFields?: Partial<Record<SyncedObject, string[]>>;
  /** Fields the vendor writes back (read + edit), per object. Case fields in `caseFields` are always pushed. */
  pushFields?: Partial<Record<SyncedObject, string[]>>;
}

export interface CaseFieldConfig {
  /** API name without `__c` (e.g. `Handoff_Transcript`). */
  name: string;
  label: string;
  type?: 'Text' | 'LongTextArea' | 'Url';
  length?: number;
}

/** The Case the flow creates when no agent can take the conversation (fallback `case`). */
export interface CaseTemplateConfig {
  subject?: string;
  origin?: string;
  priority?: string;
  /** Attribute keys, in order, written as "Label: value" lines into Description (default: summaries first, then the rest). */
  description?: string[];
  /** Case field API name → attribute key (e.g. "Reason": "intent", "Handoff_Summary__c": "ai_summary"). */
  fields?: Record<string, string>;
}

export interface CopilotConfig {
  /** The key of the attribute that carries the Copilot workspace URL (type Url). */
  urlAttribute: string;
  /** https origins the iframe may show (e.g. "https://copilot-trial.cognigy.ai"); any other URL is shown as a link only. */
  allowedOrigins: string[];
}
