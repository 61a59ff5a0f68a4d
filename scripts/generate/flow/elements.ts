/**
 * The shapes of the flow elements this generator writes: a small typed subset of the Metadata API
 * Flow type (variables, assignments, decisions, record lookups/updates/creates, action calls). The
 * sections build these plain objects; render.ts turns them into XML in the WSDL's order. Keeping the
 * shapes separate from the XML lets tests and the sections reason about the graph directly.
 */

/** A value: literal (string, boolean, number), a reference to a resource/field, or a setup reference. */
export type FlowValue =
  | { stringValue: string }
  | { booleanValue: boolean }
  | { numberValue: number }
  | { elementReference: string }
  | { setupReference: string; setupReferenceType: string };

export const str = (stringValue: string): FlowValue => ({ stringValue });
export const bool = (booleanValue: boolean): FlowValue => ({ booleanValue });
export const num = (numberValue: number): FlowValue => ({ numberValue });
export const ref = (elementReference: string): FlowValue => ({
  elementReference
});

export type FlowDataType = 'String' | 'Boolean' | 'Number';

export interface FlowVariableSpec {
  name: string;
  description: string;
  dataType: FlowDataType;
  isInput: boolean;
  /** Number variables only. */
  scale?: number;
}

interface NodeBase {
  name: string;
  label: string;
  description: string;
}

export interface AssignmentItem {
  assignToReference: string;
  operator: 'Assign' | 'Add';
  value: FlowValue;
}

export interface AssignmentSpec extends NodeBase {
  kind: 'assignments';
  items: AssignmentItem[];
  connector?: string;
}

export type ComparisonOperator = 'EqualTo' | 'NotEqualTo' | 'Contains' | 'IsBlank' | 'IsNull' | 'GreaterThan';

export interface ConditionSpec {
  leftValueReference: string;
  operator: ComparisonOperator;
  rightValue: FlowValue;
}

export interface RuleSpec {
  name: string;
  label: string;
  /** `and`, `or`, or custom logic such as `1 AND (2 OR 3)`. */
  conditionLogic: string;
  conditions: ConditionSpec[];
  connector: string;
}

export interface DecisionSpec extends NodeBase {
  kind: 'decisions';
  rules: RuleSpec[];
  defaultConnector: string;
  defaultConnectorLabel: string;
}

export interface RecordFilter {
  field: string;
  operator: 'EqualTo' | 'NotEqualTo';
  value: FlowValue;
}

export interface FieldAssignment {
  field: string;
  value: FlowValue;
}

/** Get Records, first record only, stored automatically under the element's name (`HK_Get_Queue.Id`). */
export interface LookupSpec extends NodeBase {
  kind: 'recordLookups';
  object: string;
  filters: RecordFilter[];
  queriedFields: string[];
  sort?: { field: string; order: 'Asc' | 'Desc' };
  connector: string;
  faultConnector: string;
}

export interface UpdateSpec extends NodeBase {
  kind: 'recordUpdates';
  object: string;
  filters: RecordFilter[];
  inputAssignments: FieldAssignment[];
  connector?: string;
  faultConnector: string;
}

export interface CreateSpec extends NodeBase {
  kind: 'recordCreates';
  object: string;
  inputAssignments: FieldAssignment[];
  /** Variable that receives the new record's Id. */
  assignRecordIdToReference: string;
  connector?: string;
  faultConnector: string;
}

export interface ActionInput {
  name: string;
  /** Omitted for the empty inputs Flow Builder writes. */
  value?: FlowValue;
}

export interface ActionSpec extends NodeBase {
  kind: 'actionCalls';
  actionName: string;
  actionType: 'apex' | 'routeWork' | 'checkAvailabilityForRouting';
  inputs: ActionInput[];
  outputs: { name: string; assignToReference: string }[];
  nameSegment: string;
  versionString?: string;
  connector?: string;
  faultConnector: string;
}

export type FlowNodeSpec = AssignmentSpec | DecisionSpec | LookupSpec | UpdateSpec | CreateSpec | ActionSpec;
export type FlowNodeKind = FlowNodeSpec['kind'];

/** Every target an element can jump to: connectors, decision outcomes, default and fault connectors. */
export function targetsOf(node: FlowNodeSpec): string[] {
  const out: string[] = [];
  if (node.kind === 'decisions') {
    for (const r of node.rules) out.push(r.connector);
    out.push(node.defaultConnector);
    return out;
  }
  if (node.connector) out.push(node.connector);
  if ('faultConnector' in node) out.push(node.faultConnector);
  return out;
}
