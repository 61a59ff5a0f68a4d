/**
 * The in-memory org the flow runs against: a schema (standard fields of the objects a routing flow
 * touches, plus the custom fields found in force-app) and records. DML checks what the platform
 * would reject (unknown object or field, text longer than the field, a missing required field) so
 * the simulation takes the flow's fault paths where the real org would.
 */
import type { FlowRecord, FlowValue } from './model';

export interface FieldDef {
  name: string;
  type: string;
  /** Maximum characters for text fields. */
  length?: number;
  required?: boolean;
  /** False for system fields a flow cannot write (Id, CreatedDate, CaseNumber…). */
  writable: boolean;
}

export interface ObjectDef {
  name: string;
  idPrefix: string;
  /** Lower-cased field name → definition (API names are case-insensitive). */
  fields: Map<string, FieldDef>;
}

type FieldSpec = [name: string, type: string, length?: number, writable?: boolean, required?: boolean];

const SYSTEM: FieldSpec[] = [
  ['Id', 'Id', 18, false],
  ['CreatedDate', 'DateTime', undefined, false],
  ['LastModifiedDate', 'DateTime', undefined, false]
];

/** Standard fields every custom object has (a retrieved flow queries OwnerId of one: ubiquity-org-monitoring). */
const CUSTOM_OBJECT_STANDARD: FieldSpec[] = [
  ['Name', 'Text', 80],
  ['OwnerId', 'Id', 18]
];

/** Standard fields the simulator knows; enough for routing flows (extend when a flow needs more). */
const STANDARD_OBJECTS: Record<string, { idPrefix: string; fields: FieldSpec[] }> = {
  MessagingSession: {
    idPrefix: '0Mw',
    fields: [
      ['Name', 'Text', 80, false],
      ['ConversationId', 'Id', 18, false],
      ['MessagingChannelId', 'Id', 18, false],
      ['MessagingEndUserId', 'Id', 18],
      ['EndUserContactId', 'Id', 18],
      ['EndUserAccountId', 'Id', 18],
      ['CaseId', 'Id', 18],
      ['LeadId', 'Id', 18],
      ['OpportunityId', 'Id', 18],
      ['OwnerId', 'Id', 18],
      ['Status', 'Picklist', 40],
      ['Origin', 'Picklist', 40, false],
      ['ChannelType', 'Picklist', 40, false],
      ['AgentType', 'Picklist', 40, false],
      ['StartTime', 'DateTime', undefined, false],
      ['EndTime', 'DateTime', undefined, false],
      ['PreviewDetails', 'Text', 255],
      ['Subject', 'Text', 255],
      ['AcceptTime', 'DateTime', undefined, false],
      ['Conversation', 'Text', 255, false]
    ]
  },
  // The messaging user behind a session: real routing flows look it up and link it to a Contact
  // (ubiquity-org-monitoring Messaging_Route_Route_Messages_to_Queues updates AccountId, ContactId, Name).
  MessagingEndUser: {
    idPrefix: '0PA',
    fields: [
      ['Name', 'Text', 255],
      ['MessagingPlatformKey', 'Text', 255, false],
      ['MessagingChannelId', 'Id', 18, false],
      ['MessageType', 'Picklist', 40, false],
      ['ContactId', 'Id', 18],
      ['AccountId', 'Id', 18],
      ['LeadId', 'Id', 18],
      ['IndividualId', 'Id', 18],
      ['OwnerId', 'Id', 18],
      ['IsFullyRegistered', 'Checkbox', undefined, false]
    ]
  },
  Individual: {
    idPrefix: '0PK',
    fields: [
      ['FirstName', 'Text', 40],
      ['LastName', 'Text', 80, true, true],
      ['Name', 'Text', 121, false],
      ['Salutation', 'Picklist', 40],
      ['OwnerId', 'Id', 18]
    ]
  },
  Account: {
    idPrefix: '001',
    fields: [
      ['Name', 'Text', 255, true, true],
      ['Phone', 'Phone', 40],
      ['OwnerId', 'Id', 18],
      ['Type', 'Picklist', 255]
    ]
  },
  Contact: {
    idPrefix: '003',
    fields: [
      ['FirstName', 'Text', 40],
      ['LastName', 'Text', 80, true, true],
      ['Name', 'Text', 121, false],
      ['Email', 'Email', 80],
      ['Phone', 'Phone', 40],
      ['MobilePhone', 'Phone', 40],
      ['AccountId', 'Id', 18],
      ['IndividualId', 'Id', 18],
      ['OwnerId', 'Id', 18],
      ['Description', 'LongTextArea', 32000],
      ['LeadSource', 'Picklist', 255]
    ]
  },
  Case: {
    idPrefix: '500',
    fields: [
      ['CaseNumber', 'Text', 30, false],
      ['Subject', 'Text', 255],
      ['Description', 'LongTextArea', 32000],
      ['Origin', 'Picklist', 255],
      ['Priority', 'Picklist', 255],
      ['Status', 'Picklist', 255],
      ['Type', 'Picklist', 255],
      ['Reason', 'Picklist', 255],
      ['ContactId', 'Id', 18],
      ['AccountId', 'Id', 18],
      ['OwnerId', 'Id', 18],
      ['SuppliedName', 'Text', 80],
      ['SuppliedEmail', 'Email', 80],
      ['SuppliedPhone', 'Text', 40],
      ['SuppliedCompany', 'Text', 80]
    ]
  },
  Group: {
    idPrefix: '00G',
    fields: [
      ['Name', 'Text', 40],
      ['DeveloperName', 'Text', 80],
      ['Type', 'Picklist', 40],
      ['Email', 'Email', 255]
    ]
  },
  BusinessHours: {
    idPrefix: '01m',
    fields: [
      ['Name', 'Text', 80],
      ['IsActive', 'Checkbox'],
      ['IsDefault', 'Checkbox']
    ]
  }
};

export type Schema = Map<string, ObjectDef>;

/** The standard schema plus custom fields: `{ MessagingSession: [{ name: 'plan__c', type: 'Text', length: 255 }] }`. */
export function buildSchema(
  customFields: Map<string, { name: string; type: string; length?: number; required?: boolean }[]>
): Schema {
  const schema: Schema = new Map();
  const add = (obj: string, idPrefix: string): ObjectDef => {
    let def = schema.get(obj.toLowerCase());
    if (!def) {
      def = { name: obj, idPrefix, fields: new Map() };
      schema.set(obj.toLowerCase(), def);
    }
    return def;
  };
  for (const [obj, spec] of Object.entries(STANDARD_OBJECTS)) {
    const def = add(obj, spec.idPrefix);
    for (const [name, type, length, writable = true, required = false] of [...SYSTEM, ...spec.fields]) {
      def.fields.set(name.toLowerCase(), { name, type, length, writable, required });
    }
  }
  for (const [obj, fields] of customFields) {
    const def = add(obj, 'a0X');
    if (!def.fields.has('id'))
      for (const [name, type, length, writable = true] of [...SYSTEM, ...CUSTOM_OBJECT_STANDARD])
        def.fields.set(name.toLowerCase(), { name, type, length, writable });
    for (const f of fields)
      def.fields.set(f.name.toLowerCase(), {
        name: f.name,
        type: f.type,
        length: f.length,
        required: f.required,
        writable: true
      });
  }
  return schema;
}

/**
 * Records are instances of a constructor whose prototype is an empty null-prototype object: nothing
 * is inherited (no `toString`, no `__proto__` accessor, so a field named `__proto__` is an ordinary
 * own key), yet V8 keeps them in fast mode. `Object.create(null)` objects start as hash tables,
 * which made every record copy and GC of a replay about 3× dearer (issue 15).
 *
 * Fast only while they are small, though: V8 turns an object into a hash table once a computed-key
 * write (`rec[field] = v`) adds more than max(12, its in-object slots) fields beyond those slots, and
 * a session has 33 fields after the routing flow's update. An instance gets as many in-object slots
 * as its constructor has `this.x =` assignments (counted when parsed, run or not), cut back after
 * the first few instances to what they used: hence the assignment that never runs, and one record
 * as wide as the slots made at load. If V8 counts otherwise, records are only slower, never wrong.
 */
const RECORD_SLOTS = 32;
const RecordShape = function RecordShape(this: Record<string, unknown>, never?: true): void {
  if (never)
    this.s0 =
      this.s1 =
      this.s2 =
      this.s3 =
      this.s4 =
      this.s5 =
      this.s6 =
      this.s7 =
      this.s8 =
      this.s9 =
      this.s10 =
      this.s11 =
      this.s12 =
      this.s13 =
      this.s14 =
      this.s15 =
      this.s16 =
      this.s17 =
      this.s18 =
      this.s19 =
      this.s20 =
      this.s21 =
      this.s22 =
      this.s23 =
      this.s24 =
      this.s25 =
      this.s26 =
      this.s27 =
      this.s28 =
      this.s29 =
      this.s30 =
      this.s31 =
        null;
} as unknown as new () => FlowRecord;
RecordShape.prototype = Object.create(null) as object;
{
  const wide = new RecordShape();
  for (let i = 0; i < RECORD_SLOTS; i++) wide[`slot${i}`] = null;
}

/** A new empty record. */
export function newRecord(): FlowRecord {
  return new RecordShape();
}

/**
 * Copies a record's fields into `into` (same keys, same order as Object.assign); this loop is
 * faster than Object.assign, and replays pay it on every lookup and update (issue 15).
 */
export function copyFields(into: FlowRecord, from: Readonly<Record<string, FlowValue>>): FlowRecord {
  // Records inherit no enumerable key, nor do plain sources: for-in sees own keys only.
  for (const k in from) into[k] = from[k];
  return into;
}

/** Writes checked fields into a record, in order. */
function setFields(into: FlowRecord, checked: Checked): FlowRecord {
  const { names, values } = checked;
  for (let i = 0; i < names.length; i++) into[names[i]] = values[i];
  return into;
}

/** Field values checked against an object: canonical names and stored values, in order. */
interface Checked {
  names: string[];
  values: FlowValue[];
}

/**
 * The ISO text of a simulated clock reading, remembered: every fork starts from the same clock, so a
 * replay formats the same few instants for every payload (issue 15). Bounded, so it never grows.
 */
const isoTimes = new Map<number, string>();
function isoTime(ms: number): string {
  let t = isoTimes.get(ms);
  if (t === undefined) {
    if (isoTimes.size >= 1000) isoTimes.clear();
    t = new Date(ms).toISOString();
    isoTimes.set(ms, t);
  }
  return t;
}

/** Name/value pairs as two lists. */
function unzip(pairs: Iterable<[string, FlowValue]>): [string[], FlowValue[]] {
  const names: string[] = [];
  const values: FlowValue[] = [];
  for (const [n, v] of pairs) {
    names.push(n);
    values.push(v);
  }
  return [names, values];
}

/** A DML or query error, as the platform would report it; the interpreter follows the fault connector. */
export class OrgFault extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = 'OrgFault';
  }
}

const TEXT_TYPES = new Set(['Text', 'TextArea', 'LongTextArea', 'Html', 'Email', 'Phone', 'Url', 'Picklist', 'Id']);

/**
 * The objects of a schema by Id prefix, in schema order, so byId reads only the tables an Id can be
 * in. A key prefix is three characters (Apex DescribeSObjectResult.getKeyPrefix: "Record IDs are
 * prefixed with three-character codes that specify the type of the object"), as buildSchema gives.
 */
const prefixIndexes = new WeakMap<Schema, Map<string, ObjectDef[]>>();
function objectsByPrefix(schema: Schema): Map<string, ObjectDef[]> {
  let index = prefixIndexes.get(schema);
  if (!index) {
    index = new Map();
    for (const def of schema.values()) {
      const list = index.get(def.idPrefix);
      if (list) list.push(def);
      else index.set(def.idPrefix, [def]);
    }
    prefixIndexes.set(schema, index);
  }
  return index;
}

/** Lookups by the name as written, per owner (API names are case-insensitive): no lower-cased copy of a name per call (issue 15). */
type AsWritten<K extends object, V> = WeakMap<K, Map<string, V | undefined>>;

function asWritten<K extends object, V>(
  memos: AsWritten<K, V>,
  owner: K,
  name: string,
  byLowerName: Map<string, V>
): V | undefined {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  let found = memo.get(name);
  if (found === undefined && !memo.has(name)) {
    found = byLowerName.get(name.toLowerCase());
    memo.set(name, found);
  }
  return found;
}

const objectsAsWritten: AsWritten<Schema, ObjectDef> = new WeakMap();
const fieldsAsWritten: AsWritten<ObjectDef, FieldDef> = new WeakMap();

/**
 * Records by object; `fork()` gives each simulated payload its own org over a shared base org.
 * Tables change in place: a fork owns the records it created, and copies a base record once, on its
 * first update (issue 15: copying the whole table per update made replays quadratic in DML).
 */
export class Org {
  private counter: number;
  private clock: number;
  /** Records this org may change in place: those it created or already copied. */
  private readonly owned = new Set<FlowRecord>();
  constructor(
    readonly schema: Schema,
    private readonly tables = new Map<string, FlowRecord[]>(),
    counter = 0,
    clock = Date.UTC(2025, 0, 6, 9, 0, 0)
  ) {
    this.counter = counter;
    this.clock = clock;
  }

  /** A copy whose tables can change without touching this org (records are copied on write); this org must not change while its forks are in use. */
  fork(): Org {
    const tables = new Map<string, FlowRecord[]>();
    for (const [k, v] of this.tables) tables.set(k, v.slice());
    return new Org(this.schema, tables, this.counter, this.clock);
  }

  /** The table of an object, created empty on first write. */
  private table(obj: ObjectDef): FlowRecord[] {
    let t = this.tables.get(obj.name);
    if (!t) {
      t = [];
      this.tables.set(obj.name, t);
    }
    return t;
  }

  object(name: string): ObjectDef {
    const def = asWritten(objectsAsWritten, this.schema, name, this.schema);
    if (!def) throw new OrgFault('INVALID_TYPE', `sObject type '${name}' is not supported by the simulator's org`);
    return def;
  }

  field(obj: ObjectDef, name: string): FieldDef {
    const f = asWritten(fieldsAsWritten, obj, name, obj.fields);
    if (!f) throw new OrgFault('INVALID_FIELD', `No such column '${name}' on entity '${obj.name}'`);
    return f;
  }

  records(obj: ObjectDef): FlowRecord[] {
    return this.tables.get(obj.name) ?? [];
  }

  private nextId(obj: ObjectDef): string {
    this.counter++;
    return `${obj.idPrefix}SIM${String(this.counter).padStart(9, '0')}AAA`;
  }

  /**
   * Checks every value against the object's field of that name (or the field given) before anything
   * is written; returns them under canonical field names, in order (writing them is the one copy).
   */
  private validated(obj: ObjectDef, fields: readonly (string | FieldDef)[], values: readonly FlowValue[]): Checked {
    const out: Checked = { names: new Array<string>(fields.length), values: new Array<FlowValue>(fields.length) };
    for (let i = 0; i < fields.length; i++) {
      const value = values[i];
      const given = fields[i];
      const f = typeof given === 'string' ? this.field(obj, given) : given;
      if (!f.writable)
        throw new OrgFault('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update field: ${obj.name}.${f.name}`);
      // Lengths count code points; the UTF-16 length is an upper bound, so most values skip the count.
      if (typeof value === 'string' && f.length !== undefined && value.length > f.length && TEXT_TYPES.has(f.type)) {
        const chars = Array.from(value).length;
        if (chars > f.length)
          throw new OrgFault(
            'STRING_TOO_LONG',
            `${obj.name}.${f.name}: data value too large (${chars} characters, max length=${f.length})`
          );
      }
      if (value !== null && typeof value === 'object')
        throw new OrgFault(
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${obj.name}.${f.name}: a record or collection is not a field value`
        );
      out.names[i] = f.name;
      // The database stores an empty text as null.
      out.values[i] = value === '' && TEXT_TYPES.has(f.type) ? null : value;
    }
    return out;
  }

  insert(objectName: string, values: Iterable<[string, FlowValue]>): FlowRecord {
    const obj = this.object(objectName);
    const [names, given] = unzip(values);
    const rec = setFields(newRecord(), this.validated(obj, names, given));
    for (const f of obj.fields.values()) {
      if (f.required && (rec[f.name] === undefined || rec[f.name] === null || rec[f.name] === '')) {
        throw new OrgFault('REQUIRED_FIELD_MISSING', `Required fields are missing: [${f.name}] on ${obj.name}`);
      }
    }
    this.clock += 1000;
    rec.Id = this.nextId(obj);
    rec.CreatedDate = isoTime(this.clock);
    if (obj.name === 'Case') rec.CaseNumber = String(1000 + this.counter).padStart(8, '0');
    if (obj.name === 'Contact')
      rec.Name = [rec.FirstName, rec.LastName].filter((x) => typeof x === 'string' && x).join(' ');
    this.table(obj).push(rec);
    this.owned.add(rec);
    return rec;
  }

  /** System inserts (seeding the org): no validation, an Id when missing. */
  seed(objectName: string, values: FlowRecord): FlowRecord {
    const obj = this.object(objectName);
    this.clock += 1000;
    const rec = newRecord();
    rec.Id = this.nextId(obj);
    rec.CreatedDate = isoTime(this.clock);
    copyFields(rec, values);
    this.table(obj).push(rec);
    this.owned.add(rec);
    return rec;
  }

  /** A system insert with a fixed Id that leaves the Id counter and clock alone (records every run has). */
  seedFixed(objectName: string, values: FlowRecord & { Id: string }): FlowRecord {
    const obj = this.object(objectName);
    const rec = copyFields(newRecord(), values);
    this.table(obj).push(rec);
    this.owned.add(rec);
    return rec;
  }

  /** Updates the record with this Id in place (a base org's record is copied first); returns it. */
  update(objectName: string, id: string, values: Iterable<[string, FlowValue]>): FlowRecord {
    const obj = this.object(objectName);
    const [names, given] = unzip(values);
    const checked = this.validated(obj, names, given);
    const table = this.records(obj);
    const at = table.findIndex((r) => r.Id === id);
    if (at < 0) throw new OrgFault('ENTITY_IS_DELETED', `no ${obj.name} with Id ${id}`);
    return setFields(this.writable(table, at), checked);
  }

  /**
   * Writes the same fields (names, or fields of `obj` already looked up) into records of `obj`
   * (records of its table, as `records` or `byId` gave them), checked once before any is written, as
   * `update` would for each Id in turn.
   */
  updateRecords(
    obj: ObjectDef,
    records: readonly FlowRecord[],
    fields: readonly (string | FieldDef)[],
    values: readonly FlowValue[]
  ): void {
    if (!records.length) return;
    const checked = this.validated(obj, fields, values);
    const table = this.records(obj);
    for (const rec of records) setFields(this.writable(table, table.indexOf(rec)), checked);
  }

  /**
   * A record of this org as a flow may keep it (a Get Records result): a copy when this org may
   * change the record in place later, else the record itself, which this org copies before writing
   * (`writable`). The flow never writes a record it holds in place (../references.ts compileTarget
   * copies), so the copy made per lookup of a base org's record was garbage (issue 15).
   */
  snapshot(rec: FlowRecord): FlowRecord {
    return this.owned.has(rec) ? copyFields(newRecord(), rec) : rec;
  }

  /** The record at `at` of a table, copied into this org first when a base org owns it. */
  private writable(table: FlowRecord[], at: number): FlowRecord {
    let rec = table[at];
    if (!this.owned.has(rec)) {
      rec = copyFields(newRecord(), rec);
      table[at] = rec;
      this.owned.add(rec);
    }
    return rec;
  }

  /** Records per object, to find what an interview created (tables only grow by insert). */
  sizes(): Map<string, number> {
    const m = new Map<string, number>();
    for (const [k, v] of this.tables) m.set(k, v.length);
    return m;
  }

  /** Records inserted since `sizes()` was taken. */
  insertedSince(sizes: Map<string, number>): { object: string; record: FlowRecord }[] {
    const out: { object: string; record: FlowRecord }[] = [];
    for (const [k, v] of this.tables)
      for (let i = sizes.get(k) ?? 0; i < v.length; i++) out.push({ object: k, record: v[i] });
    return out;
  }

  byId(id: string): { object: ObjectDef; record: FlowRecord } | undefined {
    for (const def of objectsByPrefix(this.schema).get(id.slice(0, 3)) ?? []) {
      for (const r of this.records(def)) if (r.Id === id) return { object: def, record: r };
    }
    return undefined;
  }
}
