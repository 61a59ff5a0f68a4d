/**
 * Replays many payloads (JSON Lines, one payload per line) through a compiled project: the outcome
 * distribution, the keys most often dropped, and with a second project, the payloads whose outcome
 * changed. A bad line is reported with its number and counted, never fatal.
 */
import { isUtf8 } from 'node:buffer';
import { UserError } from '../project/errors';
import { compileMessaging, type KeyVerdict } from './messaging';
import { findInvalidUtf8, PayloadError, parsePayloadText, type Payload } from './payload';
import type { SimProject } from './project';
import { simulateOutcome, type Outcome, type SimulateOptions, type Simulator } from './simulate';

/** Lists in the summary are capped; counts are always complete. */
const MAX_LISTED = 50;

export function simulatorFor(project: SimProject): Simulator {
  return { project, messaging: compileMessaging(project) };
}

/**
 * `queue X` by queue: a replay names the same few queues for every payload, and a key made anew is
 * hashed anew when counted (issue 15). Bounded, as a flow may name a queue from a payload's value.
 */
const flowQueueKeys = new Map<string, string>();

/** A short, comparable name for an outcome: `queue Handoff_General`, `case`, `dropped`. */
export function outcomeKey(o: Outcome): string {
  if (o.kind === 'routed' && o.target) return `${o.target.what} ${o.target.label || o.target.id}`;
  if (o.kind === 'routed' && o.by === 'flow') {
    let key = flowQueueKeys.get(o.queue);
    if (key === undefined) {
      if (flowQueueKeys.size >= 1000) flowQueueKeys.clear();
      flowQueueKeys.set(o.queue, (key = `queue ${o.queue}`));
    }
    return key;
  }
  if (o.kind === 'routed') return `queue ${o.queue} (channel fallback after a flow failure)`;
  return o.kind;
}

/** What reading JSON Lines hands on, line by line: a payload, or why the line is not one. */
export interface JsonlVisitor {
  payload(payload: Payload, line: number): void;
  bad(line: number, error: string): void;
}

/**
 * Bytes checked and decoded at a time: one UTF-8 check and one decode per chunk, not per line (issue
 * 15). Small enough to stay an ordinary heap string (Node decodes about 1 MB and more into an external
 * string) and in cache, and no string nears V8's length limit however large the file.
 */
const CHUNK_BYTES = 1 << 16;

/** One line's text (its CR, LF taken off) as a payload or an error; blank lines are skipped. */
function readLine(text: string, line: number, file: string, visit: JsonlVisitor): void {
  if (!text.trim()) return;
  let payload: Payload;
  try {
    payload = parsePayloadText(text, file, line);
  } catch (e) {
    if (e instanceof PayloadError) return visit.bad(line, e.message);
    throw e;
  }
  visit.payload(payload, line);
}

/**
 * Splits JSONL bytes into payloads, checking UTF-8 and JSON per line. Blank lines are skipped. A chunk
 * with a bad byte is read again one line at a time, to name the line. A visitor, not a generator: no
 * generator resume and no result object per line (issue 15).
 */
export function readJsonl(bytes: Buffer, file: string, visit: JsonlVisitor): void {
  let line = 0;
  let start = 0;
  /** Bytes before this offset are read a line at a time. */
  let byLineUntil = 0;
  while (start < bytes.length) {
    // A chunk ends just after a newline, or at the end: no line and no UTF-8 sequence is cut.
    const least = start < byLineUntil ? 0 : CHUNK_BYTES;
    const nl = start + least < bytes.length ? bytes.indexOf(10, start + least) : -1;
    const end = nl < 0 ? bytes.length : nl + 1;
    const chunk = bytes.subarray(start, end);
    if (!isUtf8(chunk)) {
      if (least) {
        byLineUntil = end;
        continue;
      }
      line++;
      start = end;
      let last = chunk.length;
      if (chunk[last - 1] === 10) last--;
      if (chunk[last - 1] === 13) last--;
      const offset = findInvalidUtf8(chunk.subarray(0, last));
      visit.bad(line, `${file}:${line}: not valid UTF-8: invalid byte sequence at byte offset ${offset} of the line`);
      continue;
    }
    start = end;
    const text = chunk.toString('utf8');
    for (let from = 0; from < text.length;) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      line++;
      readLine(text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to), line, file, visit);
      from = to + 1;
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

/** The outcome's key; the verdicts of the keys it dropped go onto `dropped` (emptied again on a project error). */
function runOne(
  sim: Simulator,
  payload: Payload,
  opts: SimulateOptions,
  errors: Map<string, number>,
  dropped: KeyVerdict[]
): string {
  try {
    return outcomeKey(simulateOutcome(sim, payload, opts, dropped));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    dropped.length = 0;
    bump(errors, e.message);
    return 'error';
  }
}

/**
 * Drop counts by key and reason, in the order first seen. Verdicts are shared objects (MessagingLayer.inputsOf),
 * so they are counted by identity, and merged by key and reason only here: one Map lookup per drop,
 * with no key string built (issue 15).
 */
function droppedKeys(counts: Map<KeyVerdict, number>): ReplaySummary['droppedKeys'] {
  const byKey = new Map<string, { key: string; reason: string; count: number }>();
  for (const [v, count] of counts) {
    const reason = v.reason ?? '';
    const id = `${v.key}\u0000${reason}`;
    const cur = byKey.get(id);
    if (cur) cur.count += count;
    else byKey.set(id, { key: v.key, reason, count });
  }
  return [...byKey.values()].sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1)).slice(0, 10);
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
  const dropCounts = new Map<KeyVerdict, number>();
  const badLineList: { line: number; error: string }[] = [];
  const changedList: { line: number; before: string; after: string }[] = [];
  let payloads = 0;
  let badLines = 0;
  let changed = 0;
  const o = { ...opts, tracing: false };
  readJsonl(bytes, file, {
    bad(line, error) {
      badLines++;
      if (badLineList.length < MAX_LISTED) badLineList.push({ line, error });
    },
    payload(payload, line) {
      payloads++;
      // The verdicts of the keys this payload dropped (against the first project only).
      const dropped: KeyVerdict[] = [];
      const a = runOne(sim, payload, o, errors, dropped);
      bump(outcomes, a);
      for (const v of dropped) dropCounts.set(v, (dropCounts.get(v) ?? 0) + 1);
      if (against) {
        const b = runOne(against.sim, payload, o, errors, []);
        bump(otherOutcomes, b);
        if (a !== b) {
          changed++;
          if (changedList.length < MAX_LISTED) changedList.push({ line, before: a, after: b });
        }
      }
    }
  });
  return {
    file,
    payloads,
    outcomes: sortedCounts(outcomes),
    badLines,
    badLineList,
    projectErrors: [...errors].map(([message, count]) => ({ message, count })),
    droppedKeys: droppedKeys(dropCounts),
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
