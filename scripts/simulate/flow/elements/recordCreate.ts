/** Create Records: from field assignments or from a record variable; the new Id goes where the element says. */
import type { FlowValue, RecordCreateNode } from '../model';
import { plain } from '../interview';
import { compileAssignments } from '../query';
import { targetWriter } from '../references';
import { compiledHandler, type ElementCompiler } from './types';

export const compileRecordCreate: ElementCompiler<RecordCreateNode> = (node, flow, tracing) => {
  const assigned = compileAssignments(flow, node.inputAssignments);
  const idTarget = node.assignRecordIdToReference ? targetWriter(flow, node.assignRecordIdToReference) : undefined;
  const recordIdTarget = node.inputReference ? targetWriter(flow, `${node.inputReference}.Id`) : undefined;
  return (iv) => {
    const { org } = iv;
    let values: [string, FlowValue][];
    let objectName: string;
    if (node.inputReference) {
      const rec = iv.recordFromReference(node.inputReference);
      const v = flow.variables.get(node.inputReference.split('.')[0]);
      objectName = v?.objectType ?? iv.fail(`${node.name}: ${node.inputReference} has no objectType`);
      values = Object.entries(rec).filter(([k]) => k !== 'Id');
    } else {
      objectName = node.object ?? iv.fail(`${node.name} has neither <object> nor <inputReference>`);
      const given = assigned(iv);
      values = node.inputAssignments.map((a, i) => [a.field, given[i]]);
    }
    const rec = org.insert(objectName, values);
    const id = String(rec.Id);
    if (node.storeOutputAutomatically) iv.elementOutputs.set(node.name, id);
    if (idTarget) idTarget(iv, id);
    if (recordIdTarget) recordIdTarget(iv, id);
    if (tracing) {
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
};

export const runRecordCreate = compiledHandler(compileRecordCreate);
