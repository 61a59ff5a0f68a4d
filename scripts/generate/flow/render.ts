/**
 * Flow element shapes → XML, each child in the order of the Metadata API WSDL (v66): base types
 * first (FlowBaseElement → FlowElement: description, name → FlowNode: label, locationX, locationY),
 * then the type's own elements. Auto-layout flows carry locationX/locationY 0.
 */
import { el, leaf, type XmlElement } from '../../xml/write';
import { formatDouble } from '../values';
import type {
  ActionSpec,
  AssignmentSpec,
  ConditionSpec,
  CreateSpec,
  DecisionSpec,
  FieldAssignment,
  FlowValue,
  FlowVariableSpec,
  LookupSpec,
  RecordFilter,
  RuleSpec,
  UpdateSpec
} from './elements';

/** FlowElementReferenceOrValue: its children are in WSDL order too (setupReference before setupReferenceType). */
export function renderValue(name: string, v: FlowValue): XmlElement {
  if ('stringValue' in v) return el(name, leaf('stringValue', v.stringValue));
  if ('booleanValue' in v) return el(name, leaf('booleanValue', v.booleanValue));
  if ('numberValue' in v) return el(name, leaf('numberValue', formatDouble(v.numberValue)));
  if ('elementReference' in v) return el(name, leaf('elementReference', v.elementReference));
  return el(name, leaf('setupReference', v.setupReference), leaf('setupReferenceType', v.setupReferenceType));
}

function connector(name: string, target: string | undefined): XmlElement | undefined {
  return target === undefined ? undefined : el(name, leaf('targetReference', target));
}

function nodeHead(n: { name: string; label: string; description: string }): (XmlElement | undefined)[] {
  return [
    leaf('description', n.description),
    leaf('name', n.name),
    leaf('label', n.label),
    leaf('locationX', 0),
    leaf('locationY', 0)
  ];
}

function filter(f: RecordFilter): XmlElement {
  return el('filters', leaf('field', f.field), leaf('operator', f.operator), renderValue('value', f.value));
}

function inputAssignment(a: FieldAssignment): XmlElement {
  return el('inputAssignments', leaf('field', a.field), renderValue('value', a.value));
}

export function renderVariable(v: FlowVariableSpec): XmlElement {
  return el(
    'variables',
    leaf('description', v.description),
    leaf('name', v.name),
    leaf('dataType', v.dataType),
    leaf('isCollection', false),
    leaf('isInput', v.isInput),
    leaf('isOutput', false),
    leaf('scale', v.scale)
  );
}

export function renderAssignment(a: AssignmentSpec): XmlElement {
  return el(
    'assignments',
    nodeHead(a),
    a.items.map((i) =>
      el(
        'assignmentItems',
        leaf('assignToReference', i.assignToReference),
        leaf('operator', i.operator),
        renderValue('value', i.value)
      )
    ),
    connector('connector', a.connector)
  );
}

function condition(c: ConditionSpec): XmlElement {
  return el(
    'conditions',
    leaf('leftValueReference', c.leftValueReference),
    leaf('operator', c.operator),
    renderValue('rightValue', c.rightValue)
  );
}

function rule(r: RuleSpec): XmlElement {
  return el(
    'rules',
    leaf('name', r.name),
    leaf('conditionLogic', r.conditionLogic),
    r.conditions.map(condition),
    connector('connector', r.connector),
    leaf('label', r.label)
  );
}

export function renderDecision(d: DecisionSpec): XmlElement {
  return el(
    'decisions',
    nodeHead(d),
    connector('defaultConnector', d.defaultConnector),
    leaf('defaultConnectorLabel', d.defaultConnectorLabel),
    d.rules.map(rule)
  );
}

export function renderLookup(l: LookupSpec): XmlElement {
  return el(
    'recordLookups',
    nodeHead(l),
    leaf('assignNullValuesIfNoRecordsFound', false),
    connector('connector', l.connector),
    connector('faultConnector', l.faultConnector),
    leaf('filterLogic', 'and'),
    l.filters.map(filter),
    leaf('getFirstRecordOnly', true),
    leaf('object', l.object),
    l.queriedFields.map((f) => leaf('queriedFields', f)),
    leaf('sortField', l.sort?.field),
    leaf('sortOrder', l.sort?.order),
    leaf('storeOutputAutomatically', true)
  );
}

export function renderUpdate(u: UpdateSpec): XmlElement {
  return el(
    'recordUpdates',
    nodeHead(u),
    connector('connector', u.connector),
    connector('faultConnector', u.faultConnector),
    leaf('filterLogic', 'and'),
    u.filters.map(filter),
    u.inputAssignments.map(inputAssignment),
    leaf('object', u.object)
  );
}

export function renderCreate(c: CreateSpec): XmlElement {
  return el(
    'recordCreates',
    nodeHead(c),
    leaf('assignRecordIdToReference', c.assignRecordIdToReference),
    connector('connector', c.connector),
    connector('faultConnector', c.faultConnector),
    c.inputAssignments.map(inputAssignment),
    leaf('object', c.object),
    leaf('storeOutputAutomatically', false)
  );
}

export function renderAction(a: ActionSpec): XmlElement {
  return el(
    'actionCalls',
    nodeHead(a),
    leaf('actionName', a.actionName),
    leaf('actionType', a.actionType),
    connector('connector', a.connector),
    connector('faultConnector', a.faultConnector),
    leaf('flowTransactionModel', 'CurrentTransaction'),
    a.inputs.map((i) => el('inputParameters', leaf('name', i.name), i.value && renderValue('value', i.value))),
    leaf('nameSegment', a.nameSegment),
    a.outputs.map((o) => el('outputParameters', leaf('assignToReference', o.assignToReference), leaf('name', o.name))),
    leaf('versionString', a.versionString)
  );
}

export function renderStart(target: string): XmlElement {
  return el('start', leaf('locationX', 0), leaf('locationY', 0), connector('connector', target));
}
