/** Get Records: filters with filter logic, sort, limit, first record or all, and the ways to store the result. */
import type { FlowValue, RecordLookupNode } from '../model';
import { compileQuery, objectLookup } from '../query';
import { fieldOf, targetWriter, valueReader } from '../references';
import { outputSlot } from '../variables';
import { compiledHandler, type ElementCompiler } from './types';

export const compileRecordLookup: ElementCompiler<RecordLookupNode> = (node, flow, tracing) => {
  const objectOf = objectLookup(node.object);
  const query = compileQuery(flow, node.filters, node.filterLogic);
  const limit = node.limit ? valueReader(flow, node.limit) : undefined;
  const output = node.outputReference
    ? {
        write: targetWriter(flow, node.outputReference),
        // A single-record variable as outputReference takes the first record, as Flow stores it.
        firstOnly: flow.variables.get(node.outputReference)?.isCollection === false
      }
    : undefined;
  const assignments = node.outputAssignments.map((o) => ({ field: o.field, write: targetWriter(flow, o.target) }));
  const outputAt = outputSlot(flow, node.name);
  // The node's settings as constants of the closure: no property loads of a node per run (issue 15).
  const { sortField, sortOrder, getFirstRecordOnly, storeOutputAutomatically, assignNullValuesIfNoRecordsFound, next } =
    node;
  return (iv) => {
    const { org } = iv;
    const obj = objectOf(org);
    const values = query.values(iv);
    let found = query.select(iv, obj, values);
    if (sortField) {
      const sf = org.field(obj, sortField).name;
      const dir = sortOrder === 'Desc' ? -1 : 1;
      found = found.slice().sort((a, b) => {
        const x = a[sf];
        const y = b[sf];
        return (
          (x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1) * dir
        );
      });
    }
    if (limit) {
      const lim = Number(limit(iv));
      if (Number.isFinite(lim) && lim >= 0) found = found.slice(0, lim);
    }
    // Stored records are snapshots: later DML does not change what the flow holds (Org.snapshot).
    const all = getFirstRecordOnly ? undefined : found.map((r) => org.snapshot(r));
    const first = !found[0] ? null : all ? all[0] : org.snapshot(found[0]);
    const result: FlowValue = all ?? first;
    if (storeOutputAutomatically) iv.elementOutputs.setAt(outputAt!, result);
    if (output) output.write(iv, output.firstOnly ? first : result);
    for (const o of assignments) {
      if (first) o.write(iv, fieldOf(first, org.field(obj, o.field).name));
      else if (assignNullValuesIfNoRecordsFound) o.write(iv, null);
    }
    // The filter texts are built only when tracing.
    if (tracing)
      iv.trace({
        type: 'lookup',
        element: node.name,
        label: node.label,
        object: obj.name,
        filters: query.text(obj, values),
        found: found.length,
        firstId: first ? String(first.Id) : null
      });
    return next;
  };
};

export const runRecordLookup = compiledHandler(compileRecordLookup);
