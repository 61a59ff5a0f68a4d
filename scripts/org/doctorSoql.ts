/**
 * Small helpers shared by seed and doctor for talking to the org through jsforce: SOQL literals,
 * bounded pagination, and tolerant readers for Metadata API read results (jsforce returns single
 * children as objects, lists as arrays, and booleans/numbers as strings for types it has no schema for).
 */
import type { Connection } from 'jsforce';

/** A SOQL string literal with quotes and backslashes escaped. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `('a', 'b')` for an IN clause; callers never pass an empty list. */
export function soqlList(values: readonly string[]): string {
  return `(${values.map(soqlString).join(', ')})`;
}

/** Pages a query result can span before we give up: 50 × 2,000 rows is far beyond any hand-off setup. */
const MAX_PAGES = 50;

interface QueryPage<T> {
  records: T[];
  done: boolean;
  nextRecordsUrl?: string;
}

/**
 * What seed, doctor and smoke need of a connection: every call goes through `call` (connect.ts:
 * timeout, bounded retries, one re-authorisation), so `OrgSession` fits, and so does a bare wrapper.
 */
export interface OrgCaller {
  call<T>(label: string, fn: (conn: Connection) => Promise<T>): Promise<T>;
}

/** An OrgCaller over a bare connection (no retries): for scripts and tests that build their own. */
export function bareCaller(conn: Connection): OrgCaller {
  return { call: (_label, fn) => fn(conn) };
}

interface QueryApi {
  query(soql: string, options?: { autoFetch?: boolean }): PromiseLike<unknown>;
  queryMore(locator: string): PromiseLike<unknown>;
}

/**
 * Runs a query and follows `nextRecordsUrl` until done (one call per page, at most MAX_PAGES), so
 * the number of calls grows only with the number of 2,000-row pages, never with one call per record.
 */
export async function queryAll<T>(org: OrgCaller, soql: string, tooling = false): Promise<T[]> {
  const api = (c: Connection): QueryApi => (tooling ? c.tooling : c) as unknown as QueryApi;
  const label = `${tooling ? 'Tooling ' : ''}query ${/FROM\s+(\w+)/i.exec(soql)?.[1] ?? ''}`;
  const records: T[] = [];
  let page = (await org.call(label, async (c) => await api(c).query(soql, { autoFetch: false }))) as QueryPage<T>;
  records.push(...page.records);
  for (let n = 1; !page.done && page.nextRecordsUrl; n++) {
    if (n >= MAX_PAGES) throw new Error(`The query returned more than ${MAX_PAGES} pages: ${soql.slice(0, 80)}…`);
    const next = page.nextRecordsUrl;
    page = (await org.call(label, async (c) => await api(c).queryMore(next))) as QueryPage<T>;
    records.push(...page.records);
  }
  return records;
}

/** Splits a list into slices of at most `size` (sObject Collections take 200 records a call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A metadata child that may be missing, one object, or a list → always a list. */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** `true`/`'true'` → true; everything else false. */
export function asBool(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * The text of a metadata value: a plain string, or xml2js's `{ _: text, $: attrs }` when the element
 * carried attributes (custom metadata `<value xsi:type="xsd:string">`); nil and missing → undefined.
 */
export function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { _?: unknown; $?: Record<string, string> };
    if (v.$ && v.$['xsi:nil'] === 'true') return undefined;
    if (v._ !== undefined) return String(v._);
    if (v.$) return '';
  }
  return undefined;
}

/** A metadata read of a component that does not exist comes back as an object with no fullName. */
export function exists(component: unknown): component is Record<string, unknown> {
  return (
    !!component && typeof component === 'object' && typeof (component as { fullName?: unknown }).fullName === 'string'
  );
}

/** One record's answer from sObject Collections (create, update, upsert). */
export interface SaveResult {
  id?: string;
  success: boolean;
  errors?: Array<{ message?: string; statusCode?: string } | string>;
}

/** The first error of a failed save, as `STATUS_CODE: message`. */
export function saveError(r: SaveResult): string {
  const e = r.errors?.[0];
  if (!e) return 'unknown error';
  return typeof e === 'string' ? e : `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}`.trim();
}

/** True when a save failed on a unique key: the record (or one like it) is already there. */
export function isDuplicate(r: SaveResult): boolean {
  return (r.errors ?? []).some((e) => (typeof e === 'string' ? e : (e.statusCode ?? '')).includes('DUPLICATE_VALUE'));
}

/**
 * A Collections create retried after its answer was lost meets what the first call wrote
 * (`DUPLICATE_VALUE`). Reads those records back (one query over the records' own fields) and turns each
 * duplicate that is now in the org into a success; the others stay failures.
 */
export async function settleDuplicates(
  org: OrgCaller,
  type: string,
  records: ReadonlyArray<Record<string, string>>,
  results: SaveResult[]
): Promise<SaveResult[]> {
  const dup = results.map((r, i) => (!r.success && isDuplicate(r) ? i : -1)).filter((i) => i >= 0);
  if (!dup.length) return results;
  const keys = Object.keys(records[dup[0]]);
  const where = keys.map((k) => `${k} IN ${soqlList([...new Set(dup.map((i) => records[i][k]))])}`).join(' AND ');
  const rows = await queryAll<Record<string, string>>(org, `SELECT ${keys.join(', ')} FROM ${type} WHERE ${where}`);
  const key = (r: Record<string, string>): string => keys.map((k) => r[k]).join('\0');
  const have = new Set(rows.map(key));
  return results.map((r, i) =>
    dup.includes(i) && have.has(key(records[i])) ? { ...r, success: true, errors: [] } : r
  );
}

/** Full names a readMetadata call takes: "Limit: 10" (200 for CustomMetadata), Metadata API Developer Guide, readMetadata(). */
export const READ_LIMIT = 10;

/**
 * Metadata API reads of several components of one type, 10 a call (READ_LIMIT): full name → component,
 * undefined for a component the org does not have. Matched by fullName, not by position.
 */
export async function readMetaMany(
  org: OrgCaller,
  type: string,
  fullNames: readonly string[]
): Promise<Map<string, Record<string, unknown> | undefined>> {
  const out = new Map<string, Record<string, unknown> | undefined>(fullNames.map((n) => [n, undefined]));
  for (const names of chunk(fullNames, READ_LIMIT)) {
    const res = await org.call(`Metadata read ${type}`, (conn) => {
      const read = conn.metadata.read as unknown as (this: unknown, t: string, n: string[]) => Promise<unknown>;
      return read.call(conn.metadata, type, names);
    });
    for (const c of asArray(res as unknown[]))
      if (exists(c) && out.has(c.fullName as string)) out.set(c.fullName as string, c);
  }
  return out;
}

/** One Metadata API read; undefined when the org has no such component. */
export async function readMeta(
  org: OrgCaller,
  type: string,
  fullName: string
): Promise<Record<string, unknown> | undefined> {
  return (await readMetaMany(org, type, [fullName])).get(fullName);
}
