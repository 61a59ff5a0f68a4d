/**
 * Update Records on the session being routed (Id = recordId): every input variable into its
 * MessagingSession custom field. This is the last link of the naming chain (docs/architecture.md).
 */
import type { HandoffModel } from '../../model/types';
import { ref } from './elements';
import type { FlowGraph } from './graph';
import { FLOW_ELEMENTS as E, RECORD_ID } from './names';

export function addSessionUpdate(graph: FlowGraph, model: HandoffModel, next: string, fault: string): string {
  if (model.attributes.length === 0) return next;
  return graph.add({
    kind: 'recordUpdates',
    name: E.updateSession,
    label: 'Update Messaging Session',
    description: 'Writes every pre-chat input into its MessagingSession field (the agent sees them on the session).',
    object: 'MessagingSession',
    filters: [{ field: 'Id', operator: 'EqualTo', value: ref(RECORD_ID) }],
    inputAssignments: model.attributes.map((a) => ({
      field: a.field.apiName,
      value: ref(a.name)
    })),
    connector: next,
    faultConnector: fault
  });
}
