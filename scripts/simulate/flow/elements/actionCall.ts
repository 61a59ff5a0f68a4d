/** Action calls: the simulated actions of ../actions.ts, with their inputs checked and outputs stored. */
import { ActionDefinitionError, actionHandler } from '../actions';
import type { ActionCallNode, FlowValue } from '../model';
import { newRecord, plain } from '../interview';
import type { ElementHandler } from './types';

export const runActionCall: ElementHandler<ActionCallNode> = (node, iv) => {
  const handler = actionHandler(node);
  if (!handler) {
    return iv.fail(
      `${node.name} calls the ${node.actionType} action "${node.actionName}", which the simulator does not run (it runs routeWork, checkAvailabilityForRouting and the Apex actions HandoffEndConversation and HandoffBusinessHours)`
    );
  }
  const inputs = new Map<string, FlowValue>();
  for (const p of node.inputs) {
    iv.line = p.line;
    inputs.set(p.name, iv.evaluate(p.value));
  }
  iv.line = node.line;
  let outputs: Record<string, FlowValue>;
  try {
    outputs = handler(node, inputs, iv.env);
  } catch (e) {
    if (e instanceof ActionDefinitionError) return iv.fail(e.message);
    throw e;
  }
  if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, Object.assign(newRecord(), outputs));
  for (const o of node.outputs) {
    if (!(o.name in outputs))
      iv.fail(
        `${node.name} reads the output "${o.name}", which ${node.actionName} does not return (it returns: ${Object.keys(outputs).join(', ') || 'nothing'})`
      );
    iv.assign(o.target, outputs[o.name]);
  }
  iv.trace({
    type: 'action',
    element: node.name,
    label: node.label,
    action: node.actionType === 'apex' ? `apex ${node.actionName}` : node.actionType,
    inputs: [...inputs].map(([name, v]) => ({ name, value: plain(v) })),
    outputs: Object.entries(outputs).map(([name, v]) => ({ name, value: plain(v) }))
  });
  return node.next;
};
