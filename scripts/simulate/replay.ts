/**
 * Replays many payloads (JSON Lines, one payload per line) through a compiled project: the outcome
 * distribution, the keys most often dropped, and with a second project, the payloads whose outcome
 * changed. A bad line is reported with its number and counted, never fatal.
 */
import { isUtf8 } from 'node:buffer';
import { UserError } from '../project/errors';
import { compileMessaging } from './messaging';
import { findInvalidUtf8, PayloadError, parsePayloadText, type Payload } from './payload';
import type { SimProject } from './project';
import { simulateOutcome, type Outcome, type SimulateOptions, type Simulator } from './simulate';

/** Lists in the summary are capped; counts are always complete. */
const MAX_LISTED = 50;

export function simulatorFor(project: SimProject): Simulator {
  return { project, messaging: compileMessaging(project) };
}

/** A short, comparable name for an outcome: `queue Handoff_General`, `case`, `dropped`. */
export function outcomeKey(o: Outcome): string {
  if (o.kind === 'routed' && o.target) return `${o.target.what} ${o.target.label || o.target.id}`;
  if (o.kind === 'routed')
    return o.by === 'flow' ? `queue ${o.queue}` : `queue ${o.queue} (channel fallback after a flow failure)`;
  return o.kind;
}

export interface ReplayLine {
  line: number;
  payload?: Payload;
  error?: string;
}

/** Splits JSONL bytes into payloads, checking UTF-8 and JSON per line. Blank lines are skipped. */
export function* readJsonl(bytes: Buffer, file: string): Generator<ReplayLine> {
  let start = 0;
  let line = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    line++;
    let slice = bytes.subarray(start, end);
    start = end + 1;
    if (slice.length && slice[slice.length - 1] === 13) slice = slice.subarray(0, slice.length - 1);
    if (!slice.length) {
      if (end >= bytes.length) break;
      continue;
    }
    const source = `${file}:${line}`;
    if (!isUtf8(slice)) {
      yield {
        line,
        error: `${source}: not valid UTF-8: invalid byte sequence at byte offset ${findInvalidUtf8(slice)} of the line`
      };
      continue;
    }
    const text = slice.toString('utf8');
    if (!text.trim()) continue;
    try {
      yield { line, payload: parsePayloadText(text, source) };
    } catch (e) {
      if (e instanceof PayloadError) yield { line, error: e.message };
      else throw e;
    }
  }
}

export interface ReplaySummary {
  file: string;
  payloads: number;
  outcomes: Record<string, number>;
  badLines: number;
  badLineList: { line: number; error: string }[];
  /** Errors in the project (not the payload), by message, with how many payloads hit them. */
  projectErrors: { message: string; count: number }[];
  droppedKeys: { key: string; reason: string; count: number }[];
  compare?: {
    against: string;
    outcomes: Record<string, number>;
    changed: number;
    changedList: { line: number; before: string; after: string }[];
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function runOne(
  sim: Simulator,
  payload: Payload,
  opts: SimulateOptions,
  errors: Map<string, number>
): { key: string; dropped: { key: string; reason: string }[] } {
  try {
    const r = simulateOutcome(sim, payload, opts);
    return {
      key: outcomeKey(r.outcome),
      dropped: r.keys.filter((k) => !k.accepted).map((k) => ({ key: k.key, reason: k.reason ?? '' }))
    };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    bump(errors, e.message);
    return { key: 'error', dropped: [] };
  }
}

export function replay(
  bytes: Buffer,
  file: string,
  sim: Simulator,
  opts: SimulateOptions,
  against?: { label: string; sim: Simulator }
): ReplaySummary {
  const outcomes = new Map<string, number>();
  const otherOutcomes = new Map<string, number>();
  const errors = new Map<string, number>();
  const dropped = new Map<string, { key: string; reason: string; count: number }>();
  const badLineList: { line: number; error: string }[] = [];
  const changedList: { line: number; before: string; after: string }[] = [];
  let payloads = 0;
  let badLines = 0;
  let changed = 0;
  const o = { ...opts, tracing: false };
  for (const item of readJsonl(bytes, file)) {
    if (!item.payload) {
      badLines++;
      if (badLineList.length < MAX_LISTED) badLineList.push({ line: item.line, error: item.error! });
      continue;
    }
    payloads++;
    const a = runOne(sim, item.payload, o, errors);
    bump(outcomes, a.key);
    for (const d of a.dropped) {
      const id = `${d.key}\u0000${d.reason}`;
      const cur = dropped.get(id);
      if (cur) cur.count++;
      else dropped.set(id, { ...d, count: 1 });
    }
    if (against) {
      const b = runOne(against.sim, item.payload, o, errors);
      bump(otherOutcomes, b.key);
      if (a.key !== b.key) {
        changed++;
        if (changedList.length < MAX_LISTED) changedList.push({ line: item.line, before: a.key, after: b.key });
      }
    }
  }
  return {
    file,
    payloads,
    outcomes: sortedCounts(outcomes),
    badLines,
    badLineList,
    projectErrors: [...errors].map(([message, count]) => ({ message, count })),
    droppedKeys: [...dropped.values()].sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1)).slice(0, 10),
    ...(against
      ? { compare: { against: against.label, outcomes: sortedCounts(otherOutcomes), changed, changedList } }
      : {})
  };
}

function pct(n: number, total: number): string {
  return total ? `${((100 * n) / total).toFixed(1)}%` : '0%';
}

export function formatReplay(s: ReplaySummary, projectLabel: string): string {
  const out: string[] = [
    `Replayed ${s.payloads} payload${s.payloads === 1 ? '' : 's'} from ${s.file} against ${projectLabel}`
  ];
  if (s.badLines)
    out.push(
      `${s.badLines} line${s.badLines === 1 ? '' : 's'} could not be read (not counted as payloads):`,
      ...s.badLineList.map((b) => `  ${b.error}`)
    );
  if (s.badLines > s.badLineList.length) out.push(`  … and ${s.badLines - s.badLineList.length} more`);
  out.push('', 'Outcomes:');
  for (const [k, n] of Object.entries(s.outcomes))
    out.push(`  ${String(n).padStart(8)}  ${pct(n, s.payloads).padStart(6)}  ${k}`);
  if (s.projectErrors.length) {
    out.push('', 'Errors in the project (fix the flow or the channel, then replay):');
    for (const e of s.projectErrors) out.push(`  ${e.count} × ${e.message}`);
  }
  out.push('', s.droppedKeys.length ? 'Keys most often dropped:' : 'No key was dropped.');
  for (const d of s.droppedKeys) out.push(`  ${String(d.count).padStart(8)}  ${JSON.stringify(d.key)}: ${d.reason}`);
  if (s.compare) {
    const c = s.compare;
    out.push('', `Compared with ${c.against}:`);
    for (const [k, n] of Object.entries(c.outcomes))
      out.push(`  ${String(n).padStart(8)}  ${pct(n, s.payloads).padStart(6)}  ${k}`);
    out.push('', `${c.changed} payload${c.changed === 1 ? '' : 's'} changed outcome${c.changed ? ':' : '.'}`);
    for (const ch of c.changedList) out.push(`  line ${ch.line}: ${ch.before} → ${ch.after}`);
    if (c.changed > c.changedList.length) out.push(`  … and ${c.changed - c.changedList.length} more`);
  }
  return out.join('\n') + '\n';
}
