/**
 * The routing flow as a graph: one node per element of the compiled flow file (simulate/flow) and
 * one edge per connector (next, each decision outcome, the default outcome, every fault path).
 * Shared by the diagram (data.ts) and by `--base` (diff.ts), which compares two of these.
 */
import { END_CONVERSATION } from '../contract';
import { ROUTING } from '../platform/routing';
import type { CompiledFlow, FlowNode } from '../simulate/flow/model';
import type { FlowEdgeInfo, FlowNodeInfo, FlowNodeKind } from './types';

export const START = '$Start';

const KIND_LABEL: Record<FlowNodeKind, string> = {
  start: 'Start',
  decision: 'Decision',
  routeWork: 'Route Work',
  case: 'Create Case',
  endConversation: 'End Conversation',
  lookup: 'Get Records',
  update: 'Update Records',
  create: 'Create Records',
  assignment: 'Assignment',
  action: 'Action',
  other: 'Element'
};

function kindOf(n: FlowNode): FlowNodeKind {
  switch (n.kind) {
    case 'decision':
      return 'decision';
    case 'assignment':
      return 'assignment';
    case 'recordLookup':
      return 'lookup';
    case 'recordUpdate':
      return 'update';
    case 'recordCreate':
      return n.object === 'Case' ? 'case' : 'create';
    case 'actionCall':
      if (n.actionType === ROUTING.routeWork) return 'routeWork';
      if (n.actionName === END_CONVERSATION.className) return 'endConversation';
      return 'action';
    default:
      return 'other';
  }
}

export function flowGraph(flow: CompiledFlow): { nodes: FlowNodeInfo[]; edges: FlowEdgeInfo[] } {
  const nodes: FlowNodeInfo[] = [{ name: START, label: 'Start', kind: 'start', kindLabel: KIND_LABEL.start }];
  const edges: FlowEdgeInfo[] = [];
  if (flow.start) edges.push({ from: START, to: flow.start, kind: 'next' });
  for (const n of flow.nodes.values()) {
    const kind = kindOf(n);
    nodes.push({ name: n.name, label: n.label || n.name, kind, kindLabel: KIND_LABEL[kind] });
    if (n.kind === 'decision') {
      for (const r of n.rules) if (r.next) edges.push({ from: n.name, to: r.next, kind: 'outcome', label: r.label });
      if (n.defaultNext) edges.push({ from: n.name, to: n.defaultNext, kind: 'default', label: n.defaultLabel });
      continue;
    }
    if (n.kind === 'unsupported' || n.kind === 'screen') continue;
    if (n.kind === 'wait') {
      for (const e of n.events) if (e.next) edges.push({ from: n.name, to: e.next, kind: 'outcome', label: e.label });
      if (n.defaultNext) edges.push({ from: n.name, to: n.defaultNext, kind: 'default', label: n.defaultLabel });
      if (n.fault) edges.push({ from: n.name, to: n.fault, kind: 'fault', label: 'fault' });
      continue;
    }
    if (n.kind === 'loop') {
      if (n.nextValue) edges.push({ from: n.name, to: n.nextValue, kind: 'next', label: 'for each' });
      if (n.noMoreValues) edges.push({ from: n.name, to: n.noMoreValues, kind: 'next', label: 'after last' });
      continue;
    }
    if (n.next) edges.push({ from: n.name, to: n.next, kind: 'next' });
    if ('fault' in n && n.fault) edges.push({ from: n.name, to: n.fault, kind: 'fault', label: 'fault' });
  }
  // A connector to a missing element is validate's finding (flow/connector-resolves); draw only real ones.
  const known = new Set(nodes.map((n) => n.name));
  return { nodes, edges: edges.filter((e) => known.has(e.to)) };
}
