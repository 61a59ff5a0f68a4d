/**
 * Lays the flow graph out with dagre (@dagrejs/dagre): a layered (Sugiyama) layout for directed
 * graphs, synchronous and pure JavaScript, which is what a routing flow is. elkjs was the other
 * candidate; its API is asynchronous and ships a GWT-compiled engine several times larger, for
 * port and compound-node features a flow does not need.
 */
import * as dagre from '@dagrejs/dagre';
import type { FlowEdgeInfo, FlowLayout, FlowNodeInfo } from './types';

/** Node boxes are sized from their text: about 7 px per character at the page's 12 px font. */
const CHAR_WIDTH = 7;
const NODE_HEIGHT = 46;
const MIN_WIDTH = 120;
const MAX_WIDTH = 260;

export function nodeWidth(n: FlowNodeInfo): number {
  const longest = Math.max(n.label.length, n.kindLabel.length + 2);
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest * CHAR_WIDTH + 24));
}

export function layoutFlow(nodes: FlowNodeInfo[], edges: FlowEdgeInfo[]): FlowLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.name, { width: nodeWidth(n), height: NODE_HEIGHT });
  edges.forEach((e, i) => g.setEdge(e.from, e.to, { weight: e.kind === 'fault' ? 1 : 2, minlen: 1 }, `e${i}`));
  dagre.layout(g);
  const out: FlowLayout = {
    width: Math.ceil(g.graph().width ?? 0),
    height: Math.ceil(g.graph().height ?? 0),
    nodes: {},
    edges: []
  };
  for (const n of nodes) {
    const p = g.node(n.name);
    // dagre gives centres; the drawing wants top-left corners.
    out.nodes[n.name] = {
      x: Math.round(p.x - p.width / 2),
      y: Math.round(p.y - p.height / 2),
      width: p.width,
      height: p.height
    };
  }
  edges.forEach((e, i) => {
    const pts = g.edge({ v: e.from, w: e.to, name: `e${i}` }).points ?? [];
    out.edges.push({ points: pts.map((p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) })) });
  });
  return out;
}
