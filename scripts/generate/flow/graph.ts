/**
 * The flow under construction: its variables and nodes by name. Sections add to it and return the
 * name of their first element, so the flow is assembled back to front (each section is told where to
 * go next and where faults go). Names are checked here once: unique, internal prefix, length.
 */
import { isValidApiName } from '../../naming/naming';
import { targetsOf, type FlowNodeSpec, type FlowVariableSpec } from './elements';
import { FLOW_INTERNAL_PREFIX, MAX_FLOW_NAME } from './names';

export class FlowGraph {
  readonly variables = new Map<string, FlowVariableSpec>();
  readonly nodes = new Map<string, FlowNodeSpec>();
  private readonly taken = new Set<string>();

  addVariable(v: FlowVariableSpec): string {
    this.claim(v.name, false);
    this.variables.set(v.name, v);
    return v.name;
  }

  /** Adds a node (and claims its decision outcome names) and returns its name. */
  add(node: FlowNodeSpec): string {
    this.claim(node.name, true);
    if (node.kind === 'decisions') for (const r of node.rules) this.claim(r.name, true);
    this.nodes.set(node.name, node);
    return node.name;
  }

  /** Self-check of the finished graph: every connector target exists and every element is reachable from `start`. */
  verify(start: string): void {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length > 0) {
      const name = todo.pop()!;
      if (seen.has(name)) continue;
      const node = this.nodes.get(name);
      if (!node) throw new Error(`internal: flow connector to missing element "${name}"`);
      seen.add(name);
      todo.push(...targetsOf(node));
    }
    const orphans = [...this.nodes.keys()].filter((n) => !seen.has(n));
    if (orphans.length > 0) throw new Error(`internal: flow elements not reachable from start: ${orphans.join(', ')}`);
  }

  /** Flow names are case-insensitive and share one namespace across elements, outcomes and resources. */
  private claim(name: string, internal: boolean): void {
    if (!isValidApiName(name, MAX_FLOW_NAME)) throw new Error(`internal: "${name}" is not a valid flow API name`);
    if (internal && !name.startsWith(FLOW_INTERNAL_PREFIX))
      throw new Error(`internal: flow element "${name}" lacks the ${FLOW_INTERNAL_PREFIX} prefix`);
    const key = name.toLowerCase();
    if (this.taken.has(key)) throw new Error(`internal: flow name "${name}" is used twice`);
    this.taken.add(key);
  }
}
