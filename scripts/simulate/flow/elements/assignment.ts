/** Assignment elements: Assign, Add (text, number, collection), AddItem, Subtract, AssignCount. */
import type { AssignmentNode, FlowValue } from '../model';
import { plain } from '../interview';
import type { ElementHandler } from './types';

export const runAssignment: ElementHandler<AssignmentNode> = (node, iv) => {
  const items: { target: string; operator: string; value: FlowValue }[] = [];
  for (const it of node.items) {
    iv.line = it.line;
    const value = iv.evaluate(it.value);
    let result: FlowValue = value;
    const current = it.operator === 'Assign' ? null : iv.resolve(it.target);
    switch (it.operator) {
      case 'Assign':
        break;
      case 'Add':
        if (Array.isArray(current)) result = [...current, ...(Array.isArray(value) ? value : [value])];
        else if (typeof current === 'number' || typeof value === 'number')
          result = Number(current ?? 0) + Number(value ?? 0);
        else result = `${current ?? ''}${value ?? ''}`;
        break;
      case 'AddItem':
        result = [...(Array.isArray(current) ? current : []), value];
        break;
      case 'Subtract':
        result = Number(current ?? 0) - Number(value ?? 0);
        break;
      case 'AssignCount':
        result = Array.isArray(value) ? value.length : value === null ? 0 : 1;
        break;
      default:
        iv.fail(`${node.name}: the assignment operator ${it.operator} is not simulated`);
    }
    iv.assign(it.target, result);
    if (iv.tracing) items.push({ target: it.target, operator: it.operator, value: plain(result) });
  }
  iv.trace({ type: 'assignment', element: node.name, label: node.label, items });
  return node.next;
};
