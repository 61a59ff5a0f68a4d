/**
 * Routing rules (config order, first match wins) → the DeveloperName of the chosen queue in
 * HK_QueueDevName, default queue otherwise; then ONE Group lookup by that DeveloperName, so no
 * org-specific queue Id is written. A queue missing from the org sends the session to the fallback.
 */
import type { HandoffModel, ResolvedRule } from '../../model/types';
import { bool, ref, str, type ConditionSpec, type RuleSpec } from './elements';
import type { FlowGraph } from './graph';
import { FLOW_ELEMENTS as E, FLOW_OUTCOMES as O, FLOW_VARIABLES as V, ruleQueueAssignmentName } from './names';
import { queueLookup } from './queueLookup';

/**
 * A rule's conditions. `in` is one EqualTo per value joined with `or` (a decision's `In` operator
 * needs a collection variable); `isBlank` is IsBlank true.
 */
export function ruleConditions(rule: ResolvedRule): {
  conditionLogic: string;
  conditions: ConditionSpec[];
} {
  const left = rule.attribute.name;
  switch (rule.operator) {
    case 'equals':
      return {
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: left,
            operator: 'EqualTo',
            rightValue: str(rule.values[0] ?? '')
          }
        ]
      };
    case 'contains':
      return {
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: left,
            operator: 'Contains',
            rightValue: str(rule.values[0] ?? '')
          }
        ]
      };
    case 'in':
      if (rule.values.length === 0) throw new Error(`internal: rule "${rule.label}" uses "in" without values`);
      return {
        conditionLogic: 'or',
        conditions: rule.values.map((v) => ({
          leftValueReference: left,
          operator: 'EqualTo' as const,
          rightValue: str(v)
        }))
      };
    case 'isBlank':
      return {
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: left,
            operator: 'IsBlank',
            rightValue: bool(true)
          }
        ]
      };
  }
}

function setQueue(graph: FlowGraph, name: string, label: string, queue: string, next: string): string {
  return graph.add({
    kind: 'assignments',
    name,
    label,
    description: `Chooses the queue ${queue}.`,
    items: [
      {
        assignToReference: V.queueDevName,
        operator: 'Assign',
        value: str(queue)
      }
    ],
    connector: next
  });
}

/** Adds rules → chosen queue lookup; `next` receives the session once the queue is known. */
export function addRouting(graph: FlowGraph, model: HandoffModel, next: string, fallback: string): string {
  graph.addVariable({
    name: V.queueDevName,
    description: 'DeveloperName of the queue the routing rules chose.',
    dataType: 'String',
    isInput: false
  });
  graph.add({
    kind: 'decisions',
    name: E.queueFound,
    label: 'Queue Found?',
    description: 'Whether the chosen queue exists in this org; otherwise the fallback queue takes the session.',
    rules: [
      {
        name: O.queueFoundYes,
        label: 'Found',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getQueue,
            operator: 'IsNull',
            rightValue: bool(false)
          }
        ],
        connector: next
      }
    ],
    defaultConnector: fallback,
    defaultConnectorLabel: 'Not Found'
  });
  const lookup = graph.add(
    queueLookup(
      E.getQueue,
      'Get Chosen Queue',
      'Looks up the chosen queue by DeveloperName (no org-specific Ids).',
      ref(V.queueDevName),
      E.queueFound,
      fallback
    )
  );
  const setDefault = setQueue(graph, E.setDefaultQueue, 'Set Default Queue', model.defaultQueue, lookup);
  if (model.rules.length === 0) return setDefault;

  const rules: RuleSpec[] = model.rules.map((r, i) => ({
    name: r.name,
    label: r.label,
    ...ruleConditions(r),
    connector: setQueue(graph, ruleQueueAssignmentName(i + 1), `Queue for ${r.label}`.slice(0, 80), r.queue, lookup)
  }));
  return graph.add({
    kind: 'decisions',
    name: E.routingRules,
    label: 'Routing Rules',
    description: 'The routing rules of handoff.config.json, in order: the first match chooses the queue.',
    rules,
    defaultConnector: setDefault,
    defaultConnectorLabel: 'Default Queue'
  });
}
