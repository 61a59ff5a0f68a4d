/**
 * References (`var`, `Element.Field`, `$GlobalConstant.True`), values and assignment targets
 * compiled once per flow into closures (issue 15): what a name refers to, its variable slot and its
 * field path are worked out at compile time, so an interview only calls the closure. A reference to
 * nothing compiles to a closure that fails when (and each time) it is read, with the same message
 * and line as before, since an element a run never reaches must not stop it.
 */
import { evaluateFormula, FormulaError, parseFormula } from './formula';
import type { Interview } from './interview';
import type { CompiledFlow, FlowRecord, FlowResource, FlowValue, ValueSpec } from './model';
import { copyFields, newRecord } from './org';
import { layoutOf } from './variables';

/** Reads a value in an interview. */
export type Reader = (iv: Interview) => FlowValue;
/** Writes a value into an interview (an assignment target). */
export type Writer = (iv: Interview, value: FlowValue) => void;

const GLOBAL_CONSTANTS: Record<string, FlowValue> = { True: true, False: false, EmptyString: '' };

/** The fixed "now" of every simulated interview ($Flow.CurrentDateTime), so traces are stable. */
export const SIMULATED_NOW = '2025-01-06T09:00:00.000Z';

/** A field of a record, matched case-insensitively like API names. */
export function fieldOf(rec: FlowRecord, field: string): FlowValue {
  if (field in rec) return rec[field];
  const lower = field.toLowerCase();
  for (const k in rec) if (k.toLowerCase() === lower) return rec[k];
  return null;
}

interface FlowScope {
  /** Lower-cased name of every variable, resource and element → its canonical name. */
  lowerNames: Map<string, string>;
  refs: Map<string, Reader>;
  targets: Map<string, Writer>;
}

const scopes = new WeakMap<CompiledFlow, FlowScope>();

function scopeOf(flow: CompiledFlow): FlowScope {
  let s = scopes.get(flow);
  if (!s) {
    const lowerNames = new Map<string, string>();
    for (const n of flow.variables.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.resources.keys()) lowerNames.set(n.toLowerCase(), n);
    for (const n of flow.nodes.keys()) lowerNames.set(n.toLowerCase(), n);
    s = { lowerNames, refs: new Map(), targets: new Map() };
    scopes.set(flow, s);
  }
  return s;
}

/** The canonical name of a variable, resource or element, matched case-insensitively. */
export function canonicalName(flow: CompiledFlow, name: string): string | undefined {
  if (flow.variables.has(name) || flow.resources.has(name) || flow.nodes.has(name)) return name;
  return scopeOf(flow).lowerNames.get(name.toLowerCase());
}

/** The value `key` has in `map`, made on first use. */
function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** The compiled reader of a reference, made once per flow and reference text. */
export function refReader(flow: CompiledFlow, ref: string): Reader {
  return cached(scopeOf(flow).refs, ref, () => compileRef(flow, ref));
}

/** The compiled writer of an assignment target (`var` or `var.Field`), made once per flow and target text. */
export function targetWriter(flow: CompiledFlow, target: string): Writer {
  return cached(scopeOf(flow).targets, target, () => compileTarget(flow, target));
}

/** Value specs compiled, once per spec (a spec belongs to one flow). */
const valueReaders = new WeakMap<ValueSpec, Reader>();

/** The compiled reader of a FlowElementReferenceOrValue. */
export function valueReader(flow: CompiledFlow, spec: ValueSpec): Reader {
  let r = valueReaders.get(spec);
  if (!r) {
    r = compileValue(flow, spec);
    valueReaders.set(spec, r);
  }
  return r;
}

function compileValue(flow: CompiledFlow, spec: ValueSpec): Reader {
  switch (spec.kind) {
    case 'literal': {
      const { value } = spec;
      return () => value;
    }
    case 'ref':
      return refReader(flow, spec.ref);
    case 'collection': {
      const items = spec.items.map((i) => valueReader(flow, i));
      return (iv) => items.map((read) => read(iv));
    }
    case 'unsupported': {
      const message = `a value of kind <${spec.what}> is not simulated`;
      return (iv) => iv.fail(message);
    }
  }
}

/** `$Flow.*` globals real routing flows read; other globals stop the run by name. */
function globalReader(ref: string, parts: string[]): Reader {
  if (parts[0] === '$Flow' && parts.length === 2) {
    if (parts[1] === 'FaultMessage') return (iv) => iv.faultMessage;
    if (parts[1] === 'CurrentDateTime') return () => SIMULATED_NOW;
    if (parts[1] === 'CurrentDate') return () => SIMULATED_NOW.slice(0, 10);
    if (parts[1] === 'InterviewGuid') return () => 'sim-interview-0001';
  }
  return (iv) => iv.fail(`the global variable ${ref} is not simulated`);
}

/** What the head of a reference names, as a reader of its whole value. */
function headReader(flow: CompiledFlow, head: string): Reader {
  const slot = layoutOf(flow).slots.get(head);
  // An unset variable reads as null.
  if (slot !== undefined) return (iv) => iv.vars.at(slot) ?? null;
  const resource = flow.resources.get(head);
  if (resource) return resourceReader(flow, resource);
  const output = layoutOf(flow).outputSlots.get(head);
  if (output !== undefined) return (iv) => iv.elementOutputs.at(output) ?? null;
  return (iv) => iv.elementOutputs.get(head) ?? null;
}

function resourceReader(flow: CompiledFlow, resource: FlowResource): Reader {
  // Compiled on first read, so compiling never follows a chain of constants (one naming itself never ends).
  if (resource.kind === 'constant') {
    let read: Reader | undefined;
    return (iv) => (read ??= valueReader(flow, resource.value!))(iv);
  }
  if (resource.kind === 'textTemplate') {
    const text = resource.text ?? '';
    return (iv) => iv.render(text);
  }
  let tree: ReturnType<typeof parseFormula> | undefined;
  return (iv) => {
    try {
      tree ??= parseFormula(resource.expression ?? '');
      const v = evaluateFormula(tree, (r) => iv.resolve(r));
      if (resource.dataType === 'Number' || resource.dataType === 'Currency')
        return v === null || v === '' ? null : Number(v);
      if (resource.dataType === 'Boolean') return v === true;
      return v;
    } catch (e) {
      if (e instanceof FormulaError) return iv.fail(`formula ${resource.name}: ${e.message}`);
      throw e;
    }
  };
}

/** The record a relationship name points to (`MessagingEndUser` → MessagingEndUserId, `X__r` → X__c). */
function related(iv: Interview, rec: FlowRecord, relationship: string): FlowValue {
  const idField = relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
  const id = fieldOf(rec, idField);
  if (typeof id !== 'string' || !id) return null;
  const hit = iv.org.byId(id);
  return hit ? iv.org.snapshot(hit.record) : null;
}

function compileRef(flow: CompiledFlow, ref: string): Reader {
  const parts = ref.split('.');
  const first = parts[0];
  if (first === '$GlobalConstant') {
    if (parts.length !== 2 || !(parts[1] in GLOBAL_CONSTANTS)) return (iv) => iv.fail(`unknown global constant ${ref}`);
    const value = GLOBAL_CONSTANTS[parts[1]];
    return () => value;
  }
  if (first.startsWith('$')) return globalReader(ref, parts);
  const head = canonicalName(flow, first);
  if (!head) {
    const message = `"${ref}" refers to nothing in this flow (no variable, constant or element named ${first})`;
    return (iv) => iv.fail(message);
  }
  const whole = headReader(flow, head);
  if (parts.length === 1) return whole;
  return (iv) => {
    let value = whole(iv);
    for (let k = 1; k < parts.length; k++) {
      const f = parts[k];
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value))
        return iv.fail(`"${ref}": ${head} is not a record, so it has no field ${f}`);
      const rec: FlowRecord = value;
      value = fieldOf(rec, f);
      // A relationship in the middle of a reference (`Session.MessagingEndUser.Name`) follows its Id field.
      if (value === null && k < parts.length - 1) value = related(iv, rec, f);
    }
    return value;
  };
}

function compileTarget(flow: CompiledFlow, target: string): Writer {
  const [rawHead, ...fields] = target.split('.');
  const named = flow.variables.has(rawHead) ? rawHead : scopeOf(flow).lowerNames.get(rawHead.toLowerCase());
  const slot = named === undefined ? undefined : layoutOf(flow).slots.get(named);
  if (slot === undefined)
    return (iv) => iv.fail(`cannot assign to "${target}": ${rawHead} is not a variable of this flow`);
  if (!fields.length)
    return (iv, value) => {
      iv.vars.setAt(slot, value);
    };
  if (fields.length > 1) return (iv) => iv.fail(`cannot assign to "${target}": only one level of fields is simulated`);
  const field = fields[0];
  // A record variable is never changed in place: other variables may hold the same record.
  return (iv, value) => {
    const cur = iv.vars.at(slot);
    const rec = copyFields(newRecord(), cur && typeof cur === 'object' && !Array.isArray(cur) ? cur : {});
    rec[field] = value;
    iv.vars.setAt(slot, rec);
  };
}
