/**
 * The kinds of element a Flow holds (the Flow complex type of the Metadata API WSDL 66.0): nodes a
 * connector can target, and resources that are only referenced as values.
 */

/** Flow elements that can be connector targets. */
export const FLOW_NODE_KINDS: readonly string[] = [
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
export const FLOW_RESOURCE_KINDS: readonly string[] = [
  'variables',
  'formulas',
  'constants',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages'
];

const NODES = new Set(FLOW_NODE_KINDS);
/** Whether an element of this kind is a node (a connector target). */
export const isFlowNodeKind = (kind: string): boolean => NODES.has(kind);
