/**
 * Subflow elements: the named flow runs in a child interview over the same org, with the element's
 * input assignments (each must be an input variable of the child) and its output assignments read
 * back from the child's output variables, or all of them as `{!Subflow.var}` when stored
 * automatically. The child's own fault connectors catch its faults; an unhandled one faults the
 * subflow element, which has no fault connector (FlowSubflow in the Metadata API WSDL has none), so
 * the parent interview fails there. A flow the project does not have is the documented assumption
 * SUBFLOW_NOT_IN_PROJECT: it ran and returned nothing (outputs null), with a warning naming it.
 */
import { Interview } from '../interview';
import type { FlowNode, FlowValue, SubflowNode } from '../model';
import { newRecord, OrgFault } from '../org';
import type { ElementHandler } from './types';

/** What a subflow the project lacks is taken to do (docs/simulate.md). */
export const SUBFLOW_NOT_IN_PROJECT = 'not in the project: modelled as finishing with no outputs (each output null)';

/** Subflows calling subflows: deeper than this is taken for a flow calling itself. */
export const MAX_SUBFLOW_DEPTH = 10;
/** The same per-interview element bound as the interpreter's (the platform stops at 2,000). */
const MAX_CHILD_STEPS = 2000;

const depths = new WeakMap<Interview, number>();

/** The subflow handler, given the element runner (passed in, so this module does not import ./index). */
export function subflowHandler(
  runNode: (node: FlowNode, iv: Interview) => string | undefined
): ElementHandler<SubflowNode> {
  return (node, iv) => {
    const inputs = new Map<string, FlowValue>();
    for (const p of node.inputs) {
      iv.line = p.line;
      inputs.set(p.name, iv.evaluate(p.value));
    }
    iv.line = node.line;
    const child = iv.env.subflow?.(node.flowName);
    if (!child) {
      for (const o of node.outputs) iv.assign(o.target, null);
      if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, newRecord());
      iv.env.modelled?.push({
        element: node.name,
        action: `subflow ${node.flowName}`,
        outcome: SUBFLOW_NOT_IN_PROJECT
      });
      iv.trace({
        type: 'subflow',
        element: node.name,
        label: node.label,
        flow: node.flowName,
        ran: false,
        steps: 0,
        modelled: SUBFLOW_NOT_IN_PROJECT
      });
      return node.next;
    }
    const depth = (depths.get(iv) ?? 0) + 1;
    if (depth > MAX_SUBFLOW_DEPTH)
      iv.fail(`${node.name}: subflows nest more than ${MAX_SUBFLOW_DEPTH} deep (does ${node.flowName} call itself?)`);
    const sub = new Interview(child, iv.org, iv.env, false);
    depths.set(sub, depth);
    for (const v of child.variables.values())
      sub.vars.set(v.name, v.initial ? sub.evaluate(v.initial) : v.isCollection ? [] : null);
    for (const [name, value] of inputs) {
      const v = child.variables.get(name);
      if (!v?.isInput)
        iv.fail(`${node.name} passes "${name}" to ${node.flowName}, which has no input variable of that name`);
      sub.vars.set(name, value);
    }
    let current = child.start;
    let count = 0;
    while (current !== undefined) {
      const n = child.nodes.get(current)!;
      if (++count > MAX_CHILD_STEPS)
        iv.fail(`${node.name}: ${node.flowName} ran more than ${MAX_CHILD_STEPS} elements`);
      try {
        current = runNode(n, sub);
      } catch (e) {
        const caughtBy = e instanceof OrgFault && 'fault' in n ? n.fault : undefined;
        if (caughtBy === undefined) throw e; // unhandled in the child: the subflow element faults
        sub.faultMessage = (e as OrgFault).message;
        current = caughtBy;
      }
    }
    iv.line = node.line;
    const outputs = newRecord();
    for (const v of child.variables.values()) if (v.isOutput) outputs[v.name] = sub.vars.get(v.name) ?? null;
    for (const o of node.outputs) {
      if (!(o.name in outputs))
        iv.fail(`${node.name} reads "${o.name}" from ${node.flowName}, which has no output variable of that name`);
      iv.assign(o.target, outputs[o.name]);
    }
    if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, outputs);
    iv.trace({ type: 'subflow', element: node.name, label: node.label, flow: node.flowName, ran: true, steps: count });
    return node.next;
  };
}
