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
import type { HandoffModel, ResolvedAgent, ResolvedAttribute, ResolvedQueue, ResolvedRule } from './types';
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
  config: HandoffConfig,
  prefix: string
): { attributes: ResolvedAttribute[]; notes: HandoffModel['namingNotes'] } {
  const max = MAX_API_NAME - prefix.length;
  const { names, notes } = assignNames(
    config.attributes.map((a) => ({ key: a.key, override: a.name })),
    FLOW_RESERVED_NAMES,
    max,
    FLOW_INTERNAL_PREFIX
  );
  const attributes = config.attributes.map((a: AttributeConfig, i): ResolvedAttribute => {
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

export function resolveModel(config: HandoffConfig): HandoffModel {
  const prefix = config.fieldPrefix ?? DEFAULTS.fieldPrefix;
  const { attributes, notes } = resolveAttributes(config, prefix);
  const byKey = new Map(attributes.map((a) => [a.key, a]));
  const attr = (key: string): ResolvedAttribute => {
    const a = byKey.get(key);
    if (!a) throw new Error(`internal: attribute "${key}" not resolved (config validation should have caught it)`);
    return a;
  };

  const whenNoAgent = config.fallback.whenNoAgent;
  const createsCases = whenNoAgent === 'case' || config.businessHours?.whenClosed === 'case';
  const queues = config.queues.map((q) =>
    resolveQueue(q, createsCases && q.developerName === config.fallback.queue ? ['Case'] : [])
  );

  const ruleNames = assignNames(
    (config.routing.rules ?? []).map((r, i) => ({ key: `${FLOW_INTERNAL_PREFIX}Rule_${i + 1}_${r.label ?? r.queue}` })),
    [],
    MAX_API_NAME
  ).names;
  const rules = (config.routing.rules ?? []).map((r, i): ResolvedRule => ({
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

  return {
    vendor: config.vendor ?? 'generic',
    outputDir: config.output?.dir ? normaliseDir(config.output.dir) : undefined,
    mode: config.mode ?? 'omniChannel',
    channel: {
      developerName: config.channel.developerName,
      label: config.channel.label ?? labelFromKey(config.channel.developerName)
    },
    deployment: {
      developerName: config.deployment.developerName,
      label: config.deployment.label ?? labelFromKey(config.deployment.developerName)
    },
    channelSettings: resolveChannelSettings(config.channel),
    deploymentSettings: resolveDeploymentSettings(config.deployment),
    flow: { apiName: config.flow?.apiName ?? DEFAULTS.flowApiName, label: config.flow?.label ?? DEFAULTS.flowLabel },
    attributes,
    queues,
    rules,
    defaultQueue: config.routing.defaultQueue,
    fallback: {
      queue: config.fallback.queue,
      whenNoAgent,
      caseSubject: config.fallback.case?.subject ?? DEFAULTS.caseSubject,
      caseOrigin: config.fallback.case?.origin ?? DEFAULTS.caseOrigin,
      casePriority: config.fallback.case?.priority,
      caseDescription: caseDescription(config.fallback.case, attributes),
      caseFieldValues: caseFieldValues(config.fallback.case, attributes)
    },
    businessHours: config.businessHours
      ? { name: config.businessHours.name, whenClosed: config.businessHours.whenClosed ?? whenNoAgent }
      : undefined,
    continuation: config.continuation?.enabled ?? false,
    contactMatching: matchesContacts(config)
      ? {
          emailAttribute: attr(config.contactMatching!.emailAttribute),
          createContact: config.contactMatching!.createContact ?? false
        }
      : undefined,
    endConversation,
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
    integration: resolveIntegration(config, caseFields),
    ...(config.copilot
      ? {
          copilot: { attribute: attr(config.copilot.urlAttribute), allowedOrigins: [...config.copilot.allowedOrigins] }
        }
      : {}),
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
    users: {
      agents: resolveAgents(config.users?.agents ?? [], queues),
      integrationUser: config.users?.integrationUser
    },
    presenceConfig: { ...AGENT_ACCESS.presenceConfig, capacity: config.users?.capacity ?? DEFAULTS.agentCapacity },
    namingNotes: notes
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
