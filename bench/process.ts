/**
 * Whole-process measurement: each run is a fresh `node` process with a probe preloaded that reports
 * its CPU time and peak memory (process.resourceUsage at exit); wall time is taken around the spawn.
 * Runs of a command and its baseline are interleaved in pairs, the order alternating, so load from
 * other work on the machine falls on both sides; ratios are per pair, then the median and spread.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  exitCode: number | null;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

const PROBE_SOURCE = `process.on('exit', () => {
  const r = process.resourceUsage();
  require('fs').writeFileSync(process.env.HANDOFF_BENCH_PROBE, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, peakMb: r.maxRSS / 1024 }));
});
`;

let probeFile: string | undefined;
function probe(): string {
  if (!probeFile) {
    probeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hk-bench-probe-')), 'probe.js');
    fs.writeFileSync(probeFile, PROBE_SOURCE);
  }
  return probeFile;
}

/** Runs `node <args>` in `cwd` with the probe; a non-zero exit is recorded, not thrown (findings exit 1). */
export function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ProcessRun {
  const out = path.join(path.dirname(probe()), `run-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', probe(), ...args], {
    cwd,
    env: { ...process.env, ...env, HANDOFF_BENCH_PROBE: out },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let usage = { cpuMs: NaN, peakMb: NaN };
  try {
    usage = JSON.parse(fs.readFileSync(out, 'utf8')) as typeof usage;
    fs.rmSync(out);
  } catch {
    throw new Error(
      `bench: node ${args.join(' ')} did not finish (exit ${run.status}): ${String(run.stderr).slice(0, 400)}`
    );
  }
  return { wallMs, ...usage, exitCode: run.status };
}

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

export interface Paired {
  a: ProcessRun[];
  b: ProcessRun[];
  /** a.wallMs / b.wallMs per pair. */
  ratio: Spread;
  /** a.cpuMs / b.cpuMs per pair. */
  cpuRatio: Spread;
  /** Each pair's wall and CPU ratio, in run order (how many pairs meet a goal). */
  pairs: PairRatio[];
}

export interface PairRatio {
  wall: number;
  cpu: number;
}

/** The wall and CPU ratio of each run of a to the run of b it was paired with. */
export function pairRatios(as: ProcessRun[], bs: ProcessRun[]): PairRatio[] {
  return as.map((r, i) => ({ wall: r.wallMs / bs[i].wallMs, cpu: r.cpuMs / bs[i].cpuMs }));
}

/** `reps` pairs of a and b, alternating which runs first, after one untimed pair. */
export function paired(a: () => ProcessRun, b: () => ProcessRun, reps: number): Paired {
  a();
  b(); // one untimed pair: the file cache and node's own start-up files
  const as: ProcessRun[] = [];
  const bs: ProcessRun[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2) {
      bs.push(b());
      as.push(a());
    } else {
      as.push(a());
      bs.push(b());
    }
  }
  const pairs = pairRatios(as, bs);
  return {
    a: as,
    b: bs,
    ratio: spread(pairs.map((p) => p.wall)),
    cpuRatio: spread(pairs.map((p) => p.cpu)),
    pairs
  };
}
