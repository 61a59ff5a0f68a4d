/**
 * `explain --base REF`: what changed since a git revision, in words. The config and the routing
 * flow file are read at REF with `git show`, resolved and compiled exactly as today's are, and the
 * two are compared: attributes (a key changed in place is a rename), routing rules, queues, the
 * default and fallback queues, and the flow's connectors (its paths).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { validateConfig } from '../config/validate';
import type { HandoffConfig } from '../config/types';
import { resolveModel } from '../model/resolve';
import type { HandoffModel, ResolvedAttribute, ResolvedRule } from '../model/types';
import { formatProblem, UserError } from '../project/errors';
import { JsonSyntaxError, parseJson } from '../project/json';
import { loadFlow } from '../simulate/flow/load';
import type { CompiledFlow } from '../simulate/flow/model';
import { flowGraph } from './flowGraph';
import type { Change, FlowEdgeInfo } from './types';

/** `git show REF:./file` from `cwd`, or undefined when the file did not exist at REF. */
function showAt(cwd: string, ref: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:./${file.split(path.sep).join('/')}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024
    });
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '');
    if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
    throw new UserError(
      `--base ${ref}: git cannot read ${file} there: ${stderr.trim().split('\n')[0] || (e as Error).message}`,
      ['Give a commit, branch or tag of this repository (e.g. --base HEAD~1 or --base origin/main).']
    );
  }
}

/** Checks REF names a commit, so a typo is one clear error rather than "file missing" everywhere. */
export function checkRef(cwd: string, ref: string): void {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'pipe' });
  } catch {
    throw new UserError(`--base ${ref}: not a commit of the git repository at ${cwd}`, [
      'Give a commit, branch or tag (e.g. --base HEAD~1 or --base origin/main); in CI fetch it first (fetch-depth: 0).'
    ]);
  }
}

function modelAt(cwd: string, ref: string, configFile: string): HandoffModel | undefined {
  const text = showAt(cwd, ref, configFile);
  if (text === undefined) return undefined;
  const shown = `${ref}:${configFile}`;
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new UserError(`${shown}: not valid JSON: ${e.message}`);
    throw e;
  }
  const problems = validateConfig(data, shown);
  if (problems.length)
    throw new UserError(
      `${shown} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
      problems.map(formatProblem)
    );
  return resolveModel(data as HandoffConfig);
}

const q = (s: string): string => JSON.stringify(s);

function describeRule(r: ResolvedRule): string {
  const v =
    r.operator === 'isBlank'
      ? ''
      : r.operator === 'in'
        ? ` [${r.values.map(q).join(', ')}]`
        : ` ${q(r.values[0] ?? '')}`;
  return `${r.attribute.key} ${r.operator}${v} → ${r.queue}`;
}

/** The properties of an attribute other than its key and the names derived from it. */
function shape(a: ResolvedAttribute): Record<string, unknown> {
  return {
    type: a.field.type,
    length: a.field.length,
    maxLength: a.maxLength,
    hidden: a.hidden,
    required: a.required,
    group: a.group
  };
}

/** Attribute renames: old API name → new, so flow elements named after an attribute follow it. */
type Renames = Map<string, string>;

function attributeChanges(before: HandoffModel, after: HandoffModel, renames: Renames): Change[] {
  const out: Change[] = [];
  const old = new Map(before.attributes.map((a) => [a.key, a]));
  const now = new Map(after.attributes.map((a) => [a.key, a]));
  const removed = before.attributes.filter((a) => !now.has(a.key));
  const added = after.attributes.filter((a) => !old.has(a.key));
  // A key removed and another added at the same place is a rename: say so, not "removed" and "added".
  for (const r of [...removed]) {
    const a = added.find((x) => x.order === r.order);
    if (!a) continue;
    removed.splice(removed.indexOf(r), 1);
    added.splice(added.indexOf(a), 1);
    if (r.name !== a.name) renames.set(r.name, a.name);
    const names = [
      r.name !== a.name ? `channel parameter and flow variable ${r.name} → ${a.name}` : '',
      r.field.apiName !== a.field.apiName
        ? `field MessagingSession.${r.field.apiName} → MessagingSession.${a.field.apiName}`
        : ''
    ].filter(Boolean);
    out.push({
      area: 'attribute',
      kind: 'renamed',
      text: `Attribute ${q(r.key)} renamed to ${q(a.key)}${names.length ? ` (${names.join('; ')})` : ''}`
    });
  }
  for (const r of removed)
    out.push({
      area: 'attribute',
      kind: 'removed',
      text: `Attribute ${q(r.key)} removed (field MessagingSession.${r.field.apiName})`
    });
  for (const a of added)
    out.push({
      area: 'attribute',
      kind: 'added',
      text: `Attribute ${q(a.key)} added (field MessagingSession.${a.field.apiName}, ${a.field.type})`
    });
  for (const a of after.attributes) {
    const b = old.get(a.key);
    if (!b) continue;
    const was = shape(b);
    const is = shape(a);
    const diffs = Object.keys(is)
      .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]))
      .map((k) => `${k} ${JSON.stringify(was[k])} → ${JSON.stringify(is[k])}`);
    if (b.name !== a.name) diffs.push(`API name ${b.name} → ${a.name}`);
    if (b.label !== a.label) diffs.push(`label ${q(b.label)} → ${q(a.label)}`);
    if (diffs.length)
      out.push({ area: 'attribute', kind: 'changed', text: `Attribute ${q(a.key)}: ${diffs.join(', ')}` });
  }
  return out;
}

function ruleChanges(before: HandoffModel, after: HandoffModel): Change[] {
  const out: Change[] = [];
  const was = before.rules.map(describeRule);
  const is = after.rules.map(describeRule);
  for (const r of was)
    if (!is.includes(r)) out.push({ area: 'rule', kind: 'removed', text: `Routing rule removed: ${r}` });
  for (const r of is) if (!was.includes(r)) out.push({ area: 'rule', kind: 'added', text: `Routing rule added: ${r}` });
  const kept = is.filter((r) => was.includes(r));
  const keptBefore = was.filter((r) => is.includes(r));
  if (kept.join('\n') !== keptBefore.join('\n'))
    out.push({
      area: 'rule',
      kind: 'changed',
      text: `Routing rules reordered: ${kept.map((r, i) => `${i + 1}. ${r}`).join('; ')}`
    });
  return out;
}

function queueChanges(before: HandoffModel, after: HandoffModel): Change[] {
  const out: Change[] = [];
  const old = new Map(before.queues.map((x) => [x.developerName, x]));
  const now = new Map(after.queues.map((x) => [x.developerName, x]));
  for (const [n, x] of old)
    if (!now.has(n)) out.push({ area: 'queue', kind: 'removed', text: `Queue ${n} (${q(x.label)}) removed` });
  for (const [n, x] of now) {
    const b = old.get(n);
    if (!b) {
      out.push({
        area: 'queue',
        kind: 'added',
        text: `Queue ${n} (${q(x.label)}) added, routing ${x.routingConfig.model}`
      });
      continue;
    }
    const diffs: string[] = [];
    if (b.label !== x.label) diffs.push(`label ${q(b.label)} → ${q(x.label)}`);
    for (const k of ['model', 'priority', 'capacityWeight', 'pushTimeout'] as const)
      if (b.routingConfig[k] !== x.routingConfig[k]) diffs.push(`${k} ${b.routingConfig[k]} → ${x.routingConfig[k]}`);
    if (diffs.length) out.push({ area: 'queue', kind: 'changed', text: `Queue ${n}: ${diffs.join(', ')}` });
  }
  const routing: Change[] = [];
  if (before.defaultQueue !== after.defaultQueue)
    routing.push({
      area: 'routing',
      kind: 'changed',
      text: `Default queue ${before.defaultQueue} → ${after.defaultQueue}`
    });
  if (before.fallback.queue !== after.fallback.queue)
    routing.push({
      area: 'routing',
      kind: 'changed',
      text: `Fallback queue ${before.fallback.queue} → ${after.fallback.queue}`
    });
  if (before.fallback.whenNoAgent !== after.fallback.whenNoAgent)
    routing.push({
      area: 'routing',
      kind: 'changed',
      text: `When no agent is available: ${before.fallback.whenNoAgent} → ${after.fallback.whenNoAgent}`
    });
  return [...out, ...routing];
}

const edgeText = (e: FlowEdgeInfo): string =>
  `${e.from} → ${e.to}${e.kind === 'fault' ? ' (fault path)' : e.label ? ` (${q(e.label)})` : ''}`;

/** An element name with renamed attributes' names replaced (`HK_If_Blank_customer_id` → `…_account_id`). */
function renamed(name: string, renames: Renames): string {
  for (const [from, to] of renames) {
    const at = name.endsWith(`_${from}`) ? name.length - from.length : -1;
    if (at > 0) return name.slice(0, at) + to;
  }
  return name;
}

function flowChanges(before: CompiledFlow | undefined, after: CompiledFlow, renames: Renames): Change[] {
  if (!before) return [{ area: 'flow', kind: 'added', text: `Flow ${after.apiName} added` }];
  const raw = flowGraph(before);
  // Elements named after a renamed attribute are the same elements: the rename is already said once.
  const b = {
    nodes: raw.nodes.map((n) => ({ ...n, name: renamed(n.name, renames) })),
    edges: raw.edges.map((e) => ({ ...e, from: renamed(e.from, renames), to: renamed(e.to, renames) }))
  };
  const a = flowGraph(after);
  const out: Change[] = [];
  const bNodes = new Set(b.nodes.map((n) => n.name));
  const aNodes = new Set(a.nodes.map((n) => n.name));
  for (const n of b.nodes)
    if (!aNodes.has(n.name))
      out.push({ area: 'flow', kind: 'removed', text: `Flow element ${n.name} (${n.kindLabel}) removed` });
  for (const n of a.nodes)
    if (!bNodes.has(n.name))
      out.push({ area: 'flow', kind: 'added', text: `Flow element ${n.name} (${n.kindLabel}) added` });
  const bEdges = new Set(b.edges.map(edgeText));
  const aEdges = new Set(a.edges.map(edgeText));
  for (const e of bEdges)
    if (!aEdges.has(e)) out.push({ area: 'flow', kind: 'removed', text: `Flow path removed: ${e}` });
  for (const e of aEdges) if (!bEdges.has(e)) out.push({ area: 'flow', kind: 'added', text: `Flow path added: ${e}` });
  return out;
}

export interface DiffInputs {
  /** The git working folder (the project root). */
  root: string;
  ref: string;
  /** Project-relative paths of today's config and flow file. */
  configFile: string;
  flowFile: string;
  model: HandoffModel;
  flow: CompiledFlow;
}

export function changesSince(d: DiffInputs): Change[] {
  checkRef(d.root, d.ref);
  const before = modelAt(d.root, d.ref, d.configFile);
  if (!before) return [{ area: 'attribute', kind: 'added', text: `${d.configFile} added (it is not in ${d.ref})` }];
  const flowText = showAt(d.root, d.ref, d.flowFile);
  const flowBefore = flowText === undefined ? undefined : loadFlow(flowText, `${d.ref}:${d.flowFile}`);
  const renames: Renames = new Map();
  const attributes = attributeChanges(before, d.model, renames);
  return [
    ...attributes,
    ...ruleChanges(before, d.model),
    ...queueChanges(before, d.model),
    ...flowChanges(flowBefore, d.flow, renames)
  ];
}
