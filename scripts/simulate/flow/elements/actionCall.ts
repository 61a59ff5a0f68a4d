/** Action calls: the simulated actions of ../actions.ts, with their inputs checked and outputs stored. */
import { ActionDefinitionError, actionHandler, modelledAction } from '../actions';
import type { ActionCallNode, FlowValue } from '../model';
import { plain } from '../interview';
import { copyFields, newRecord } from '../org';
import type { ElementHandler } from './types';

const actionLabel = (node: ActionCallNode): string =>
  node.actionType === 'apex' ? `apex ${node.actionName}` : node.actionType;

export const runActionCall: ElementHandler<ActionCallNode> = (node, iv) => {
  const handler = actionHandler(node);
  const inputs = new Map<string, FlowValue>();
  for (const p of node.inputs) {
    iv.line = p.line;
    inputs.set(p.name, iv.evaluate(p.value));
  }
  iv.line = node.line;
  let outputs: Record<string, FlowValue>;
  let modelled: string | undefined;
  if (handler) {
    try {
      outputs = handler(node, inputs, iv.env);
    } catch (e) {
      if (e instanceof ActionDefinitionError) return iv.fail(e.message);
      throw e;
    }
  } else {
    // Not executable here (screen pop, skills, another Apex class): a documented outcome, never a fault.
    const m = modelledAction(node);
    outputs = m.outputs;
    modelled = m.outcome;
    for (const o of node.outputs) if (!(o.name in outputs)) outputs[o.name] = null;
    iv.env.modelled?.push({ element: node.name, action: actionLabel(node), outcome: m.outcome });
  }
  if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, copyFields(newRecord(), outputs));
  for (const o of node.outputs) {
    if (!(o.name in outputs))
      iv.fail(
        `${node.name} reads the output "${o.name}", which ${node.actionName} does not return (it returns: ${Object.keys(outputs).join(', ') || 'nothing'})`
      );
    iv.assign(o.target, outputs[o.name]);
  }
  // The step's copies are built only when tracing: a replay runs with tracing off (issue 15).
  if (iv.tracing)
    iv.trace({
      type: 'action',
      element: node.name,
      label: node.label,
      action: actionLabel(node),
      inputs: [...inputs].map(([name, v]) => ({ name, value: plain(v) })),
      outputs: Object.entries(outputs).map(([name, v]) => ({ name, value: plain(v) })),
      ...(modelled ? { modelled } : {})
    });
  return node.next;
};
