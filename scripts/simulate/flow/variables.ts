/**
 * The variables of one interview: a slot per variable of the flow, in an array, with the name →
 * slot index built once per flow. Starting an interview copies one array instead of building a
 * Map of every variable (issue 15: that was the dearest step of a replayed payload).
 */
import type { CompiledFlow, FlowValue } from './model';

/** A flow's variables laid out once: slots by canonical name, and the start values when fixed. */
export interface VariableLayout {
  slots: Map<string, number>;
  /** Start values by slot when every default is a literal (or absent); undefined otherwise. */
  start?: FlowValue[];
  /** Slots of collections without a default: each interview gets its own empty list. */
  emptyLists: number[];
  /** The line of the last variable declared. */
  lastLine?: number;
  /** A slot per element that stores its output automatically (ElementOutputs; a flow's other elements need none). */
  outputSlots: Map<string, number>;
}

/** Values by slot of a flow's layout (`undefined`: not given): an interview's inputs without a Map. */
export type SlotValues = (FlowValue | undefined)[];

const layouts = new WeakMap<CompiledFlow, VariableLayout>();

export function layoutOf(flow: CompiledFlow): VariableLayout {
  let layout = layouts.get(flow);
  if (layout) return layout;
  const vars = [...flow.variables.values()];
  const fixed = vars.every((v) => !v.initial || v.initial.kind === 'literal');
  layout = {
    slots: new Map(vars.map((v, i) => [v.name, i])),
    start: fixed
      ? vars.map((v) => (v.initial?.kind === 'literal' ? v.initial.value : v.isCollection ? [] : null))
      : undefined,
    emptyLists: vars.flatMap((v, i) => (!v.initial && v.isCollection ? [i] : [])),
    lastLine: vars.length ? vars[vars.length - 1].line : undefined,
    outputSlots: new Map(
      [...flow.nodes.values()]
        .filter((n) => 'storeOutputAutomatically' in n && n.storeOutputAutomatically)
        .map((n, i) => [n.name, i])
    )
  };
  layouts.set(flow, layout);
  return layout;
}

/** The slot of an input variable of the flow, for a caller writing SlotValues (undefined when it is none). */
export function inputSlot(flow: CompiledFlow, name: string): number | undefined {
  return flow.variables.get(name)?.isInput ? layoutOf(flow).slots.get(name) : undefined;
}

/**
 * Values by name in slots: a name of the layout reads and writes its slot (compiled code uses the
 * slot itself), any other name a Map made on first use.
 */
class SlotStore {
  protected readonly values: (FlowValue | undefined)[];
  private other?: Map<string, FlowValue>;

  constructor(private readonly slots: Map<string, number>) {
    this.values = new Array<FlowValue | undefined>(slots.size);
  }

  /** The value in a slot (undefined when unset). */
  at(slot: number): FlowValue | undefined {
    return this.values[slot];
  }

  /** Sets a slot (a compiled assignment target or element: ./references.ts, ./elements). */
  setAt(slot: number, value: FlowValue): void {
    this.values[slot] = value;
  }

  get(name: string): FlowValue | undefined {
    const i = this.slots.get(name);
    return i === undefined ? this.other?.get(name) : this.values[i];
  }

  has(name: string): boolean {
    const i = this.slots.get(name);
    return i === undefined ? (this.other?.has(name) ?? false) : this.values[i] !== undefined;
  }

  set(name: string, value: FlowValue): this {
    const i = this.slots.get(name);
    if (i !== undefined) this.values[i] = value;
    else (this.other ??= new Map()).set(name, value);
    return this;
  }
}

/** An interview's variables, a slot per variable of the flow (others: only tests and subflow plumbing set such). */
export class Variables extends SlotStore {
  constructor(private readonly layout: VariableLayout) {
    super(layout.slots);
  }

  /**
   * Sets every variable to the flow's fixed start values; false when some default must be evaluated.
   * Written into the array the constructor made: a second array per interview was garbage (issue 15).
   */
  start(): boolean {
    const { start, emptyLists } = this.layout;
    if (!start) return false;
    const values = this.values;
    for (let i = 0; i < start.length; i++) values[i] = start[i];
    for (const i of emptyLists) values[i] = [];
    return true;
  }
}

/**
 * The outputs elements stored automatically, readable as `Element` and `Element.field`: a slot per
 * element that stores one, so a compiled element or reference reads and writes by index instead of
 * hashing the element's name into a Map per interview (issue 15). Other names (a loop's current
 * item, a collection processor storing under its collection's name) go to a Map.
 */
export class ElementOutputs extends SlotStore {
  constructor(layout: VariableLayout) {
    super(layout.outputSlots);
  }
}

/** The slot of an element's automatically stored output (undefined when the element stores none). */
export function outputSlot(flow: CompiledFlow, element: string): number | undefined {
  return layoutOf(flow).outputSlots.get(element);
}
