/**
 * The explain report as a pull-request comment: a summary, what changed, the chain as a table and
 * the routing flow as a Mermaid flowchart (GitHub renders it), each payload's path highlighted.
 */
import type { ExplainReport } from './types';

/** Mermaid labels go in double quotes; quotes and brackets become entity codes Mermaid accepts. */
function label(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

/** Table cells: pipes and newlines would end the cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const MERMAID_COLOURS = ['#0550ae', '#8a2be2', '#a0410d', '#0b6e4f', '#9a1a5d'];

export function mermaid(r: ExplainReport): string {
  const id = new Map(r.flow.nodes.map((n, i) => [n.name, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const n of r.flow.nodes) {
    const text = label(`${n.kindLabel}: ${n.label}`);
    const i = id.get(n.name)!;
    lines.push(
      n.kind === 'decision' ? `  ${i}{{"${text}"}}` : n.kind === 'start' ? `  ${i}(["Start"])` : `  ${i}["${text}"]`
    );
  }
  r.flow.edges.forEach((e) => {
    const arrow = e.kind === 'fault' ? '-.->' : '-->';
    const l = e.label ? `|"${label(e.label)}"|` : '';
    lines.push(`  ${id.get(e.from)} ${arrow}${l} ${id.get(e.to)}`);
  });
  lines.push('  classDef routeWork fill:#dafbe1,stroke:#116329', '  classDef caseNode fill:#ddf4ff,stroke:#0550ae');
  const rw = r.flow.nodes.filter((n) => n.kind === 'routeWork').map((n) => id.get(n.name));
  const cs = r.flow.nodes.filter((n) => n.kind === 'case' || n.kind === 'endConversation').map((n) => id.get(n.name));
  if (rw.length) lines.push(`  class ${rw.join(',')} routeWork`);
  if (cs.length) lines.push(`  class ${cs.join(',')} caseNode`);
  r.payloads.forEach((p, pi) => {
    if (p.edges.length)
      lines.push(
        `  linkStyle ${[...new Set(p.edges)].join(',')} stroke:${MERMAID_COLOURS[pi % MERMAID_COLOURS.length]},stroke-width:4px`
      );
  });
  return lines.join('\n');
}

export function renderMarkdown(r: ExplainReport): string {
  const out: string[] = [];
  out.push(`### ${r.title}`, '');
  out.push(
    `${r.counts.attributes} attributes, ${r.counts.brokenAttributes} with a broken link · ${r.counts.findings} findings${
      r.doctor ? ` · org: ${r.doctor.failed} failed checks` : ''
    } · flow \`${r.flow.apiName}\``,
    ''
  );
  if (r.changes) {
    out.push(`#### What changed since \`${r.changes.base}\``, '');
    if (r.changes.items.length) for (const c of r.changes.items) out.push(`- ${c.text}`);
    else out.push('No attribute, rule, queue or flow path changed.');
    out.push('');
  }
  if (r.payloads.length) {
    out.push('#### Payloads', '');
    r.payloads.forEach((p, pi) =>
      out.push(
        `- path ${pi + 1} \`${cell(p.source)}\`: **${cell(p.outcome)}** (${p.keys.accepted} of ${p.keys.sent} keys accepted${
          p.keys.dropped.length ? `; dropped: ${p.keys.dropped.map((k) => `\`${cell(k.key)}\``).join(', ')}` : ''
        })`
      )
    );
    out.push('');
  }
  out.push('#### The chain', '');
  out.push(
    '| Vendor key | Channel parameter | Pre-chat field | Mapping | Flow variable | MessagingSession field | Who can read it |'
  );
  out.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of r.chain) {
    const note = row.naming ? ` ⚠️ ${row.naming.reason}` : '';
    const links = row.links.map((l) => {
      if (!l.reached) return '➖ _not reached_';
      const mark = l.ok ? '✅' : '❌';
      const f = l.findings.length ? ` (${l.findings.map((x) => cell(x.message)).join('; ')})` : '';
      return `${mark} ${l.value ? `\`${cell(l.value)}\`` : '_missing_'}${f}`;
    });
    out.push(`| \`${cell(row.key)}\`${note} | ${links.join(' | ')} |`);
  }
  out.push('', '#### Routing flow', '', '```mermaid', mermaid(r), '```', '');
  if (r.otherFindings.length) {
    out.push('#### Other findings', '');
    for (const f of r.otherFindings) out.push(`- ${f.source} \`${f.rule}\`: ${cell(f.message)}`);
    out.push('');
  }
  out.push('<sub>Written by `handoff explain --markdown`.</sub>');
  return out.join('\n') + '\n';
}
