/**
 * Runs the compiled CLI (`node bin/handoff.js`, from dist/ as `npm run build:cli` leaves it) as a
 * child process: what a user runs, with a time limit, so a command that hangs (an endless mkdir loop)
 * fails its test instead of stalling the run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliRun } from './cli';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const HANDOFF_BIN = path.join(REPO_ROOT, 'bin', 'handoff.js');

export function runBuiltCli(
  argv: string[],
  cwd: string,
  timeoutMs = 60_000,
  env: NodeJS.ProcessEnv = {}
): CliRun & { timedOut: boolean } {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'scripts', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build:cli` before these tests');
  const run = spawnSync(process.execPath, [HANDOFF_BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, FORCE_COLOR: '0', ...env }
  });
  return {
    code: run.status ?? -1,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    timedOut: run.error !== undefined && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
  };
}
