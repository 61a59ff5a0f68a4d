/** Get Records: filters with filter logic, sort, limit, first record or all, and the ways to store the result. */
import type { FlowValue, RecordLookupNode } from '../model';
import { fieldOf } from '../interview';
import { copyFields, newRecord } from '../org';
import type { ElementHandler } from './types';

export const runRecordLookup: ElementHandler<RecordLookupNode> = (node, iv) => {
  const { org } = iv;
  const obj = org.object(node.object);
  const values = iv.filterValues(node.filters);
  let found = iv.matchRecords(obj, node.filters, node.filterLogic, values);
  if (node.sortField) {
    const sf = org.field(obj, node.sortField).name;
    const dir = node.sortOrder === 'Desc' ? -1 : 1;
    found = found.slice().sort((a, b) => {
      const x = a[sf];
      const y = b[sf];
      return (
        (x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1) * dir
      );
    });
  }
  if (node.limit) {
    const lim = Number(iv.evaluate(node.limit));
    if (Number.isFinite(lim) && lim >= 0) found = found.slice(0, lim);
  }
  const first = found[0] ? copyFields(newRecord(), found[0]) : null;
  const result: FlowValue = node.getFirstRecordOnly ? first : found.map((r) => copyFields(newRecord(), r));
  if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, result);
  // A single-record variable as outputReference takes the first record, as Flow stores it.
  if (node.outputReference)
    iv.assign(
      node.outputReference,
      iv.flow.variables.get(node.outputReference)?.isCollection === false ? first : result
    );
  for (const o of node.outputAssignments) {
    if (first) iv.assign(o.target, fieldOf(first, org.field(obj, o.field).name));
    else if (node.assignNullValuesIfNoRecordsFound) iv.assign(o.target, null);
  }
  // The filter texts are built only when tracing: a replay runs with tracing off (issue 15).
  if (iv.tracing)
    iv.trace({
      type: 'lookup',
      element: node.name,
      label: node.label,
      object: obj.name,
      filters: iv.filterText(obj, node.filters, values),
      found: found.length,
      firstId: first ? String(first.Id) : null
    });
  return node.next;
};
