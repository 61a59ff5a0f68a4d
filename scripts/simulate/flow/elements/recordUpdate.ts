/** Update Records: the records a filter selects, or the record a variable holds (by its Id). */
import type { FlowValue, RecordUpdateNode } from '../model';
import { plain } from '../interview';
import { OrgFault, type ObjectDef } from '../org';
import type { ElementHandler } from './types';

export const runRecordUpdate: ElementHandler<RecordUpdateNode> = (node, iv) => {
  const { org } = iv;
  const values = iv.recordValues(node.inputAssignments);
  let obj: ObjectDef;
  let ids: string[];
  if (node.inputReference) {
    const rec = iv.recordFromReference(node.inputReference);
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
    const fv = iv.filterValues(node.filters);
    ids = iv.matchRecords(obj, node.filters, node.filterLogic, fv).map((r) => String(r.Id));
    // Validate the fields even when nothing matches: the platform rejects a bad field on save.
    for (const [f] of values) org.field(obj, f);
  }
  for (const id of ids) org.update(obj.name, id, values);
  if (iv.tracing) {
    const fields: Record<string, FlowValue> = {};
    for (const [k, v] of values) fields[org.field(obj, k).name] = plain(v);
    iv.trace({ type: 'update', element: node.name, label: node.label, object: obj.name, ids, fields });
  }
  return node.next;
};
