/**
 * The resolved model: the config with every default applied and every name decided once (by
 * naming/). Generators only read this; they never derive a name themselves.
 */
import type {
  AttributeGroup,
  FieldType,
  NoAgentFallback,
  RoutingModel,
  IntegrationMode,
  RuleOperator,
  SyncedObject,
  Vendor
} from '../config/types';
import type { NamingNote } from '../naming/naming';
import type { StandardParameter } from '../platform/standardParameters';
import type { ChannelSettings, DeploymentSettings } from './channelSettings';

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
  /** A visible choice-list field: the ChoiceList component's name and its values in order. */
  choiceList?: { name: string; values: { value: string; label: string; isDefault: boolean }[] };
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

/**
 * The MIAW half of a project: the messaging channel, its deployment, the routing flow and what only the
 * flow uses. Every `omniChannel` project has it; a `vendorFlow` project has it only when its config
 * lists `channel` (live conversations inside the vendor's business hours).
 */
export interface MiawHalf {
  channel: { developerName: string; label: string };
  deployment: { developerName: string; label: string };
  /** Channel settings from Setup (verification, auto-responses, attachments …): model/channelSettings.ts. */
  channelSettings: ChannelSettings;
  deploymentSettings: DeploymentSettings;
  flow: { apiName: string; label: string };
  defaultQueue: string;
  fallback: {
    queue: string;
    whenNoAgent: NoAgentFallback;
    caseSubject: string;
    caseOrigin: string;
    casePriority?: string;
    /** The attributes written as "Label: value" lines into the Case Description, in order. */
    caseDescription: ResolvedAttribute[];
    /** Case fields filled from an attribute (`fallback.case.fields`), sorted by field. */
    caseFieldValues: ResolvedCaseFieldValue[];
  };
  presenceStatus: { developerName: string; label: string };
  messaging: {
    queueLimitType: 'QueueLength' | 'QueueLengthPerAgent';
    queueThreshold: number;
    isEstimatedWaitTimeEnabled: boolean;
    isQueuePositionEnabled: boolean;
  };
  /** The agents' presence configuration (PresenceUserConfig); assigned to the agents by `seed`. */
  presenceConfig: { developerName: string; label: string; capacity: number };
}

/** What every project has: the vendor's side, the Case fields, the permission sets, the names. */
export interface VendorHalf {
  vendor: Vendor;
  /** `output.dir` as configured (project-relative, forward slashes); undefined: the project's default (project/outputDir.ts). */
  outputDir?: string;
  /** omniChannel: the kit's flow decides between an agent and a Case; vendorFlow: the vendor does (by business hours). */
  mode: IntegrationMode;
  /** The routing attributes (empty without the MIAW half: nothing carries them). */
  attributes: ResolvedAttribute[];
  /** Empty without the MIAW half. */
  queues: ResolvedQueue[];
  rules: ResolvedRule[];
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
  /**
   * The MessagingSession fields the flow stores End Conversation's outputs in (`accepted`, `message`);
   * present when the flow calls the action (a `case` fallback). Names follow the naming contract
   * (`<prefix>HK_End_Accepted__c`): the `HK_` part keeps them out of the attributes' names.
   */
  endOutcome?: { accepted: OutcomeField; message: OutcomeField };
  /** Present when endConversation is configured: the Named Credential's URL (the endpoint). */
  calloutCredential?: { namedCredential: string; externalCredential: string; principal: string; url: string };
  permissionSets: {
    agent: { name: string; label: string };
    /** The AI vendor's integration user (the External Client App's Run-As user): least privilege. */
    integration: { name: string; label: string };
    /** The routing flow's running user: writes the hand-off fields, runs the Apex actions, reads the settings. */
    flow: { name: string; label: string };
  };
  /** The vendor's External Client App; absent when the config has no `integration`. */
  integration?: ResolvedIntegration;
  /** Case fields the vendor writes, sorted by API name. */
  caseFields: ResolvedCaseField[];
  /** The Case field set agents see in handoffContext on Case pages (generate/caseFieldSet.ts). */
  caseFieldSet: { name: string; label: string; fields: string[] };
  /** Cognigy AI Copilot: the attribute with the workspace URL and the origins the agent's iframe may show. */
  copilot?: { attribute: ResolvedAttribute; allowedOrigins: string[] };
  users: { agents: ResolvedAgent[]; integrationUser?: string };
  /** Every name that was truncated, de-duplicated or changed beyond plain cleaning. */
  namingNotes: NamingNote[];
}

/** A project with the MIAW half: what the channel, deployment, flow and queue generators read. */
export type HandoffModel = VendorHalf & MiawHalf;

/** Any resolved project: with the MIAW half, or (vendorFlow without `channel`) the vendor's half only. */
export type ProjectModel = HandoffModel | (VendorHalf & { [K in keyof MiawHalf]?: undefined });

/** True when the project generates the MIAW half (channel, deployment, routing flow, queues). */
export function hasMiaw(model: ProjectModel): model is HandoffModel {
  return model.channel !== undefined;
}

export interface ResolvedIntegration {
  appName: string;
  label: string;
  contactEmail: string;
  description: string;
  /** Metadata API scope tokens (`Api`, `Basic`…), in config order. */
  scopes: string[];
  callbackUrl: string;
  /** Field API names the vendor reads, per object, sorted (pushed fields included). */
  readFields: Record<SyncedObject, string[]>;
  /** Field API names the vendor writes, per object, sorted. */
  editFields: Record<SyncedObject, string[]>;
}

export interface ResolvedCaseField {
  /** `Name__c`. */
  apiName: string;
  label: string;
  type: 'Text' | 'LongTextArea' | 'Url';
  length: number;
}

/** A Case field the flow fills from an attribute. */
export interface ResolvedCaseFieldValue {
  /** Case field API name (`Reason`, `Handoff_Summary__c`). */
  field: string;
  attribute: ResolvedAttribute;
}

/** A MessagingSession field the kit itself writes (not an attribute). */
export interface OutcomeField {
  apiName: string;
  label: string;
  type: 'Checkbox' | 'Text';
  /** Text only. */
  length?: number;
  description: string;
}
