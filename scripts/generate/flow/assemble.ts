/**
 * Puts the sections together, back to front, and renders the Flow document. Element lists are
 * sorted by name (as Flow Builder retrieves them) so the output is byte-for-byte deterministic.
 */
import { API_VERSION } from '../../contract';
import type { HandoffModel } from '../../model/types';
import { el, leaf, type XmlContent, type XmlElement } from '../../xml/write';
import { GENERATED_BY } from '../values';
import { addCaseBranch } from './caseBranch';
import { addContactMatching } from './contactMatching';
import { addContinuation } from './continuation';
import { addDelivery } from './delivery';
import type { FlowNodeKind, FlowNodeSpec } from './elements';
import { addFallbackPath } from './fallback';
import { FlowGraph } from './graph';
import {
  renderAction,
  renderAssignment,
  renderCreate,
  renderDecision,
  renderLookup,
  renderStart,
  renderUpdate,
  renderVariable
} from './render';
import { addRouting } from './routingRules';
import { addSessionUpdate } from './sessionUpdate';
import { addInputVariables } from './variables';

/** The whole flow as element shapes: what the renderer writes and what tests inspect. */
export interface BuiltFlow {
  graph: FlowGraph;
  start: string;
}

export function buildFlow(model: HandoffModel): BuiltFlow {
  const graph = new FlowGraph();
  addInputVariables(graph, model);
  const fallback = addFallbackPath(graph, model);
  const delivery = addDelivery(graph, model, () => addCaseBranch(graph, model, fallback, fallback), fallback);
  const routing = addRouting(graph, model, delivery, fallback);
  const contact = addContactMatching(graph, model, routing, fallback);
  const update = addSessionUpdate(graph, model, contact, fallback);
  const start = addContinuation(graph, model, update, fallback);
  graph.verify(start);
  return { graph, start };
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function nodesOf<K extends FlowNodeKind>(graph: FlowGraph, kind: K): Extract<FlowNodeSpec, { kind: K }>[] {
  return [...graph.nodes.values()].filter((n): n is Extract<FlowNodeSpec, { kind: K }> => n.kind === kind).sort(byName);
}

function metadataValue(name: string, value: string): XmlElement {
  return el('processMetadataValues', leaf('name', name), el('value', leaf('stringValue', value)));
}

function flowDescription(model: HandoffModel): string {
  return (
    `${GENERATED_BY} Omni-Channel routing flow of the hand-off from ${model.vendor === 'generic' ? 'the AI agent' : model.vendor}: ` +
    'writes the pre-chat values onto the MessagingSession, applies the routing rules and routes the session; ' +
    `every fault ends in the fallback queue ${model.fallback.queue}.`
  );
}

/** Children of <Flow> in the WSDL's order, each element rendered only when the writer takes it (renderXmlPieces). */
export function* flowChildren(model: HandoffModel, built: BuiltFlow): Generator<XmlContent> {
  const { graph } = built;
  for (const a of nodesOf(graph, 'actionCalls')) yield renderAction(a);
  yield leaf('apiVersion', API_VERSION);
  for (const a of nodesOf(graph, 'assignments')) yield renderAssignment(a);
  for (const d of nodesOf(graph, 'decisions')) yield renderDecision(d);
  yield leaf('description', flowDescription(model));
  yield leaf('interviewLabel', `${model.flow.label} {!$Flow.CurrentDateTime}`);
  yield leaf('label', model.flow.label);
  yield metadataValue('BuilderType', 'LightningFlowBuilder');
  yield metadataValue('CanvasMode', 'AUTO_LAYOUT_CANVAS');
  yield metadataValue('OriginBuilderType', 'LightningFlowBuilder');
  yield leaf('processType', 'RoutingFlow');
  for (const c of nodesOf(graph, 'recordCreates')) yield renderCreate(c);
  for (const l of nodesOf(graph, 'recordLookups')) yield renderLookup(l);
  for (const u of nodesOf(graph, 'recordUpdates')) yield renderUpdate(u);
  yield renderStart(built.start);
  yield leaf('status', 'Active');
  for (const v of [...graph.variables.values()].sort(byName)) yield renderVariable(v);
}
