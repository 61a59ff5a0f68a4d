/**
 * Loops: each visit takes the next item of the collection (read when the loop starts), assigns it
 * and follows the next-value connector; when the items run out the loop resets and follows the
 * no-more-values connector, so a later visit starts over, as Flow does.
 */
import type { FlowValue, LoopNode } from '../model';
import type { ElementHandler } from './types';

/** Loop position per interview and loop element. */
const positions = new WeakMap<object, Map<string, { items: FlowValue[]; next: number }>>();

export const runLoop: ElementHandler<LoopNode> = (node, iv) => {
  let state = positions.get(iv);
  if (!state) {
    state = new Map();
    positions.set(iv, state);
  }
  let pos = state.get(node.name);
  if (!pos) {
    const value = iv.resolve(node.collection);
    if (value !== null && !Array.isArray(value))
      iv.fail(`${node.name} loops over ${node.collection}, which is not a collection`);
    const items = Array.isArray(value) ? value.slice() : [];
    pos = { items: node.order === 'Desc' ? items.reverse() : items, next: 0 };
    state.set(node.name, pos);
  }
  if (pos.next >= pos.items.length) {
    state.delete(node.name);
    iv.trace({ type: 'loop', element: node.name, label: node.label, item: 0, of: pos.items.length });
    return node.noMoreValues;
  }
  const item = pos.items[pos.next++];
  if (node.assignTo) iv.assign(node.assignTo, item);
  else iv.elementOutputs.set(node.name, item);
  iv.trace({ type: 'loop', element: node.name, label: node.label, item: pos.next, of: pos.items.length });
  return node.nextValue;
};
