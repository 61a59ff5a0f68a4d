/**
 * Runs a CompiledFlow against an in-memory org: one interview, element by element, from <start>.
 * Each element is compiled once per flow and tracing mode (./elements, issue 15); this module sets
 * the inputs, walks the connectors and handles faults. Runtime faults (DML rejected, an action
 * refusing its input) follow the element's fault connector or end the interview as failed, as on
 * the platform. Problems in the flow file itself (an unknown reference, an element type the
 * simulator does not run, a loop that never ends) throw FlowSimulationError.
 */
import type { ActionEnv } from './actions';
import { compileElement } from './elements';
import type { Run } from './elements/types';
import { Interview } from './interview';
import type { CompiledFlow, FlowNode, FlowValue } from './model';
import { layoutOf, type SlotValues } from './variables';
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
  /**
   * Values for input variables: by variable name (a name that is no input variable fails the run), or
   * by slot of the flow's variable layout (./variables.ts inputSlot; other slots are not read).
   */
  inputs: Map<string, FlowValue> | SlotValues;
  /** Record trace steps (off for fast replays). */
  tracing: boolean;
}

/**
 * An element compiled for running. `after`/`afterStep` remember the element it last led to: a run
 * returns one of a few connector names, the same strings each time, so the next step is found by
 * one comparison instead of a Map lookup per element (issue 15).
 */
interface Step {
  node: FlowNode;
  /** node.line, read here: every element type is a node of its own shape, so node.line is a megamorphic read. */
  line: number;
  run: Run;
  after?: string;
  afterStep?: Step;
}

/** A flow compiled for running: its elements by name, and the slots of its input variables. */
interface Program {
  steps: Map<string, Step>;
  inputSlots: Map<string, number>;
  /** The same slots as a list: SlotValues are read there only (a flow has more variables than inputs). */
  inputSlotList: number[];
}

/** The step a connector leads to. */
function stepAfter(program: Program, from: Step, next: string): Step {
  if (from.after === next) return from.afterStep!;
  const to = program.steps.get(next)!;
  from.after = next;
  from.afterStep = to;
  return to;
}

/** Programs per flow: [untraced, traced]. */
const programs = new WeakMap<CompiledFlow, [Program | undefined, Program | undefined]>();

function programOf(flow: CompiledFlow, tracing: boolean): Program {
  let both = programs.get(flow);
  if (!both) programs.set(flow, (both = [undefined, undefined]));
  const at = tracing ? 1 : 0;
  let program = both[at];
  if (!program) {
    const steps: Program['steps'] = new Map();
    for (const [name, node] of flow.nodes)
      steps.set(name, { node, line: node.line, run: compileElement(node, flow, tracing) });
    const { slots } = layoutOf(flow);
    const inputSlots = new Map<string, number>();
    for (const v of flow.variables.values()) if (v.isInput) inputSlots.set(v.name, slots.get(v.name)!);
    both[at] = program = { steps, inputSlots, inputSlotList: [...inputSlots.values()] };
  }
  return program;
}

/** Initial values: defaults, then inputs. */
function setInputs(iv: Interview, inputs: RunOptions['inputs'], program: Program): void {
  if (iv.vars.start()) {
    // Where the per-variable loop would have left the line, for an error about the inputs below.
    const { lastLine } = layoutOf(iv.flow);
    if (lastLine !== undefined) iv.line = lastLine;
  } else
    for (const v of iv.flow.variables.values()) {
      iv.line = v.line;
      iv.vars.set(v.name, v.initial ? iv.evaluate(v.initial) : v.isCollection ? [] : null);
    }
  if (Array.isArray(inputs)) {
    // Only input variables' slots are read: a value anywhere else is not an input, and ignored.
    for (const slot of program.inputSlotList) {
      const value = inputs[slot];
      if (value !== undefined) iv.vars.setAt(slot, value);
    }
    return;
  }
  // forEach, not for-of: no [name, value] pair per input (issue 15). fail throws, ending the loop.
  inputs.forEach((value, name) => {
    const slot = program.inputSlots.get(name);
    if (slot === undefined) iv.fail(`the input "${name}" is not an input variable of the flow`);
    iv.vars.setAt(slot, value);
  });
}

export function runFlow(opts: RunOptions): RunResult {
  const { flow } = opts;
  const program = programOf(flow, opts.tracing);
  const iv = new Interview(flow, opts.org, opts.env, opts.tracing);
  setInputs(iv, opts.inputs, program);
  const steps = iv.steps;
  const caught: string[] = [];

  let step = flow.start === undefined ? undefined : program.steps.get(flow.start);
  let count = 0;
  // The last elements run, for the message when an interview never ends: a ring, not a shifted
  // list, made and filled only near the limit (counts only grow, so it then holds the last RECENT).
  let recent: string[] | undefined;
  while (step !== undefined) {
    const { node, run } = step;
    iv.line = step.line;
    if (++count > MAX_STEPS) {
      const ring = recent ?? [];
      const last = [...ring.slice(count % RECENT), ...ring.slice(0, count % RECENT)];
      iv.fail(`the interview ran more than ${MAX_STEPS} elements (a loop? last elements: ${last.join(' → ')})`);
    }
    if (count > MAX_STEPS - RECENT) (recent ??= [])[count % RECENT] = node.name;
    let next: string | undefined;
    try {
      next = run(iv);
    } catch (e) {
      if (!(e instanceof OrgFault)) throw e;
      next = 'fault' in node ? node.fault : undefined;
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
    }
    step = next === undefined ? undefined : stepAfter(program, step, next);
  }
  return { status: 'finished', steps, stepCount: count, caught };
}
