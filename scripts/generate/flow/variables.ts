/**
 * The flow's inputs: `recordId` (the MessagingSession Id, set by Omni-Channel) and one String input
 * per attribute, named exactly as the channel's actionParameterName (the model's `name`), so the
 * channel's parameter mapping binds by name. Pre-chat values are always Strings in the flow.
 */
import type { HandoffModel } from '../../model/types';
import type { FlowGraph } from './graph';
import { RECORD_ID } from './names';

export function addInputVariables(graph: FlowGraph, model: HandoffModel): void {
  graph.addVariable({
    name: RECORD_ID,
    description: 'Id of the MessagingSession being routed (set by Omni-Channel).',
    dataType: 'String',
    isInput: true
  });
  for (const a of model.attributes) {
    graph.addVariable({
      name: a.name,
      description: `Pre-chat value of "${a.key}" (${a.label}); written to MessagingSession.${a.field.apiName}.`,
      dataType: 'String',
      isInput: true
    });
  }
}
