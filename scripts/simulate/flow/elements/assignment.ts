/** Assignment elements: Assign, Add (text, number, collection), AddItem, Subtract, AssignCount. */
import type { AssignmentNode, FlowValue } from '../model';
import type { Interview } from '../interview';
import { plain } from '../interview';
import { refReader, targetWriter, valueReader } from '../references';
import { compiledHandler, type ElementCompiler } from './types';

/** What an operator makes of the target's current value and the item's value. */
type Operation = (current: FlowValue, value: FlowValue) => FlowValue;

const OPERATIONS: Record<string, Operation> = {
  Add: (current, value) => {
    if (Array.isArray(current)) return [...current, ...(Array.isArray(value) ? value : [value])];
    if (typeof current === 'number' || typeof value === 'number') return Number(current ?? 0) + Number(value ?? 0);
    return `${current ?? ''}${value ?? ''}`;
  },
  AddItem: (current, value) => [...(Array.isArray(current) ? current : []), value],
  Subtract: (current, value) => Number(current ?? 0) - Number(value ?? 0),
  AssignCount: (_, value) => (Array.isArray(value) ? value.length : value === null ? 0 : 1)
};

export const compileAssignment: ElementCompiler<AssignmentNode> = (node, flow, tracing) => {
  const items = node.items.map((it) => {
    const assign = it.operator === 'Assign';
    const operation = Object.hasOwn(OPERATIONS, it.operator) ? OPERATIONS[it.operator] : undefined;
    return {
      it,
      line: it.line,
      value: valueReader(flow, it.value),
      // Assign reads nothing; the other operators read the target first.
      current: assign ? undefined : refReader(flow, it.target),
      operation,
      unknown: !assign && !operation,
      write: targetWriter(flow, it.target)
    };
  });
  const { next } = node;
  return (iv: Interview) => {
    const traced: { target: string; operator: string; value: FlowValue }[] | undefined = tracing ? [] : undefined;
    for (const { it, line, value, current, operation, unknown, write } of items) {
      iv.line = line;
      const v = value(iv);
      const cur = current ? current(iv) : null;
      if (unknown) iv.fail(`${node.name}: the assignment operator ${it.operator} is not simulated`);
      const result = operation ? operation(cur, v) : v;
      write(iv, result);
      traced?.push({ target: it.target, operator: it.operator, value: plain(result) });
    }
    if (traced) iv.trace({ type: 'assignment', element: node.name, label: node.label, items: traced });
    return next;
  };
};

export const runAssignment = compiledHandler(compileAssignment);
