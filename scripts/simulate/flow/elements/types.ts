/**
 * The contract of an element handler, and of an element compiled once per flow (issue 15): its
 * references resolved and its closures made at compile time, so running it is one call. Tracing is
 * a compile-time option: an untraced run builds no trace data at all.
 */
import type { Interview } from '../interview';
import type { CompiledFlow, FlowNode } from '../model';

/** Runs `node`; returns the name of the next element (undefined ends the interview). OrgFault = runtime fault. */
export type ElementHandler<N extends FlowNode = FlowNode> = (node: N, iv: Interview) => string | undefined;

/** A compiled element: runs it in an interview, returns the next element's name. */
export type Run = (iv: Interview) => string | undefined;

/** Compiles an element of `flow`; must not throw (a mistake in the element fails when a run reaches it). */
export type ElementCompiler<N extends FlowNode = FlowNode> = (node: N, flow: CompiledFlow, tracing: boolean) => Run;

/** An element kind whose handler is not compiled further (elements replays rarely reach). */
export const asIs =
  <N extends FlowNode>(handler: ElementHandler<N>): ElementCompiler<N> =>
  (node) =>
  (iv) =>
    handler(node, iv);

/**
 * The handler of a compiled element kind: compiles the node against the interview's flow on first
 * use (once per node and tracing mode), then runs it.
 */
export function compiledHandler<N extends FlowNode>(compile: ElementCompiler<N>): ElementHandler<N> {
  const compiled = new WeakMap<N, [Run | undefined, Run | undefined]>();
  return (node, iv) => {
    let runs = compiled.get(node);
    if (!runs) compiled.set(node, (runs = [undefined, undefined]));
    const at = iv.tracing ? 1 : 0;
    return (runs[at] ??= compile(node, iv.flow, iv.tracing))(iv);
  };
}
