/** `handoff build` on configs of 10, 100 and 1,000 attributes: resolve + generate + write. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from '../scripts/generate/build';
import type { HandoffConfig } from '../scripts/config/types';
import { medianMs, type BenchRow } from './measure';

export function syntheticConfig(attributes: number): HandoffConfig {
  const base = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'handoff.config.json'), 'utf8')
  ) as HandoffConfig;
  const groups = ['Customer', 'Conversation', 'Location', 'Other'] as const;
  const extra = Array.from({ length: Math.max(0, attributes - base.attributes.length) }, (_, i) => ({
    key: `conversation_custom_data_Synthetic Attribute ${i}`,
    label: `Synthetic ${i}`,
    group: groups[i % 4]
  }));
  return { ...base, attributes: [...base.attributes, ...extra].slice(0, attributes) };
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-build-'));
  try {
    for (const n of [10, 100, 1000]) {
      const configFile = path.join(dir, `config-${n}.json`);
      const config = syntheticConfig(n);
      // Rules and contact matching must reference attributes that survive the cut.
      if (n < 24) {
        config.routing.rules = [];
        delete config.contactMatching;
      }
      fs.writeFileSync(configFile, JSON.stringify(config));
      const out = path.join(dir, `out-${n}`);
      // A cold build writes every file; a warm build compares and writes nothing.
      const cold = await medianMs(() => {
        fs.rmSync(out, { recursive: true, force: true });
        return build(configFile, out);
      }, 3);
      const warm = await medianMs(() => build(configFile, out), 3);
      const files = build(configFile, out).files;
      report({ name: `build ${n} attributes (clean output, ${files} files)`, value: cold, unit: 'ms' });
      report({ name: `build ${n} attributes (output current)`, value: warm, unit: 'ms' });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
