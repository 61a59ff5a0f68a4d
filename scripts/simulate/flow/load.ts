/**
 * Flow XML (source format, `<Flow>` root) → CompiledFlow. Reads the file itself, not the config, so
 * hand edits and generator bugs are simulated as they would deploy. Structural mistakes (a connector
 * to nowhere, bad condition logic) are reported here with the line; element types the interpreter
 * does not run are kept as `unsupported` nodes and reported only when a run reaches them.
 */
import { child, children, parseXml, textOf, XmlSyntaxError, type XmlNode } from '../../xml/read';
import { isFlowNodeKind } from '../../platform/flowElements';
import { UserError } from '../../project/errors';
import { LogicSyntaxError, parseLogic } from './logic';
import type {
  CompiledFlow,
  Condition,
  FieldAssignment,
  FlowNode,
  FlowResource,
  FlowValue,
  FlowVariable,
  RecordFilter,
  Rule,
  ValueSpec
} from './model';

export class FlowLoadError extends UserError {
  constructor(file: string, line: number, message: string, fix = '') {
    super(`${file}:${line}: ${message}${fix ? `. Fix: ${fix}` : ''}`);
    this.name = 'FlowLoadError';
  }
}

const bool = (n: XmlNode, name: string): boolean => textOf(n, name) === 'true';

/** Compiles a FlowElementReferenceOrValue element. Absent or empty → null literal. */
export function compileValue(v: XmlNode | undefined): ValueSpec {
  if (!v) return { kind: 'literal', value: null };
  const ref = textOf(v, 'elementReference');
  if (ref !== undefined) return { kind: 'ref', ref };
  const str = child(v, 'stringValue');
  if (str) return { kind: 'literal', value: str.text }; // untrimmed: spaces are part of a text value
  const num = textOf(v, 'numberValue');
  if (num !== undefined) return { kind: 'literal', value: Number(num) };
  const b = textOf(v, 'booleanValue');
  if (b !== undefined) return { kind: 'literal', value: b === 'true' };
  // Portable references to setup objects (the messaging service channel) evaluate to their developer name.
  const setup = textOf(v, 'setupReference');
  if (setup !== undefined) return { kind: 'literal', value: setup };
  for (const k of ['dateValue', 'dateTimeValue', 'timeValue']) {
    const d = textOf(v, k);
    if (d !== undefined) return { kind: 'literal', value: d };
  }
  const items = children(v, 'collectionElements');
  if (items.length) return { kind: 'collection', items: items.map((i) => compileValue(i)) };
  for (const k of ['formulaExpression', 'apexValue', 'complexValue', 'sobjectValue', 'transformValueReference']) {
    if (child(v, k)) return { kind: 'unsupported', what: k };
  }
  return { kind: 'literal', value: null };
}

function connectorOf(n: XmlNode, name: string): string | undefined {
  const c = child(n, name);
  return c ? textOf(c, 'targetReference') : undefined;
}

function filtersOf(n: XmlNode): RecordFilter[] {
  return children(n, 'filters').map((f) => ({
    field: textOf(f, 'field') ?? '',
    operator: textOf(f, 'operator') ?? 'EqualTo',
    value: compileValue(child(f, 'value')),
    line: f.line
  }));
}

function assignmentsOf(n: XmlNode): FieldAssignment[] {
  return children(n, 'inputAssignments').map((a) => ({
    field: textOf(a, 'field') ?? '',
    value: compileValue(child(a, 'value')),
    line: a.line
  }));
}

export function loadFlow(source: string, file: string): CompiledFlow {
  let root: XmlNode;
  try {
    root = parseXml(source);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new FlowLoadError(file, e.line, `malformed XML: ${e.message}`);
    throw e;
  }
  if (root.local !== 'Flow') throw new FlowLoadError(file, root.line, `the root element is <${root.name}>, not <Flow>`);
  const logicOf = (text: string | undefined, count: number, line: number, where: string) => {
    try {
      return parseLogic(text, count);
    } catch (e) {
      if (e instanceof LogicSyntaxError) throw new FlowLoadError(file, line, `${where}: ${e.message}`);
      throw e;
    }
  };

  const variables = new Map<string, FlowVariable>();
  const resources = new Map<string, FlowResource>();
  const nodes = new Map<string, FlowNode>();
  let start: string | undefined;
  const names = new Map<string, number>();
  const claim = (name: string | undefined, n: XmlNode): string => {
    if (!name) throw new FlowLoadError(file, n.line, `<${n.name}> has no <name>`);
    const key = name.toLowerCase(); // flow element names are case-insensitive and share one namespace
    const prev = names.get(key);
    if (prev !== undefined)
      throw new FlowLoadError(file, n.line, `the name "${name}" is used twice (also on line ${prev})`);
    names.set(key, n.line);
    return name;
  };

  for (const n of root.children) {
    const tag = n.local;
    if (tag === 'start') {
      start = connectorOf(n, 'connector');
      continue;
    }
    if (tag === 'startElementReference') {
      start = n.text.trim();
      continue;
    }
    if (tag === 'variables') {
      const name = claim(textOf(n, 'name'), n);
      const v = child(n, 'value');
      variables.set(name, {
        name,
        dataType: textOf(n, 'dataType') ?? 'String',
        isCollection: bool(n, 'isCollection'),
        isInput: bool(n, 'isInput'),
        objectType: textOf(n, 'objectType'),
        initial: v ? compileValue(v) : undefined,
        line: n.line
      });
      continue;
    }
    if (tag === 'constants') {
      const name = claim(textOf(n, 'name'), n);
      resources.set(name, {
        name,
        kind: 'constant',
        dataType: textOf(n, 'dataType'),
        value: compileValue(child(n, 'value')),
        line: n.line
      });
      continue;
    }
    if (tag === 'textTemplates') {
      const name = claim(textOf(n, 'name'), n);
      resources.set(name, { name, kind: 'textTemplate', text: child(n, 'text')?.text ?? '', line: n.line });
      continue;
    }
    if (tag === 'formulas') {
      const name = claim(textOf(n, 'name'), n);
      resources.set(name, { name, kind: 'formula', dataType: textOf(n, 'dataType'), line: n.line });
      continue;
    }
    // Nodes the interpreter does not run are kept as `unsupported` (reported when a run reaches them).
    if (!isFlowNodeKind(tag)) continue; // flow-level settings: label, processType…
    const name = claim(textOf(n, 'name'), n);
    const base = { name, label: textOf(n, 'label') ?? name, tag, line: n.line };
    switch (tag) {
      case 'assignments':
        nodes.set(name, {
          ...base,
          kind: 'assignment',
          items: children(n, 'assignmentItems').map((a) => ({
            target: textOf(a, 'assignToReference') ?? '',
            operator: textOf(a, 'operator') ?? 'Assign',
            value: compileValue(child(a, 'value')),
            line: a.line
          })),
          next: connectorOf(n, 'connector')
        });
        break;
      case 'decisions':
        nodes.set(name, {
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
              logic: logicOf(logicText, conditions.length, r.line, `rule ${ruleName} of decision ${name}`),
              conditions,
              next: connectorOf(r, 'connector'),
              line: r.line
            };
          }),
          defaultNext: connectorOf(n, 'defaultConnector'),
          defaultLabel: textOf(n, 'defaultConnectorLabel') ?? 'Default Outcome'
        });
        for (const r of (nodes.get(name) as { rules: Rule[] }).rules) claim(r.name, n);
        break;
      case 'recordLookups': {
        const filters = filtersOf(n);
        const filterLogicText = textOf(n, 'filterLogic') ?? 'and';
        const sortOrder = textOf(n, 'sortOrder');
        nodes.set(name, {
          ...base,
          kind: 'recordLookup',
          object: textOf(n, 'object') ?? '',
          filters,
          filterLogicText,
          filterLogic: logicOf(filterLogicText, filters.length, n.line, `filter logic of ${name}`),
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
        });
        break;
      }
      case 'recordUpdates': {
        const filters = filtersOf(n);
        const filterLogicText = textOf(n, 'filterLogic') ?? 'and';
        nodes.set(name, {
          ...base,
          kind: 'recordUpdate',
          object: textOf(n, 'object'),
          inputReference: textOf(n, 'inputReference'),
          filters,
          filterLogicText,
          filterLogic: logicOf(filterLogicText, filters.length, n.line, `filter logic of ${name}`),
          inputAssignments: assignmentsOf(n),
          next: connectorOf(n, 'connector'),
          fault: connectorOf(n, 'faultConnector')
        });
        break;
      }
      case 'recordCreates':
        nodes.set(name, {
          ...base,
          kind: 'recordCreate',
          object: textOf(n, 'object'),
          inputReference: textOf(n, 'inputReference'),
          inputAssignments: assignmentsOf(n),
          assignRecordIdToReference: textOf(n, 'assignRecordIdToReference'),
          storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
          next: connectorOf(n, 'connector'),
          fault: connectorOf(n, 'faultConnector')
        });
        break;
      case 'actionCalls':
        nodes.set(name, {
          ...base,
          kind: 'actionCall',
          actionType: textOf(n, 'actionType') ?? '',
          actionName: textOf(n, 'actionName') ?? '',
          inputs: children(n, 'inputParameters').map((p) => ({
            name: textOf(p, 'name') ?? '',
            value: compileValue(child(p, 'value')),
            line: p.line
          })),
          outputs: children(n, 'outputParameters').map((p) => ({
            name: textOf(p, 'name') ?? '',
            target: textOf(p, 'assignToReference') ?? ''
          })),
          storeOutputAutomatically: bool(n, 'storeOutputAutomatically'),
          next: connectorOf(n, 'connector'),
          fault: connectorOf(n, 'faultConnector')
        });
        break;
      default:
        nodes.set(name, { ...base, kind: 'unsupported' });
    }
  }

  // Every connector must land on an element: a dangling one would not deploy.
  const check = (from: string, target: string | undefined, line: number): void => {
    if (target !== undefined && !nodes.has(target)) {
      throw new FlowLoadError(
        file,
        line,
        `${from} connects to "${target}", which is not an element of this flow`,
        'regenerate the flow with `handoff build`'
      );
    }
  };
  check('<start>', start, root.line);
  for (const node of nodes.values()) {
    if (node.kind === 'decision') {
      for (const r of node.rules) check(`rule ${r.name} of ${node.name}`, r.next, r.line);
      check(`the default outcome of ${node.name}`, node.defaultNext, node.line);
    } else if (node.kind !== 'unsupported') {
      check(node.name, node.next, node.line);
      if ('fault' in node) check(`the fault path of ${node.name}`, node.fault, node.line);
    }
  }

  const fileBase = file.split(/[\\/]/).pop() ?? file;
  return {
    file,
    apiName: fileBase.replace(/\.flow-meta\.xml$/, ''),
    label: textOf(root, 'label') ?? '',
    processType: textOf(root, 'processType') ?? '',
    start,
    variables,
    resources,
    nodes
  };
}

export type { FlowValue };
