/**
 * The explain report as one self-contained HTML page: inline CSS and SVG, no script, no network,
 * so it opens from a file or a CI artefact. Landmarks (header, nav, main, footer), a real table
 * for the chain, text beside every colour (✔/✖ and words), native controls (checkboxes to show
 * each payload's path, details for findings) for the keyboard, and a print stylesheet.
 */
import type { ChainLink, ChainRow, ExplainReport, FlowGraph, FlowNodeInfo, LinkFinding, PayloadPath } from './types';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Path colours: each has at least 4.5:1 contrast on white (WCAG AA for text and UI). */
export const PATH_COLOURS = ['#0550ae', '#8a2be2', '#a0410d', '#0b6e4f', '#9a1a5d'];

const CSS = `
:root{--ok:#116329;--ok-bg:#dafbe1;--bad:#a40e26;--bad-bg:#ffebe9;--warn:#7a4d00;--ink:#1f2328;--muted:#57606a;--line:#8c959f}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer,nav{padding:0 24px}
header{border-bottom:1px solid #d0d7de;padding-top:12px;padding-bottom:8px}
h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:16px 0 6px}
.meta{color:var(--muted);margin:0}
nav ul{display:flex;gap:16px;list-style:none;margin:8px 0;padding:0}
a{color:#0550ae}a:focus-visible,summary:focus-visible,input:focus-visible+label,label:focus-within{outline:3px solid #0550ae;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
.summary{display:flex;gap:12px;flex-wrap:wrap;padding:0;list-style:none}
.summary li{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;color:var(--muted);padding:4px 0}
th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#f6f8fa;position:sticky;top:0}
td.ok{background:var(--ok-bg)}td.bad{background:var(--bad-bg)}td.unreached{background:#f6f8fa;color:var(--muted)}
.mark{font-weight:700}.ok .mark{color:var(--ok)}.bad .mark{color:var(--bad)}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.tag{display:inline-block;border:1px solid var(--warn);color:var(--warn);border-radius:4px;padding:0 4px;font-size:11px;margin-left:4px}
.finding{margin:4px 0 0;padding-left:16px;font-size:12px}
details summary{cursor:pointer}
.diagram{overflow:auto;border:1px solid #d0d7de;border-radius:6px;max-height:none}
svg text{font:12px system-ui,sans-serif;fill:#1f2328}
svg .kind{font-size:10px;fill:#57606a}
.node rect,.node polygon{fill:#fff;stroke:#57606a;stroke-width:1.2}
.node.decision polygon{fill:#fff8c5;stroke:#7a4d00}
.node.routeWork rect{fill:#dafbe1;stroke:#116329;stroke-width:2}
.node.case rect,.node.endConversation rect{fill:#ddf4ff;stroke:#0550ae;stroke-width:2}
.node.start rect{fill:#1f2328}.node.start text{fill:#fff}
.edge{fill:none;stroke:#6e7781;stroke-width:1.2}
.edge.fault{stroke:var(--bad);stroke-dasharray:5 3}
.elabel{font-size:10px;fill:#57606a}.elabel.fault{fill:var(--bad)}
.path{fill:none;stroke-width:5;stroke-linecap:round;stroke-linejoin:round;opacity:.75}
.legend{display:flex;gap:16px;flex-wrap:wrap;list-style:none;padding:0;margin:8px 0}
.swatch{display:inline-block;width:24px;height:0;border-top:4px solid;vertical-align:middle;margin-right:6px}
.swatch.fault{border-top:2px dashed var(--bad)}.swatch.edge{border-top:2px solid #6e7781}
.outcome{font-weight:600}
ol.steps{columns:2;font-size:12px}
@media print{
  nav,.skip,.toggle{display:none}
  body{font-size:11px}
  .diagram{overflow:visible;border:none}
  svg{max-width:100%;height:auto}
  thead th{position:static}
  tr,li,figure{break-inside:avoid}
  td.ok,td.bad{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  details{display:block}details>*{display:block}
}
`;

function findingsHtml(list: LinkFinding[]): string {
  if (!list.length) return '';
  return `<ul class="finding">${list
    .map(
      (f) =>
        `<li><span class="mark">${f.source === 'doctor' ? 'org' : 'validate'} ${esc(f.rule)}</span>: ${esc(f.message)}${f.fix ? `. <em>Fix:</em> ${esc(f.fix)}` : ''}</li>`
    )
    .join('')}</ul>`;
}

function linkCell(l: ChainLink): string {
  if (!l.reached)
    return `<td class="unreached" data-step="${l.step}" data-ok="false"><span class="mark" aria-label="not reached">–</span> <em>not reached</em></td>`;
  const word = l.ok ? 'ok' : 'broken';
  return `<td class="${l.ok ? 'ok' : 'bad'}" data-step="${l.step}" data-ok="${l.ok}"><span class="mark" aria-label="${word}">${l.ok ? '✔' : '✖'}</span> ${
    l.value ? `<code>${esc(l.value)}</code>` : '<em>missing</em>'
  }${findingsHtml(l.findings)}</td>`;
}

function chainTable(rows: ChainRow[]): string {
  const head = [
    'Vendor key',
    'Channel parameter',
    'Pre-chat field',
    'Mapping',
    'Flow variable',
    'MessagingSession field',
    'Who can read it'
  ];
  const body = rows
    .map((r) => {
      const tags = [
        r.naming
          ? `<span class="tag" title="${esc(r.naming.detail)}">${esc(r.naming.reason)}</span> <small>${esc(r.naming.detail)}</small>`
          : '',
        r.standard ? `<span class="tag">standard ${esc(r.standard)}</span>` : '',
        r.notInConfig ? '<span class="tag">not in the config</span>' : ''
      ].join('');
      const ok = r.links.every((l) => l.ok);
      return `<tr data-key="${esc(r.key)}" data-ok="${ok}"><th scope="row"><code>${esc(r.key)}</code><br><small>${esc(r.label)}</small>${tags}</th>${r.links
        .map(linkCell)
        .join('')}</tr>`;
    })
    .join('\n');
  return `<table id="chain-table"><caption>One row per attribute: the name at each of the links from the vendor's key to the agent's screen. ✔ found and no finding; ✖ missing or a finding; – not reached (the chain breaks before it).</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function fit(text: string, width: number): string {
  const max = Math.floor((width - 16) / 6.6);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function nodeSvg(
  n: FlowNodeInfo,
  box: { x: number; y: number; width: number; height: number },
  payloads: number[]
): string {
  const { x, y, width: w, height: h } = box;
  const shape =
    n.kind === 'decision'
      ? `<polygon points="${x + 12},${y} ${x + w - 12},${y} ${x + w},${y + h / 2} ${x + w - 12},${y + h} ${x + 12},${y + h} ${x},${y + h / 2}"/>`
      : `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`;
  return `<g class="node ${n.kind}" data-element="${esc(n.name)}" data-kind="${n.kind}" data-payloads="${payloads.join(' ')}"><title>${esc(
    `${n.kindLabel}: ${n.label} (${n.name})`
  )}</title>${shape}<text class="kind" x="${x + w / 2}" y="${y + 16}" text-anchor="middle">${esc(n.kindLabel)}</text><text x="${x + w / 2}" y="${y + 33}" text-anchor="middle">${esc(
    fit(n.label, w)
  )}</text></g>`;
}

const d = (pts: { x: number; y: number }[], dx = 0): string =>
  pts.map((p, i) => `${i ? 'L' : 'M'}${p.x + dx},${p.y + dx}`).join(' ');

function flowSvg(flow: FlowGraph, payloads: PayloadPath[]): string {
  const L = flow.layout;
  const edges = flow.edges
    .map((e, i) => {
      const pts = L.edges[i].points;
      const mid = pts[Math.floor(pts.length / 2)];
      const label = e.label
        ? `<text class="elabel ${e.kind}" x="${mid.x + 4}" y="${mid.y - 3}">${esc(fit(e.label, 140))}</text>`
        : '';
      return `<g data-edge="${i}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" data-kind="${e.kind}"><path class="edge ${e.kind}" d="${d(pts)}" marker-end="url(#arrow${e.kind === 'fault' ? '-fault' : ''})"/>${label}</g>`;
    })
    .join('\n');
  const paths = payloads
    .map((p, pi) => {
      const colour = PATH_COLOURS[pi % PATH_COLOURS.length];
      const segs = p.edges.map((ei) => `<path d="${d(L.edges[ei].points, pi * 3)}"/>`).join('');
      return `<g class="path p${pi}" data-payload="${pi}" stroke="${colour}">${segs}</g>`;
    })
    .join('\n');
  const onPath = new Map<string, number[]>();
  payloads.forEach((p, pi) =>
    p.elements.forEach((el) => onPath.set(el, [...new Set([...(onPath.get(el) ?? []), pi])]))
  );
  const nodes = flow.nodes.map((n) => nodeSvg(n, L.nodes[n.name], onPath.get(n.name) ?? [])).join('\n');
  const rings = payloads
    .map((p, pi) =>
      [...new Set(p.elements)]
        .map((el) => {
          const b = L.nodes[el];
          return b
            ? `<rect class="ring p${pi}" x="${b.x - 3 - pi * 2}" y="${b.y - 3 - pi * 2}" width="${b.width + 6 + pi * 4}" height="${b.height + 6 + pi * 4}" rx="8" fill="none" stroke="${PATH_COLOURS[pi % PATH_COLOURS.length]}" stroke-width="2.5"/>`
            : '';
        })
        .join('')
    )
    .join('\n');
  const desc = `${flow.nodes.length - 1} elements and ${flow.edges.length} connectors of ${flow.apiName}; ${
    flow.edges.filter((e) => e.kind === 'fault').length
  } fault paths. The element list below the diagram says the same in text.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" id="flow-diagram" role="img" aria-labelledby="flow-title flow-desc" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">
<title id="flow-title">Routing flow ${esc(flow.label)}</title><desc id="flow-desc">${esc(desc)}</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6e7781"/></marker><marker id="arrow-fault" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#a40e26"/></marker></defs>
<g class="edges">${edges}</g>
<g class="paths">${paths}</g>
<g class="nodes">${nodes}</g>
<g class="rings">${rings}</g>
</svg>`;
}

function payloadSection(flow: FlowGraph, payloads: PayloadPath[]): string {
  if (!payloads.length)
    return '<p>No payload given: run <code>handoff explain --payload FILE</code> to draw where a conversation goes.</p>';
  const label = new Map(flow.nodes.map((n) => [n.name, `${n.kindLabel}: ${n.label}`]));
  return payloads
    .map((p, pi) => {
      const colour = PATH_COLOURS[pi % PATH_COLOURS.length];
      const dropped = p.keys.dropped.length
        ? `<details><summary>${p.keys.dropped.length} key${p.keys.dropped.length === 1 ? '' : 's'} dropped by the messaging layer</summary><ul>${p.keys.dropped
            .map((k) => `<li><code>${esc(k.key)}</code>: ${esc(k.reason)}</li>`)
            .join('')}</ul></details>`
        : '';
      return `<article class="payload" data-payload="${pi}" aria-labelledby="payload-${pi}-title">
<h3 id="payload-${pi}-title"><span class="swatch" style="border-color:${colour}"></span><code>${esc(p.source)}</code></h3>
<p>Outcome: <span class="outcome" data-outcome="${p.outcomeKind}">${esc(p.outcome)}</span>. ${p.keys.sent} keys sent, ${p.keys.accepted} accepted.</p>
${dropped}
<details><summary>${p.elements.length - 1} elements run, in order</summary><ol class="steps">${p.elements
        .slice(1)
        .map((el) => `<li data-element="${esc(el)}">${esc(label.get(el) ?? el)} <code>${esc(el)}</code></li>`)
        .join('')}</ol></details>
</article>`;
    })
    .join('\n');
}

function toggles(payloads: PayloadPath[]): { controls: string; css: string } {
  if (!payloads.length) return { controls: '', css: '' };
  const controls = `<fieldset class="toggle"><legend>Show the path of</legend>${payloads
    .map(
      (p, pi) =>
        `<label><input type="checkbox" id="show-p${pi}" checked> <span class="swatch" style="border-color:${PATH_COLOURS[pi % PATH_COLOURS.length]}"></span>${esc(p.source)}</label> `
    )
    .join('')}</fieldset>`;
  const css = payloads.map((_, pi) => `body:has(#show-p${pi}:not(:checked)) .p${pi}{display:none}`).join('\n');
  return { controls, css };
}

function elementList(flow: FlowGraph): string {
  const out = new Map<string, string[]>();
  for (const e of flow.edges)
    out.set(e.from, [
      ...(out.get(e.from) ?? []),
      `${e.kind === 'fault' ? 'on fault → ' : e.label ? `${e.label} → ` : '→ '}${e.to}`
    ]);
  return `<details id="flow-elements"><summary>Every element and where it leads (text)</summary><ul>${flow.nodes
    .map(
      (n) =>
        `<li data-element="${esc(n.name)}"><strong>${esc(n.kindLabel)}</strong> ${esc(n.label)} <code>${esc(n.name)}</code>: ${esc((out.get(n.name) ?? ['end']).join('; '))}</li>`
    )
    .join('')}</ul></details>`;
}

export function renderHtml(r: ExplainReport): string {
  const t = toggles(r.payloads);
  const changes = r.changes
    ? `<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">What changed since <code>${esc(r.changes.base)}</code></h2>${
        r.changes.items.length
          ? `<ul>${r.changes.items.map((c) => `<li data-area="${c.area}" data-kind="${c.kind}">${esc(c.text)}</li>`).join('')}</ul>`
          : '<p>No attribute, rule, queue or flow path changed.</p>'
      }</section>`
    : '';
  const doctor = r.doctor
    ? `<li>Org checks (doctor): ${r.doctor.passed} passed, ${r.doctor.failed} failed, ${r.doctor.warnings} warnings</li>`
    : '<li>Org not checked (add <code>-o ORG</code>)</li>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>${CSS}
${t.css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header>
<h1>${esc(r.title)}</h1>
<p class="meta">Channel <code>${esc(r.project.channel)}</code> · deployment <code>${esc(r.project.deployment)}</code> · flow <code>${esc(r.project.flow)}</code> · from <code>${esc(r.project.config)}</code></p>
</header>
<nav aria-label="Sections"><ul><li><a href="#chain">The chain</a></li><li><a href="#flow">Routing flow</a></li>${r.payloads.length ? '<li><a href="#payloads">Payloads</a></li>' : ''}${r.changes ? '<li><a href="#changes">What changed</a></li>' : ''}<li><a href="#findings">Other findings</a></li></ul></nav>
<main id="main">
<ul class="summary" aria-label="Summary">
<li>${r.counts.attributes} attributes, ${r.counts.brokenAttributes} with a broken link</li>
<li>${r.counts.findings} findings</li>
${doctor}
<li>${r.payloads.length} payload${r.payloads.length === 1 ? '' : 's'} simulated</li>
</ul>
${changes}
<section id="chain" aria-labelledby="chain-title"><h2 id="chain-title">The chain</h2>
${chainTable(r.chain)}
</section>
<section id="flow" aria-labelledby="flow-title-h"><h2 id="flow-title-h">Routing flow <code>${esc(r.flow.apiName)}</code></h2>
<p>Laid out from <code>${esc(r.flow.file)}</code>. Every fault path (dashed, red) should lead to the fallback queue <code>${esc(r.flow.fallbackQueue)}</code>.</p>
<ul class="legend" aria-label="Legend"><li><span class="swatch edge"></span>connector</li><li><span class="swatch fault"></span>fault path</li>${r.payloads
    .map(
      (p, i) =>
        `<li><span class="swatch" style="border-color:${PATH_COLOURS[i % PATH_COLOURS.length]}"></span>path of ${esc(p.source)}</li>`
    )
    .join('')}</ul>
${t.controls}
<figure class="diagram">${flowSvg(r.flow, r.payloads)}</figure>
${elementList(r.flow)}
</section>
${r.payloads.length ? `<section id="payloads" aria-labelledby="payloads-title"><h2 id="payloads-title">Payloads</h2>${payloadSection(r.flow, r.payloads)}</section>` : ''}
<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Other findings</h2>
${r.otherFindings.length ? findingsHtml(r.otherFindings) : '<p>None: every finding is shown on its link above, or there is none.</p>'}
</section>
</main>
<footer><p class="meta">Written by <code>handoff explain</code>. The same data: <code>handoff explain --json</code>.</p></footer>
</body>
</html>
`;
}
