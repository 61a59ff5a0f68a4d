/** Typed view of a Flow: variables, nodes, referenceable names and MessagingSession writes, memoised per file. */
import { FLOW_RESOURCE_KINDS, isFlowNodeKind } from '../../platform/flowElements';
import { child, children, textOf, type XmlNode } from '../../xml/read';
import type { ParsedFile, SourceProject } from '../project';
import { textAt, type At } from './at';
import { channelView } from './channel';

type Parsed = ParsedFile;

export interface FlowVariable {
  name: string;
  dataType: string;
  isInput: boolean;
  isCollection: boolean;
  objectType?: string;
  line: number;
}

export interface FlowView {
  file: Parsed;
  name: string;
  processType?: At<string>;
  status?: At<string>;
  variables: Map<string, FlowVariable>;
  /** Connector targets: element names (decisions' outcomes are not targets). */
  nodes: Map<string, XmlNode>;
  /** Every name a reference may start with: nodes, resources, decision outcomes, wait events, screen fields… */
  resources: Set<string>;
}

function collectNames(node: XmlNode, into: Set<string>): void {
  // Outcomes, wait events, screen fields, stage steps: nested elements with a <name> are referenceable.
  for (const c of node.children) {
    const n = child(c, 'name');
    if (
      n &&
      c.children.length > 1 &&
      ['rules', 'waitEvents', 'fields', 'stageSteps', 'scheduledPaths', 'choiceReferences'].includes(c.local)
    ) {
      into.add(n.text.trim());
      collectNames(c, into);
    }
  }
}

const flowMemo = new WeakMap<XmlNode, FlowView>();
export function flowView(file: Parsed): FlowView {
  const hit = flowMemo.get(file.xml);
  if (hit) return hit;
  const x = file.xml;
  const variables = new Map<string, FlowVariable>();
  const nodes = new Map<string, XmlNode>();
  const resources = new Set<string>();
  for (const c of x.children) {
    const name = textOf(c, 'name');
    if (!name) continue;
    if (c.local === 'variables') {
      variables.set(name, {
        name,
        dataType: textOf(c, 'dataType') ?? '',
        isInput: textOf(c, 'isInput') === 'true',
        isCollection: textOf(c, 'isCollection') === 'true',
        objectType: textOf(c, 'objectType'),
        line: c.line
      });
    }
    if (isFlowNodeKind(c.local)) nodes.set(name, c);
    if (isFlowNodeKind(c.local) || FLOW_RESOURCE_KINDS.includes(c.local)) {
      resources.add(name);
      collectNames(c, resources);
    }
  }
  const view: FlowView = {
    file,
    name: file.name,
    processType: textAt(x, 'processType'),
    status: textAt(x, 'status'),
    variables,
    nodes,
    resources
  };
  flowMemo.set(file.xml, view);
  return view;
}

/** The handler flows: every channel's sessionHandlerFlow found in the project, plus every RoutingFlow. */
export function routingFlows(project: SourceProject): FlowView[] {
  const names = new Set(
    project
      .ofType('MessagingChannel')
      .map((c) => channelView(c).handlerFlow?.value)
      .filter(Boolean)
  );
  return project
    .ofType('Flow')
    .map(flowView)
    .filter((f) => names.has(f.name) || f.processType?.value === 'RoutingFlow');
}

export interface FieldWrite {
  /** MessagingSession field API name. */
  field: string;
  /** The flow variable whose value is written. */
  variable: string;
  line: number;
}

/**
 * Where the flow writes input variables into MessagingSession fields: Update Records on
 * MessagingSession (inputAssignments field ← variable), or assignments into a MessagingSession
 * record variable's field (`session.Field__c ← variable`) that an Update Records then saves.
 */
export function messagingSessionWrites(flow: FlowView): FieldWrite[] {
  const out: FieldWrite[] = [];
  const sessionVars = new Set(
    [...flow.variables.values()].filter((v) => v.objectType === 'MessagingSession').map((v) => v.name)
  );
  for (const c of flow.file.xml.children) {
    if (c.local === 'recordUpdates' || c.local === 'recordCreates') {
      if (textOf(c, 'object') !== 'MessagingSession') continue;
      for (const a of children(c, 'inputAssignments')) {
        const field = textOf(a, 'field');
        const v = child(a, 'value');
        const ref = v ? textOf(v, 'elementReference') : undefined;
        if (field && ref) out.push({ field, variable: ref, line: a.line });
      }
    } else if (c.local === 'assignments') {
      for (const item of children(c, 'assignmentItems')) {
        const target = textOf(item, 'assignToReference') ?? '';
        const dot = target.indexOf('.');
        if (dot < 0 || !sessionVars.has(target.slice(0, dot))) continue;
        const v = child(item, 'value');
        const ref = v ? textOf(v, 'elementReference') : undefined;
        if (ref) out.push({ field: target.slice(dot + 1), variable: ref, line: item.line });
      }
    }
  }
  return out;
}
