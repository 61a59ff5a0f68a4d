/**
 * After the queue is chosen: business hours (optional), the availability check, and Route Work to
 * the chosen queue. When closed or when no agent is online the configured fallback applies:
 * `wait` routes to the chosen queue anyway (the session waits there), `case` takes the Case branch
 * with the matching End Conversation reason.
 */
import { BUSINESS_HOURS } from '../../contract';
import type { HandoffModel } from '../../model/types';
import { ROUTING } from '../../platform/routing';
import { bool, num, ref, str } from './elements';
import type { FlowGraph } from './graph';
import { FLOW_ELEMENTS as E, FLOW_OUTCOMES as O, FLOW_VARIABLES as V } from './names';
import { queueBasedChannelInputs, routeWork } from './routeWork';

/** Entry points of the Case branch, one per End Conversation reason. */
export interface CaseBranch {
  /** Present when `fallback.whenNoAgent` is `case`. */
  noAgent?: string;
  /** Present when `businessHours.whenClosed` is `case`. */
  outsideHours?: string;
}

function addAvailabilityCheck(graph: FlowGraph, route: string, whenNone: string, fault: string): string {
  graph.addVariable({
    name: V.onlineAgentsCount,
    description: 'Agents online for the chosen queue (checkAvailabilityForRouting).',
    dataType: 'Number',
    isInput: false,
    scale: 0
  });
  graph.add({
    kind: 'decisions',
    name: E.agentsAvailable,
    label: 'Agents Available?',
    description: 'Routes when at least one agent is online; otherwise the no-agent fallback applies.',
    rules: [
      {
        name: O.agentsAvailableYes,
        label: 'Available',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: V.onlineAgentsCount,
            operator: 'GreaterThan',
            rightValue: num(0)
          }
        ],
        connector: route
      }
    ],
    defaultConnector: whenNone,
    defaultConnectorLabel: 'No Agent'
  });
  return graph.add({
    kind: 'actionCalls',
    name: E.checkAvailability,
    label: 'Check Availability for Routing',
    description: 'Asks Omni-Channel how many agents are online for the chosen queue on the messaging channel.',
    actionName: ROUTING.checkAvailability,
    actionType: 'checkAvailabilityForRouting',
    inputs: [
      ...queueBasedChannelInputs(),
      { name: 'queueId', value: ref(`${E.getQueue}.Id`) },
      { name: 'isQueueVariable', value: bool(true) },
      { name: 'selectedOutputs', value: str(ROUTING.selectedOutputs) }
    ],
    outputs: [
      {
        name: ROUTING.onlineAgentsCount,
        assignToReference: V.onlineAgentsCount
      }
    ],
    nameSegment: ROUTING.checkAvailability,
    versionString: ROUTING.actionVersion,
    connector: E.agentsAvailable,
    faultConnector: fault
  });
}

function addBusinessHours(graph: FlowGraph, name: string, whenOpen: string, whenClosed: string, fault: string): string {
  graph.addVariable({
    name: V.isWithinBusinessHours,
    description: `Output "${BUSINESS_HOURS.outputs.isWithin}" of the ${BUSINESS_HOURS.className} action.`,
    dataType: 'Boolean',
    isInput: false
  });
  graph.add({
    kind: 'decisions',
    name: E.isOpen,
    label: 'Within Business Hours?',
    description: `Whether business hours "${name}" are open now.`,
    rules: [
      {
        name: O.isOpenYes,
        label: 'Open',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: V.isWithinBusinessHours,
            operator: 'EqualTo',
            rightValue: bool(true)
          }
        ],
        connector: whenOpen
      }
    ],
    defaultConnector: whenClosed,
    defaultConnectorLabel: 'Closed'
  });
  return graph.add({
    kind: 'actionCalls',
    name: E.checkBusinessHours,
    label: BUSINESS_HOURS.label,
    description: `Apex ${BUSINESS_HOURS.className}: are business hours "${name}" open now?`,
    actionName: BUSINESS_HOURS.className,
    actionType: 'apex',
    inputs: [{ name: BUSINESS_HOURS.inputs.businessHoursName, value: str(name) }],
    outputs: [
      {
        name: BUSINESS_HOURS.outputs.isWithin,
        assignToReference: V.isWithinBusinessHours
      }
    ],
    nameSegment: BUSINESS_HOURS.className,
    connector: E.isOpen,
    faultConnector: fault
  });
}

/**
 * Adds Route Work to the chosen queue, the availability check when it can change the outcome, and
 * business hours when configured. `caseBranch` is called only when a `case` fallback is configured.
 */
export function addDelivery(
  graph: FlowGraph,
  model: HandoffModel,
  caseBranch: () => CaseBranch,
  fault: string
): string {
  const route = graph.add(
    routeWork(
      E.routeToQueue,
      'Route to Chosen Queue',
      'Routes the session to the queue the routing rules chose.',
      `${E.getQueue}.Id`,
      fault
    )
  );
  const needsCase = model.fallback.whenNoAgent === 'case' || model.businessHours?.whenClosed === 'case';
  const branch = needsCase ? caseBranch() : undefined;
  // With `wait` both outcomes of the availability check route to the chosen queue: the check is left out.
  const open = branch?.noAgent ? addAvailabilityCheck(graph, route, branch.noAgent, fault) : route;
  if (!model.businessHours) return open;
  const closed = branch?.outsideHours ?? route;
  return addBusinessHours(graph, model.businessHours.name, open, closed, fault);
}
