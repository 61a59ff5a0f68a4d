/**
 * The human-readable trace of a simulation: what the messaging layer accepted and dropped, each
 * flow element run (decisions with every rule tried), the MessagingSession fields written and the
 * outcome. Long values are shortened for reading; --json carries them whole.
 */
import type { TraceStep } from './flow/interpreter';
import type { FlowValue } from './flow/model';
import type { KeyVerdict } from './messaging';
import type { SimProject } from './project';
import type { SessionRun, SimulationResult } from './simulate';
import { displayPath } from '../project/paths';
import { caseViewLines } from './caseView';
import { customerLines } from './customer';

/** At most this many dropped or accepted keys are listed per group; --json has all. */
const MAX_KEYS_LISTED = 60;
const MAX_VALUE_SHOWN = 60;

/** A value for reading: JSON text, shortened to MAX_VALUE_SHOWN code points with its full length noted. */
export function show(v: FlowValue | undefined): string {
  if (v === undefined) return 'null';
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    return `record ${typeof v.Id === 'string' ? v.Id : '(no Id)'}`;
  const s = JSON.stringify(v);
  const cps = Array.from(s);
  if (cps.length <= MAX_VALUE_SHOWN) return s;
  const len = typeof v === 'string' ? Array.from(v).length : cps.length;
  return `${cps.slice(0, MAX_VALUE_SHOWN - 1).join('')}…" (${len} characters)`;
}

/** Keys as the reader sees them: JSON-quoted when they hold anything but plain printable text. */
function showKey(key: string): string {
  return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(key) ? key : JSON.stringify(key);
}

function keyLines(keys: KeyVerdict[]): string[] {
  const out: string[] = [];
  const accepted = keys.filter((k) => k.accepted);
  const dropped = keys.filter((k) => !k.accepted);
  out.push(
    `Messaging layer: ${keys.length} key${keys.length === 1 ? '' : 's'} sent, ${accepted.length} accepted, ${dropped.length} dropped`
  );
  const width = Math.min(40, Math.max(8, ...keys.slice(0, MAX_KEYS_LISTED * 2).map((k) => showKey(k.key).length)));
  for (const k of accepted.slice(0, MAX_KEYS_LISTED)) {
    const target = k.flowInputs.join(', ');
    const param = k.standard ? `standard ${k.parameter}` : `parameter ${k.parameter}`;
    const trunc =
      k.truncatedFrom !== undefined ? ` (truncated from ${k.truncatedFrom} to ${k.maxLength} characters)` : '';
    out.push(`  accepted  ${showKey(k.key).padEnd(width)}  ${param} → flow input ${target} = ${show(k.value)}${trunc}`);
  }
  if (accepted.length > MAX_KEYS_LISTED)
    out.push(`  … and ${accepted.length - MAX_KEYS_LISTED} more accepted (see --json)`);
  for (const k of dropped.slice(0, MAX_KEYS_LISTED))
    out.push(`  dropped   ${showKey(k.key).padEnd(width)}  ${k.reason}`);
  if (dropped.length > MAX_KEYS_LISTED)
    out.push(`  … and ${dropped.length - MAX_KEYS_LISTED} more dropped (see --json)`);
  return out;
}

function fieldsText(fields: Record<string, FlowValue>): string[] {
  return Object.entries(fields).map(([k, v]) => `${k} = ${show(v)}`);
}

function stepLines(s: TraceStep): string[] {
  const head = (what: string): string => `${s.element} (${what})`;
  switch (s.type) {
    case 'assignment': {
      // Consecutive operations on one target (a Case description built line by line) read as one result.
      const lines: string[] = [];
      for (let i = 0; i < s.items.length;) {
        let j = i;
        while (j + 1 < s.items.length && s.items[j + 1].target === s.items[i].target) j++;
        const it = s.items[j];
        const ops = j > i ? ` (after ${j - i + 1} operations)` : it.operator === 'Assign' ? '' : ` (${it.operator})`;
        lines.push(`    ${it.target} = ${show(it.value)}${ops}`);
        i = j + 1;
      }
      return [head('Assignment'), ...lines];
    }
    case 'decision': {
      const lines = [
        head(`Decision → ${s.outcome ? `"${s.outcomeLabel}" [${s.outcome}]` : `default "${s.outcomeLabel}"`}`)
      ];
      for (const r of s.rules) {
        lines.push(`    ${r.matched ? 'matched' : 'no     '} "${r.label}" [${r.name}] (${r.logic})`);
        for (const c of r.conditions)
          lines.push(
            `        ${c.index}. ${c.left} ${c.operator} ${show(c.right)}: value ${show(c.leftValue)} → ${c.result}`
          );
      }
      return lines;
    }
    case 'lookup':
      return [
        head(`Get Records ${s.object}`),
        `    where ${s.filters.join(' and ') || '(no filter)'} → ${s.found} found${s.firstId ? `, first ${s.firstId}` : ''}`
      ];
    case 'update':
      return [
        head(`Update Records ${s.object}`),
        `    ${s.ids.length ? s.ids.join(', ') : 'no record matched'}: ${Object.keys(s.fields).length} field${Object.keys(s.fields).length === 1 ? '' : 's'}`
      ];
    case 'create':
      return [head(`Create Records ${s.object}`), `    ${s.id}`, ...fieldsText(s.fields).map((f) => `    ${f}`)];
    case 'action':
      return [
        head(`Action ${s.action}`),
        `    in:  ${
          s.inputs
            .filter((p) => p.value !== null)
            .map((p) => `${p.name}=${show(p.value)}`)
            .join(', ') || '(none)'
        }`,
        `    out: ${s.outputs.map((p) => `${p.name}=${show(p.value)}`).join(', ') || '(none)'}`,
        ...(s.modelled ? [`    modelled: ${s.modelled}`] : [])
      ];
    case 'loop':
      return [head(`Loop → ${s.item ? `item ${s.item} of ${s.of}` : `done (${s.of} items)`}`)];
    case 'collection':
      return [
        head(`${s.operation === 'filter' ? 'Filter' : 'Sort'} ${s.collection}`),
        `    ${s.before} item${s.before === 1 ? '' : 's'} → ${s.after}`
      ];
    case 'subflow':
      return [
        head(`Subflow ${s.flow}`),
        `    ${s.ran ? `ran ${s.steps} element${s.steps === 1 ? '' : 's'}` : 'not in the project'}`,
        ...(s.modelled ? [`    modelled: ${s.modelled}`] : [])
      ];
    case 'wait':
      return [head(`Wait → ${s.path}`), `    modelled: ${s.modelled}`];
    case 'fault':
      return [
        head('FAULT'),
        `    ${s.message}`,
        `    → ${s.next ? `fault path to ${s.next}` : 'no fault path: the interview fails'}`
      ];
  }
}

function outcomeLines(run: SessionRun): string[] {
  const o = run.outcome;
  if (o.kind === 'routed' && o.target) {
    const t = o.target;
    return [
      `Outcome: routed by ${o.element} to ${t.what} ${t.label ? `${t.label} (${t.id})` : t.id} [${t.type}]${o.queue ? `, fallback queue ${o.queue} (${o.queueLabel})` : ''}`
    ];
  }
  if (o.kind === 'routed') {
    return [
      o.by === 'flow'
        ? `Outcome: routed to queue ${o.queue} (${o.queueLabel}) by ${o.element}`
        : o.afterFaultPath
          ? `Outcome: routed to queue ${o.queue} (${o.queueLabel}): the channel's fallback queue, because the flow ended without routing after the fault path of ${o.afterFaultPath}`
          : `Outcome: routed to queue ${o.queue} (${o.queueLabel}): the channel's fallback queue, because the flow failed`
    ];
  }
  if (o.kind === 'case') {
    const ec = o.endConversation;
    return [
      `Outcome: Case ${o.caseNumber} (${o.caseId}) created; End Conversation ${ec.accepted ? 'sent' : 'refused'}${o.thenRoutedTo ? `; the session was then routed to queue ${o.thenRoutedTo}` : ''}`,
      ...(ec.accepted
        ? [
            `  POST ${ec.endpoint}`,
            ...JSON.stringify(JSON.parse(ec.body), null, 2)
              .split('\n')
              .map((l) => `  ${l}`)
          ]
        : [`  ${ec.message}`]),
      ...caseViewLines(o.case)
    ];
  }
  return [`Outcome: DROPPED: ${o.reason}`];
}

function sessionLines(run: SessionRun, title: string): string[] {
  const out: string[] = [title, '', ...keyLines(run.keys), ''];
  out.push(`Flow: ${run.stepCount} element${run.stepCount === 1 ? '' : 's'} run`);
  run.steps.forEach((s, i) => {
    const [first, ...rest] = stepLines(s);
    out.push(`  ${String(i + 1).padStart(2)}. ${first}`, ...rest.map((l) => `    ${l}`));
  });
  out.push('');
  const fields = fieldsText(run.session.fields);
  out.push(`MessagingSession ${run.session.id}: ${fields.length} field${fields.length === 1 ? '' : 's'} written`);
  for (const f of fields) out.push(`  ${f}`);
  out.push('');
  for (const w of run.warnings) out.push(`Warning: ${w}`);
  out.push(...outcomeLines(run));
  return out;
}

export function scenarioText(r: SimulationResult): string {
  const s = r.scenario;
  const agents = Object.entries(s.agents).map(([q, n]) => `${q}=${n}`);
  return [
    `business hours ${s.hours}`,
    `online agents ${s.defaultAgents} per queue${agents.length ? ` except ${agents.join(', ')}` : ''}`,
    s.contact ? `existing Contact ${s.contact}` : 'no existing Contact',
    r.earlier ? 'with an earlier session' : 'no earlier session'
  ].join('; ');
}

export function formatTrace(r: SimulationResult, project: SimProject): string {
  const out: string[] = [
    `Simulating ${r.source}`,
    `  against ${displayPath(project.sourceDir)}: deployment ${project.deployment?.developerName ?? '(none)'}, channel ${project.channel?.developerName ?? '(none)'}, flow ${project.flow.apiName}`,
    `  scenario: ${scenarioText(r)}`,
    ''
  ];
  if (r.earlier) {
    out.push(...sessionLines(r.earlier, '== Earlier session of the same conversation'), '');
    out.push(...sessionLines(r.run, '== This session'));
  } else out.push(...sessionLines(r.run, '== Session'));
  if (r.customer) out.push('', ...customerLines(r.customer));
  return out.join('\n') + '\n';
}
