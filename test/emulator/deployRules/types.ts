/**
 * The shapes the emulator's deploy rules share: a component as it arrives in the zip, what the org
 * will hold once the deploy is done (its own components plus the package's), the settings where the
 * platform's behaviour is not known for sure, and a rule. Each rule names its evidence (a Salesforce
 * doc, metadata a real org retrieved, or a platform error message seen in public).
 */
import type { XmlNode } from '../../../scripts/xml/read';

/** A component found in the zip, before the org accepts it. */
export interface DeployComponent {
  type: string;
  fullName: string;
  fileName: string;
  xml: string;
  files?: Record<string, Buffer>;
  /** Parsed root (for a field split out of its object file: its `<fields>` node). */
  root?: XmlNode;
}

/** One reason the org refuses a component: the problem text the Metadata API reports, and where. */
export interface DeployProblem {
  message: string;
  line?: number;
  column?: number;
}

/** Where the emulator cannot know the platform's behaviour for sure: one named setting each (README). */
export interface StrictSettings {
  /** The org's newest API version: component apiVersion, package.xml version and the SOAP URL above it fail. */
  maxApiVersion: number;
  /**
   * Elements the WSDL marks required that the org accepts missing, as `Type.element` (real v66
   * retrieves omit these and still deploy: a public project's build log, docs/architecture.md
   * "Real retrieves and the WSDL").
   */
  requiredButAccepted: string[];
  /** Service channels every org with Messaging has without a deploy (retrieved v66 flows name `sfdc_livemessage`). */
  builtInServiceChannels: string[];
  /** Standard objects the emulated org has (their standard fields are assumed to exist). */
  standardObjects: string[];
  /** User permission names the org knows; the real list depends on the edition and licences. */
  userPermissions: string[];
}

export function defaultStrictSettings(): StrictSettings {
  return {
    maxApiVersion: 67,
    requiredButAccepted: [
      'EmbeddedMessagingChannel.isAgentAvlCheckEnabled',
      'EmbeddedMessagingChannel.queueLimitType',
      'EmbeddedMessagingChannel.queueThreshold'
    ],
    builtInServiceChannels: ['sfdc_livemessage'],
    standardObjects: [
      'Account',
      'BusinessHours',
      'Case',
      'Contact',
      'Conversation',
      'Group',
      'Individual',
      'Lead',
      'MessagingChannel',
      'MessagingEndUser',
      'MessagingSession',
      'Opportunity',
      'PermissionSet',
      'User'
    ],
    userPermissions: [
      'ApiEnabled',
      'ApiUserOnly',
      'EmbeddedMessagingAgent',
      'ManageCases',
      'ModifyAllData',
      'RunFlow',
      'ViewAllData',
      'ViewSetup'
    ]
  };
}

/** The org as it will be after this deploy: its components plus the package's (the package's win). */
export interface OrgView {
  readonly settings: StrictSettings;
  /** Whether a component of this type and name will exist. */
  has(type: string, fullName: string): boolean;
  /** The parsed root of that component, when it will exist. */
  rootOf(type: string, fullName: string): XmlNode | undefined;
  /** Whether an sObject exists: a standard one the org has, or a custom object it will hold. */
  hasObject(name: string): boolean;
  /** Whether a custom field `Object.Field__c` will exist (standard fields are assumed to). */
  hasField(objectName: string, field: string): boolean;
}

/** A rule over one component. */
export interface ComponentRule {
  id: string;
  /** The evidence the rule is written from: a doc, a retrieved file, or a public platform error message. */
  evidence: string;
  /** Types it applies to; undefined: every type. */
  types?: readonly string[];
  check(c: DeployComponent, org: OrgView): DeployProblem[];
}

/** A rule over the whole package (duplicates, the manifest). */
export interface PackageRule {
  id: string;
  evidence: string;
  check(
    components: readonly DeployComponent[],
    org: OrgView
  ): Array<{ component: DeployComponent; problem: DeployProblem }>;
}

/** The deploy-level checks (the job fails before any component is looked at). */
export interface ManifestRule {
  id: string;
  evidence: string;
  /** The job's errorMessage, or undefined. */
  check(manifest: { version?: string }, org: OrgView): string | undefined;
}

/** An `In field: X - no Type named Y found` problem, the platform's wording for an unresolved reference. */
export function unresolved(what: string, type: string, name: string, node?: XmlNode): DeployProblem {
  return { message: `In field: ${what} - no ${type} named ${name} found`, line: node?.line, column: node?.column };
}
