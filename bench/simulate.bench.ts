/**
 * `handoff simulate --replay` throughput: 100,000 Fin-style payloads through the example project
 * (messaging layer + flow interpreter + in-memory org), against the floor of merely splitting and
 * JSON.parse-ing the same JSONL file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSimProject } from '../scripts/simulate/project';
import { replay, simulatorFor } from '../scripts/simulate/replay';
import type { BenchRow } from './measure';

const PAYLOADS = 100_000;
const ROOT = path.resolve(__dirname, '../..');

function payloadLine(i: number): string {
  const countries = ['US', 'DE', 'AT', 'CH', 'FR', 'GB'];
  const plans = ['free', 'pro', 'business', 'enterprise'];
  return JSON.stringify({
    _firstName: `First${i}`,
    _lastName: `Last${i}`,
    _email: `user${i}@example.com`,
    _subject: `Question number ${i} about billing`,
    conversation_custom_data_Name: `First${i} Last${i}`,
    'conversation_custom_data_AI Tone of Voice': 'Friendly',
    user_user_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    user_email: `user${i}@example.com`,
    user_geoip_data_country_code2: countries[i % countries.length],
    user_geoip_data_city_name: 'Somewhere',
    user_browser_locale: 'en',
    plan: plans[i % plans.length],
    user_custom_data_unmapped: `extra ${i}`
  });
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-sim-bench-'));
  try {
    const file = path.join(dir, 'payloads.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < PAYLOADS; i++) lines.push(payloadLine(i));
    fs.writeFileSync(file, lines.join('\n') + '\n');

    // Floor: read the file, split it into lines, JSON.parse each.
    let t0 = process.hrtime.bigint();
    const text = fs.readFileSync(file, 'utf8');
    let parsed = 0;
    for (const line of text.split('\n')) if (line) parsed += JSON.parse(line) ? 1 : 0;
    const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;

    // The replay: project loaded and compiled once, then every payload simulated.
    t0 = process.hrtime.bigint();
    const sim = simulatorFor(loadSimProject(ROOT));
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    const summary = replay(fs.readFileSync(file), file, sim, {
      scenario: { agents: new Map([['Handoff_DACH', 0]]), defaultAgents: 1, hours: 'open' },
      tracing: false
    });
    const replayMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (summary.payloads !== PAYLOADS || parsed !== PAYLOADS)
      throw new Error(`bench: expected ${PAYLOADS} payloads, replayed ${summary.payloads}`);

    report({ name: 'simulate: load and compile the example project', value: Math.round(loadMs * 10) / 10, unit: 'ms' });
    report({
      name: 'simulate: replay 100,000 payloads',
      value: Math.round(PAYLOADS / (replayMs / 1000)),
      unit: 'payloads/s',
      note: `${Math.round(replayMs)} ms; outcomes ${JSON.stringify(summary.outcomes)}`
    });
    report({
      name: 'simulate: JSONL parse only (floor)',
      value: Math.round(PAYLOADS / (parseMs / 1000)),
      unit: 'payloads/s',
      note: `${Math.round(parseMs)} ms`
    });
    report({
      name: 'simulate: replay time / parse-only time',
      value: Math.round((replayMs / parseMs) * 10) / 10,
      unit: 'x'
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
