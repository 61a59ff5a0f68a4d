/** Every connector of a compiled flow must land on one of its elements: a dangling one would not deploy. */
import type { FlowNode } from './model';

export interface DanglingConnector {
  /** What the connector leaves from, for the message (`<start>`, `rule R of D`, `the fault path of X`). */
  from: string;
  target: string;
  line: number;
}

/** The first connector (start, then nodes in file order) whose target is not a node, if any. */
export function danglingConnector(
  start: string | undefined,
  startLine: number,
  nodes: Map<string, FlowNode>
): DanglingConnector | undefined {
  const links: { from: string; target: string | undefined; line: number }[] = [
    { from: '<start>', target: start, line: startLine }
  ];
  for (const node of nodes.values()) {
    if (node.kind === 'decision') {
      for (const r of node.rules) links.push({ from: `rule ${r.name} of ${node.name}`, target: r.next, line: r.line });
      links.push({ from: `the default outcome of ${node.name}`, target: node.defaultNext, line: node.line });
    } else if (node.kind === 'loop') {
      links.push({ from: `the next value of ${node.name}`, target: node.nextValue, line: node.line });
      links.push({ from: `the end of ${node.name}`, target: node.noMoreValues, line: node.line });
    } else if (node.kind === 'wait') {
      for (const e of node.events)
        links.push({ from: `event ${e.name} of ${node.name}`, target: e.next, line: node.line });
      links.push({ from: `the default path of ${node.name}`, target: node.defaultNext, line: node.line });
      links.push({ from: `the fault path of ${node.name}`, target: node.fault, line: node.line });
    } else if (node.kind !== 'unsupported' && node.kind !== 'screen') {
      links.push({ from: node.name, target: node.next, line: node.line });
      if ('fault' in node) links.push({ from: `the fault path of ${node.name}`, target: node.fault, line: node.line });
    }
  }
  const bad = links.find((l) => l.target !== undefined && !nodes.has(l.target));
  return bad ? { from: bad.from, target: bad.target!, line: bad.line } : undefined;
}
