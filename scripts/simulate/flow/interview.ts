/**
 * The state of one interview and the operations every element handler shares: resolving
 * references (`var`, `Element.Field`, `$GlobalConstant.True`), evaluating values, assigning to
 * variables, comparing, matching records. Problems in the flow file itself throw
 * FlowSimulationError with the file and the line of the element being run.
 */
import { UserError } from '../../project/errors';
import type { ActionEnv } from './actions';
import { evaluateFormula, FormulaError, parseFormula, type FormulaTree } from './formula';
import { evalLogic } from './logic';
import type { CompiledFlow, FlowRecord, FlowResource, FlowValue, Logic, RecordFilter, ValueSpec } from './model';
import { compare, UnsupportedOperatorError } from './operators';
import { copyFields, newRecord, type ObjectDef, type Org } from './org';
import type { TraceStep } from './steps';
import { layoutOf, Variables } from './variables';

export class FlowSimulationError extends UserError {
  constructor(flow: CompiledFlow, line: number, message: string) {
    super(`${flow.file}:${line}: ${message}`);
    this.name = 'FlowSimulationError';
  }
}

const GLOBAL_CONSTANTS: Record<string, FlowValue> = { True: true, False: false, EmptyString: '' };

/** A field of a record, matched case-insensitively like API names. */
export function fieldOf(rec: FlowRecord, field: string): FlowValue {
  if (field in rec) return rec[field];
  const lower = field.toLowerCase();
  for (const k in rec) if (k.toLowerCase() === lower) return rec[k];
  return null;
}

/** A deep copy with ordinary prototypes, for traces and results. */
export function plain(v: FlowValue): FlowValue {
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) as FlowRecord;
  return v;
}

/** The fixed "now" of every simulated interview ($Flow.CurrentDateTime), so traces are stable. */
export const SIMULATED_NOW = '2025-01-06T09:00:00.000Z';

/** Parsed formulas, once per resource. */
const formulaTrees = new WeakMap<FlowResource, FormulaTree>();

/**
 * A reference resolved against the flow once, not per interview (issue 15): its parts and what its
 * head names (`head` is the canonical name; undefined when it names nothing, which fails each time).
 */
interface RefPlan {
  parts: string[];
  head: string | undefined;
  kind: 'globalConstant' | 'global' | 'variable' | 'resource' | 'element' | 'unknown';
  /** For a variable: its slot in the interview's Variables. */
  slot: number;
}

/** An assignment target (`var` or `var.Field`) split and resolved once per flow. */
interface TargetPlan {
  rawHead: string;
  fields: string[];
  /** The variable's canonical name; undefined when the head is not a variable (fails each time). */
  head: string | undefined;
}

interface FlowCaches {
  lowerNames: Map<string, string>;
  refs: Map<string, RefPlan>;
  targets: Map<string, TargetPlan>;
}

/** Per-flow lookups computed once, not per interview: lower-cased names and resolved references. */
const flowCaches = new WeakMap<CompiledFlow, FlowCaches>();

function cachesFor(flow: CompiledFlow): FlowCaches {
  let c = flowCaches.get(flow);
  if (!c) {
    const lowerNames = new Map<string, string>();
    for (const n of flow.variables.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.resources.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.nodes.keys()) lowerNames.set(n.toLowerCase(), n);
    c = { lowerNames, refs: new Map(), targets: new Map() };
    flowCaches.set(flow, c);
  }
  return c;
}

export class Interview {
  /** Variable values by canonical name. */
  readonly vars: Variables;
  /** Outputs stored automatically by elements (storeOutputAutomatically), readable as `Element.field`. */
  readonly elementOutputs = new Map<string, FlowValue>();
  readonly steps: TraceStep[] = [];
  /** The line of what is being run, for error messages. */
  line = 0;
  /** The message of the last fault a fault connector caught ($Flow.FaultMessage). */
  faultMessage: string | null = null;
  private readonly lowerNames: Map<string, string>;
  private readonly refs: Map<string, RefPlan>;
  private readonly targets: Map<string, TargetPlan>;

  constructor(
    readonly flow: CompiledFlow,
    readonly org: Org,
    readonly env: ActionEnv,
    readonly tracing: boolean
  ) {
    this.vars = new Variables(layoutOf(flow));
    const c = cachesFor(flow);
    this.lowerNames = c.lowerNames;
    this.refs = c.refs;
    this.targets = c.targets;
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
    const f = this.flow;
    if (f.variables.has(name) || f.resources.has(name) || f.nodes.has(name)) return name;
    return this.lowerNames.get(name.toLowerCase());
  }

  /** What a reference names, looked up once per flow. */
  private plan(ref: string): RefPlan {
    let plan = this.refs.get(ref);
    if (plan) return plan;
    const parts = ref.split('.');
    const first = parts[0];
    if (first === '$GlobalConstant') plan = { parts, head: first, kind: 'globalConstant', slot: -1 };
    else if (first.startsWith('$')) plan = { parts, head: first, kind: 'global', slot: -1 };
    else {
      const head = this.canonical(first);
      const flow = this.flow;
      plan = {
        parts,
        head,
        kind: !head
          ? 'unknown'
          : flow.variables.has(head)
            ? 'variable'
            : flow.resources.has(head)
              ? 'resource'
              : 'element',
        slot: head === undefined ? -1 : (layoutOf(flow).slots.get(head) ?? -1)
      };
    }
    this.refs.set(ref, plan);
    return plan;
  }

  resolve(ref: string): FlowValue {
    const plan = this.plan(ref);
    const { parts } = plan;
    const head = plan.head!;
    let value: FlowValue;
    switch (plan.kind) {
      case 'globalConstant':
        if (parts.length !== 2 || !(parts[1] in GLOBAL_CONSTANTS)) this.fail(`unknown global constant ${ref}`);
        return GLOBAL_CONSTANTS[parts[1]];
      case 'global':
        return this.global(ref, parts);
      case 'unknown':
        return this.fail(
          `"${ref}" refers to nothing in this flow (no variable, constant or element named ${parts[0]})`
        );
      case 'variable': {
        // An unset variable reads as null.
        value = this.vars.at(plan.slot) ?? null;
        break;
      }
      case 'resource': {
        const resource = this.flow.resources.get(head)!;
        if (resource.kind === 'constant') value = this.evaluate(resource.value!);
        else if (resource.kind === 'textTemplate') value = this.render(resource.text ?? '');
        else value = this.formula(resource);
        break;
      }
      case 'element': {
        const v = this.elementOutputs.get(head);
        value = v === undefined && !this.elementOutputs.has(head) ? null : v!;
      }
    }
    for (let k = 1; k < parts.length; k++) {
      const f = parts[k];
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value))
        return this.fail(`"${ref}": ${head} is not a record, so it has no field ${f}`);
      const rec: FlowRecord = value;
      value = fieldOf(rec, f);
      // A relationship in the middle of a reference (`Session.MessagingEndUser.Name`) follows its Id field.
      if (value === null && k < parts.length - 1) value = this.related(rec, f);
    }
    return value;
  }

  /** The record a relationship name points to (`MessagingEndUser` → MessagingEndUserId, `X__r` → X__c). */
  private related(rec: FlowRecord, relationship: string): FlowValue {
    const idField = relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
    const id = fieldOf(rec, idField);
    if (typeof id !== 'string' || !id) return null;
    const hit = this.org.byId(id);
    return hit ? copyFields(newRecord(), hit.record) : null;
  }

  /** `$Flow.*` globals real routing flows read; other globals stop the run by name. */
  private global(ref: string, parts: string[]): FlowValue {
    if (parts[0] === '$Flow' && parts.length === 2) {
      if (parts[1] === 'FaultMessage') return this.faultMessage;
      if (parts[1] === 'CurrentDateTime') return SIMULATED_NOW;
      if (parts[1] === 'CurrentDate') return SIMULATED_NOW.slice(0, 10);
      if (parts[1] === 'InterviewGuid') return 'sim-interview-0001';
    }
    return this.fail(`the global variable ${ref} is not simulated`);
  }

  private formula(resource: FlowResource): FlowValue {
    try {
      let tree = formulaTrees.get(resource);
      if (!tree) {
        tree = parseFormula(resource.expression ?? '');
        formulaTrees.set(resource, tree);
      }
      const v = evaluateFormula(tree, (r) => this.resolve(r));
      if (resource.dataType === 'Number' || resource.dataType === 'Currency')
        return v === null || v === '' ? null : Number(v);
      if (resource.dataType === 'Boolean') return v === true;
      return v;
    } catch (e) {
      if (e instanceof FormulaError) return this.fail(`formula ${resource.name}: ${e.message}`);
      throw e;
    }
  }

  /** A text template or merge text: `{!ref}` replaced by the value's text. */
  render(template: string): string {
    return template.replace(/\{!([^}]+)\}/g, (_, ref: string) => {
      const v = this.resolve(ref.trim());
      return v === null || typeof v === 'object' ? '' : String(v);
    });
  }

  evaluate(spec: ValueSpec): FlowValue {
    switch (spec.kind) {
      case 'literal':
        return spec.value;
      case 'ref':
        return this.resolve(spec.ref);
      case 'collection':
        return spec.items.map((i) => this.evaluate(i));
      case 'unsupported':
        return this.fail(`a value of kind <${spec.what}> is not simulated`);
    }
  }

  /** Assigns to `var` or `var.Field`. */
  assign(target: string, value: FlowValue): void {
    const { rawHead, fields, head } = this.target(target);
    if (!head) return this.fail(`cannot assign to "${target}": ${rawHead} is not a variable of this flow`);
    if (!fields.length) {
      this.vars.set(head, value);
      return;
    }
    if (fields.length > 1) this.fail(`cannot assign to "${target}": only one level of fields is simulated`);
    const cur = this.vars.get(head);
    const rec = copyFields(newRecord(), cur && typeof cur === 'object' && !Array.isArray(cur) ? cur : {});
    rec[fields[0]] = value;
    this.vars.set(head, rec);
  }

  /** What an assignment target names, worked out once per flow. */
  private target(target: string): TargetPlan {
    let plan = this.targets.get(target);
    if (plan) return plan;
    const flow = this.flow;
    const [rawHead, ...fields] = target.split('.');
    const head = flow.variables.has(rawHead) ? rawHead : this.lowerNames.get(rawHead.toLowerCase());
    plan = { rawHead, fields, head: head && flow.variables.has(head) ? head : undefined };
    this.targets.set(target, plan);
    return plan;
  }

  compare(operator: string, left: FlowValue, right: FlowValue, soql: boolean): boolean {
    try {
      return compare(operator, left, right, soql);
    } catch (e) {
      if (e instanceof UnsupportedOperatorError) return this.fail(`the operator ${operator} is not simulated`);
      throw e;
    }
  }

  /** Evaluates each filter's value (at its line). */
  filterValues(filters: RecordFilter[]): FlowValue[] {
    return filters.map((f) => {
      this.line = f.line;
      return this.evaluate(f.value);
    });
  }

  /** The records of `obj` the filters select, with SOQL semantics. */
  matchRecords(obj: ObjectDef, filters: RecordFilter[], logic: Logic, values: FlowValue[]): FlowRecord[] {
    const fields = filters.map((f) => this.org.field(obj, f.field).name);
    return this.org
      .records(obj)
      .filter((r) =>
        evalLogic(logic, (i) => this.compare(filters[i].operator, fieldOf(r, fields[i]), values[i], true))
      );
  }

  /** The filters as text for the trace. */
  filterText(obj: ObjectDef, filters: RecordFilter[], values: FlowValue[]): string[] {
    return filters.map((f, i) => `${obj.name}.${f.field} ${f.operator} ${JSON.stringify(plain(values[i]))}`);
  }

  /** Field assignments evaluated, each at its line. */
  recordValues(assignments: { field: string; value: ValueSpec; line: number }[]): [string, FlowValue][] {
    return assignments.map((a) => {
      this.line = a.line;
      return [a.field, this.evaluate(a.value)];
    });
  }

  recordFromReference(ref: string): FlowRecord {
    const v = this.resolve(ref);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return this.fail(`${ref} does not hold a record`);
    return v;
  }
}
