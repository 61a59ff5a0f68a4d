/**
 * Omni-Channel flow actions as the platform defines them (docs/architecture.md): Route Work and Check
 * Availability for Routing, their action names, version and inputs. The generator writes them, the
 * simulator checks a flow's inputs against them, the emulator can refuse others.
 */

/** Values fixed by the platform, named once. */
export const ROUTING = {
  routingType: 'QueueBased',
  actionVersion: '2.0.0',
  routeWork: 'routeWork',
  checkAvailability: 'checkAvailabilityForRouting',
  selectedOutputs: 'GET_ALL',
  onlineAgentsCount: 'onlineAgentsCount',
  /** Inputs Flow Builder writes empty on Route Work for queue-based routing. */
  emptyRouteWorkInputs: [
    'agentId',
    'agentLabel',
    'botId',
    'botLabel',
    'copilotId',
    'copilotLabel',
    'routingConfigId',
    'routingConfigLabel',
    'skillOption',
    'skillRequirementsResourceItem'
  ]
} as const;

/**
 * Every input Route Work and Check Availability for Routing take (the inputs Flow Builder writes
 * for them); any other input name fails the flow's deploy.
 */
export const ROUTING_ACTION_INPUTS: readonly string[] = [
  'recordId',
  'routingType',
  'serviceChannelId',
  'serviceChannelDevName',
  'serviceChannelLabel',
  'queueId',
  'queueLabel',
  'isQueueVariable',
  ...ROUTING.emptyRouteWorkInputs,
  'selectedOutputs',
  'fallbackQueueId',
  'fallbackQueueLabel',
  'isFallbackQueueVariable',
  // Seen on Route Work in real retrieves (test/fixtures/retrieved: ubiquity-org-monitoring, minlopro-dx).
  'externalConversationBotId',
  'externalConversationBotLabel',
  'agentforceEmployeeAgentId',
  'agentforceEmployeeAgentLabel',
  'isAgentVariable',
  'psrInteractionInfo'
];

/**
 * Route Work routing types and the input naming the target each needs. Values seen in real
 * retrieves (ubiquity-org-monitoring: QueueBased, Agent, Bot, Copilot, SkillsBased); the target
 * input of each is the one Flow Builder filled there. ExternalConversationBot and
 * AgentforceEmployeeAgent follow from the inputs Flow Builder writes (unverified as routing types).
 */
export const ROUTING_TYPES: Readonly<Record<string, { target?: string; label?: string; what: string }>> = {
  QueueBased: { what: 'queue' },
  Agent: { target: 'agentId', label: 'agentLabel', what: 'agent' },
  Bot: { target: 'botId', label: 'botLabel', what: 'bot' },
  Copilot: { target: 'copilotId', label: 'copilotLabel', what: 'Agentforce agent' },
  ExternalConversationBot: {
    target: 'externalConversationBotId',
    label: 'externalConversationBotLabel',
    what: 'external bot'
  },
  AgentforceEmployeeAgent: {
    target: 'agentforceEmployeeAgentId',
    label: 'agentforceEmployeeAgentLabel',
    what: 'Agentforce employee agent'
  },
  SkillsBased: { target: 'skillRequirementsResourceItem', label: 'routingConfigLabel', what: 'skills-based routing' }
};

/** Outputs of Check Availability for Routing. */
export const AVAILABILITY_OUTPUTS = {
  onlineAgentsCount: ROUTING.onlineAgentsCount,
  estimatedWaitTime: 'estimatedWaitTime',
  queueSize: 'queueSize'
} as const;
