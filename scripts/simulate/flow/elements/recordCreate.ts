/** Create Records: from field assignments or from a record variable; the new Id goes where the element says. */
import type { FlowValue, RecordCreateNode } from '../model';
import { plain } from '../interview';
import type { ElementHandler } from './types';

export const runRecordCreate: ElementHandler<RecordCreateNode> = (node, iv) => {
  const { org, flow } = iv;
  let values: [string, FlowValue][];
  let objectName: string;
  if (node.inputReference) {
    const rec = iv.recordFromReference(node.inputReference);
    const v = flow.variables.get(node.inputReference.split('.')[0]);
    objectName = v?.objectType ?? iv.fail(`${node.name}: ${node.inputReference} has no objectType`);
    values = Object.entries(rec).filter(([k]) => k !== 'Id');
  } else {
    objectName = node.object ?? iv.fail(`${node.name} has neither <object> nor <inputReference>`);
    values = iv.recordValues(node.inputAssignments);
  }
  const rec = org.insert(objectName, values);
  const id = String(rec.Id);
  if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, id);
  if (node.assignRecordIdToReference) iv.assign(node.assignRecordIdToReference, id);
  if (node.inputReference) iv.assign(`${node.inputReference}.Id`, id);
  if (iv.tracing) {
    const fields: Record<string, FlowValue> = {};
    for (const [k, v] of values) fields[org.field(org.object(objectName), k).name] = plain(v);
    iv.trace({
      type: 'create',
      element: node.name,
      label: node.label,
      object: org.object(objectName).name,
      id,
      fields
    });
  }
  return node.next;
};
