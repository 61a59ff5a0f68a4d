/** Update Records: the records a filter selects, or the record a variable holds (by its Id). */
import type { FlowRecord, FlowValue, RecordUpdateNode } from '../model';
import { plain } from '../interview';
import { OrgFault, type FieldDef, type ObjectDef } from '../org';
import { compileAssignments, compileQuery, objectLookup } from '../query';
import { compiledHandler, type ElementCompiler } from './types';

export const compileRecordUpdate: ElementCompiler<RecordUpdateNode> = (node, flow, tracing) => {
  const assigned = compileAssignments(flow, node.inputAssignments);
  const fields = node.inputAssignments.map((a) => a.field);
  const objectOf = objectLookup(node.object ?? '');
  const query = compileQuery(flow, node.filters, node.filterLogic);
  const inputReference = node.inputReference;
  // The assigned fields depend only on the object: kept for the last one (an element names one).
  let fieldsFor: ObjectDef | undefined;
  let defs: FieldDef[] = [];
  const { next } = node;
  return (iv) => {
    const { org } = iv;
    const values = assigned(iv);
    let names: (string | FieldDef)[];
    let obj: ObjectDef;
    let records: readonly FlowRecord[];
    if (inputReference) {
      names = fields.slice();
      const rec = iv.recordFromReference(inputReference);
      const id = rec.Id;
      if (typeof id !== 'string' || !id)
        throw new OrgFault('MISSING_ARGUMENT', `${inputReference} has no Id to update`);
      const hit = org.byId(id);
      if (!hit) throw new OrgFault('ENTITY_IS_DELETED', `no record with Id ${id}`);
      obj = hit.object;
      records = [hit.record];
      // for-in, not Object.entries: the same keys in the same order (records inherit no enumerable
      // key: ../org.ts copyFields), without a [key, value] pair per field (issue 15).
      for (const k in rec) {
        const v = rec[k];
        if (k !== 'Id' && org.field(obj, k).writable && v !== hit.record[k]) {
          names.push(k);
          values.push(v);
        }
      }
    } else {
      obj = objectOf(org);
      records = query.select(iv, obj, query.values(iv));
      // Validate the fields even when nothing matches: the platform rejects a bad field on save.
      if (obj !== fieldsFor) {
        defs = fields.map((f) => org.field(obj, f));
        fieldsFor = obj;
      }
      names = defs;
    }
    org.updateRecords(obj, records, names, values);
    if (tracing) {
      const traced: Record<string, FlowValue> = {};
      for (let i = 0; i < names.length; i++) {
        const f = names[i];
        traced[typeof f === 'string' ? org.field(obj, f).name : f.name] = plain(values[i]);
      }
      iv.trace({
        type: 'update',
        element: node.name,
        label: node.label,
        object: obj.name,
        ids: records.map((r) => String(r.Id)),
        fields: traced
      });
    }
    return next;
  };
};

export const runRecordUpdate = compiledHandler(compileRecordUpdate);
