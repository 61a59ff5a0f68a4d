/**
 * `npm run bench`: runs every bench in BENCHES (compiled by tsconfig.bench.json to dist-bench/, apart
 * from dist/, because the deploy bench drives the test emulator) and prints one table. A bench module
 * exports `run(report)`; timing lives here and in the benches, never in unit tests.
 * Pass names to run only some: `npm run bench -- build simulate`.
 */
import * as os from 'node:os';
import * as build from './build.bench';
import * as deploy from './deploy.bench';
import type { BenchRow } from './measure';
import * as simulate from './simulate.bench';
import * as validate from './validate.bench';

type BenchModule = { run(report: (row: BenchRow) => void): Promise<void> };

/** Every bench, in the order the table lists them; a new bench module is added here. */
export const BENCHES: readonly { name: string; bench: BenchModule }[] = [
  { name: 'build', bench: build },
  { name: 'deploy', bench: deploy },
  { name: 'simulate', bench: simulate },
  { name: 'validate', bench: validate }
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Handoff Kit benchmarks (node ${process.version}, ${os.cpus().length} cores)`);
  for (const { name, bench } of BENCHES) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    console.log(`\n${name}`);
    await bench.run((row) => {
      const value = row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
      console.log(`  ${row.name.padEnd(52)} ${value.padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
    });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
