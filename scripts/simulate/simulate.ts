/**
 * One simulated hand-off: the payload through the messaging layer, then one interview of the
 * routing flow against a fork of the project's in-memory org, then the outcome as the platform
 * would see it (routed by the flow, routed to the channel's fallback queue after an unhandled
 * fault, a Case with End Conversation, or dropped).
 */
import type { ActionEnv, EndConversationRequest, RouteWorkResult, Scenario } from './flow/actions';
import { runFlow, type RunOptions, type TraceStep } from './flow/interpreter';
import type { FlowRecord, FlowValue } from './flow/model';
import { copyFields, newRecord, type Org } from './flow/org';
import { inputSlot, type SlotValues } from './flow/variables';
import type { KeyVerdict, MessagingLayer } from './messaging';
import type { Payload } from './payload';
import type { SimProject } from './project';
import { RECORD_ID } from '../naming/flowNames';
import { caseView, type CaseView } from './caseView';
import { customerView, type CustomerView } from './customer';

export type { Scenario };

export type Outcome =
  | {
      kind: 'routed';
      /** The queue ('' when a non-queue routing type names no fallback queue). */
      queue: string;
      queueLabel: string;
      by: 'flow' | 'channel-fallback';
      /** With channel-fallback: set when a fault path ran and the flow then ended without routing. */
      afterFaultPath?: string;
      element?: string;
      /** Routing types other than QueueBased: the agent, bot or skills targeted (queue is their fallback). */
      target?: RouteWorkResult['target'];
    }
  | {
      kind: 'case';
      caseId: string;
      caseNumber: string;
      endConversation: EndConversationRequest;
      /** The Case as created: fields, owner, Contact and the sessions linked to it. */
      case: CaseView;
      /** Set when the flow also routed the session after telling the vendor (e.g. to the fallback queue). */
      thenRoutedTo?: string;
    }
  | { kind: 'dropped'; reason: string };

/**
 * Unsettled: does a routing flow that ends without Route Work and without a fault hand the work to
 * the channel's fallback queue? Salesforce Help documents the fallback only for errors ("If an error
 * occurs while the Omni-Channel flow executes, then the work item is routed to the fallback queue",
 * service.omnichannel_flow_considerations), and for a path "that doesn't result in a Route Work
 * action" documents instead that the flow returns reasonForNotRouting to the Messaging channel
 * (service.omnichannel_create_reasonfornotrouting). So off: such a run is reported dropped.
 */
export const NO_ROUTE_END_REACHES_FALLBACK = false;

export interface SessionRun {
  /** The simulated MessagingSession and the fields the flow changed on it, with their final values. */
  session: { id: string; fields: Record<string, FlowValue> };
  keys: KeyVerdict[];
  steps: TraceStep[];
  stepCount: number;
  failure?: { element: string; code: string; message: string };
  outcome: Outcome;
  /** Cases and Contacts the interview created. */
  created: { object: string; id: string }[];
  warnings: string[];
}

export interface SimulationResult {
  source: string;
  scenario: {
    agents: Record<string, number>;
    defaultAgents: number;
    hours: 'open' | 'closed';
    endConversation?: 'refused';
    contact?: string;
  };
  earlier?: SessionRun;
  run: SessionRun;
  /** The automated responses along this path and what a file upload would re-send (customer.ts); absent with `--flow` and no channel. */
  customer?: CustomerView;
}

export interface SimulateOptions {
  scenario: Scenario;
  earlier?: Payload;
  contactEmail?: string;
  /** MessagingEndUser.MessagingPlatformKey (the phone number for SMS, a key for web). */
  platformKey?: string;
  tracing: boolean;
}

/** The project compiled for simulation: loaded once, reused for every payload. */
export interface Simulator {
  project: SimProject;
  messaging: MessagingLayer;
}

const CONVERSATION_ID = '0dwSIM000000001AAA';
const CHANNEL_ID = '0MjSIM000000001AAA';
const END_USER_ID = '0PASIM000000001AAA';
const VENDOR_CONVERSATION_ID = '00000000-0000-4000-8000-000000000001';

/** The simulated session's fields as seeded (once per payload in a replay: made once, only read). */
const SESSION: Readonly<FlowRecord> = {
  Name: 'Messaging session (simulated)',
  ConversationId: CONVERSATION_ID,
  MessagingChannelId: CHANNEL_ID,
  Status: 'Waiting',
  Origin: 'InboundInitiated',
  ChannelType: 'EmbeddedMessaging'
};
/** The same with the messaging user linked, right after Name (the spread keeps Name's place). */
const SESSION_WITH_END_USER: Readonly<FlowRecord> = { Name: SESSION.Name, MessagingEndUserId: END_USER_ID, ...SESSION };

/**
 * One session through the flow. With `dropped` (a replay) it skips what only the full report shows:
 * the verdicts on accepted keys (the dropped ones go onto `dropped`, and are the run's `keys`), the
 * snapshot of the session's starting fields and the diff against it.
 */
function runSession(
  sim: Simulator,
  org: Org,
  payload: Payload,
  opts: SimulateOptions,
  dropped?: KeyVerdict[]
): SessionRun {
  const { project } = sim;
  const report = !dropped;
  let verdicts: KeyVerdict[];
  let inputs: SlotValues;
  if (dropped) {
    verdicts = dropped;
    inputs = sim.messaging.inputsOf(payload, dropped);
  } else ({ verdicts, inputs } = sim.messaging.apply(payload));
  // The messaging user behind the session, when the flow reads one (real routing flows do, through
  // MessagingEndUserId: ubiquity-org-monitoring Messaging_Route_*); a fixed Id keeps other Ids stable.
  const linkEndUser = project.readsEndUser;
  if (linkEndUser && !org.byId(END_USER_ID))
    org.seedFixed('MessagingEndUser', {
      Id: END_USER_ID,
      Name: 'Messaging user (simulated)',
      MessagingPlatformKey: opts.platformKey ?? 'sim-platform-key',
      MessagingChannelId: CHANNEL_ID,
      MessageType: 'EmbeddedMessaging'
    });
  const session = org.seed('MessagingSession', linkEndUser ? SESSION_WITH_END_USER : SESSION);
  const sessionId = String(session.Id);
  // The org updates records in place: keep the values the session started with.
  const initial: FlowRecord | undefined = report ? copyFields(newRecord(), session) : undefined;
  // The session's Id, unless a channel parameter maps a payload key to the same input (that value wins).
  // A flow without a recordId input fails on it, naming it (runFlow checks inputs given by name).
  const recordIdSlot = inputSlot(project.flow, RECORD_ID);
  let flowInputs: RunOptions['inputs'] = inputs;
  if (recordIdSlot === undefined) flowInputs = new Map([[RECORD_ID, sessionId]]);
  else if (inputs[recordIdSlot] === undefined) inputs[recordIdSlot] = sessionId;
  const env: ActionEnv = {
    org,
    scenario: opts.scenario,
    channelDeveloperName: project.channel?.developerName ?? '',
    settings: project.settings,
    vendorConversationId: payload.envelope?.conversationId ?? VENDOR_CONVERSATION_ID,
    routed: [],
    endConversations: [],
    modelled: [],
    subflow: project.subflow
  };
  // What the interview creates: every record for the report, only the first Case for a replay.
  const before = report ? org.sizes() : undefined;
  const caseObject = org.object('Case');
  const casesBefore = org.records(caseObject).length;
  const result = runFlow({ flow: project.flow, org, env, inputs: flowInputs, tracing: opts.tracing });

  // The session was seeded in this org, so the flow's updates landed on this very record.
  const after = session;
  const sessionFields: Record<string, FlowValue> = {};
  if (initial) for (const k of Object.keys(after)) if (after[k] !== (initial[k] ?? null)) sessionFields[k] = after[k];
  const created: { object: string; id: string }[] = [];
  if (before)
    for (const { object, record } of org.insertedSince(before)) created.push({ object, id: String(record.Id) });
  // Tables only grow by insert: the first Case made is the one after those there were.
  const createdCase: FlowRecord | undefined = org.records(caseObject)[casesBefore];
  const warnings: string[] = [];
  let outcome: Outcome;
  const labelOf = (dev: string): string => project.queues.find((q) => q.developerName === dev)?.label ?? dev;
  const accepted = env.endConversations.find((e) => e.accepted);
  const lastRoute = env.routed[env.routed.length - 1];
  if (createdCase && accepted) {
    // The vendor was told a Case exists: that is the customer-facing outcome, even if the flow then
    // also parks the session in a queue.
    outcome = {
      kind: 'case',
      caseId: String(createdCase.Id),
      caseNumber: String(createdCase.CaseNumber ?? ''),
      endConversation: accepted,
      case: caseView(org, createdCase)
    };
    if (lastRoute) outcome.thenRoutedTo = lastRoute.queue;
  } else if (lastRoute) {
    const r = lastRoute;
    const refused = env.endConversations.find((e) => !e.accepted);
    if (refused) warnings.push(`End Conversation refused the request: ${refused.message}`);
    if (env.routed.length > 1)
      warnings.push(`Route Work ran ${env.routed.length} times; the last one (${r.element}) wins`);
    outcome = { kind: 'routed', queue: r.queue, queueLabel: labelOf(r.queue), by: 'flow', element: r.element };
    if (r.target) outcome.target = r.target;
  } else if (result.status === 'failed') {
    // The platform routes a session whose routing flow fails to the channel's fallback queue.
    const fb = project.channel?.sessionHandlerQueue;
    warnings.push(`the flow failed at ${result.failure!.element} (${result.failure!.code}) with no fault path`);
    if (fb && project.queues.some((q) => q.developerName === fb))
      outcome = { kind: 'routed', queue: fb, queueLabel: labelOf(fb), by: 'channel-fallback' };
    else
      outcome = {
        kind: 'dropped',
        reason: `the flow failed at ${result.failure!.element} and the channel has no fallback queue (sessionHandlerQueue) in force-app`
      };
  } else if (result.caught.length && !createdCase && project.channel?.sessionHandlerQueue) {
    // MessagingChannel doc: sessionHandlerQueue "is the fallback queue used if a message can't be routed
    // using the selected flow". A fault path that ends without routing (a logger, as in minlopro-dx) lands there.
    const fb = project.channel.sessionHandlerQueue;
    const at = result.caught[result.caught.length - 1];
    warnings.push(`the flow took the fault path of ${at} and ended without routing`);
    outcome = { kind: 'routed', queue: fb, queueLabel: labelOf(fb), by: 'channel-fallback', afterFaultPath: at };
  } else if (createdCase && env.endConversations.length) {
    const ec = accepted ?? env.endConversations[env.endConversations.length - 1];
    if (!ec.accepted) warnings.push(`End Conversation refused the request: ${ec.message}`);
    outcome = {
      kind: 'case',
      caseId: String(createdCase.Id),
      caseNumber: String(createdCase.CaseNumber ?? ''),
      endConversation: ec,
      case: caseView(org, createdCase)
    };
  } else if (createdCase) {
    outcome = {
      kind: 'dropped',
      reason:
        'the flow created a Case but neither routed the session nor called End Conversation: the customer waits with no agent'
    };
  } else if (NO_ROUTE_END_REACHES_FALLBACK && project.channel?.sessionHandlerQueue) {
    const fb = project.channel.sessionHandlerQueue;
    warnings.push('the flow ended without Route Work and without a fault (NO_ROUTE_END_REACHES_FALLBACK is on)');
    outcome = { kind: 'routed', queue: fb, queueLabel: labelOf(fb), by: 'channel-fallback' };
  } else {
    outcome = {
      kind: 'dropped',
      reason: 'the flow ended without Route Work and without a Case: the session waits unassigned'
    };
  }
  for (const m of env.modelled ?? []) warnings.push(`${m.element} (${m.action}) was not executed: ${m.outcome}`);
  if (env.endConversations.length > 1)
    warnings.push(`End Conversation was called ${env.endConversations.length} times`);
  return {
    session: { id: sessionId, fields: sessionFields },
    keys: verdicts,
    steps: result.steps,
    stepCount: result.stepCount,
    failure: result.failure,
    outcome,
    created,
    warnings
  };
}

/** A fork of the project's org for one simulated payload, with the scenario's existing Contact. */
function orgFor(sim: Simulator, opts: SimulateOptions): Org {
  const org = sim.project.baseOrg.fork();
  if (opts.contactEmail)
    org.seed('Contact', {
      FirstName: 'Existing',
      LastName: 'Contact',
      Name: 'Existing Contact',
      Email: opts.contactEmail
    });
  return org;
}

/**
 * What a replay counts of one payload: its outcome, and onto `dropped` the verdict on each dropped
 * key (shared objects, see MessagingLayer.inputsOf), computed exactly as `simulate` does but without
 * the parts of the report a replay never shows (accepted keys, session fields, the customer's view,
 * the scenario echo).
 */
export function simulateOutcome(
  sim: Simulator,
  payload: Payload,
  opts: SimulateOptions,
  dropped: KeyVerdict[]
): Outcome {
  const org = orgFor(sim, opts);
  if (opts.earlier) runSession(sim, org, opts.earlier, opts, []);
  return runSession(sim, org, payload, opts, dropped).outcome;
}

/** Simulates one payload (and, first, the earlier session of the same conversation when given). */
export function simulate(sim: Simulator, payload: Payload, opts: SimulateOptions): SimulationResult {
  const org = orgFor(sim, opts);
  const earlier = opts.earlier ? runSession(sim, org, opts.earlier, opts) : undefined;
  const run = runSession(sim, org, payload, opts);
  return {
    source: payload.source,
    scenario: {
      agents: Object.fromEntries([...opts.scenario.agents].sort(([a], [b]) => (a < b ? -1 : 1))),
      defaultAgents: opts.scenario.defaultAgents,
      hours: opts.scenario.hours,
      ...(opts.scenario.endConversation === 'refused' ? { endConversation: 'refused' as const } : {}),
      ...(opts.contactEmail ? { contact: opts.contactEmail } : {})
    },
    ...(earlier ? { earlier } : {}),
    run,
    ...(sim.project.channel
      ? { customer: customerView(sim.project.channel.customer, run.outcome, opts.scenario, run.keys) }
      : {})
  };
}
