/**
 * The actions a routing flow calls, simulated: Route Work, the availability check, and the kit's
 * two Apex actions. Each validates its inputs the way the platform or the Apex class does, so a
 * wrong generated input name fails here as it would on deploy or at run time.
 */
import { BUSINESS_HOURS, END_CONVERSATION } from '../../contract';
import { AVAILABILITY_OUTPUTS, ROUTING, ROUTING_ACTION_INPUTS, ROUTING_TYPES } from '../../platform/routing';
import type { ActionCallNode, CompiledFlow, FlowRecord, FlowValue } from './model';
import { OrgFault, type Org } from './org';

export interface Scenario {
  /** Online agents per queue DeveloperName; queues not listed get `defaultAgents`. */
  agents: Map<string, number>;
  defaultAgents: number;
  hours: 'open' | 'closed';
  /** `refused`: End Conversation answers accepted=false (as with no settings record), so the refusal path shows. Default accepted. */
  endConversation?: 'accepted' | 'refused';
}

/** The refusal `--end-conversation refused` models: HandoffEndConversationSettings.problemWith for a missing record. */
export const SIMULATED_REFUSAL =
  'No Handoff_Settings__mdt record "Default" (or one named after the channel). Run `handoff seed` to create it.';

/** What the End Conversation Apex would enqueue: the request body its Queueable POSTs to the vendor. */
export interface EndConversationRequest {
  accepted: boolean;
  message: string;
  endpoint: string;
  /** The exact JSON text the Queueable would POST (compact, HandoffEndConversationJob.bodyOf's field order). */
  body: string;
}

export interface RouteWorkResult {
  element: string;
  /** The queue (for QueueBased the target; for the other types the fallback queue, '' when none). */
  queueId: string;
  queue: string;
  routingType: string;
  serviceChannel: string;
  /** Set for routing types other than QueueBased: the agent, bot or skills the work goes to. */
  target?: { type: string; what: string; id: string; label: string };
}

/** A platform action the simulator cannot execute, and the outcome it modelled instead. */
export interface ModelledAction {
  element: string;
  action: string;
  outcome: string;
}

/** Context an action reads and the side effects it records. */
export interface ActionEnv {
  org: Org;
  scenario: Scenario;
  channelDeveloperName: string;
  /** Handoff_Settings__mdt values found in force-app (channel record, else Default), if any. */
  settings?: { endpoint?: string; organisationId?: string };
  /** The vendor's conversation id (MIAW conversationId), when known. */
  vendorConversationId: string;
  routed: RouteWorkResult[];
  endConversations: EndConversationRequest[];
  /** Platform actions modelled rather than executed (screen pop, skills, Apex not in the kit…). */
  modelled?: ModelledAction[];
  /** The project's other flows by API name, for subflow elements (undefined: the project has none). */
  subflow?: (apiName: string) => CompiledFlow | undefined;
}

/** A mistake in the flow file itself (wrong input name, unknown action): not a runtime fault. */
export class ActionDefinitionError extends Error {}

export type ActionOutputs = Record<string, FlowValue>;

/** An action call's input values by parameter name (a Map serves; so does the compiled element's list). */
export interface ActionInputs {
  get(name: string): FlowValue | undefined;
  has(name: string): boolean;
  /** The names passed, each once, in the order first given. */
  keys(): Iterable<string>;
}

type Handler = (node: ActionCallNode, inputs: ActionInputs, env: ActionEnv) => ActionOutputs;

/**
 * Action calls whose input names were found allowed: the names are the element's own (the flow
 * file's), so one check per element serves every interview of a replay (issue 15). Refusals are not
 * remembered: they fail each interview with their message.
 */
const inputsChecked = new WeakSet<ActionCallNode>();

function checkInputs(node: ActionCallNode, inputs: ActionInputs, allowed: readonly string[]): void {
  if (inputsChecked.has(node)) return;
  for (const name of inputs.keys()) {
    if (!allowed.includes(name)) {
      throw new ActionDefinitionError(
        `${node.name} passes input "${name}" to ${node.actionType} ${node.actionName}, which takes only: ${allowed.join(', ')}`
      );
    }
  }
  inputsChecked.add(node);
}

const text = (v: FlowValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);

function queueById(env: ActionEnv, node: ActionCallNode, raw: FlowValue | undefined): FlowRecord {
  const id = text(raw);
  if (!id)
    throw new OrgFault('INVALID_INPUT', `${node.actionName}: queueId is blank (the queue lookup found nothing?)`);
  const hit = env.org.byId(id);
  if (!hit || hit.object.name !== 'Group' || hit.record.Type !== 'Queue') {
    throw new OrgFault('INVALID_INPUT', `${node.actionName}: queueId ${id} is not a queue in the org`);
  }
  return hit.record;
}

function routingType(node: ActionCallNode, inputs: ActionInputs): string {
  const t = text(inputs.get('routingType')) || ROUTING.routingType;
  if (!(t in ROUTING_TYPES))
    throw new ActionDefinitionError(
      `${node.name}: routingType ${t} is not a Route Work routing type (${Object.keys(ROUTING_TYPES).join(', ')})`
    );
  return t;
}

/** The agent, bot or skills a non-queue routing type targets; blank is the platform refusing the input. */
function targetOf(node: ActionCallNode, inputs: ActionInputs, type: string): RouteWorkResult['target'] {
  const spec = ROUTING_TYPES[type];
  if (!spec.target) return undefined;
  const raw = inputs.get(spec.target);
  const id = Array.isArray(raw) ? `${raw.length} skill requirement(s)` : text(raw);
  const label = spec.label ? text(inputs.get(spec.label)) : '';
  if (!id && type !== 'SkillsBased')
    throw new OrgFault('INVALID_INPUT', `${node.actionName}: routingType ${type} needs ${spec.target}, which is blank`);
  return { type, what: spec.what, id: id || text(inputs.get('skillOption')), label };
}

const routeWork: Handler = (node, inputs, env) => {
  checkInputs(node, inputs, ROUTING_ACTION_INPUTS);
  const type = routingType(node, inputs);
  const recordId = text(inputs.get('recordId'));
  if (!recordId || env.org.byId(recordId)?.object.name !== 'MessagingSession') {
    throw new OrgFault('INVALID_INPUT', `Route Work: recordId "${recordId}" is not a MessagingSession`);
  }
  const target = targetOf(node, inputs, type);
  // QueueBased needs the queue; the other types take it as their fallback when it is given.
  const queue = !target || text(inputs.get('queueId')) ? queueById(env, node, inputs.get('queueId')) : undefined;
  const routed: RouteWorkResult = {
    element: node.name,
    queueId: queue ? String(queue.Id) : '',
    queue: queue ? String(queue.DeveloperName) : '',
    routingType: type,
    serviceChannel: text(inputs.get('serviceChannelDevName')) || text(inputs.get('serviceChannelId'))
  };
  if (target) routed.target = target;
  env.routed.push(routed);
  return {};
};

const checkAvailability: Handler = (node, inputs, env) => {
  checkInputs(node, inputs, ROUTING_ACTION_INPUTS);
  const type = routingType(node, inputs);
  // Queue availability comes from the scenario per queue; agents and skills from its default.
  const online =
    type === 'QueueBased'
      ? (env.scenario.agents.get(String(queueById(env, node, inputs.get('queueId')).DeveloperName)) ??
        env.scenario.defaultAgents)
      : env.scenario.defaultAgents;
  const O = AVAILABILITY_OUTPUTS;
  return { [O.onlineAgentsCount]: online, [O.estimatedWaitTime]: online > 0 ? 0 : -1, [O.queueSize]: 0 };
};

const BUSINESS_HOURS_INPUTS = Object.values(BUSINESS_HOURS.inputs);
const END_CONVERSATION_INPUTS = Object.values(END_CONVERSATION.inputs);

const businessHours: Handler = (node, inputs, env) => {
  checkInputs(node, inputs, BUSINESS_HOURS_INPUTS);
  return { [BUSINESS_HOURS.outputs.isWithin]: env.scenario.hours === 'open' };
};

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Mirrors HandoffEndConversation: refusals come back as accepted=false, never as a fault. */
const endConversation: Handler = (node, inputs, env) => {
  const I = END_CONVERSATION.inputs;
  checkInputs(node, inputs, END_CONVERSATION_INPUTS);
  if (!inputs.has(I.messagingSessionId)) {
    throw new ActionDefinitionError(
      `${node.name} does not pass the required input ${I.messagingSessionId} to ${END_CONVERSATION.className}`
    );
  }
  const sessionId = text(inputs.get(I.messagingSessionId));
  const caseId = text(inputs.get(I.caseId)) || null;
  const reason = text(inputs.get(I.reason)) || null;
  const refuse = (message: string): ActionOutputs => {
    env.endConversations.push({ accepted: false, message, endpoint: '', body: '' });
    return { accepted: false, message };
  };
  if (!sessionId) return refuse('messagingSessionId is required.');
  const session = ID.test(sessionId) ? env.org.byId(sessionId) : undefined;
  if (!session || session.object.name !== 'MessagingSession')
    return refuse(`MessagingSession ${sessionId} was not found or is not visible to the running user.`);
  const caseHit = caseId ? env.org.byId(caseId) : undefined;
  if (caseId && (!caseHit || caseHit.object.name !== 'Case'))
    return refuse(`Case ${caseId} was not found or is not visible to the running user.`);
  if (env.scenario.endConversation === 'refused') return refuse(SIMULATED_REFUSAL);
  const message = 'Queued for delivery to the vendor (simulated job).';
  env.endConversations.push({
    accepted: true,
    message,
    endpoint: env.settings?.endpoint ?? '<the Named Credential Handoff_End_Conversation URL>',
    // Field order and names follow HandoffEndConversationJob.bodyOf; eventId and timestamp are fixed here.
    body: JSON.stringify({
      event: 'handoff.end_conversation',
      eventId: `sim-${sessionId}`,
      attempt: 1,
      timestamp: '2025-01-06T09:00:00.000Z',
      vendorOrganisationId:
        env.settings?.organisationId ?? '<Handoff_Settings__mdt Organisation_Id__c, set by handoff seed>',
      salesforceOrgId: '00DSIM000000000AAA',
      messagingSessionId: sessionId,
      conversationId: env.vendorConversationId,
      salesforceConversationId: text(session.record.ConversationId) || null,
      outcome: caseId ? 'case_created' : 'conversation_ended',
      caseId,
      caseNumber: caseHit ? text(caseHit.record.CaseNumber) || null : null,
      reason
    })
  });
  return { [END_CONVERSATION.outputs.accepted]: true, [END_CONVERSATION.outputs.message]: message };
};

/** Looks up the handler for an action call, or undefined when the simulator does not execute it. */
export function actionHandler(node: ActionCallNode): Handler | undefined {
  const type = node.actionType;
  if (type === ROUTING.routeWork) return routeWork;
  if (type === ROUTING.checkAvailability) return checkAvailability;
  if (type === 'apex' && node.actionName === END_CONVERSATION.className) return endConversation;
  if (type === 'apex' && node.actionName === BUSINESS_HOURS.className) return businessHours;
  return undefined;
}

/**
 * Platform actions the simulator cannot execute, with the outcome it models (docs/simulate.md).
 * None of them can fault in the simulation: a fault there would be blamed on a flow that is fine.
 */
const MODELLED: Record<string, { outputs: ActionOutputs; outcome: string }> = {
  // Screen pop only opens tabs for the agent who accepts; its list feeds Route Work's psrInteractionInfo.
  addScreenPop: {
    outputs: { routingInteractionInfoList: '<screen pop (not executed)>' },
    outcome: 'screen pop not executed: the agent would see the records it names'
  },
  addSkillRequirements: {
    outputs: { skillRequirements: [] },
    outcome: 'skill requirements not built: skills-based routing receives an empty list'
  },
  findMatchingIndividuals: {
    outputs: {},
    outcome: 'identity matching not executed: no matching individual is returned'
  }
};

/** The modelled outcome of an action the simulator does not execute (any Apex class but the kit's two, any other action). */
export function modelledAction(node: ActionCallNode): { outputs: ActionOutputs; outcome: string } {
  const known = MODELLED[node.actionType] ?? MODELLED[node.actionName];
  if (known) return { outputs: { ...known.outputs }, outcome: known.outcome };
  return {
    outputs: {},
    outcome:
      node.actionType === 'apex'
        ? `Apex ${node.actionName} not executed: modelled as returning no outputs`
        : `${node.actionType} action not executed: modelled as returning no outputs`
  };
}
