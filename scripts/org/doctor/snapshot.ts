/**
 * What doctor read from the org (and the project's own files it compares with), as one typed value.
 * The readers (read/) fill it in a fixed number of calls; the check families (checks/) are pure
 * functions of the model and this snapshot, so each break is unit-tested without an org.
 *
 * A new check that needs something not here: add it to its family's slice below, read it in that
 * family's reader (batched: never a call per attribute), then check it in checks/<family>.ts.
 */
import type { PublishRecord } from '../publishState';

export interface ChannelSnapshot {
  exists: boolean;
  /** MessagingChannel.IsActive; undefined when the record was not found. */
  isActive?: boolean;
  sessionHandlerFlow?: string;
  customParameters: Array<{ name: string; externalParameterName: string; maxLength?: number; mappings: string[] }>;
  standardParameters: Array<{ parameterType: string; mappings: string[] }>;
}

export interface DeploymentSnapshot {
  exists: boolean;
  forms: Array<{ isActive: boolean; fields: Array<{ formField: string; isHidden: boolean; parameterType: string }> }>;
  /** The pre-chat fields the MIAW API serves (what is published), or why they could not be read. */
  published: { formFields: string[] } | { unavailable: string };
}

/** Input variables and `kind:name` of every element of a flow. */
export interface FlowShape {
  inputVariables: string[];
  elements: string[];
}

export interface FlowSnapshot {
  exists: boolean;
  activeVersion?: number;
  latestVersion?: number;
  active?: FlowShape;
  /** The project's flow file, or why it could not be read. */
  project: FlowShape | { unavailable: string };
}

export interface FieldSnapshot {
  /** QualifiedApiName of every MessagingSession field the org has. */
  names: Set<string>;
  /** `MessagingSession.X__c` → permission set name → read/edit. */
  permissions: Map<string, Map<string, { read: boolean; edit: boolean }>>;
}

export interface QueueSnapshot {
  developerName: string;
  routingConfigId?: string | null;
  sobjects: string[];
}

/** How many days back doctor looks for End Conversation failures. */
export const FAILURE_DAYS = 7;

export interface EndConversationSnapshot {
  /** The settings record's values, or undefined when the record does not exist. */
  settings?: Partial<Record<string, string>>;
  /** End Conversation failures of the last days, newest first; undefined when the object is missing. */
  failures?: Array<{ id: string; createdDate: string }>;
}

/** `metadata.path` → value, one flat list per side (read/channelSettings.ts). */
export type SettingsMap = Record<string, string>;
/** The project's settings, or why they cannot be read: its channel and deployment files as they will deploy. */
export type ProjectSettings = { settings: SettingsMap } | { unavailable: string };

export interface ChannelSettingsSnapshot {
  org: SettingsMap;
  project: ProjectSettings;
}

export interface CredentialSnapshot {
  external?: { principals: string[]; authorization?: string };
  named?: { url?: string; externalCredential?: string };
  /** Principal names the integration permission set enables; undefined when the set is missing. */
  principalAccess?: string[];
  tokenSet: boolean;
}

export interface PublishSnapshot {
  /** What the kit last published to this org (publishState.ts); undefined when it never did. */
  record?: PublishRecord;
  /** The fingerprint of the org's deployment now; read only when there is a record to compare with. */
  orgFingerprint?: string;
}

export interface AgentSnapshot {
  /** Queue DeveloperName → member user Ids (queues missing from the org are absent). */
  members: Map<string, string[]>;
  users: Map<string, { username: string; active: boolean }>;
  licenced: Set<string>;
  assigned: Set<string>;
  /** undefined: the permission set is not in the org. */
  grantsPermission?: boolean;
  presenceStatusGranted: boolean;
  presenceConfigExists: boolean;
  presenceConfigUsers: Set<string>;
}

/**
 * The vendor's External Client App. Read in order, each step only when the one before found
 * something: a missing app ends the reading, as does a missing or inactive Run-As user.
 */
export interface IntegrationSnapshot {
  appExists: boolean;
  /** isClientCredentialsFlowEnabled of the global OAuth settings; undefined when they are missing. */
  globalClientCredentials?: boolean;
  /** The OAuth policies; undefined when missing (or not read). */
  policies?: { clientCredentials: boolean; runAsUser?: string };
  /** The Run-As user; undefined when no user has that name (or it was not read). */
  runAsUser?: { id: string; active: boolean };
  /** Whether the Run-As user holds the integration permission set; read only for an active user. */
  holdsPermissionSet?: boolean;
}

export interface DoctorSnapshot {
  channel: ChannelSnapshot;
  deployment: DeploymentSnapshot;
  flow: FlowSnapshot;
  fields: FieldSnapshot;
  queues: QueueSnapshot[];
  endConversation: EndConversationSnapshot;
  /** undefined when the org has no channel. */
  channelSettings?: ChannelSettingsSnapshot;
  /** undefined when the config has no callout credential. */
  credential?: CredentialSnapshot;
  publish: PublishSnapshot;
  agents: AgentSnapshot;
  /** undefined when the config has no `integration`. */
  integration?: IntegrationSnapshot;
}
