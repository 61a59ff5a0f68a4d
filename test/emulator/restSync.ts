/**
 * The records the org derives from its metadata, kept in step with the metadata components in the
 * state (however they got there: a deploy through the SOAP API, or a test putting them directly).
 * Before every REST/Tooling call the emulator re-derives PermissionSet, FieldPermissions,
 * SetupEntityAccess, Group (queues), QueueSobject, QueueRoutingConfig, ServicePresenceStatus,
 * MessagingChannel, EmbeddedServiceConfig, FieldDefinition, Flow and FlowDefinition rows.
 * Ids stay stable across syncs; org-side state that metadata does not carry (MessagingChannel.IsActive,
 * which flow version is active) is kept. Derived rows carry `_derived` (never sent to clients).
 */
import { child, children, parseXml, textOf, type XmlNode } from '../../scripts/xml/read';
import type { MetadataComponent, OrgState, SObjectRecord } from './state';

const parsed = new WeakMap<MetadataComponent, XmlNode>();

/** The component's XML, parsed once per stored version. */
export function xmlOf(c: MetadataComponent): XmlNode {
  let node = parsed.get(c);
  if (!node) {
    node = parseXml(c.xml);
    parsed.set(c, node);
  }
  return node;
}

/** Replaces the derived rows of one type with `rows`, matched by `key` so Ids survive a re-sync. */
function syncDerived(
  state: OrgState,
  type: string,
  key: (r: Record<string, unknown>) => string,
  rows: Array<Record<string, unknown>>
): void {
  const table = state.table(type);
  const existing = new Map<string, SObjectRecord>();
  for (const r of table.values()) if (r._derived) existing.set(key(r), r);
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    seen.add(k);
    const old = existing.get(k);
    if (old) Object.assign(old, row);
    else state.insert(type, { ...row, _derived: true, CreatedDate: new Date().toISOString() });
  }
  for (const [k, r] of existing) if (!seen.has(k)) table.delete(r.Id);
}

const byName = (field: string) => (r: Record<string, unknown>) => String(r[field]);

interface FlowVersion {
  xml: string;
  id: string;
  version: number;
}
/** Flow versions per state: every distinct XML deployed becomes a new version, as in an org. */
const flowVersions = new WeakMap<OrgState, Map<string, FlowVersion[]>>();

/** MessagingSession fields from CustomField components, or from CustomObject components' `<fields>`. */
function sessionFields(state: OrgState): Array<{ name: string; type: string; length?: number }> {
  const out: Array<{ name: string; type: string; length?: number }> = [];
  for (const c of state.components('CustomField')) {
    const [obj, field] = c.fullName.split('.');
    if (obj !== 'MessagingSession') continue;
    const x = xmlOf(c);
    out.push({
      name: field,
      type: textOf(x, 'type') ?? 'Text',
      length: Number(textOf(x, 'length') ?? '') || undefined
    });
  }
  const obj = state.component('CustomObject', 'MessagingSession');
  if (obj) {
    for (const f of children(xmlOf(obj), 'fields')) {
      const name = textOf(f, 'fullName');
      if (name && !out.some((o) => o.name === name))
        out.push({ name, type: textOf(f, 'type') ?? 'Text', length: Number(textOf(f, 'length') ?? '') || undefined });
    }
  }
  return out;
}

export function syncFromMetadata(state: OrgState): void {
  // Presence statuses and routing configurations first: permission sets and queues point at them.
  syncDerived(
    state,
    'ServicePresenceStatus',
    byName('DeveloperName'),
    state
      .components('ServicePresenceStatus')
      .map((c) => ({ DeveloperName: c.fullName, MasterLabel: textOf(xmlOf(c), 'label') ?? c.fullName }))
  );
  syncDerived(
    state,
    'QueueRoutingConfig',
    byName('DeveloperName'),
    state
      .components('QueueRoutingConfig')
      .map((c) => ({ DeveloperName: c.fullName, MasterLabel: textOf(xmlOf(c), 'label') ?? c.fullName }))
  );
  const statusId = new Map(state.find('ServicePresenceStatus').map((r) => [r.DeveloperName as string, r.Id]));
  const routingId = new Map(state.find('QueueRoutingConfig').map((r) => [r.DeveloperName as string, r.Id]));

  const permSets = state.components('PermissionSet');
  syncDerived(
    state,
    'PermissionSet',
    byName('Name'),
    permSets.map((c) => ({ Name: c.fullName, Label: textOf(xmlOf(c), 'label') ?? c.fullName, IsOwnedByProfile: false }))
  );
  const psId = new Map(state.find('PermissionSet').map((r) => [r.Name as string, r.Id]));
  const fieldPerms: Array<Record<string, unknown>> = [];
  const access: Array<Record<string, unknown>> = [];
  for (const c of permSets) {
    const parentId = psId.get(c.fullName);
    for (const fp of children(xmlOf(c), 'fieldPermissions')) {
      const field = textOf(fp, 'field') ?? '';
      fieldPerms.push({
        ParentId: parentId,
        SobjectType: field.split('.')[0],
        Field: field,
        PermissionsRead: textOf(fp, 'readable') === 'true',
        PermissionsEdit: textOf(fp, 'editable') === 'true'
      });
    }
    for (const sa of children(xmlOf(c), 'servicePresenceStatusAccesses')) {
      const id = statusId.get(textOf(sa, 'servicePresenceStatus') ?? '');
      if (id) access.push({ ParentId: parentId, SetupEntityId: id, SetupEntityType: 'ServicePresenceStatus' });
    }
  }
  syncDerived(state, 'FieldPermissions', (r) => `${r.ParentId}:${r.Field}`, fieldPerms);
  syncDerived(state, 'SetupEntityAccess', (r) => `${r.ParentId}:${r.SetupEntityId}`, access);

  const queues = state.components('Queue');
  syncDerived(
    state,
    'Group',
    byName('DeveloperName'),
    queues.map((c) => ({
      DeveloperName: c.fullName,
      Name: textOf(xmlOf(c), 'name') ?? c.fullName,
      Type: 'Queue',
      QueueRoutingConfigId: routingId.get(textOf(xmlOf(c), 'queueRoutingConfig') ?? '') ?? null
    }))
  );
  const groupId = new Map(state.find('Group').map((r) => [r.DeveloperName as string, r.Id]));
  syncDerived(
    state,
    'QueueSobject',
    (r) => `${r.QueueId}:${r.SobjectType}`,
    queues.flatMap((c) =>
      children(xmlOf(c), 'queueSobject').map((q) => ({
        QueueId: groupId.get(c.fullName),
        SobjectType: textOf(q, 'sobjectType')
      }))
    )
  );

  // IsActive is org state, not metadata: a deployed channel comes up inactive (docs/architecture.md, "Platform facts").
  syncDerived(
    state,
    'MessagingChannel',
    byName('DeveloperName'),
    state.components('MessagingChannel').map((c) => {
      const old = state.find('MessagingChannel', { DeveloperName: c.fullName })[0];
      return {
        DeveloperName: c.fullName,
        MasterLabel: textOf(xmlOf(c), 'masterLabel') ?? c.fullName,
        MessageType: 'EmbeddedMessaging',
        IsActive: old?.IsActive ?? false
      };
    })
  );
  syncDerived(
    state,
    'EmbeddedServiceConfig',
    byName('DeveloperName'),
    state
      .components('EmbeddedServiceConfig')
      .map((c) => ({ DeveloperName: c.fullName, MasterLabel: textOf(xmlOf(c), 'masterLabel') ?? c.fullName }))
  );
  syncDerived(
    state,
    'FieldDefinition',
    byName('QualifiedApiName'),
    sessionFields(state).map((f) => ({
      DurableId: `MessagingSession.${f.name}`,
      QualifiedApiName: f.name,
      DeveloperName: f.name.replace(/__c$/, ''),
      DataType: f.type,
      Length: f.length ?? null,
      EntityDefinition: { attributes: { type: 'EntityDefinition' }, QualifiedApiName: 'MessagingSession' }
    }))
  );
  syncFlows(state);
}

function syncFlows(state: OrgState): void {
  let versions = flowVersions.get(state);
  if (!versions) {
    versions = new Map();
    flowVersions.set(state, versions);
  }
  for (const c of state.components('Flow')) {
    const list = versions.get(c.fullName) ?? [];
    versions.set(c.fullName, list);
    if (list.length && list[list.length - 1].xml === c.xml) continue;
    let def = state.find('FlowDefinition', { DeveloperName: c.fullName })[0];
    if (!def)
      def = state.insert('FlowDefinition', {
        DeveloperName: c.fullName,
        MasterLabel: c.fullName,
        ActiveVersionId: null,
        LatestVersionId: null
      });
    const version = list.length + 1;
    const x = xmlOf(c);
    const active = textOf(x, 'status') === 'Active';
    const rec = state.insert('Flow', {
      DefinitionId: def.Id,
      VersionNumber: version,
      Status: active ? 'Active' : 'Draft',
      MasterLabel: textOf(x, 'label') ?? c.fullName,
      ProcessType: textOf(x, 'processType') ?? null,
      Metadata: flowMetadataJson(x)
    });
    list.push({ xml: c.xml, id: rec.Id, version });
    def.LatestVersionId = rec.Id;
    if (active) activateFlowVersion(state, def, rec);
  }
}

function activateFlowVersion(state: OrgState, def: SObjectRecord, version: SObjectRecord | undefined): void {
  for (const v of state.find('Flow', { DefinitionId: def.Id })) {
    if (v.Status === 'Active' && v !== version) v.Status = 'Obsolete';
  }
  if (version) version.Status = 'Active';
  def.ActiveVersionId = version?.Id ?? null;
}

/** Activates a version of a flow by number, or deactivates it with 0 (Tooling PATCH FlowDefinition). */
export function setActiveFlowVersion(state: OrgState, definitionId: string, versionNumber: number): boolean {
  const def = state.table('FlowDefinition').get(definitionId);
  if (!def) return false;
  if (versionNumber === 0) {
    activateFlowVersion(state, def, undefined);
    return true;
  }
  const v = state.find('Flow', { DefinitionId: def.Id, VersionNumber: versionNumber })[0];
  if (!v) return false;
  activateFlowVersion(state, def, v);
  return true;
}

/**
 * The Tooling API's `Flow.Metadata`: the flow's metadata as JSON. Simplified: every element type is a
 * list of objects, leaves are strings; enough for doctor's comparison and the MIAW emulation.
 */
export function flowMetadataJson(node: XmlNode): Record<string, unknown> {
  const toValue = (n: XmlNode): unknown => {
    if (!n.children.length) return n.text.trim();
    const o: Record<string, unknown> = {};
    for (const c of n.children) {
      const v = toValue(c);
      if (o[c.local] === undefined) o[c.local] = v;
      else if (Array.isArray(o[c.local])) (o[c.local] as unknown[]).push(v);
      else o[c.local] = [o[c.local], v];
    }
    return o;
  };
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    const v = toValue(c);
    if (c.children.length) ((out[c.local] ??= []) as unknown[]).push(v);
    else out[c.local] = v;
  }
  return out;
}

/** `field ← variable` pairs of the flow's Update Records on MessagingSession (for the MIAW emulation). */
export function sessionAssignments(flow: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of children(flow, 'recordUpdates')) {
    if (textOf(u, 'object') !== 'MessagingSession') continue;
    for (const a of children(u, 'inputAssignments')) {
      const ref = child(a, 'value') && textOf(child(a, 'value')!, 'elementReference');
      const field = textOf(a, 'field');
      if (ref && field) out.set(ref, field);
    }
  }
  return out;
}

/** The XML of a flow's active version, as deployed (for the emulator's routing run). */
export function activeFlowXml(state: OrgState, flowName: string): string | undefined {
  syncFromMetadata(state);
  const def = state.find('FlowDefinition', { DeveloperName: flowName })[0];
  const id = def?.ActiveVersionId;
  return id
    ? flowVersions
        .get(state)
        ?.get(flowName)
        ?.find((v) => v.id === id)?.xml
    : undefined;
}
