/**
 * The fallback path: where every fault ends. It looks the fallback queue up by DeveloperName (no
 * org-specific Ids) and routes the session to it. If that fails too, a terminal assignment ends the
 * flow without routing: the channel's session handler queue is the same fallback queue, so
 * Omni-Channel still leaves the session there and the conversation is not lost.
 */
import type { HandoffModel } from '../../model/types';
import { bool, str } from './elements';
import type { FlowGraph } from './graph';
import { FLOW_ELEMENTS as E, FLOW_OUTCOMES as O, FLOW_VARIABLES as V, LEFT_TO_CHANNEL_FALLBACK } from './names';
import { queueLookup } from './queueLookup';
import { routeWork } from './routeWork';

/** Adds the fallback path and returns its entry (the fallback queue lookup). */
export function addFallbackPath(graph: FlowGraph, model: HandoffModel): string {
  graph.addVariable({
    name: V.outcome,
    description:
      'Set only when even the fallback routing failed: the flow ends and the channel fallback queue keeps the session.',
    dataType: 'String',
    isInput: false
  });
  const terminal = graph.add({
    kind: 'assignments',
    name: E.leaveToChannelFallback,
    label: 'Leave to Channel Fallback Queue',
    description:
      `Terminal: routing to the fallback queue failed. The flow ends without routing; the messaging channel's ` +
      `session handler (fallback) queue is ${model.fallback.queue}, so Omni-Channel leaves the session there and the conversation is not lost.`,
    items: [
      {
        assignToReference: V.outcome,
        operator: 'Assign',
        value: str(LEFT_TO_CHANNEL_FALLBACK)
      }
    ]
  });
  graph.add(
    routeWork(
      E.routeToFallback,
      'Route to Fallback Queue',
      `Routes the session to the fallback queue ${model.fallback.queue}.`,
      `${E.getFallbackQueue}.Id`,
      terminal
    )
  );
  graph.add({
    kind: 'decisions',
    name: E.fallbackQueueFound,
    label: 'Fallback Queue Found?',
    description: `Whether the fallback queue ${model.fallback.queue} exists in this org.`,
    rules: [
      {
        name: O.fallbackQueueFoundYes,
        label: 'Found',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getFallbackQueue,
            operator: 'IsNull',
            rightValue: bool(false)
          }
        ],
        connector: E.routeToFallback
      }
    ],
    defaultConnector: terminal,
    defaultConnectorLabel: 'Not Found'
  });
  return graph.add(
    queueLookup(
      E.getFallbackQueue,
      'Get Fallback Queue',
      `Fallback path (every fault ends here): looks up the fallback queue ${model.fallback.queue} by DeveloperName.`,
      str(model.fallback.queue),
      E.fallbackQueueFound,
      terminal
    )
  );
}
