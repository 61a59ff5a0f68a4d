/**
 * One handler per flow element kind the simulator runs (docs/simulate.md lists what each does). A
 * kind the loader keeps as `unsupported` stops the run with the element's name and line.
 */
import type { FlowNode } from '../model';
import type { Interview } from '../interview';
import { runActionCall } from './actionCall';
import { runAssignment } from './assignment';
import { runCollectionProcessor } from './collectionProcessor';
import { runDecision } from './decision';
import { runLoop } from './loop';
import { runRecordCreate } from './recordCreate';
import { runRecordLookup } from './recordLookup';
import { runRecordUpdate } from './recordUpdate';
import { runScreen } from './screen';
import { subflowHandler } from './subflow';
import type { ElementHandler } from './types';
import { runWait } from './wait';

type Handlers = { [K in FlowNode['kind']]: ElementHandler<Extract<FlowNode, { kind: K }>> };

export const ELEMENT_HANDLERS: Handlers = {
  assignment: runAssignment,
  decision: runDecision,
  recordLookup: runRecordLookup,
  recordUpdate: runRecordUpdate,
  recordCreate: runRecordCreate,
  actionCall: runActionCall,
  loop: runLoop,
  collectionProcessor: runCollectionProcessor,
  subflow: subflowHandler((node, iv) => runElement(node, iv)),
  wait: runWait,
  screen: runScreen,
  unsupported: (node, iv) =>
    iv.fail(`the flow reaches <${node.tag}> ${node.name}, an element type the simulator does not run`)
};

/** Runs one element with the handler for its kind. */
export function runElement(node: FlowNode, iv: Interview): string | undefined {
  iv.line = node.line;
  return (ELEMENT_HANDLERS[node.kind] as ElementHandler)(node, iv);
}
