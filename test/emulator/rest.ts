/**
 * REST data and Tooling API of the emulated org: query (the SOQL subset of restSoql.ts, 2,000 rows a
 * page), sObjects CRUD, sObject Collections (create, update, upsert) and Tooling query and PATCH.
 * Records derived from metadata are re-synced before every call (restSync.ts). Register with
 * `OrgEmulator.start({ plugins: [registerRest] })`.
 */
import type { OrgEmulator } from './server';
import { json, restError, type EmuRequest, type EmuResponse, type HandlerContext } from './router';
import type { OrgState, SObjectRecord } from './state';
import { matches, parseSoql, SoqlError, type SoqlQuery } from './restSoql';
import { setActiveFlowVersion, syncFromMetadata } from './restSync';
import { ROUTING_OBJECTS, syncRouting, validateRoutingInsert } from './routing';

/** Rows per query page, as Salesforce's default batch size. */
export const PAGE_SIZE = 2000;

const API = /^\/services\/data\/v(\d+\.\d)(\/tooling)?(\/.*)$/;

/** Objects queryable without a deployed definition (standard and setup objects). */
const STANDARD_OBJECTS = new Set([
  'User',
  'Group',
  'QueueSobject',
  'QueueRoutingConfig',
  'PermissionSet',
  'PermissionSetAssignment',
  'FieldPermissions',
  'SetupEntityAccess',
  'ServicePresenceStatus',
  'MessagingChannel',
  'MessagingSession',
  'MessagingEndUser',
  'Conversation',
  'EmbeddedServiceConfig',
  'Case',
  'Contact',
  'Account',
  'FieldDefinition',
  'EntityDefinition',
  'Flow',
  'FlowDefinition',
  'Organization',
  ...ROUTING_OBJECTS
]);

/** Fields a REST client never sees (emulator bookkeeping). */
function visible(key: string): boolean {
  return !key.startsWith('_');
}

function knownType(state: OrgState, type: string): boolean {
  if (STANDARD_OBJECTS.has(type)) return true;
  if (state.records.has(type) && state.table(type).size > 0) return true;
  return !!state.component('CustomObject', type);
}

function findById(state: OrgState, id: unknown): SObjectRecord | undefined {
  if (typeof id !== 'string') return undefined;
  for (const table of state.records.values()) {
    const r = table.get(id);
    if (r) return r;
  }
  return undefined;
}

function ownKey(rec: Record<string, unknown>, name: string): string | undefined {
  if (name in rec) return name;
  const lower = name.toLowerCase();
  return Object.keys(rec).find((k) => k.toLowerCase() === lower);
}

/** Resolves `A.B.c` through nested objects or lookups (`AId`, `X__r` → `X__c`). */
export function getPath(state: OrgState, rec: Record<string, unknown> | undefined, path: string): unknown {
  let cur: Record<string, unknown> | undefined = rec;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (!cur) return undefined;
    const p = parts[i];
    const last = i === parts.length - 1;
    const k = ownKey(cur, p);
    const v = k ? cur[k] : undefined;
    if (last) return v;
    if (v && typeof v === 'object') {
      cur = v as Record<string, unknown>;
      continue;
    }
    const fk = ownKey(cur, p.endsWith('__r') ? p.replace(/__r$/, '__c') : `${p}Id`);
    cur = fk ? findById(state, cur[fk]) : undefined;
  }
  return undefined;
}

function project(state: OrgState, rec: SObjectRecord, fields: string[], type: string): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type, url: `/services/data/v66.0/sobjects/${type}/${rec.Id}` } };
  for (const f of fields) {
    const parts = f.split('.');
    let target = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const rel = getPath(state, rec, parts.slice(0, i + 1).join('.'));
      const relType = rel && typeof rel === 'object' ? ((rel as SObjectRecord).attributes?.type ?? parts[i]) : parts[i];
      target[parts[i]] ??= { attributes: { type: relType } };
      target = target[parts[i]] as Record<string, unknown>;
    }
    const v = getPath(state, rec, f);
    target[parts[parts.length - 1]] = v === undefined ? null : v;
  }
  return out;
}

/** Query cursors left to page through: locator → remaining rows. */
const cursors = new WeakMap<OrgState, Map<string, Array<Record<string, unknown>>>>();
let cursorSeq = 0;

function page(state: OrgState, rows: Array<Record<string, unknown>>, base: string, total: number): EmuResponse {
  if (rows.length <= PAGE_SIZE) return json(200, { totalSize: total, done: true, records: rows });
  let map = cursors.get(state);
  if (!map) cursors.set(state, (map = new Map()));
  const locator = `01g${String(++cursorSeq).padStart(15, '0')}-${PAGE_SIZE}`;
  map.set(locator, rows.slice(PAGE_SIZE));
  return json(200, {
    totalSize: total,
    done: false,
    nextRecordsUrl: `${base}/query/${locator}`,
    records: rows.slice(0, PAGE_SIZE)
  });
}

export function runQuery(state: OrgState, q: SoqlQuery): Array<Record<string, unknown>> {
  if (!knownType(state, q.from)) throw new SoqlError(`INVALID_TYPE:sObject type '${q.from}' is not supported.`);
  let rows = [...state.table(q.from).values()].filter((r) =>
    q.where.every((c) => matches(c, getPath(state, r, c.path)))
  );
  if (q.orderBy) {
    const { path, desc } = q.orderBy;
    rows = rows.sort((a, b) => {
      const x = getPath(state, a, path) as string | number;
      const y = getPath(state, b, path) as string | number;
      return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
    });
  }
  if (q.limit !== undefined) rows = rows.slice(0, q.limit);
  return rows.map((r) => project(state, r, q.fields, q.from));
}

function queryHandler(req: EmuRequest, state: OrgState, base: string, rest: string): EmuResponse | undefined {
  if (req.method !== 'GET') return undefined;
  const more = /^\/query\/([\w-]+)$/.exec(rest);
  if (more) {
    const remaining = cursors.get(state)?.get(more[1]);
    if (!remaining) return restError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    cursors.get(state)!.delete(more[1]);
    return page(state, remaining, base, remaining.length);
  }
  if (rest !== '/query' && rest !== '/query/') return undefined;
  const soql = req.query.get('q') ?? '';
  try {
    const rows = runQuery(state, parseSoql(soql));
    return page(state, rows, base, rows.length);
  } catch (e) {
    if (!(e instanceof SoqlError)) throw e;
    const [code, message] = e.message.startsWith('INVALID_TYPE:')
      ? ['INVALID_TYPE', e.message.slice(13)]
      : ['MALFORMED_QUERY', e.message];
    return restError(400, code, message);
  }
}

type SaveResult = {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
};

const ok = (id: string, created?: boolean): SaveResult => ({
  id,
  success: true,
  errors: [],
  ...(created === undefined ? {} : { created })
});
const err = (statusCode: string, message: string): SaveResult => ({
  success: false,
  errors: [{ statusCode, message, fields: [] }]
});

/** Checks the emulator enforces on inserts, as the org would. */
function validateInsert(state: OrgState, type: string, fields: Record<string, unknown>): SaveResult | undefined {
  const routing = validateRoutingInsert(state, type, fields);
  if (routing) return routing;
  if (type === 'PermissionSetAssignment') {
    const user = findById(state, fields.AssigneeId);
    if (!user || user.attributes?.type !== 'User')
      return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id: AssigneeId');
    if (!state.table('PermissionSet').has(String(fields.PermissionSetId)))
      return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id: PermissionSetId');
    if (
      state.find('PermissionSetAssignment', { AssigneeId: fields.AssigneeId, PermissionSetId: fields.PermissionSetId })
        .length
    ) {
      return err('DUPLICATE_VALUE', 'Duplicate PermissionSetAssignment');
    }
  }
  if (
    type === 'SetupEntityAccess' &&
    state.find('SetupEntityAccess', { ParentId: fields.ParentId, SetupEntityId: fields.SetupEntityId }).length
  ) {
    return err('DUPLICATE_VALUE', 'duplicate value found: SetupEntityId');
  }
  return undefined;
}

function insert(state: OrgState, type: string, fields: Record<string, unknown>): SaveResult {
  const { attributes: _a, ...rest } = fields;
  if (!knownType(state, type)) return err('INVALID_TYPE', `sObject type '${type}' is not supported`);
  const invalid = validateInsert(state, type, rest);
  if (invalid) return invalid;
  return ok(state.insert(type, { CreatedDate: new Date().toISOString(), ...rest }).Id);
}

function sobjectsHandler(req: EmuRequest, state: OrgState, rest: string, tooling: boolean): EmuResponse | undefined {
  const one = /^\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(rest);
  if (one) {
    const [, type, id] = one;
    if (!id && req.method === 'POST') {
      const r = insert(state, type, req.json<Record<string, unknown>>());
      return r.success
        ? json(201, r)
        : json(
            400,
            r.errors.map((e) => ({ errorCode: e.statusCode, message: e.message, fields: [] }))
          );
    }
    if (!id) return undefined;
    const rec = state.table(type).get(id);
    if (!rec) return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (req.method === 'GET') {
      const out: Record<string, unknown> = { attributes: { type } };
      for (const [k, v] of Object.entries(rec)) if (visible(k) && k !== 'attributes') out[k] = v;
      return json(200, out);
    }
    if (req.method === 'PATCH') {
      const body = req.json<Record<string, unknown>>();
      // Tooling: FlowDefinition activation is `{ Metadata: { activeVersionNumber } }`.
      if (tooling && type === 'FlowDefinition' && body.Metadata && typeof body.Metadata === 'object') {
        const n = Number((body.Metadata as { activeVersionNumber?: unknown }).activeVersionNumber ?? 0);
        if (!setActiveFlowVersion(state, id, n)) return restError(400, 'FIELD_INTEGRITY_EXCEPTION', `No version ${n}`);
        return { status: 204 };
      }
      const { attributes: _a, Id: _i, ...fields } = body;
      state.update(type, id, fields);
      return { status: 204 };
    }
    if (req.method === 'DELETE') {
      state.table(type).delete(id);
      return { status: 204 };
    }
    return undefined;
  }
  const upsertMany = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(rest);
  if (upsertMany && req.method === 'PATCH') {
    const [, type, extId] = upsertMany;
    const body = req.json<{ records: Array<Record<string, unknown>> }>();
    if (body.records.length > 200)
      return restError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call'
      );
    return json(
      200,
      body.records.map((r) => {
        const { attributes: _a, ...fields } = r;
        const res = state.upsert(type, extId, fields);
        return ok(res.record.Id, res.created);
      })
    );
  }
  if (rest === '/composite/sobjects' && (req.method === 'POST' || req.method === 'PATCH')) {
    const body = req.json<{ allOrNone?: boolean; records: Array<Record<string, unknown>> }>();
    if (body.records.length > 200)
      return restError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call'
      );
    if (req.method === 'POST') {
      return json(
        200,
        body.records.map((r) => insert(state, String((r.attributes as { type?: string })?.type), r))
      );
    }
    return json(
      200,
      body.records.map((r) => {
        const { attributes, Id, ...fields } = r as { attributes?: { type?: string }; Id?: string } & Record<
          string,
          unknown
        >;
        const rec = Id ? state.update(String(attributes?.type), Id, fields) : undefined;
        return rec ? ok(rec.Id) : err('ENTITY_IS_DELETED', 'entity is deleted');
      })
    );
  }
  return undefined;
}

export function restHandler(req: EmuRequest, { state }: HandlerContext): EmuResponse | undefined {
  const m = API.exec(req.path);
  if (!m) return undefined;
  const [, version, tooling, rest] = m;
  if (/^\/(query|sobjects|composite\/sobjects)/.test(rest)) {
    syncFromMetadata(state);
    syncRouting(state);
  }
  const base = `/services/data/v${version}${tooling ?? ''}`;
  return queryHandler(req, state, base, rest) ?? sobjectsHandler(req, state, rest, !!tooling);
}

export function registerRest(emu: OrgEmulator): void {
  if (!emu.state.table('Organization').size)
    emu.state.insert('Organization', { Id: emu.state.orgId, Name: 'Handoff Emulator' });
  emu.router.register('rest', restHandler);
}

/** Requests that change the org: REST/Tooling writes and Metadata API writes (for idempotence tests). */
export function isWrite(entry: { method: string; path: string; soapOperation?: string }): boolean {
  if (entry.soapOperation) return /^(create|update|upsert|delete|rename)Metadata$|^deploy$/.test(entry.soapOperation);
  return entry.path.startsWith('/services/data/') && ['POST', 'PATCH', 'PUT', 'DELETE'].includes(entry.method);
}
