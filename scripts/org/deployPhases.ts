/**
 * The order the platform needs, in one place. Each phase deploys only the components of its types
 * that the project holds; a phase with none is skipped. Later phases reference earlier ones (the
 * permission sets grant fields, the flow calls Apex, the channel names the flow and queue, the
 * deployment names the channel), and a deploy cannot see components of a deploy that has not
 * finished, hence one deploy per phase.
 */
export interface DeployPhase {
  name: string;
  /** What the phase holds, for progress lines and docs. */
  description: string;
  /** Metadata API type names (top-level types; CustomField travels with CustomObject). */
  types: readonly string[];
}

export const DEPLOY_PHASES: readonly DeployPhase[] = [
  {
    name: 'schema',
    description:
      'MessagingSession and Case fields, the Case field set, custom objects, custom metadata types, labels, tabs, custom permissions',
    types: [
      'CustomObject',
      'CustomField',
      // The Case field set names Case fields of this phase: one deploy carries both (objects/Case.object).
      'FieldSet',
      'CustomLabels',
      'CustomLabel',
      'CustomTab',
      'GlobalValueSet',
      'StandardValueSet',
      // Handoff_Admin (permissions phase) names the Resend custom permission.
      'CustomPermission'
    ]
  },
  {
    name: 'apex',
    description: 'Apex classes and triggers, Lightning web components, the sites they may frame, quick actions',
    // A quick action names its Lightning web component: one deploy carries both.
    types: ['ApexClass', 'ApexTrigger', 'LightningComponentBundle', 'CspTrustedSite', 'QuickAction']
  },
  {
    name: 'settings',
    description: 'the settings and attribute records, org settings, remote site, credentials',
    types: ['CustomMetadata', 'Settings', 'RemoteSiteSetting', 'ExternalCredential', 'NamedCredential']
  },
  {
    name: 'routing',
    description: 'routing configurations, queues, service channels and presence',
    types: ['QueueRoutingConfig', 'ServiceChannel', 'Queue', 'ServicePresenceStatus', 'PresenceUserConfig']
  },
  { name: 'permissions', description: 'permission sets and groups', types: ['PermissionSet', 'PermissionSetGroup'] },
  {
    // The policies name the integration permission set, so the app follows the permissions.
    name: 'integration',
    description: "the AI vendor's External Client App (OAuth settings and policies)",
    types: [
      'ExternalClientApplication',
      'ExtlClntAppGlobalOauthSettings',
      'ExtlClntAppOauthSettings',
      'ExtlClntAppOauthConfigurablePolicies'
    ]
  },
  { name: 'flow', description: 'the Omni-Channel routing flow', types: ['Flow', 'FlowDefinition'] },
  {
    name: 'channel',
    description: 'the verified-user key set and the messaging channel (custom parameters and mappings)',
    types: ['PublicKeyCertificateSet', 'MessagingChannel']
  },
  {
    // A choice-list form field names its ChoiceList, so the lists go with (before) the deployment.
    name: 'deployment',
    description: 'the pre-chat choice lists and the Embedded Service deployment (pre-chat)',
    types: ['ChoiceList', 'EmbeddedServiceConfig']
  }
];

/** Types no phase names go last, in one more phase, so nothing in the project is silently left out. */
export const OTHER_PHASE: DeployPhase = { name: 'other', description: 'everything else (pages, layouts…)', types: [] };

/** Types whose presence makes a deploy run Apex tests. */
export const APEX_TYPES: readonly string[] = ['ApexClass', 'ApexTrigger'];

/** The phase a type belongs to. */
export function phaseOf(type: string): DeployPhase {
  return DEPLOY_PHASES.find((p) => p.types.includes(type)) ?? OTHER_PHASE;
}
