/**
 * The state of one interview and the operations every element handler shares: resolving
 * references, evaluating values, assigning to variables, comparing. References, values and targets
 * are compiled once per flow (./references.ts); these methods look the compiled closure up by text,
 * for handlers that are not compiled themselves. Problems in the flow file itself throw
 * FlowSimulationError with the file and the line of the element being run.
 */
import { UserError } from '../../project/errors';
import type { ActionEnv } from './actions';
import type { CompiledFlow, FlowRecord, FlowValue, ValueSpec } from './model';
import { compare, UnsupportedOperatorError } from './operators';
import type { Org } from './org';
import { canonicalName, refReader, targetWriter, valueReader } from './references';
import type { TraceStep } from './steps';
import { ElementOutputs, layoutOf, Variables } from './variables';

export class FlowSimulationError extends UserError {
  constructor(flow: CompiledFlow, line: number, message: string) {
    super(`${flow.file}:${line}: ${message}`);
    this.name = 'FlowSimulationError';
  }
}

/** A deep copy with ordinary prototypes, for traces and results. */
export function plain(v: FlowValue): FlowValue {
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) as FlowRecord;
  return v;
}

export class Interview {
  /** Variable values by canonical name. */
  readonly vars: Variables;
  /** Outputs stored automatically by elements (storeOutputAutomatically), readable as `Element.field`. */
  readonly elementOutputs: ElementOutputs;
  readonly steps: TraceStep[] = [];
  /** The line of what is being run, for error messages. */
  line = 0;
  /** The message of the last fault a fault connector caught ($Flow.FaultMessage). */
  faultMessage: string | null = null;

  constructor(
    readonly flow: CompiledFlow,
    readonly org: Org,
    readonly env: ActionEnv,
    readonly tracing: boolean
  ) {
    const layout = layoutOf(flow);
    this.vars = new Variables(layout);
    this.elementOutputs = new ElementOutputs(layout);
  }

  /** Stops the run: a mistake in the flow file (or something the simulator does not run). */
  fail(message: string): never {
    throw new FlowSimulationError(this.flow, this.line, message);
  }

  /** Records a trace step when tracing. */
  trace(step: TraceStep): void {
    if (this.tracing) this.steps.push(step);
  }

  /** The canonical name of a variable, resource or element, matched case-insensitively. */
  canonical(name: string): string | undefined {
    return canonicalName(this.flow, name);
  }

  resolve(ref: string): FlowValue {
    return refReader(this.flow, ref)(this);
  }

  /** A text template or merge text: `{!ref}` replaced by the value's text. */
  render(template: string): string {
    return template.replace(/\{!([^}]+)\}/g, (_, ref: string) => {
      const v = this.resolve(ref.trim());
      return v === null || typeof v === 'object' ? '' : String(v);
    });
  }

  evaluate(spec: ValueSpec): FlowValue {
    return valueReader(this.flow, spec)(this);
  }

  /** Assigns to `var` or `var.Field`. */
  assign(target: string, value: FlowValue): void {
    targetWriter(this.flow, target)(this, value);
  }

  compare(operator: string, left: FlowValue, right: FlowValue, soql: boolean): boolean {
    try {
      return compare(operator, left, right, soql);
    } catch (e) {
      if (e instanceof UnsupportedOperatorError) return this.fail(`the operator ${operator} is not simulated`);
      throw e;
    }
  }

  recordFromReference(ref: string): FlowRecord {
    const v = this.resolve(ref);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return this.fail(`${ref} does not hold a record`);
    return v;
  }
}
