/**
 * `npm run bench`: runs every bench/*.bench.ts (compiled to dist/bench) and prints one table.
 * A bench module exports `run(report)`; timing lives here and in the benches, never in unit tests.
 * Pass names to run only some: `npm run bench -- build simulate`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

type BenchModule = { run(report: (row: BenchRow) => void): Promise<void> };

/** Median wall time of `fn` over `runs` runs after one warm-up, in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  console.log(`Handoff Kit benchmarks (node ${process.version}, ${require('node:os').cpus().length} cores)`);
  for (const file of files) {
    const name = file.replace(/\.bench\.js$/, '');
    console.log(`\n${name}`);
    const mod = require(path.join(__dirname, file)) as BenchModule;
    await mod.run((row) => {
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
