/**
 * The explain report's data: what the HTML page, the markdown comment and `--json` all show. One
 * shape, built once (data.ts), so the three renderings cannot disagree.
 */

/** Where a link's verdict came from: the offline validator or the live org (doctor). */
export interface LinkFinding {
  source: 'validate' | 'doctor';
  /** validate rule id or doctor check id. */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

export type LinkStep = 'parameter' | 'prechat' | 'mapping' | 'variable' | 'field' | 'access';

/** One link of the chain: the name found at that step (or undefined when it is missing) and its verdict. */
export interface ChainLink {
  step: LinkStep;
  /** What the step is called, for reading (`channel parameter`, …). */
  title: string;
  value?: string;
  ok: boolean;
  /** False when an earlier link has no name to follow: this one could not be looked up. */
  reached: boolean;
  findings: LinkFinding[];
}

export interface ChainRow {
  /** The vendor key, verbatim. */
  key: string;
  label: string;
  /** The one API name derived from the key. */
  name: string;
  standard?: string;
  links: ChainLink[];
  /** Set when the name was shortened or de-duplicated (naming/naming.ts), with why. */
  naming?: { reason: 'truncated' | 'collision' | 'reserved' | 'empty'; detail: string };
  /** True when the row comes from the channel file only (no attribute in the config). */
  notInConfig?: boolean;
}

export type FlowNodeKind =
  | 'start'
  | 'decision'
  | 'routeWork'
  | 'case'
  | 'endConversation'
  | 'lookup'
  | 'update'
  | 'create'
  | 'assignment'
  | 'action'
  | 'other';

export interface FlowNodeInfo {
  name: string;
  label: string;
  kind: FlowNodeKind;
  /** What the element is, in words (`Decision`, `Route Work`, …). */
  kindLabel: string;
}

export type FlowEdgeKind = 'next' | 'outcome' | 'default' | 'fault';

export interface FlowEdgeInfo {
  from: string;
  to: string;
  kind: FlowEdgeKind;
  /** The decision outcome label, or `fault`. */
  label?: string;
}

/** Where each node and edge sits on the drawing (layout.ts). */
export interface FlowLayout {
  width: number;
  height: number;
  nodes: Record<string, { x: number; y: number; width: number; height: number }>;
  /** Same order as FlowGraph.edges. */
  edges: { points: { x: number; y: number }[] }[];
}

export interface FlowGraph {
  apiName: string;
  label: string;
  file: string;
  fallbackQueue: string;
  nodes: FlowNodeInfo[];
  edges: FlowEdgeInfo[];
  layout: FlowLayout;
}

export interface PayloadPath {
  /** The payload file as given. */
  source: string;
  /** Elements run, in order (the first is the flow's start). */
  elements: string[];
  /** Indexes into FlowGraph.edges that the run followed, in order. */
  edges: number[];
  outcome: string;
  outcomeKind: 'routed' | 'case' | 'dropped';
  keys: { sent: number; accepted: number; dropped: { key: string; reason: string }[] };
}

export interface Change {
  area: 'attribute' | 'rule' | 'queue' | 'flow' | 'routing';
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  text: string;
}

export interface ExplainReport {
  title: string;
  project: { vendor: string; channel: string; deployment: string; flow: string; config: string };
  chain: ChainRow[];
  flow: FlowGraph;
  payloads: PayloadPath[];
  /** Findings not tied to one attribute (flow, queues, settings…). */
  otherFindings: LinkFinding[];
  counts: { attributes: number; brokenAttributes: number; findings: number; doctorChecks?: number };
  doctor?: { ran: boolean; failed: number; warnings: number; passed: number };
  changes?: { base: string; items: Change[] };
}
