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

/** Map-like access to an interview's variables (unset until the interview sets them). */
export class Variables {
  private values: (FlowValue | undefined)[];
  /** Names that are not variables of the flow (only tests and subflow plumbing set such). */
  private other?: Map<string, FlowValue>;

  constructor(private readonly layout: VariableLayout) {
    this.values = new Array<FlowValue | undefined>(layout.slots.size);
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

  /** The value in a slot of the layout (undefined when unset or when the slot is -1). */
  at(slot: number): FlowValue | undefined {
    return this.values[slot];
  }

  /** Sets a slot of the layout (a compiled assignment target: ./references.ts). */
  setAt(slot: number, value: FlowValue): void {
    this.values[slot] = value;
  }

  get(name: string): FlowValue | undefined {
    const i = this.layout.slots.get(name);
    return i === undefined ? this.other?.get(name) : this.values[i];
  }

  has(name: string): boolean {
    const i = this.layout.slots.get(name);
    return i === undefined ? (this.other?.has(name) ?? false) : this.values[i] !== undefined;
  }

  set(name: string, value: FlowValue): this {
    const i = this.layout.slots.get(name);
    if (i !== undefined) this.values[i] = value;
    else (this.other ??= new Map()).set(name, value);
    return this;
  }
}

/**
 * The outputs elements stored automatically, readable as `Element` and `Element.field`: a slot per
 * element that stores one, so a compiled element or reference reads and writes by index instead of
 * hashing the element's name into a Map per interview (issue 15). Other names (a loop's current
 * item, a collection processor storing under its collection's name) go to a Map.
 */
export class ElementOutputs {
  private readonly values: (FlowValue | undefined)[];
  private other?: Map<string, FlowValue>;

  constructor(private readonly layout: VariableLayout) {
    this.values = new Array<FlowValue | undefined>(layout.outputSlots.size);
  }

  /** The output in an element's slot (layout.outputSlots), undefined when it stored none. */
  at(slot: number): FlowValue | undefined {
    return this.values[slot];
  }

  setAt(slot: number, value: FlowValue): void {
    this.values[slot] = value;
  }

  get(name: string): FlowValue | undefined {
    const i = this.layout.outputSlots.get(name);
    return i === undefined ? this.other?.get(name) : this.values[i];
  }

  has(name: string): boolean {
    const i = this.layout.outputSlots.get(name);
    return i === undefined ? (this.other?.has(name) ?? false) : this.values[i] !== undefined;
  }

  set(name: string, value: FlowValue): this {
    const i = this.layout.outputSlots.get(name);
    if (i !== undefined) this.values[i] = value;
    else (this.other ??= new Map()).set(name, value);
    return this;
  }
}

/** The slot of an element's automatically stored output (undefined when the element stores none). */
export function outputSlot(flow: CompiledFlow, element: string): number | undefined {
  return layoutOf(flow).outputSlots.get(element);
}
