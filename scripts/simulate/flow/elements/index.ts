/**
 * One handler per flow element kind the simulator runs (docs/simulate.md lists what each does), and
 * its compiler: the kinds a routing flow runs on every payload are compiled once per flow (issue 15),
 * the others run their handler as is. A kind the loader keeps as `unsupported` stops the run with
 * the element's name and line.
 */
import type { CompiledFlow, FlowNode } from '../model';
import type { Interview } from '../interview';
import { compileActionCall, runActionCall } from './actionCall';
import { compileAssignment, runAssignment } from './assignment';
import { runCollectionProcessor } from './collectionProcessor';
import { compileDecision, runDecision } from './decision';
import { runLoop } from './loop';
import { compileRecordCreate, runRecordCreate } from './recordCreate';
import { compileRecordLookup, runRecordLookup } from './recordLookup';
import { compileRecordUpdate, runRecordUpdate } from './recordUpdate';
import { runScreen } from './screen';
import { subflowHandler } from './subflow';
import { asIs, type ElementCompiler, type ElementHandler, type Run } from './types';
import { runWait } from './wait';

type Kinds<T extends 'handler' | 'compiler'> = {
  [K in FlowNode['kind']]: T extends 'handler'
    ? ElementHandler<Extract<FlowNode, { kind: K }>>
    : ElementCompiler<Extract<FlowNode, { kind: K }>>;
};

const runUnsupported: ElementHandler<Extract<FlowNode, { kind: 'unsupported' }>> = (node, iv) =>
  iv.fail(`the flow reaches <${node.tag}> ${node.name}, an element type the simulator does not run`);
const runSubflow = subflowHandler((node, iv) => runElement(node, iv));

export const ELEMENT_HANDLERS: Kinds<'handler'> = {
  assignment: runAssignment,
  decision: runDecision,
  recordLookup: runRecordLookup,
  recordUpdate: runRecordUpdate,
  recordCreate: runRecordCreate,
  actionCall: runActionCall,
  loop: runLoop,
  collectionProcessor: runCollectionProcessor,
  subflow: runSubflow,
  wait: runWait,
  screen: runScreen,
  unsupported: runUnsupported
};

const ELEMENT_COMPILERS: Kinds<'compiler'> = {
  assignment: compileAssignment,
  decision: compileDecision,
  recordLookup: compileRecordLookup,
  recordUpdate: compileRecordUpdate,
  recordCreate: compileRecordCreate,
  actionCall: compileActionCall,
  loop: asIs(runLoop),
  collectionProcessor: asIs(runCollectionProcessor),
  subflow: asIs(runSubflow),
  wait: asIs(runWait),
  screen: asIs(runScreen),
  unsupported: asIs(runUnsupported)
};

/** Compiles one element of `flow` (the interpreter compiles every element once per flow). */
export function compileElement(node: FlowNode, flow: CompiledFlow, tracing: boolean): Run {
  return (ELEMENT_COMPILERS[node.kind] as ElementCompiler)(node, flow, tracing);
}

/** Runs one element with the handler for its kind. */
export function runElement(node: FlowNode, iv: Interview): string | undefined {
  iv.line = node.line;
  return (ELEMENT_HANDLERS[node.kind] as ElementHandler)(node, iv);
}
