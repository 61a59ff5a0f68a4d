/**
 * Config → resolved model. Applies every default and decides every name once (via naming/), so
 * the generators stay free of policy. Assumes the config passed config/validate.ts.
 */
import type { AgentConfig, AttributeConfig, HandoffConfig, QueueConfig } from '../config/types';
import { assignNames, developerName, fieldApiName, labelFromKey, MAX_API_NAME } from '../naming/naming';
import { standardFormField, standardParameterFor } from '../platform/standardParameters';
import { FLOW_INTERNAL_PREFIX, FLOW_RESERVED_NAMES } from '../naming/flowNames';
import { resolveCaseFields, resolveIntegration } from './integration';
import { caseDescription, caseFieldValues } from './caseTemplate';
import { fieldLength } from '../platform/fieldLengths';
import { normaliseDir } from '../project/outputDir';
import { AGENT_ACCESS, CALLOUT_CREDENTIAL } from '../contract';
import { hasMiaw } from './types';
import type {
  HandoffModel,
  MiawHalf,
  ProjectModel,
  ResolvedAgent,
  ResolvedAttribute,
  ResolvedQueue,
  ResolvedRule,
  VendorHalf
} from './types';
import { caseFieldSet } from './caseFieldSet';
import { resolveChannelSettings, resolveDeploymentSettings } from './channelSettings';

export const DEFAULTS = {
  flowApiName: 'Handoff_Routing',
  flowLabel: 'Handoff Routing',
  fieldPrefix: '',
  longTextVisibleLines: 5,
  agentPermissionSet: 'Handoff_Agent',
  integrationPermissionSet: 'Handoff_Integration',
  flowPermissionSet: 'Handoff_Flow',
  presenceStatus: 'Handoff_Available',
  caseSubject: 'Conversation handed off by the AI agent',
  caseOrigin: 'Chat',
  timeoutMs: 10000,
  maxAttempts: 10,
  tokenEnv: 'HANDOFF_ESCALATION_TOKEN',
  routingModel: 'MOST_AVAILABLE' as const,
  routingPriority: 1,
  capacityWeight: 1,
  pushTimeout: 60,
  queueLimitType: 'QueueLength' as const,
  queueThreshold: 50,
  agentCapacity: 5
};

/**
 * Agents from the config or `seed --agents`: a bare username takes work from every queue. Usernames
 * compare case-insensitively (Salesforce's rule); the same agent twice merges their queues.
 */
export function resolveAgents(
  agents: Array<string | AgentConfig>,
  queues: Array<{ developerName: string }>
): ResolvedAgent[] {
  const all = queues.map((q) => q.developerName);
  const byName = new Map<string, ResolvedAgent>();
  for (const a of agents) {
    const username = typeof a === 'string' ? a : a.username;
    const wanted = typeof a === 'string' || !a.queues?.length ? all : a.queues;
    const have = byName.get(username.toLowerCase());
    if (have) have.queues = [...new Set([...have.queues, ...wanted])];
    else byName.set(username.toLowerCase(), { username, queues: [...wanted] });
  }
  return [...byName.values()];
}

function resolveAttributes(
  configured: AttributeConfig[],
  prefix: string
): { attributes: ResolvedAttribute[]; notes: HandoffModel['namingNotes'] } {
  const max = MAX_API_NAME - prefix.length;
  const { names, notes } = assignNames(
    configured.map((a) => ({ key: a.key, override: a.name })),
    FLOW_RESERVED_NAMES,
    max,
    FLOW_INTERNAL_PREFIX
  );
  const attributes = configured.map((a: AttributeConfig, i): ResolvedAttribute => {
    const type = a.type ?? 'Text';
    const length = fieldLength(type, a.length);
    const standard = standardParameterFor(a.key);
    const name = names[i].name;
    return {
      key: a.key,
      label: a.label ?? labelFromKey(a.key),
      group: a.group ?? 'Other',
      order: i + 1,
      name,
      standard,
      formField: standard ? standardFormField(standard) : name,
      field: {
        apiName: fieldApiName(prefix, name),
        type,
        length,
        ...(type === 'LongTextArea' ? { visibleLines: DEFAULTS.longTextVisibleLines } : {})
      },
      maxLength: a.maxLength ?? length,
      // Hidden fields are custom parameters only (docs/architecture.md): standard ones stay visible.
      hidden: standard ? false : (a.hidden ?? true),
      required: a.required ?? false,
      ...(a.choices?.length && !standard
        ? {
            choiceList: {
              name,
              values: a.choices.map((c) => ({
                value: c.value,
                label: c.label ?? c.value,
                isDefault: c.default ?? false
              }))
            }
          }
        : {})
    };
  });
  return { attributes, notes };
}

function resolveQueue(q: QueueConfig, extraObjects: string[]): ResolvedQueue {
  const label = q.label ?? labelFromKey(q.developerName);
  const objects = [...new Set(['MessagingSession', ...(q.objects ?? []), ...extraObjects])].sort();
  return {
    developerName: q.developerName,
    label,
    objects,
    routingConfig: {
      developerName: developerName(`${q.developerName}_Routing`),
      label: `${label} Routing`.slice(0, 80),
      model: q.routing?.model ?? DEFAULTS.routingModel,
      priority: q.routing?.priority ?? DEFAULTS.routingPriority,
      capacityWeight: q.routing?.capacityWeight ?? DEFAULTS.capacityWeight,
      pushTimeout: q.routing?.pushTimeout ?? DEFAULTS.pushTimeout
    }
  };
}

/**
 * Config → the resolved project. A config without `channel` (vendorFlow mode: the vendor only creates
 * Cases) resolves to the vendor's half alone: no attributes, queues, channel, deployment or flow.
 */
export function resolveProject(config: HandoffConfig): ProjectModel {
  const prefix = config.fieldPrefix ?? DEFAULTS.fieldPrefix;
  const miaw = miawConfig(config);
  const { attributes, notes } = miaw
    ? resolveAttributes(miaw.attributes, prefix)
    : { attributes: [], notes: [] as HandoffModel['namingNotes'] };
  const byKey = new Map(attributes.map((a) => [a.key, a]));
  const attr = (key: string): ResolvedAttribute => {
    const a = byKey.get(key);
    if (!a) throw new Error(`internal: attribute "${key}" not resolved (config validation should have caught it)`);
    return a;
  };

  const createsCases = !!miaw && (miaw.fallback.whenNoAgent === 'case' || config.businessHours?.whenClosed === 'case');
  const queues = (miaw?.queues ?? []).map((q) =>
    resolveQueue(q, createsCases && q.developerName === miaw?.fallback.queue ? ['Case'] : [])
  );

  const ruleConfigs = miaw?.routing.rules ?? [];
  const ruleNames = assignNames(
    ruleConfigs.map((r, i) => ({ key: `${FLOW_INTERNAL_PREFIX}Rule_${i + 1}_${r.label ?? r.queue}` })),
    [],
    MAX_API_NAME
  ).names;
  const rules = ruleConfigs.map((r, i): ResolvedRule => ({
    name: ruleNames[i].name,
    label: r.label ?? `${labelFromKey(r.attribute)} ${r.operator} → ${r.queue}`.slice(0, 80),
    attribute: attr(r.attribute),
    operator: r.operator,
    values: r.operator === 'isBlank' ? [] : r.operator === 'in' ? [...(r.values ?? [])] : [r.value ?? ''],
    queue: r.queue
  }));

  const caseFields = resolveCaseFields(config.caseFields);
  const ec = config.endConversation;
  const endConversation = ec
    ? {
        endpoint: ec.endpoint,
        organisationId: ec.organisationId ?? '',
        timeoutMs: ec.timeoutMs ?? DEFAULTS.timeoutMs,
        maxAttempts: ec.maxAttempts ?? DEFAULTS.maxAttempts,
        tokenEnv: ec.tokenEnv ?? DEFAULTS.tokenEnv
      }
    : undefined;
  const half = miaw ? resolveMiawHalf(miaw, config, attributes) : undefined;

  const vendorHalf: VendorHalf = {
    vendor: config.vendor ?? 'generic',
    outputDir: config.output?.dir ? normaliseDir(config.output.dir) : undefined,
    mode: config.mode ?? 'omniChannel',
    attributes,
    queues,
    rules,
    businessHours:
      config.businessHours && miaw
        ? { name: config.businessHours.name, whenClosed: config.businessHours.whenClosed ?? miaw.fallback.whenNoAgent }
        : undefined,
    continuation: config.continuation?.enabled ?? false,
    contactMatching:
      miaw && matchesContacts(config)
        ? {
            emailAttribute: attr(config.contactMatching!.emailAttribute),
            createContact: config.contactMatching!.createContact ?? false
          }
        : undefined,
    endConversation,
    endOutcome: createsCases ? endOutcome(prefix) : undefined,
    calloutCredential: endConversation
      ? {
          namedCredential: CALLOUT_CREDENTIAL.namedCredential,
          externalCredential: CALLOUT_CREDENTIAL.externalCredential,
          principal: CALLOUT_CREDENTIAL.principal,
          url: endConversation.endpoint
        }
      : undefined,
    permissionSets: {
      agent: { name: config.permissionSets?.agent ?? DEFAULTS.agentPermissionSet, label: 'Handoff Agent' },
      integration: {
        name: config.permissionSets?.integration ?? DEFAULTS.integrationPermissionSet,
        label: 'Handoff Integration'
      },
      flow: { name: config.permissionSets?.flow ?? DEFAULTS.flowPermissionSet, label: 'Handoff Flow' }
    },
    caseFields,
    caseFieldSet: caseFieldSet(config, half?.fallback.caseFieldValues ?? []),
    integration: resolveIntegration(config, caseFields),
    ...(config.copilot && miaw
      ? {
          copilot: { attribute: attr(config.copilot.urlAttribute), allowedOrigins: [...config.copilot.allowedOrigins] }
        }
      : {}),
    users: {
      agents: resolveAgents(config.users?.agents ?? [], queues),
      integrationUser: config.users?.integrationUser
    },
    namingNotes: notes
  };
  return half ? { ...vendorHalf, ...half } : vendorHalf;
}

/** A project that must have the MIAW half (every omniChannel config; tests and MIAW-only tools). */
export function resolveModel(config: HandoffConfig): HandoffModel {
  const model = resolveProject(config);
  if (!hasMiaw(model))
    throw new Error('internal: this config has no MIAW half ("channel"); use resolveProject for a vendorFlow project');
  return model;
}

/** The config's MIAW half when it has one (config validation ensures all of it or none). */
type MiawConfig = Required<
  Pick<HandoffConfig, 'channel' | 'deployment' | 'attributes' | 'queues' | 'routing' | 'fallback'>
>;

function miawConfig(config: HandoffConfig): MiawConfig | undefined {
  const { channel, deployment, attributes, queues, routing, fallback } = config;
  if (!channel) return undefined;
  if (!deployment || !attributes || !queues || !routing || !fallback)
    throw new Error('internal: "channel" without the rest of the MIAW half (config validation should have caught it)');
  return { channel, deployment, attributes, queues, routing, fallback };
}

function resolveMiawHalf(miaw: MiawConfig, config: HandoffConfig, attributes: ResolvedAttribute[]): MiawHalf {
  return {
    channel: {
      developerName: miaw.channel.developerName,
      label: miaw.channel.label ?? labelFromKey(miaw.channel.developerName)
    },
    deployment: {
      developerName: miaw.deployment.developerName,
      label: miaw.deployment.label ?? labelFromKey(miaw.deployment.developerName)
    },
    channelSettings: resolveChannelSettings(miaw.channel),
    deploymentSettings: resolveDeploymentSettings(miaw.deployment),
    flow: { apiName: config.flow?.apiName ?? DEFAULTS.flowApiName, label: config.flow?.label ?? DEFAULTS.flowLabel },
    defaultQueue: miaw.routing.defaultQueue,
    fallback: {
      queue: miaw.fallback.queue,
      whenNoAgent: miaw.fallback.whenNoAgent,
      caseSubject: miaw.fallback.case?.subject ?? DEFAULTS.caseSubject,
      caseOrigin: miaw.fallback.case?.origin ?? DEFAULTS.caseOrigin,
      casePriority: miaw.fallback.case?.priority,
      caseDescription: caseDescription(miaw.fallback.case, attributes),
      caseFieldValues: caseFieldValues(miaw.fallback.case, attributes)
    },
    presenceStatus: {
      developerName: config.presenceStatus?.developerName ?? DEFAULTS.presenceStatus,
      label: config.presenceStatus?.label ?? 'Available for Hand-offs'
    },
    messaging: {
      queueLimitType: config.messaging?.queueLimitType ?? DEFAULTS.queueLimitType,
      queueThreshold: config.messaging?.queueThreshold ?? DEFAULTS.queueThreshold,
      isEstimatedWaitTimeEnabled: config.messaging?.isEstimatedWaitTimeEnabled ?? false,
      isQueuePositionEnabled: config.messaging?.isQueuePositionEnabled ?? false
    },
    presenceConfig: { ...AGENT_ACCESS.presenceConfig, capacity: config.users?.capacity ?? DEFAULTS.agentCapacity }
  };
}

/**
 * Contact matching links a Contact by email only when that email is a verified identity (the channel's
 * `verification.mode` is `verified`) or the admin explicitly trusts unverified email; otherwise a
 * customer could type someone else's address and be shown as that Contact.
 */
export function matchesContacts(config: Pick<HandoffConfig, 'channel' | 'contactMatching'>): boolean {
  const cm = config.contactMatching;
  return !!cm && (channelVerifiesUsers(config.channel) || cm.trustUnverifiedEmail === true);
}

/** The channel verifies its users (their JWT is checked against a key set: docs/channel.md). */
export function channelVerifiesUsers(channel: HandoffConfig['channel'] | undefined): boolean {
  return channel?.verification?.mode === 'verified';
}

/** End Conversation's `message` is at most this long (HandoffEndConversation abbreviates it to fit). */
export const END_MESSAGE_LENGTH = 255;

/** The two session fields of End Conversation's outcome, `<prefix>HK_End_Accepted__c` and `<prefix>HK_End_Message__c`. */
function endOutcome(prefix: string): NonNullable<HandoffModel['endOutcome']> {
  return {
    accepted: {
      apiName: fieldApiName(prefix, `${FLOW_INTERNAL_PREFIX}End_Accepted`),
      label: 'End Conversation Accepted',
      type: 'Checkbox',
      description:
        'Set by the routing flow: the End Conversation action accepted (queued) the notification to the vendor.'
    },
    message: {
      apiName: fieldApiName(prefix, `${FLOW_INTERNAL_PREFIX}End_Message`),
      label: 'End Conversation Message',
      type: 'Text',
      length: END_MESSAGE_LENGTH,
      description: 'Set by the routing flow: what the End Conversation action said (queued, or why it refused).'
    }
  };
}
