/** Action calls: the simulated actions of ../actions.ts, with their inputs checked and outputs stored. */
import { ActionDefinitionError, actionHandler, modelledAction, type ActionInputs } from '../actions';
import type { ActionCallNode, FlowValue } from '../model';
import { plain } from '../interview';
import { copyFields, newRecord } from '../org';
import { targetWriter, valueReader } from '../references';
import { outputSlot } from '../variables';
import { compiledHandler, type ElementCompiler } from './types';

const actionLabel = (node: ActionCallNode): string =>
  node.actionType === 'apex' ? `apex ${node.actionName}` : node.actionType;

/**
 * The inputs of one call: the names are the element's, fixed when it is compiled, so a call fills a
 * list of values instead of hashing each name into a Map (issue 15). A name given twice keeps its
 * first place and its last value, as a Map would.
 */
class CallInputs implements ActionInputs {
  constructor(
    private readonly names: readonly string[],
    private readonly values: FlowValue[]
  ) {}

  get(name: string): FlowValue | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : this.values[i];
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  keys(): readonly string[] {
    return this.names;
  }

  /** Name/value pairs, for the trace. */
  pairs(): [string, FlowValue][] {
    return this.names.map((n, i) => [n, this.values[i]]);
  }
}

export const compileActionCall: ElementCompiler<ActionCallNode> = (node, flow, tracing) => {
  const handler = actionHandler(node);
  const names = [...new Set(node.inputs.map((p) => p.name))];
  const params = node.inputs.map((p) => ({
    at: names.indexOf(p.name),
    line: p.line,
    read: valueReader(flow, p.value)
  }));
  const outputs = node.outputs.map((o) => ({ name: o.name, write: targetWriter(flow, o.target) }));
  const outputAt = outputSlot(flow, node.name);
  const { line, next, storeOutputAutomatically } = node;
  return (iv) => {
    const values: FlowValue[] = new Array<FlowValue>(names.length);
    for (const p of params) {
      iv.line = p.line;
      values[p.at] = p.read(iv);
    }
    const inputs = new CallInputs(names, values);
    iv.line = line;
    let returned: Record<string, FlowValue>;
    let modelled: string | undefined;
    if (handler) {
      try {
        returned = handler(node, inputs, iv.env);
      } catch (e) {
        if (e instanceof ActionDefinitionError) return iv.fail(e.message);
        throw e;
      }
    } else {
      // Not executable here (screen pop, skills, another Apex class): a documented outcome, never a fault.
      const m = modelledAction(node);
      returned = m.outputs;
      modelled = m.outcome;
      for (const o of outputs) if (!(o.name in returned)) returned[o.name] = null;
      iv.env.modelled?.push({ element: node.name, action: actionLabel(node), outcome: m.outcome });
    }
    if (storeOutputAutomatically) iv.elementOutputs.setAt(outputAt!, copyFields(newRecord(), returned));
    for (const o of outputs) {
      if (!(o.name in returned))
        iv.fail(
          `${node.name} reads the output "${o.name}", which ${node.actionName} does not return (it returns: ${Object.keys(returned).join(', ') || 'nothing'})`
        );
      o.write(iv, returned[o.name]);
    }
    // The step's copies are built only when tracing.
    if (tracing)
      iv.trace({
        type: 'action',
        element: node.name,
        label: node.label,
        action: actionLabel(node),
        inputs: inputs.pairs().map(([name, v]) => ({ name, value: plain(v) })),
        outputs: Object.entries(returned).map(([name, v]) => ({ name, value: plain(v) })),
        ...(modelled ? { modelled } : {})
      });
    return next;
  };
};

export const runActionCall = compiledHandler(compileActionCall);
