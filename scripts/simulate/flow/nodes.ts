/**
 * One compiler per flow element kind the interpreter runs (XML element → FlowNode). A kind without
 * one is kept as an `unsupported` node and reported only when a run reaches it.
 */
import { child, children, textOf, type XmlNode } from '../../xml/read';
import type { Condition, FlowNode, Rule } from './model';
import type { Logic } from './model';
import { assignmentsOf, bool, compileValue, connectorOf, filtersOf } from './values';

/** What an element compiler may ask of the flow being compiled. */
export interface CompileContext {
  /** Parses condition logic, failing with the file and line. */
  logicOf(text: string | undefined, count: number, line: number, where: string): Logic;
  /** Claims a name in the flow's one case-insensitive namespace (outcomes share it with elements). */
  claim(name: string | undefined, n: XmlNode): string;
}

/** What every node has: its name, label, XML element name and line. */
export type NodeBase = Pick<FlowNode, 'name' | 'label' | 'tag' | 'line'>;

type NodeCompiler = (n: XmlNode, base: NodeBase, ctx: CompileContext) => FlowNode;

/** Named inputs (action parameters, subflow input assignments): name and value. */
const namedInputs = (n: XmlNode, tag: string) =>
  children(n, tag).map((p) => ({
    name: textOf(p, 'name') ?? '',
    value: compileValue(child(p, 'value')),
    line: p.line
  }));

/** Named outputs (action parameters, subflow output assignments): name and where it goes. */
const namedOutputs = (n: XmlNode, tag: string) =>
  children(n, tag).map((p) => ({ name: textOf(p, 'name') ?? '', target: textOf(p, 'assignToReference') ?? '' }));

const COMPILERS: Record<string, NodeCompiler> = {
  assignments: (n, base) => ({
    ...base,
    kind: 'assignment',
    items: children(n, 'assignmentItems').map((a) => ({
      target: textOf(a, 'assignToReference') ?? '',
      operator: textOf(a, 'operator') ?? 'Assign',
      value: compileValue(child(a, 'value')),
      line: a.line
    })),
    next: connectorOf(n, 'connector')
  }),
  decisions: (n, base, ctx) => {
    const name = base.name;
    const node: FlowNode = {
      ...base,
      kind: 'decision',
      rules: children(n, 'rules').map((r): Rule => {
        const conditions: Condition[] = children(r, 'conditions').map((c) => ({
          left: textOf(c, 'leftValueReference') ?? '',
          operator: textOf(c, 'operator') ?? 'EqualTo',
          right: compileValue(child(c, 'rightValue')),
          line: c.line
        }));
        const ruleName = textOf(r, 'name') ?? '';
        const logicText = textOf(r, 'conditionLogic') ?? 'and';
        return {
          name: ruleName,
          label: textOf(r, 'label') ?? ruleName,
          logicText,
          logic: ctx.logicOf(logicText, conditions.length, r.line, `rule ${ruleName} of decision ${name}`),
          conditions,
          next: connectorOf(r, 'connector'),
          line: r.line
        };
      }),
      defaultNext: connectorOf(n, 'defaultConnector'),
      defaultLabel: textOf(n, 'defaultConnectorLabel') ?? 'Default Outcome'
    };
    for (const r of (node as { rules: Rule[] }).rules) ctx.claim(r.name, n);
    return node;
  },
  recordLookups: (n, base, ctx) => {
    const name = base.name;
    const filters = filtersOf(n);
    const filterLogicText = textOf(n, 'filterLogic') ?? 'and';
    const sortOrder = textOf(n, 'sortOrder');
    const node: FlowNode = {
      ...base,
      kind: 'recordLookup',
      object: textOf(n, 'object') ?? '',
      filters,
      filterLogicText,
      filterLogic: ctx.logicOf(filterLogicText, filters.length, n.line, `filter logic of ${name}`),
      getFirstRecordOnly: bool(n, 'getFirstRecordOnly'),
      storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
      outputReference: textOf(n, 'outputReference'),
      outputAssignments: children(n, 'outputAssignments').map((o) => ({
        field: textOf(o, 'field') ?? '',
        target: textOf(o, 'assignToReference') ?? ''
      })),
      assignNullValuesIfNoRecordsFound: bool(n, 'assignNullValuesIfNoRecordsFound'),
      sortField: textOf(n, 'sortField'),
      sortOrder: sortOrder === 'Asc' || sortOrder === 'Desc' ? sortOrder : undefined,
      limit: child(n, 'limit') ? compileValue(child(n, 'limit')) : undefined,
      next: connectorOf(n, 'connector'),
      fault: connectorOf(n, 'faultConnector')
    };
    return node;
  },
  recordUpdates: (n, base, ctx) => {
    const name = base.name;
    const filters = filtersOf(n);
    const filterLogicText = textOf(n, 'filterLogic') ?? 'and';
    const node: FlowNode = {
      ...base,
      kind: 'recordUpdate',
      object: textOf(n, 'object'),
      inputReference: textOf(n, 'inputReference'),
      filters,
      filterLogicText,
      filterLogic: ctx.logicOf(filterLogicText, filters.length, n.line, `filter logic of ${name}`),
      inputAssignments: assignmentsOf(n),
      next: connectorOf(n, 'connector'),
      fault: connectorOf(n, 'faultConnector')
    };
    return node;
  },
  recordCreates: (n, base) => ({
    ...base,
    kind: 'recordCreate',
    object: textOf(n, 'object'),
    inputReference: textOf(n, 'inputReference'),
    inputAssignments: assignmentsOf(n),
    assignRecordIdToReference: textOf(n, 'assignRecordIdToReference'),
    storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
    next: connectorOf(n, 'connector'),
    fault: connectorOf(n, 'faultConnector')
  }),
  loops: (n, base) => ({
    ...base,
    kind: 'loop',
    collection: textOf(n, 'collectionReference') ?? '',
    order: textOf(n, 'iterationOrder') === 'Desc' ? 'Desc' : 'Asc',
    assignTo: textOf(n, 'assignNextValueToReference'),
    nextValue: connectorOf(n, 'nextValueConnector'),
    noMoreValues: connectorOf(n, 'noMoreValuesConnector')
  }),
  collectionProcessors: (n, base, ctx) => {
    const conditions: Condition[] = children(n, 'conditions').map((c) => ({
      left: textOf(c, 'leftValueReference') ?? '',
      operator: textOf(c, 'operator') ?? 'EqualTo',
      right: compileValue(child(c, 'rightValue')),
      line: c.line
    }));
    const logicText = textOf(n, 'conditionLogic') ?? 'and';
    const formula = logicText.toLowerCase() === 'formula' ? (child(n, 'formula')?.text ?? '') : undefined;
    return {
      ...base,
      kind: 'collectionProcessor',
      subtype: textOf(n, 'elementSubtype') ?? textOf(n, 'collectionProcessorType') ?? '',
      collection: textOf(n, 'collectionReference') ?? '',
      itemReference: textOf(n, 'assignNextValueToReference'),
      conditions,
      logicText,
      logic:
        formula === undefined
          ? ctx.logicOf(logicText, conditions.length, n.line, `condition logic of ${base.name}`)
          : undefined,
      formula,
      sortOptions: children(n, 'sortOptions').map((o) => ({
        field: textOf(o, 'sortField'),
        order: textOf(o, 'sortOrder') === 'Desc' ? 'Desc' : 'Asc',
        nullsFirst: bool(o, 'doesPutEmptyStringAndNullFirst')
      })),
      limit: child(n, 'limit') ? compileValue(child(n, 'limit')) : undefined,
      next: connectorOf(n, 'connector')
    };
  },
  subflows: (n, base) => ({
    ...base,
    kind: 'subflow',
    flowName: textOf(n, 'flowName') ?? '',
    inputs: namedInputs(n, 'inputAssignments'),
    outputs: namedOutputs(n, 'outputAssignments'),
    storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
    next: connectorOf(n, 'connector')
  }),
  waits: (n, base) => ({
    ...base,
    kind: 'wait',
    events: children(n, 'waitEvents').map((e) => ({
      name: textOf(e, 'name') ?? '',
      label: textOf(e, 'label') ?? textOf(e, 'name') ?? '',
      next: connectorOf(e, 'connector')
    })),
    defaultNext: connectorOf(n, 'defaultConnector'),
    defaultLabel: textOf(n, 'defaultConnectorLabel') ?? 'Default Path',
    fault: connectorOf(n, 'faultConnector')
  }),
  screens: (n, base) => ({ ...base, kind: 'screen' }),
  actionCalls: (n, base) => ({
    ...base,
    kind: 'actionCall',
    actionType: textOf(n, 'actionType') ?? '',
    actionName: textOf(n, 'actionName') ?? '',
    inputs: namedInputs(n, 'inputParameters'),
    outputs: namedOutputs(n, 'outputParameters'),
    storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
    next: connectorOf(n, 'connector'),
    fault: connectorOf(n, 'faultConnector')
  })
};

/** Compiles one node element; kinds the interpreter does not run become `unsupported`. */
export function compileNode(n: XmlNode, base: NodeBase, ctx: CompileContext): FlowNode {
  const compile = COMPILERS[base.tag];
  return compile ? compile(n, base, ctx) : { ...base, kind: 'unsupported' };
}
