/**
 * Typed views of the metadata the rules reason about (channels, flows, pre-chat forms, fields,
 * permission sets, queues), read from the shared XML index and memoised per file. Every value keeps
 * the line it came from so findings can point at it.
 */
import { child, children, textOf, type XmlNode } from '../xml/read';
import type { MetadataFile, ProjectIndex } from './project';

type Parsed = MetadataFile & { xml: XmlNode };
export interface At<T> {
  value: T;
  line: number;
}

const at = (node: XmlNode | undefined, fallback: XmlNode): number => (node ?? fallback).line;
function textAt(node: XmlNode, name: string): At<string> | undefined {
  const c = child(node, name);
  return c ? { value: c.text.trim(), line: c.line } : undefined;
}

// ---- MessagingChannel ---------------------------------------------------------------------------

export interface ChannelParameter {
  name: string;
  externalName: string;
  maxLength?: number;
  mappings: At<string>[];
  line: number;
}

export interface ChannelView {
  file: Parsed;
  name: string;
  custom: ChannelParameter[];
  standard: { type: string; mappings: At<string>[]; line: number }[];
  handlerType?: At<string>;
  handlerFlow?: At<string>;
  handlerQueue?: At<string>;
}

const channelMemo = new WeakMap<XmlNode, ChannelView>();
export function channelView(file: Parsed): ChannelView {
  const hit = channelMemo.get(file.xml);
  if (hit) return hit;
  const x = file.xml;
  const mappingsOf = (p: XmlNode): At<string>[] =>
    children(p, 'actionParameterMappings').map((m) => ({
      value: textOf(m, 'actionParameterName') ?? '',
      line: at(child(m, 'actionParameterName'), m)
    }));
  const view: ChannelView = {
    file,
    name: file.name,
    custom: children(x, 'customParameters').map((p) => {
      const max = textOf(p, 'maxLength');
      return {
        name: textOf(p, 'name') ?? '',
        externalName: textOf(p, 'externalParameterName') ?? '',
        maxLength: max !== undefined && /^[0-9]+$/.test(max) ? Number(max) : undefined,
        mappings: mappingsOf(p),
        line: p.line
      };
    }),
    standard: children(x, 'standardParameters').map((p) => ({
      type: textOf(p, 'parameterType') ?? '',
      mappings: mappingsOf(p),
      line: p.line
    })),
    handlerType: textAt(x, 'sessionHandlerType'),
    handlerFlow: textAt(x, 'sessionHandlerFlow'),
    handlerQueue: textAt(x, 'sessionHandlerQueue')
  };
  channelMemo.set(file.xml, view);
  return view;
}

// ---- EmbeddedServiceConfig (pre-chat) -----------------------------------------------------------

export interface FormFieldView {
  formField: string;
  hidden: boolean;
  parameterType: string;
  line: number;
}

export interface DeploymentView {
  file: Parsed;
  channel?: At<string>;
  forms: { active: boolean; activeLine: number; line: number; fields: FormFieldView[] }[];
}

export function deploymentView(file: Parsed): DeploymentView {
  const x = file.xml;
  const mc = child(x, 'embeddedServiceMessagingChannel');
  return {
    file,
    channel: mc ? textAt(mc, 'messagingChannel') : undefined,
    forms: children(x, 'embeddedServiceForms').map((f) => ({
      active: textOf(f, 'isActive') === 'true',
      activeLine: at(child(f, 'isActive'), f),
      line: f.line,
      fields: children(f, 'embeddedServiceFormFields').map((ff) => ({
        formField: textOf(ff, 'formField') ?? '',
        hidden: textOf(ff, 'isHidden') === 'true',
        parameterType: textOf(ff, 'messagingChannelParameterType') ?? '',
        line: ff.line
      }))
    }))
  };
}

/** The deployments whose messaging channel is this channel. */
export function deploymentsOf(project: ProjectIndex, channel: string): DeploymentView[] {
  return project
    .ofType('EmbeddedServiceConfig')
    .map(deploymentView)
    .filter((d) => d.channel?.value === channel);
}

// ---- Flow ---------------------------------------------------------------------------------------

/** Flow elements that can be connector targets. */
export const FLOW_NODE_KINDS = [
  'actionCalls',
  'apexPluginCalls',
  'assignments',
  'collectionProcessors',
  'customErrors',
  'decisions',
  'loops',
  'orchestratedStages',
  'recordCreates',
  'recordDeletes',
  'recordLookups',
  'recordRollbacks',
  'recordUpdates',
  'screens',
  'steps',
  'subflows',
  'transforms',
  'waits'
];
/** Named things that are resources only (referenced as values, never jumped to). */
export const FLOW_RESOURCE_KINDS = [
  'variables',
  'formulas',
  'constants',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages'
];

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
    if (FLOW_NODE_KINDS.includes(c.local)) nodes.set(name, c);
    if (FLOW_NODE_KINDS.includes(c.local) || FLOW_RESOURCE_KINDS.includes(c.local)) {
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
export function routingFlows(project: ProjectIndex): FlowView[] {
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

// ---- Fields, permission sets, queues ------------------------------------------------------------

export function fieldFile(project: ProjectIndex, object: string, field: string): Parsed | undefined {
  return project.find('CustomField', `${object}.${field}`);
}

export interface FieldGrant {
  permissionSet: string;
  readable: boolean;
  editable: boolean;
}

const grantsMemo = new WeakMap<ProjectIndex, Map<string, FieldGrant[]>>();
/** Field permissions granted by the project's permission sets, by `Object.Field__c`. */
export function fieldGrants(project: ProjectIndex): Map<string, FieldGrant[]> {
  const hit = grantsMemo.get(project);
  if (hit) return hit;
  const map = new Map<string, FieldGrant[]>();
  for (const ps of project.ofType('PermissionSet')) {
    for (const fp of children(ps.xml, 'fieldPermissions')) {
      const field = textOf(fp, 'field');
      if (!field) continue;
      const list = map.get(field) ?? [];
      list.push({
        permissionSet: ps.name,
        readable: textOf(fp, 'readable') === 'true',
        editable: textOf(fp, 'editable') === 'true'
      });
      map.set(field, list);
    }
  }
  grantsMemo.set(project, map);
  return map;
}

/** sObject types a queue takes. */
export function queueObjects(file: Parsed): string[] {
  return children(file.xml, 'queueSobject').map((q) => textOf(q, 'sobjectType') ?? '');
}

export function queueKnown(project: ProjectIndex, name: string): boolean {
  return project.has('Queue', name) || project.settings.existingQueues.includes(name);
}
