/**
 * Object and field permissions for sessions issued to an External Client App's Run-As user: what
 * the org lets that user read and write, from the permission sets assigned to it. Admin sessions
 * (every other token) pass through untouched, so the rest of the emulator keeps its behaviour.
 * Register before `registerRest` so the guard sees requests first.
 *
 * Evidence for the answers (REST API, as seen in public reports):
 * - no API Enabled: 403 `API_DISABLED_FOR_ORG` "API is not enabled for this Organization or Partner";
 * - SOQL on an object the user cannot read: 400 `INVALID_TYPE` "sObject type 'X' is not supported";
 * - SOQL on a field without field-level security: 400 `INVALID_FIELD` "No such column 'F' on entity 'X'"
 *   (fields without FLS are invisible, docs/architecture.md, "Field-level security");
 * - create/update of a field without edit: 400 `INVALID_FIELD_FOR_INSERT_UPDATE` "Unable to
 *   create/update fields: F. Please check the security settings of this field…";
 * - create/update without the object permission: `INSUFFICIENT_ACCESS_OR_READONLY` (wording unverified).
 * Fields with no FLS of their own (required and system fields) come from model/integration.ts.
 */
import { children, textOf } from '../../scripts/xml/read';
import { ALWAYS_ACCESSIBLE } from '../../scripts/model/integration';
import { sessionUser } from './externalClientApps';
import { parseSoql, SoqlError } from './restSoql';
import { syncFromMetadata, xmlOf } from './restSync';
import type { EmuResponse, Handler } from './router';
import { json, restError } from './router';
import type { OrgEmulator } from './server';
import type { OrgState } from './state';

interface Grants {
  api: boolean;
  objects: Map<string, { read: boolean; create: boolean; edit: boolean }>;
  fields: Map<string, { read: boolean; edit: boolean }>;
  customMetadata: Set<string>;
}

const SYSTEM_FIELDS = [
  'Id',
  'Name',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'OwnerId'
];

/** The union of the user's assigned permission sets. */
export function grantsOf(state: OrgState, userId: string): Grants {
  syncFromMetadata(state);
  const g: Grants = { api: false, objects: new Map(), fields: new Map(), customMetadata: new Set() };
  const psIds = new Set(state.find('PermissionSetAssignment', { AssigneeId: userId }).map((a) => a.PermissionSetId));
  for (const ps of state.find('PermissionSet')) {
    if (!psIds.has(ps.Id)) continue;
    const c = state.component('PermissionSet', String(ps.Name));
    if (!c) continue;
    const x = xmlOf(c);
    for (const u of children(x, 'userPermissions'))
      if (textOf(u, 'name') === 'ApiEnabled' && textOf(u, 'enabled') === 'true') g.api = true;
    for (const o of children(x, 'objectPermissions')) {
      const name = textOf(o, 'object') ?? '';
      const had = g.objects.get(name) ?? { read: false, create: false, edit: false };
      g.objects.set(name, {
        read: had.read || textOf(o, 'allowRead') === 'true',
        create: had.create || textOf(o, 'allowCreate') === 'true',
        edit: had.edit || textOf(o, 'allowEdit') === 'true'
      });
    }
    for (const f of children(x, 'fieldPermissions')) {
      const name = textOf(f, 'field') ?? '';
      const had = g.fields.get(name) ?? { read: false, edit: false };
      g.fields.set(name, {
        read: had.read || textOf(f, 'readable') === 'true',
        edit: had.edit || textOf(f, 'editable') === 'true'
      });
    }
    for (const m of children(x, 'customMetadataTypeAccesses'))
      if (textOf(m, 'enabled') === 'true') g.customMetadata.add(textOf(m, 'name') ?? '');
  }
  return g;
}

function noFls(object: string, field: string): boolean {
  const own = (ALWAYS_ACCESSIBLE as Record<string, readonly string[]>)[object] ?? [];
  return [...SYSTEM_FIELDS, ...own].some((f) => f.toLowerCase() === field.toLowerCase());
}

function canReadObject(g: Grants, object: string): boolean {
  return object.endsWith('__mdt') ? g.customMetadata.has(object) : !!g.objects.get(object)?.read;
}

function canReadField(g: Grants, object: string, field: string): boolean {
  return noFls(object, field) || !!g.fields.get(`${object}.${field}`)?.read;
}

const invalidType = (object: string): EmuResponse =>
  restError(
    400,
    'INVALID_TYPE',
    `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`
  );

function queryGuard(g: Grants, soql: string): EmuResponse | undefined {
  let q;
  try {
    q = parseSoql(soql);
  } catch (e) {
    if (e instanceof SoqlError) return undefined; // the query handler reports it
    throw e;
  }
  if (!canReadObject(g, q.from)) return invalidType(q.from);
  if (q.from.endsWith('__mdt')) return undefined;
  for (const path of [...q.fields, ...q.where.map((w) => w.path)]) {
    const field = path.split('.')[0].replace(/__r$/, '__c');
    const asId = path.includes('.') && !field.endsWith('__c') ? `${field}Id` : field;
    if (!canReadField(g, q.from, asId))
      return restError(
        400,
        'INVALID_FIELD',
        `No such column '${field}' on entity '${q.from}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
      );
  }
  return undefined;
}

function writeGuard(g: Grants, object: string, fields: string[], creating: boolean): EmuResponse | undefined {
  const o = g.objects.get(object);
  if (!(creating ? o?.create : o?.edit))
    return restError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object ${object}`);
  const denied = fields.filter((f) => f !== 'attributes' && !noFls(object, f) && !g.fields.get(`${object}.${f}`)?.edit);
  if (denied.length)
    return json(400, [
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${denied.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields: denied
      }
    ]);
  return undefined;
}

const API = /^\/services\/data\/v\d+\.\d(\/.*)$/;

export const accessGuard: Handler = (req, { state }) => {
  const userId = sessionUser(state, req.sessionId);
  if (!userId) return undefined;
  const m = API.exec(req.path);
  if (!m) return undefined;
  const g = grantsOf(state, userId);
  if (!g.api) return restError(403, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner');
  const rest = m[1];
  if (req.method === 'GET' && (rest === '/query' || rest === '/query/')) return queryGuard(g, req.query.get('q') ?? '');
  const one = /^\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(rest);
  if (!one) return undefined;
  const [, object, id] = one;
  if (req.method === 'POST' && !id)
    return writeGuard(g, object, Object.keys(req.json<Record<string, unknown>>()), true);
  if (req.method === 'PATCH' && id)
    return writeGuard(g, object, Object.keys(req.json<Record<string, unknown>>()), false);
  if (req.method === 'GET' && id) {
    if (!canReadObject(g, object)) return invalidType(object);
    const rec = state.table(object).get(id);
    if (!rec) return undefined;
    // Fields the user cannot read are left out of the record, as the org does.
    const out: Record<string, unknown> = { attributes: { type: object } };
    for (const [k, v] of Object.entries(rec))
      if (k !== 'attributes' && !k.startsWith('_') && canReadField(g, object, k)) out[k] = v;
    return json(200, out);
  }
  return undefined;
};

/** Plug-in: register before `registerRest`. */
export function registerAccess(emu: OrgEmulator): void {
  emu.router.register('access', accessGuard);
}
