import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExplainReport } from '../../scripts/explain/types';
import { loadSimProject } from '../../scripts/simulate/project';
import { runCli } from '../support/cli';
import { makeProject, REPO, writeGenerated } from './projects';

async function explain(
  dir: string,
  args: string[] = []
): Promise<{ code: number; report: ExplainReport & { markdown?: string } }> {
  const run = await runCli(['explain', ...args, '--json'], dir);
  if (run.code > 1) throw new Error(run.stdout + run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout).result };
}

describe('handoff explain: the report data (--json)', () => {
  const dir = makeProject('example');
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'handoff.config.json'), 'utf8'));

  it('has one chain row per attribute, every link green, truncations marked', async () => {
    const { code, report } = await explain(dir);
    expect(code).toBe(0);
    expect(report.chain.map((r) => r.key)).toEqual(config.attributes.map((a: { key: string }) => a.key));
    for (const row of report.chain)
      expect(row.links.map((l) => [l.step, l.ok])).toEqual([
        ['parameter', true],
        ['prechat', true],
        ['mapping', true],
        ['variable', true],
        ['field', true],
        ['access', true]
      ]);
    const preview = report.chain.find((r) => r.key === 'conversation_custom_data_Fin AI Agent: Preview')!;
    expect(preview.naming).toEqual({ reason: 'truncated', detail: expect.stringContaining('the limit is 40') });
    expect(preview.links[0].value).toBe('conversation_custom_data_Fin_AI_A_qimz4r');
  });

  it('draws every element of the flow file and every fault path, laid out without overlap', async () => {
    const { report } = await explain(dir);
    const sim = loadSimProject(dir);
    expect(
      report.flow.nodes
        .map((n) => n.name)
        .slice(1)
        .sort()
    ).toEqual([...sim.flow.nodes.keys()].sort());
    const faults = [...sim.flow.nodes.values()].filter((n) => 'fault' in n && n.fault);
    expect(report.flow.edges.filter((e) => e.kind === 'fault')).toHaveLength(faults.length);
    expect(report.flow.nodes.some((n) => n.kind === 'routeWork')).toBe(true);
    expect(report.flow.nodes.some((n) => n.kind === 'case')).toBe(true);
    const boxes = Object.values(report.flow.layout.nodes);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
  });

  it('draws a payload path from the simulator trace, connector by connector, with its outcome', async () => {
    const { report } = await explain(dir, ['--payload', path.join(REPO, 'examples/payloads/fin-sample.json')]);
    const [p] = report.payloads;
    expect(p.outcome).toBe('queue Handoff_DACH');
    expect(p.elements[0]).toBe('$Start');
    expect(p.elements.at(-1)).toBe('HK_Route_To_Queue');
    // Every step of the path is a real connector, and consecutive connectors join up.
    expect(p.edges).toHaveLength(p.elements.length - 1);
    p.edges.forEach((ei, i) => {
      expect(report.flow.edges[ei].from).toBe(p.elements[i]);
      expect(report.flow.edges[ei].to).toBe(p.elements[i + 1]);
    });
  });

  it('marks a broken link red with the validator finding on it', async () => {
    const broken = makeProject('example');
    const file = path.join(broken, 'force-app/generated/messagingChannels/Handoff_Messaging.messagingChannel-meta.xml');
    const xml = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      xml.replace('<actionParameterName>plan</actionParameterName>', '<actionParameterName>Plan</actionParameterName>')
    );
    const { code, report } = await explain(broken);
    expect(code).toBe(1);
    const row = report.chain.find((r) => r.key === 'plan')!;
    const mapping = row.links.find((l) => l.step === 'mapping')!;
    expect(mapping.ok).toBe(false);
    expect(mapping.findings.map((f) => f.rule)).toContain('chain/mapping-matches-flow-variable');
    expect(report.chain.filter((r) => r.links.some((l) => !l.ok)).map((r) => r.key)).toEqual(['plan']);
  });

  it('--markdown prints a table row per attribute and a Mermaid flowchart with the payload path', async () => {
    const run = await runCli(
      ['explain', '--markdown', '--payload', path.join(REPO, 'examples/payloads/fin-sample.json')],
      dir
    );
    expect(run.code).toBe(0);
    const md = run.stdout;
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(config.attributes.length);
    expect(md).toContain('```mermaid\nflowchart TD\n');
    expect(md).toMatch(/ -\.->\|"fault"\| /);
    expect(md).toMatch(/linkStyle [\d,]+ stroke:#0550ae,stroke-width:4px/);
    expect(md).toContain('queue Handoff_DACH');
    expect(fs.existsSync(path.join(dir, 'handoff-report.html'))).toBe(false);
  });

  it('writes the HTML page with no reference to the network', async () => {
    const run = await runCli(['explain', '--out', 'r.html'], dir);
    expect(run.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<main id="main">');
    expect(html).not.toMatch(/<script|<link |src="http|href="http|@import|url\(http/);
  });

  it('usage errors exit 2 and name the flag', async () => {
    const run = await runCli(['explain', '--base'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('handoff explain:');
  });
});

describe('handoff explain --base', () => {
  const git = (dir: string, ...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' }
    );

  it('says exactly that one attribute was renamed, and nothing else', async () => {
    const dir = makeProject('fullview');
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
    const file = path.join(dir, 'handoff.config.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    const attr = config.attributes.find((a: { key: string }) => a.key === 'customer_id');
    attr.key = 'account_id';
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
    writeGenerated(dir);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'rename customer_id');
    const { report } = await explain(dir, ['--base', 'HEAD~1']);
    expect(report.changes).toEqual({
      base: 'HEAD~1',
      items: [
        {
          area: 'attribute',
          kind: 'renamed',
          text: 'Attribute "customer_id" renamed to "account_id" (channel parameter and flow variable customer_id → account_id; field MessagingSession.customer_id__c → MessagingSession.account_id__c)'
        }
      ]
    });
    const md = (await runCli(['explain', '--markdown', '--base', 'HEAD~1'], dir)).stdout;
    expect(md).toContain('- Attribute "customer_id" renamed to "account_id"');
  });

  it('an unknown revision is a clear error, not a stack trace', async () => {
    const dir = makeProject('generic');
    git(dir, 'init', '-q');
    const run = await runCli(['explain', '--base', 'no-such-ref'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--base no-such-ref: not a commit of the git repository');
    expect(run.stderr).not.toContain('    at ');
  });
});
