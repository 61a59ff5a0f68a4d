/**
 * Runs a CompiledFlow against an in-memory org: one interview, element by element, from <start>.
 * Each element kind has its handler (./elements); this module sets the inputs, walks the
 * connectors and handles faults. Runtime faults (DML rejected, an action refusing its input) follow
 * the element's fault connector or end the interview as failed, as on the platform. Problems in the
 * flow file itself (an unknown reference, an element type the simulator does not run, a loop that
 * never ends) throw FlowSimulationError.
 */
import type { ActionEnv } from './actions';
import { runElement } from './elements';
import { Interview } from './interview';
import type { CompiledFlow, FlowValue } from './model';
import { layoutOf } from './variables';
import { OrgFault, type Org } from './org';
import type { RunResult } from './steps';

export { FlowSimulationError } from './interview';
export type { RunResult, TraceStep } from './steps';

/** The platform stops an interview after 2,000 executed elements; so does the simulator. */
export const MAX_STEPS = 2000;
/** How many of the last elements run an endless interview's error names. */
const RECENT = 6;

export interface RunOptions {
  flow: CompiledFlow;
  org: Org;
  env: ActionEnv;
  /** Values for input variables (by variable name). */
  inputs: Map<string, FlowValue>;
  /** Record trace steps (off for fast replays). */
  tracing: boolean;
}

/** Initial values: defaults, then inputs. */
function setInputs(iv: Interview, inputs: Map<string, FlowValue>): void {
  if (iv.vars.start()) {
    // Where the per-variable loop would have left the line, for an error about the inputs below.
    const { lastLine } = layoutOf(iv.flow);
    if (lastLine !== undefined) iv.line = lastLine;
  } else
    for (const v of iv.flow.variables.values()) {
      iv.line = v.line;
      iv.vars.set(v.name, v.initial ? iv.evaluate(v.initial) : v.isCollection ? [] : null);
    }
  for (const [name, value] of inputs) {
    const v = iv.flow.variables.get(name);
    if (!v || !v.isInput) iv.fail(`the input "${name}" is not an input variable of the flow`);
    iv.vars.set(name, value);
  }
}

export function runFlow(opts: RunOptions): RunResult {
  const { flow } = opts;
  const iv = new Interview(flow, opts.org, opts.env, opts.tracing);
  setInputs(iv, opts.inputs);
  const steps = iv.steps;
  const caught: string[] = [];

  let current = flow.start;
  let count = 0;
  // The last elements run, for the message when an interview never ends: a ring, not a shifted list.
  const recent: string[] = [];
  while (current !== undefined) {
    const node = flow.nodes.get(current)!;
    if (++count > MAX_STEPS) {
      iv.line = node.line;
      const last = [...recent.slice(count % RECENT), ...recent.slice(0, count % RECENT)];
      iv.fail(`the interview ran more than ${MAX_STEPS} elements (a loop? last elements: ${last.join(' → ')})`);
    }
    recent[count % RECENT] = node.name;
    try {
      current = runElement(node, iv);
    } catch (e) {
      if (!(e instanceof OrgFault)) throw e;
      const next = 'fault' in node ? node.fault : undefined;
      iv.trace({
        type: 'fault',
        element: node.name,
        label: node.label,
        code: e.code,
        message: e.message,
        next: next ?? null
      });
      if (next === undefined)
        return {
          status: 'failed',
          failure: { element: node.name, code: e.code, message: e.message },
          steps,
          stepCount: count,
          caught
        };
      caught.push(node.name);
      iv.faultMessage = e.message;
      current = next;
    }
  }
  return { status: 'finished', steps, stepCount: count, caught };
}
