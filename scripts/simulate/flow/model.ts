/**
 * The flow as the interpreter sees it: the XML compiled once into plain structures (connectors as
 * names, condition logic as a tree, values as tagged specs) so running it per payload never touches
 * XML again.
 */

/** A runtime value: text, number, boolean, null, a record, or a collection of these. */
export type FlowValue = string | number | boolean | null | FlowRecord | FlowValue[];
/** An sObject record; fields keyed by their canonical API name. Created with a null prototype. */
export type FlowRecord = { [field: string]: FlowValue };

/** A FlowElementReferenceOrValue, compiled. */
export type ValueSpec =
  | { kind: 'literal'; value: FlowValue }
  | { kind: 'ref'; ref: string }
  | { kind: 'collection'; items: ValueSpec[] }
  | { kind: 'unsupported'; what: string };

/** Where a thing sits in the flow file, for error messages. */
export interface Located {
  line: number;
}

export interface Condition extends Located {
  left: string;
  operator: string;
  right: ValueSpec;
}

/** Condition logic: `and`, `or`, or a custom formula such as `1 AND (2 OR NOT 3)`. */
export type Logic = { op: 'and' | 'or'; args: Logic[] } | { op: 'not'; arg: Logic } | { op: 'ref'; index: number };

export interface Rule extends Located {
  name: string;
  label: string;
  logicText: string;
  logic: Logic;
  conditions: Condition[];
  next?: string;
}

export interface RecordFilter extends Located {
  field: string;
  operator: string;
  value: ValueSpec;
}

export interface FieldAssignment extends Located {
  field: string;
  value: ValueSpec;
}

interface NodeBase extends Located {
  name: string;
  label: string;
  /** The XML element name (`decisions`, `recordLookups`…), for messages. */
  tag: string;
}

export interface AssignmentNode extends NodeBase {
  kind: 'assignment';
  items: { target: string; operator: string; value: ValueSpec; line: number }[];
  next?: string;
}

export interface DecisionNode extends NodeBase {
  kind: 'decision';
  rules: Rule[];
  defaultNext?: string;
  defaultLabel: string;
}

export interface RecordLookupNode extends NodeBase {
  kind: 'recordLookup';
  object: string;
  filters: RecordFilter[];
  filterLogicText: string;
  filterLogic: Logic;
  getFirstRecordOnly: boolean;
  storeOutputAutomatically: boolean;
  outputReference?: string;
  outputAssignments: { field: string; target: string }[];
  assignNullValuesIfNoRecordsFound: boolean;
  sortField?: string;
  sortOrder?: 'Asc' | 'Desc';
  limit?: ValueSpec;
  next?: string;
  fault?: string;
}

export interface RecordUpdateNode extends NodeBase {
  kind: 'recordUpdate';
  object?: string;
  inputReference?: string;
  filters: RecordFilter[];
  filterLogicText: string;
  filterLogic: Logic;
  inputAssignments: FieldAssignment[];
  next?: string;
  fault?: string;
}

export interface RecordCreateNode extends NodeBase {
  kind: 'recordCreate';
  object?: string;
  inputReference?: string;
  inputAssignments: FieldAssignment[];
  assignRecordIdToReference?: string;
  storeOutputAutomatically: boolean;
  next?: string;
  fault?: string;
}

export interface ActionCallNode extends NodeBase {
  kind: 'actionCall';
  actionType: string;
  actionName: string;
  inputs: { name: string; value: ValueSpec; line: number }[];
  outputs: { name: string; target: string }[];
  storeOutputAutomatically: boolean;
  next?: string;
  fault?: string;
}

/** A loop over a collection: each visit moves to the next item; exhausted, it resets and exits. */
export interface LoopNode extends NodeBase {
  kind: 'loop';
  collection: string;
  order: 'Asc' | 'Desc';
  /** Where each item goes; without it the item is the loop's own output (`{!Loop_Name}`). */
  assignTo?: string;
  nextValue?: string;
  noMoreValues?: string;
}

/** Filter or Sort Collection (collectionProcessors): a new filtered collection, or the collection sorted in place. */
export interface CollectionProcessorNode extends NodeBase {
  kind: 'collectionProcessor';
  /** FilterCollectionProcessor, SortCollectionProcessor, or another subtype (which stops the run). */
  subtype: string;
  collection: string;
  /** Where each item is bound while the conditions are evaluated (`currentItem_<Name>` from Flow Builder). */
  itemReference?: string;
  conditions: Condition[];
  logicText: string;
  /** Condition logic; undefined when the filter is a formula. */
  logic?: Logic;
  formula?: string;
  sortOptions: { field?: string; order: 'Asc' | 'Desc'; nullsFirst: boolean }[];
  limit?: ValueSpec;
  next?: string;
}

/** A subflow: runs the named flow with the inputs, copies its outputs back. */
export interface SubflowNode extends NodeBase {
  kind: 'subflow';
  flowName: string;
  inputs: { name: string; value: ValueSpec; line: number }[];
  outputs: { name: string; target: string }[];
  storeOutputAutomatically: boolean;
  next?: string;
}

/** A Wait (pause) element: its events, the default path. */
export interface WaitNode extends NodeBase {
  kind: 'wait';
  events: { name: string; label: string; next?: string }[];
  defaultNext?: string;
  defaultLabel: string;
  fault?: string;
}

/** A Screen: an Omni-Channel flow runs with no user to show it to. */
export interface ScreenNode extends NodeBase {
  kind: 'screen';
}

/** An element type the simulator does not run (loops, screens, subflows…): reaching it stops the run. */
export interface UnsupportedNode extends NodeBase {
  kind: 'unsupported';
}

export type FlowNode =
  | AssignmentNode
  | DecisionNode
  | RecordLookupNode
  | RecordUpdateNode
  | RecordCreateNode
  | ActionCallNode
  | LoopNode
  | CollectionProcessorNode
  | SubflowNode
  | WaitNode
  | ScreenNode
  | UnsupportedNode;

export interface FlowVariable extends Located {
  name: string;
  dataType: string;
  isCollection: boolean;
  isInput: boolean;
  /** Available for output: what a parent flow's subflow element can read back. */
  isOutput?: boolean;
  objectType?: string;
  initial?: ValueSpec;
}

export interface FlowResource extends Located {
  name: string;
  kind: 'constant' | 'textTemplate' | 'formula';
  dataType?: string;
  value?: ValueSpec;
  /** textTemplate body with `{!merge}` fields. */
  text?: string;
  /** formula expression (Salesforce formula syntax with `{!merge}` fields). */
  expression?: string;
}

export interface CompiledFlow {
  file: string;
  apiName: string;
  label: string;
  processType: string;
  start: string | undefined;
  variables: Map<string, FlowVariable>;
  resources: Map<string, FlowResource>;
  nodes: Map<string, FlowNode>;
}
