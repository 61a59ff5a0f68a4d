/**
 * Builds the explain report from what the project already knows: the resolved model (config), the
 * metadata files as the validator reads them, the validator's findings, the doctor's checks (with
 * -o), the routing flow as the simulator compiles it, and the simulator's trace of each payload.
 * It decides nothing new: every verdict on the page is one of theirs.
 */
import type { HandoffModel, ResolvedAttribute } from '../model/types';
import type { Check } from '../org/doctor/check';
import type { SimProject } from '../simulate/project';
import type { SimulationResult } from '../simulate/simulate';
import { outcomeKey } from '../simulate/replay';
import {
  channelView,
  deploymentsOf,
  fieldGrants,
  flowView,
  messagingSessionWrites,
  type ChannelView,
  type FlowView,
  type SourceProject
} from '../source/index';
import type { Finding } from '../validate/types';
import { flowGraph, START } from './flowGraph';
import { layoutFlow } from './layout';
import type { ChainLink, ChainRow, ExplainReport, FlowGraph, LinkFinding, LinkStep, PayloadPath } from './types';

const STEP_TITLES: Record<LinkStep, string> = {
  parameter: 'channel parameter',
  prechat: 'pre-chat field',
  mapping: 'mapping',
  variable: 'flow variable',
  field: 'MessagingSession field',
  access: 'who can read it'
};

/** Which link of the chain a validate rule speaks about (docs/validate.md). */
const RULE_STEP: Record<string, LinkStep> = {
  'chain/parameter-has-prechat-field': 'prechat',
  'chain/hidden-field-is-parameter': 'prechat',
  'chain/hidden-and-visible': 'prechat',
  'chain/parameter-has-mapping': 'mapping',
  'chain/mapping-matches-flow-variable': 'mapping',
  'chain/flow-variable-input-string': 'variable',
  'chain/flow-assigns-field': 'field',
  'chain/field-exists': 'field',
  'chain/standard-field-type': 'field',
  'chain/field-permission': 'access'
};

/** Which link a doctor check speaks about (org/doctor/checks/). */
const CHECK_STEP: Record<string, LinkStep> = {
  'channel.parameters': 'parameter',
  'channel.mappings': 'mapping',
  'prechat.hiddenFields': 'prechat',
  'deployment.published': 'prechat',
  'fields.exist': 'field',
  'fields.agentAccess': 'access',
  'fields.flowAccess': 'access'
};

export interface ExplainInputs {
  model: HandoffModel;
  configFile: string;
  index: SourceProject;
  findings: Finding[];
  sim: SimProject;
  runs: { source: string; result: SimulationResult }[];
  doctor?: Check[];
}

/** Names by which a finding or check may mention an attribute (quoted names, keys, field names). */
function mentions(text: string, row: { key: string; name: string; field?: string }): boolean {
  if (text.includes(`"${row.name}"`) || text.includes(`"${row.key}"`)) return true;
  if (row.field && new RegExp(`\\b${row.field.replace(/[.$]/g, '\\$&')}\\b`).test(text)) return true;
  // Doctor lists names bare, comma-separated: `…missing: plan, customer_id (maps to x)`.
  const listed = text.split(/:\s/).slice(1).join(': ');
  return listed.split(/,\s*| and /).some((item) => {
    const word = item.trim().split(/\s/)[0];
    return word === row.key || word === row.name;
  });
}

function fromFinding(f: Finding): LinkFinding {
  return {
    source: 'validate',
    rule: f.rule,
    severity: f.severity,
    message: `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`,
    fix: f.fix
  };
}

function fromCheck(c: Check): LinkFinding {
  return {
    source: 'doctor',
    rule: c.id,
    severity: c.status === 'fail' ? 'error' : 'warning',
    message: c.message,
    fix: c.fix
  };
}

interface ProjectViews {
  channel?: ChannelView;
  flow?: FlowView;
  formFields: Set<string>;
  writes: Map<string, string>;
  grants: ReturnType<typeof fieldGrants>;
}

function views(index: SourceProject, model: HandoffModel): ProjectViews {
  const channelFile = index.ofType('MessagingChannel').find((f) => f.name === model.channel.developerName);
  const channel = channelFile ? channelView(channelFile) : undefined;
  const flowName = channel?.handlerFlow?.value ?? model.flow.apiName;
  const flowFile = index.find('Flow', flowName);
  const flow = flowFile ? flowView(flowFile) : undefined;
  const formFields = new Set(
    channel
      ? deploymentsOf(index, channel.name).flatMap((d) => d.forms.flatMap((f) => f.fields.map((x) => x.formField)))
      : []
  );
  const writes = new Map((flow ? messagingSessionWrites(flow) : []).map((w) => [w.variable, w.field]));
  return { channel, flow, formFields, writes, grants: fieldGrants(index) };
}

/** The six links of one attribute, read from the files. */
function linksOf(
  v: ProjectViews,
  index: SourceProject,
  a: { key: string; name: string; standard?: string; formField: string }
): { links: Omit<ChainLink, 'findings' | 'title' | 'reached'>[]; field?: string } {
  const custom = a.standard ? undefined : v.channel?.custom.find((p) => p.externalName === a.key);
  const standard = a.standard ? v.channel?.standard.find((p) => p.type === a.standard) : undefined;
  const parameter = custom ? custom.name : standard ? `standard ${standard.type}` : undefined;
  const formField = custom
    ? [custom.name, custom.externalName].find((n) => v.formFields.has(n))
    : v.formFields.has(a.formField)
      ? a.formField
      : undefined;
  const mapped = (custom?.mappings ?? standard?.mappings ?? []).map((m) => m.value).filter(Boolean);
  const variableName = mapped.find((m) => v.flow?.variables.has(m));
  const variable = variableName ? v.flow!.variables.get(variableName) : undefined;
  const field = variableName ? v.writes.get(variableName) : undefined;
  const qualified = field ? `MessagingSession.${field}` : undefined;
  const readers = qualified
    ? (v.grants.get(qualified) ?? []).filter((g) => g.readable).map((g) => g.permissionSet)
    : [];
  return {
    field,
    links: [
      { step: 'parameter', value: parameter, ok: !!parameter },
      // A standard parameter that is not on the form still arrives through the API, so only custom ones need it.
      { step: 'prechat', value: formField, ok: !!formField || (!!standard && !custom) },
      { step: 'mapping', value: mapped.join(', ') || undefined, ok: !!variableName },
      {
        step: 'variable',
        value: variableName,
        ok: !!variable && variable.isInput && variable.dataType === 'String' && !variable.isCollection
      },
      { step: 'field', value: qualified, ok: !!qualified && index.has('CustomField', qualified) },
      { step: 'access', value: readers.join(', ') || undefined, ok: readers.length > 0 }
    ]
  };
}

function chainRows(inputs: ExplainInputs, claimed: Set<LinkFinding>): ChainRow[] {
  const { model, index } = inputs;
  const v = views(index, model);
  const notes = new Map(model.namingNotes.map((n) => [n.key, n]));
  const validateFindings = inputs.findings.map((f) => ({ f, lf: fromFinding(f) }));
  const doctorChecks = (inputs.doctor ?? []).filter((c) => c.status !== 'pass').map((c) => ({ c, lf: fromCheck(c) }));

  const rows: {
    key: string;
    label: string;
    name: string;
    standard?: string;
    formField: string;
    notInConfig?: boolean;
  }[] = model.attributes.map((a: ResolvedAttribute) => ({
    key: a.key,
    label: a.label,
    name: a.name,
    standard: a.standard,
    formField: a.formField
  }));
  // Channel parameters the config does not know (hand-written, or left over) get a row too.
  const known = new Set(model.attributes.map((a) => a.key));
  for (const p of v.channel?.custom ?? [])
    if (!known.has(p.externalName))
      rows.push({ key: p.externalName, label: p.externalName, name: p.name, formField: p.name, notInConfig: true });

  return rows.map((r) => {
    const { links, field } = linksOf(v, index, r);
    const who = { key: r.key, name: r.name, field };
    // Once a link has no name, the ones after it cannot be looked up: "not reached", not "missing".
    const firstGap = links.findIndex((l) => l.value === undefined);
    const full: ChainLink[] = links.map((l, i) => {
      const findings: LinkFinding[] = [];
      for (const { f, lf } of validateFindings)
        if (RULE_STEP[f.rule] === l.step && mentions(f.message, who)) {
          findings.push(lf);
          claimed.add(lf);
        }
      for (const { c, lf } of doctorChecks)
        if (CHECK_STEP[c.id] === l.step && mentions(c.message, who)) {
          findings.push(lf);
          claimed.add(lf);
        }
      return {
        ...l,
        title: STEP_TITLES[l.step],
        findings,
        reached: firstGap < 0 || i <= firstGap,
        ok: l.ok && !findings.some((x) => x.severity === 'error')
      };
    });
    const note = notes.get(r.key);
    return {
      key: r.key,
      label: r.label,
      name: r.name,
      ...(r.standard ? { standard: r.standard } : {}),
      links: full,
      ...(note ? { naming: { reason: note.reason, detail: note.detail } } : {}),
      ...(r.notInConfig ? { notInConfig: true } : {})
    };
  });
}

function graphOf(sim: SimProject, model: HandoffModel): FlowGraph {
  const { nodes, edges } = flowGraph(sim.flow);
  return {
    apiName: sim.flow.apiName,
    label: sim.flow.label,
    file: sim.flow.file,
    fallbackQueue: model.fallback.queue,
    nodes,
    edges,
    layout: layoutFlow(nodes, edges)
  };
}

/** The elements a run went through and the connectors between them, from the simulator's trace. */
function pathOf(graph: FlowGraph, source: string, result: SimulationResult): PayloadPath {
  const run = result.run;
  const elements = [START, ...run.steps.map((s) => s.element)];
  const edges: number[] = [];
  for (let i = 1; i < elements.length; i++) {
    const from = elements[i - 1];
    const to = elements[i];
    const prev = i >= 2 ? run.steps[i - 2] : undefined;
    // A fault step is the element that failed; the next step is where its fault connector led.
    const faulted = prev?.type === 'fault' && prev.element === from;
    const label = prev?.type === 'decision' && prev.element === from ? prev.outcomeLabel : undefined;
    const idx = graph.edges.findIndex(
      (e) =>
        e.from === from &&
        e.to === to &&
        (faulted ? e.kind === 'fault' : e.kind !== 'fault') &&
        (label === undefined || e.label === label)
    );
    const any = idx >= 0 ? idx : graph.edges.findIndex((e) => e.from === from && e.to === to);
    if (any >= 0) edges.push(any);
  }
  const o = run.outcome;
  const outcome =
    o.kind === 'case'
      ? `Case ${o.caseNumber} created, End Conversation ${o.endConversation.accepted ? 'sent to the vendor' : 'not sent'}${o.thenRoutedTo ? `, then routed to ${o.thenRoutedTo}` : ''}`
      : o.kind === 'dropped'
        ? `dropped: ${o.reason}`
        : outcomeKey(o);
  return {
    source,
    elements: dedupeConsecutive(elements),
    edges,
    outcome,
    outcomeKind: o.kind,
    keys: {
      sent: run.keys.length,
      accepted: run.keys.filter((k) => k.accepted).length,
      dropped: run.keys.filter((k) => !k.accepted).map((k) => ({ key: k.key, reason: k.reason ?? '' }))
    }
  };
}

/** A fault step repeats the element that failed; the page lists each visit once. */
function dedupeConsecutive(list: string[]): string[] {
  return list.filter((x, i) => i === 0 || list[i - 1] !== x);
}

export function buildReport(inputs: ExplainInputs): ExplainReport {
  const { model } = inputs;
  const claimed = new Set<LinkFinding>();
  const chain = chainRows(inputs, claimed);
  const all = [
    ...inputs.findings.map(fromFinding),
    ...(inputs.doctor ?? []).filter((c) => c.status !== 'pass').map(fromCheck)
  ];
  // Identity differs between the two fromX calls, so compare by content.
  const claimedKeys = new Set([...claimed].map((f) => `${f.source}\0${f.rule}\0${f.message}`));
  const otherFindings = all.filter((f) => !claimedKeys.has(`${f.source}\0${f.rule}\0${f.message}`));
  const flow = graphOf(inputs.sim, model);
  const doctor = inputs.doctor
    ? {
        ran: true,
        failed: inputs.doctor.filter((c) => c.status === 'fail').length,
        warnings: inputs.doctor.filter((c) => c.status === 'warn').length,
        passed: inputs.doctor.filter((c) => c.status === 'pass').length
      }
    : undefined;
  return {
    title: `Hand-off: ${model.channel.label} (${model.vendor})`,
    project: {
      vendor: model.vendor,
      channel: model.channel.developerName,
      deployment: model.deployment.developerName,
      flow: model.flow.apiName,
      config: inputs.configFile
    },
    chain,
    flow,
    payloads: inputs.runs.map((r) => pathOf(flow, r.source, r.result)),
    otherFindings,
    counts: {
      attributes: chain.length,
      brokenAttributes: chain.filter((r) => r.links.some((l) => !l.ok)).length,
      findings: all.length,
      ...(doctor ? { doctorChecks: inputs.doctor!.length } : {})
    },
    ...(doctor ? { doctor } : {})
  };
}
