/**
 * Runs a CompiledFlow against an in-memory org: one interview, element by element, from <start>.
 * Runtime faults (DML rejected, an action refusing its input) follow the element's fault connector
 * or end the interview as failed, as on the platform. Problems in the flow file itself (an unknown
 * reference, an element type the simulator does not run, a loop) throw FlowSimulationError.
 */
import { UserError } from '../../project/errors';
import { ActionDefinitionError, actionHandler, type ActionEnv } from './actions';
import { evalLogic } from './logic';
import type { CompiledFlow, Condition, FlowNode, FlowRecord, FlowValue, RecordFilter, ValueSpec } from './model';
import { compare, UnsupportedOperatorError } from './operators';
import { OrgFault, type ObjectDef, type Org } from './org';

/** The platform stops an interview after 2,000 executed elements; so does the simulator. */
export const MAX_STEPS = 2000;

export class FlowSimulationError extends UserError {
  constructor(flow: CompiledFlow, line: number, message: string) {
    super(`${flow.file}:${line}: ${message}`);
    this.name = 'FlowSimulationError';
  }
}

export type TraceStep =
  | {
      type: 'assignment';
      element: string;
      label: string;
      items: { target: string; operator: string; value: FlowValue }[];
    }
  | {
      type: 'decision';
      element: string;
      label: string;
      outcome: string;
      outcomeLabel: string;
      /** Every rule tried, in order, with the conditions that were evaluated. */
      rules: {
        name: string;
        label: string;
        logic: string;
        matched: boolean;
        conditions: {
          index: number;
          left: string;
          leftValue: FlowValue;
          operator: string;
          right: FlowValue;
          result: boolean;
        }[];
      }[];
    }
  | {
      type: 'lookup';
      element: string;
      label: string;
      object: string;
      filters: string[];
      found: number;
      firstId: string | null;
    }
  | { type: 'update'; element: string; label: string; object: string; ids: string[]; fields: Record<string, FlowValue> }
  | { type: 'create'; element: string; label: string; object: string; id: string; fields: Record<string, FlowValue> }
  | {
      type: 'action';
      element: string;
      label: string;
      action: string;
      /** Name/value lists (not objects) so --json redaction never hides an Id named like a secret. */
      inputs: { name: string; value: FlowValue }[];
      outputs: { name: string; value: FlowValue }[];
    }
  | { type: 'fault'; element: string; label: string; code: string; message: string; next: string | null };

export interface RunResult {
  status: 'finished' | 'failed';
  /** Set when status is failed: the unhandled fault. */
  failure?: { element: string; code: string; message: string };
  steps: TraceStep[];
  stepCount: number;
}

export interface RunOptions {
  flow: CompiledFlow;
  org: Org;
  env: ActionEnv;
  /** Values for input variables (by variable name). */
  inputs: Map<string, FlowValue>;
  /** Record trace steps (off for fast replays). */
  tracing: boolean;
}

const GLOBAL_CONSTANTS: Record<string, FlowValue> = { True: true, False: false, EmptyString: '' };

function newRecord(): FlowRecord {
  return Object.create(null) as FlowRecord;
}

/** A field of a record, matched case-insensitively like API names. */
function fieldOf(rec: FlowRecord, field: string): FlowValue {
  if (field in rec) return rec[field];
  const lower = field.toLowerCase();
  for (const k in rec) if (k.toLowerCase() === lower) return rec[k];
  return null;
}

function plain(v: FlowValue): FlowValue {
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) as FlowRecord;
  return v;
}

/** Per-flow lookups computed once, not per interview: lower-cased names and split references. */
const flowCaches = new WeakMap<CompiledFlow, { lowerNames: Map<string, string>; refs: Map<string, string[]> }>();

function cachesFor(flow: CompiledFlow): { lowerNames: Map<string, string>; refs: Map<string, string[]> } {
  let c = flowCaches.get(flow);
  if (!c) {
    const lowerNames = new Map<string, string>();
    for (const n of flow.variables.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.resources.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.nodes.keys()) lowerNames.set(n.toLowerCase(), n);
    c = { lowerNames, refs: new Map() };
    flowCaches.set(flow, c);
  }
  return c;
}

export function runFlow(opts: RunOptions): RunResult {
  const { flow, org, env, tracing } = opts;
  const vars = new Map<string, FlowValue>();
  /** Outputs stored automatically by elements (storeOutputAutomatically), readable as `Element.field`. */
  const elementOutputs = new Map<string, FlowValue>();
  const steps: TraceStep[] = [];
  const { lowerNames, refs } = cachesFor(flow);

  let line = 0;
  const fail = (message: string): never => {
    throw new FlowSimulationError(flow, line, message);
  };

  const resolve = (ref: string): FlowValue => {
    let parts = refs.get(ref);
    if (!parts) {
      parts = ref.split('.');
      refs.set(ref, parts);
    }
    let head = parts[0];
    let value: FlowValue;
    if (head === '$GlobalConstant') {
      if (parts.length !== 2 || !(parts[1] in GLOBAL_CONSTANTS)) fail(`unknown global constant ${ref}`);
      return GLOBAL_CONSTANTS[parts[1]];
    }
    if (head.startsWith('$')) return fail(`the global variable ${ref} is not simulated`);
    if (!flow.variables.has(head) && !flow.resources.has(head) && !flow.nodes.has(head)) {
      const canonical = lowerNames.get(head.toLowerCase());
      if (!canonical)
        return fail(`"${ref}" refers to nothing in this flow (no variable, constant or element named ${head})`);
      head = canonical;
    }
    const resource = flow.resources.get(head);
    if (flow.variables.has(head)) value = vars.has(head) ? vars.get(head)! : null;
    else if (resource) {
      if (resource.kind === 'constant') value = evaluate(resource.value!);
      else if (resource.kind === 'textTemplate') value = render(resource.text ?? '');
      else
        return fail(
          `the formula ${head} is not simulated (the simulator runs variables, constants and text templates)`
        );
    } else value = elementOutputs.has(head) ? elementOutputs.get(head)! : null;
    for (let k = 1; k < parts.length; k++) {
      const f = parts[k];
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value))
        return fail(`"${ref}": ${head} is not a record, so it has no field ${f}`);
      value = fieldOf(value, f);
    }
    return value;
  };

  const render = (template: string): string =>
    template.replace(/\{!([^}]+)\}/g, (_, ref: string) => {
      const v = resolve(ref.trim());
      return v === null || typeof v === 'object' ? '' : String(v);
    });

  const evaluate = (spec: ValueSpec): FlowValue => {
    switch (spec.kind) {
      case 'literal':
        return spec.value;
      case 'ref':
        return resolve(spec.ref);
      case 'collection':
        return spec.items.map(evaluate);
      case 'unsupported':
        return fail(`a value of kind <${spec.what}> is not simulated`);
    }
  };

  /** Assigns to `var` or `var.Field`. */
  const assign = (target: string, value: FlowValue): void => {
    const [rawHead, ...fields] = target.split('.');
    const head = flow.variables.has(rawHead) ? rawHead : lowerNames.get(rawHead.toLowerCase());
    if (!head || !flow.variables.has(head))
      fail(`cannot assign to "${target}": ${rawHead} is not a variable of this flow`);
    if (!fields.length) {
      vars.set(head!, value);
      return;
    }
    if (fields.length > 1) fail(`cannot assign to "${target}": only one level of fields is simulated`);
    const cur = vars.get(head!);
    const rec = Object.assign(newRecord(), cur && typeof cur === 'object' && !Array.isArray(cur) ? cur : {});
    rec[fields[0]] = value;
    vars.set(head!, rec);
  };

  const compareOrFail = (operator: string, left: FlowValue, right: FlowValue, soql: boolean): boolean => {
    try {
      return compare(operator, left, right, soql);
    } catch (e) {
      if (e instanceof UnsupportedOperatorError) return fail(`the operator ${operator} is not simulated`);
      throw e;
    }
  };

  // Initial values: defaults, then inputs.
  for (const v of flow.variables.values()) {
    line = v.line;
    vars.set(v.name, v.initial ? evaluate(v.initial) : v.isCollection ? [] : null);
  }
  for (const [name, value] of opts.inputs) {
    const v = flow.variables.get(name);
    if (!v || !v.isInput) fail(`the input "${name}" is not an input variable of the flow`);
    vars.set(name, value);
  }

  // --- record helpers -----------------------------------------------------------------------
  const filterText = (obj: ObjectDef, filters: RecordFilter[], values: FlowValue[]): string[] =>
    filters.map((f, i) => `${obj.name}.${f.field} ${f.operator} ${JSON.stringify(plain(values[i]))}`);

  const matchRecords = (
    obj: ObjectDef,
    filters: RecordFilter[],
    logic: Parameters<typeof evalLogic>[0],
    values: FlowValue[]
  ): FlowRecord[] => {
    const fields = filters.map((f) => org.field(obj, f.field).name);
    return org
      .records(obj)
      .filter((r) =>
        evalLogic(logic, (i) => compareOrFail(filters[i].operator, fieldOf(r, fields[i]), values[i], true))
      );
  };

  const recordValues = (assignments: { field: string; value: ValueSpec; line: number }[]): [string, FlowValue][] =>
    assignments.map((a) => {
      line = a.line;
      return [a.field, evaluate(a.value)];
    });

  const recordFromReference = (ref: string): FlowRecord => {
    const v = resolve(ref);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(`${ref} does not hold a record`);
    return v;
  };

  // --- elements ---------------------------------------------------------------------------
  /** Runs one element; returns the next element's name (undefined ends the interview). */
  const step = (node: FlowNode): string | undefined => {
    line = node.line;
    switch (node.kind) {
      case 'assignment': {
        const items: { target: string; operator: string; value: FlowValue }[] = [];
        for (const it of node.items) {
          line = it.line;
          const value = evaluate(it.value);
          let result: FlowValue = value;
          const current = it.operator === 'Assign' ? null : resolve(it.target);
          switch (it.operator) {
            case 'Assign':
              break;
            case 'Add':
              if (Array.isArray(current)) result = [...current, ...(Array.isArray(value) ? value : [value])];
              else if (typeof current === 'number' || typeof value === 'number')
                result = Number(current ?? 0) + Number(value ?? 0);
              else result = `${current ?? ''}${value ?? ''}`;
              break;
            case 'AddItem':
              result = [...(Array.isArray(current) ? current : []), value];
              break;
            case 'Subtract':
              result = Number(current ?? 0) - Number(value ?? 0);
              break;
            case 'AssignCount':
              result = Array.isArray(value) ? value.length : value === null ? 0 : 1;
              break;
            default:
              fail(`${node.name}: the assignment operator ${it.operator} is not simulated`);
          }
          assign(it.target, result);
          if (tracing) items.push({ target: it.target, operator: it.operator, value: plain(result) });
        }
        if (tracing) steps.push({ type: 'assignment', element: node.name, label: node.label, items });
        return node.next;
      }
      case 'decision': {
        const tried: Extract<TraceStep, { type: 'decision' }>['rules'] = [];
        for (const rule of node.rules) {
          const evaluated: Extract<TraceStep, { type: 'decision' }>['rules'][number]['conditions'] = [];
          const test = (i: number): boolean => {
            const c: Condition = rule.conditions[i];
            line = c.line;
            const left = resolve(c.left);
            const right = evaluate(c.right);
            const result = compareOrFail(c.operator, left, right, false);
            if (tracing)
              evaluated.push({
                index: i + 1,
                left: c.left,
                leftValue: plain(left),
                operator: c.operator,
                right: plain(right),
                result
              });
            return result;
          };
          const matched = evalLogic(rule.logic, test);
          if (tracing)
            tried.push({ name: rule.name, label: rule.label, logic: rule.logicText, matched, conditions: evaluated });
          if (matched) {
            if (tracing)
              steps.push({
                type: 'decision',
                element: node.name,
                label: node.label,
                outcome: rule.name,
                outcomeLabel: rule.label,
                rules: tried
              });
            return rule.next;
          }
        }
        if (tracing)
          steps.push({
            type: 'decision',
            element: node.name,
            label: node.label,
            outcome: '',
            outcomeLabel: node.defaultLabel,
            rules: tried
          });
        return node.defaultNext;
      }
      case 'recordLookup': {
        const obj = org.object(node.object);
        const values = node.filters.map((f) => {
          line = f.line;
          return evaluate(f.value);
        });
        let found = matchRecords(obj, node.filters, node.filterLogic, values);
        if (node.sortField) {
          const sf = org.field(obj, node.sortField).name;
          const dir = node.sortOrder === 'Desc' ? -1 : 1;
          found = found.slice().sort((a, b) => {
            const x = a[sf];
            const y = b[sf];
            return (
              (x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1) *
              dir
            );
          });
        }
        if (node.limit) {
          const lim = Number(evaluate(node.limit));
          if (Number.isFinite(lim) && lim >= 0) found = found.slice(0, lim);
        }
        const first = found[0] ? Object.assign(newRecord(), found[0]) : null;
        const result: FlowValue = node.getFirstRecordOnly ? first : found.map((r) => Object.assign(newRecord(), r));
        if (node.storeOutputAutomatically) elementOutputs.set(node.name, result);
        if (node.outputReference) assign(node.outputReference, result);
        for (const o of node.outputAssignments) {
          if (first) assign(o.target, fieldOf(first, org.field(obj, o.field).name));
          else if (node.assignNullValuesIfNoRecordsFound) assign(o.target, null);
        }
        if (tracing) {
          steps.push({
            type: 'lookup',
            element: node.name,
            label: node.label,
            object: obj.name,
            filters: filterText(obj, node.filters, values),
            found: found.length,
            firstId: first ? String(first.Id) : null
          });
        }
        return node.next;
      }
      case 'recordUpdate': {
        const values = recordValues(node.inputAssignments);
        let obj: ObjectDef;
        let ids: string[];
        if (node.inputReference) {
          const rec = recordFromReference(node.inputReference);
          const id = rec.Id;
          if (typeof id !== 'string' || !id)
            throw new OrgFault('MISSING_ARGUMENT', `${node.inputReference} has no Id to update`);
          const hit = org.byId(id);
          if (!hit) throw new OrgFault('ENTITY_IS_DELETED', `no record with Id ${id}`);
          obj = hit.object;
          ids = [id];
          for (const [k, v] of Object.entries(rec))
            if (k !== 'Id' && org.field(obj, k).writable && v !== hit.record[k]) values.push([k, v]);
        } else {
          obj = org.object(node.object ?? '');
          const fv = node.filters.map((f) => {
            line = f.line;
            return evaluate(f.value);
          });
          ids = matchRecords(obj, node.filters, node.filterLogic, fv).map((r) => String(r.Id));
          // Validate the fields even when nothing matches: the platform rejects a bad field on save.
          for (const [f] of values) org.field(obj, f);
        }
        for (const id of ids) org.update(obj.name, id, values);
        if (tracing) {
          const fields: Record<string, FlowValue> = {};
          for (const [k, v] of values) fields[org.field(obj, k).name] = plain(v);
          steps.push({ type: 'update', element: node.name, label: node.label, object: obj.name, ids, fields });
        }
        return node.next;
      }
      case 'recordCreate': {
        let values: [string, FlowValue][];
        let objectName: string;
        if (node.inputReference) {
          const rec = recordFromReference(node.inputReference);
          const v = flow.variables.get(node.inputReference.split('.')[0]);
          objectName = v?.objectType ?? fail(`${node.name}: ${node.inputReference} has no objectType`);
          values = Object.entries(rec).filter(([k]) => k !== 'Id');
        } else {
          objectName = node.object ?? fail(`${node.name} has neither <object> nor <inputReference>`);
          values = recordValues(node.inputAssignments);
        }
        const rec = org.insert(objectName, values);
        const id = String(rec.Id);
        if (node.storeOutputAutomatically) elementOutputs.set(node.name, id);
        if (node.assignRecordIdToReference) assign(node.assignRecordIdToReference, id);
        if (node.inputReference) assign(`${node.inputReference}.Id`, id);
        if (tracing) {
          const fields: Record<string, FlowValue> = {};
          for (const [k, v] of values) fields[org.field(org.object(objectName), k).name] = plain(v);
          steps.push({
            type: 'create',
            element: node.name,
            label: node.label,
            object: org.object(objectName).name,
            id,
            fields
          });
        }
        return node.next;
      }
      case 'actionCall': {
        const handler = actionHandler(node);
        if (!handler) {
          return fail(
            `${node.name} calls the ${node.actionType} action "${node.actionName}", which the simulator does not run (it runs routeWork, checkAvailabilityForRouting and the Apex actions HandoffEndConversation and HandoffBusinessHours)`
          );
        }
        const inputs = new Map<string, FlowValue>();
        for (const p of node.inputs) {
          line = p.line;
          inputs.set(p.name, evaluate(p.value));
        }
        line = node.line;
        let outputs: Record<string, FlowValue>;
        try {
          outputs = handler(node, inputs, env);
        } catch (e) {
          if (e instanceof ActionDefinitionError) return fail(e.message);
          throw e;
        }
        if (node.storeOutputAutomatically) elementOutputs.set(node.name, Object.assign(newRecord(), outputs));
        for (const o of node.outputs) {
          if (!(o.name in outputs))
            fail(
              `${node.name} reads the output "${o.name}", which ${node.actionName} does not return (it returns: ${Object.keys(outputs).join(', ') || 'nothing'})`
            );
          assign(o.target, outputs[o.name]);
        }
        if (tracing) {
          steps.push({
            type: 'action',
            element: node.name,
            label: node.label,
            action: node.actionType === 'apex' ? `apex ${node.actionName}` : node.actionType,
            inputs: [...inputs].map(([name, v]) => ({ name, value: plain(v) })),
            outputs: Object.entries(outputs).map(([name, v]) => ({ name, value: plain(v) }))
          });
        }
        return node.next;
      }
      case 'unsupported':
        return fail(`the flow reaches <${node.tag}> ${node.name}, an element type the simulator does not run`);
    }
  };

  let current = flow.start;
  let count = 0;
  const recent: string[] = [];
  while (current !== undefined) {
    const node = flow.nodes.get(current)!;
    if (++count > MAX_STEPS) {
      line = node.line;
      fail(
        `the interview ran more than ${MAX_STEPS} elements (a loop? last elements: ${recent.slice(-6).join(' → ')})`
      );
    }
    recent.push(node.name);
    if (recent.length > 12) recent.shift();
    try {
      current = step(node);
    } catch (e) {
      if (!(e instanceof OrgFault)) throw e;
      const next = 'fault' in node ? node.fault : undefined;
      if (tracing)
        steps.push({
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
          stepCount: count
        };
      current = next;
    }
  }
  return { status: 'finished', steps, stepCount: count };
}
