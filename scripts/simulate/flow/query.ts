/**
 * What Get, Update and Create Records share, compiled once per element (issue 15): the record
 * filters (their values, the records they select with SOQL semantics, their text for the trace),
 * the field assignments, and the object the element names.
 */
import { plain, type Interview } from './interview';
import { compileLogic } from './logic';
import type { CompiledFlow, FieldAssignment, FlowRecord, FlowValue, Logic, RecordFilter } from './model';
import { comparison } from './operators';
import type { ObjectDef, Org, Schema } from './org';
import { fieldOf, valueReader, type Reader } from './references';

/** One record of a scan and what the filter tests compare it with. */
interface Scan {
  iv: Interview;
  rec: FlowRecord;
  values: FlowValue[];
  /** The filters' fields under their canonical names. */
  fields: string[];
}

export interface Query {
  /** Evaluates each filter's value (at its line). */
  values(iv: Interview): FlowValue[];
  /** The records of `obj` the filters select, in table order (read only: often one shared empty list). */
  select(iv: Interview, obj: ObjectDef, values: FlowValue[]): readonly FlowRecord[];
  /** The filters as text for the trace. */
  text(obj: ObjectDef, values: FlowValue[]): string[];
}

const NONE: readonly FlowRecord[] = Object.freeze([]);

/** Evaluates values at their lines, in order, into a new list. */
function evaluateAll(iv: Interview, readers: Reader[], lines: number[]): FlowValue[] {
  const out = new Array<FlowValue>(readers.length);
  for (let i = 0; i < readers.length; i++) {
    iv.line = lines[i];
    out[i] = readers[i](iv);
  }
  return out;
}

export function compileQuery(flow: CompiledFlow, filters: RecordFilter[], logic: Logic): Query {
  const readers = filters.map((f) => valueReader(flow, f.value));
  const lines = filters.map((f) => f.line);
  const tests = filters.map((f, i): ((s: Scan) => boolean) => {
    const cmp = comparison(f.operator);
    const message = `the operator ${f.operator} is not simulated`;
    return cmp ? (s) => cmp(fieldOf(s.rec, s.fields[i]), s.values[i], true) : (s) => s.iv.fail(message);
  });
  const holds = compileLogic(logic, tests);
  // Canonical field names depend only on the object: kept for the last one (an element names one).
  let namedFor: ObjectDef | undefined;
  let names: string[] = [];
  return {
    values: (iv) => evaluateAll(iv, readers, lines),
    select(iv, obj, values) {
      if (obj !== namedFor) {
        names = filters.map((f) => iv.org.field(obj, f.field).name);
        namedFor = obj;
      }
      const scan: Scan = { iv, rec: null as unknown as FlowRecord, values, fields: names };
      // Most selections are one record or none: a list sized to its first record, or none at all,
      // instead of a growable list per query (issue 15).
      let out: FlowRecord[] | undefined;
      for (const r of iv.org.records(obj)) {
        scan.rec = r;
        if (holds(scan)) {
          if (out) out.push(r);
          else out = [r];
        }
      }
      return out ?? NONE;
    },
    text: (obj, values) =>
      filters.map((f, i) => `${obj.name}.${f.field} ${f.operator} ${JSON.stringify(plain(values[i]))}`)
  };
}

/** Field assignments (`field` ← value) compiled: their values evaluated at their lines, in order. */
export function compileAssignments(flow: CompiledFlow, assignments: FieldAssignment[]): (iv: Interview) => FlowValue[] {
  const readers = assignments.map((a) => valueReader(flow, a.value));
  const lines = assignments.map((a) => a.line);
  return (iv) => evaluateAll(iv, readers, lines);
}

/** The object an element names, looked up once per schema (the lookup's fault is thrown each time). */
export function objectLookup(name: string): (org: Org) => ObjectDef {
  let schema: Schema | undefined;
  let def: ObjectDef | undefined;
  return (org) => {
    if (org.schema !== schema) {
      def = org.object(name);
      schema = org.schema;
    }
    return def!;
  };
}
