/**
 * dist/ is what the package ships: tsconfig.json compiles scripts/ and nothing they do not import, so
 * a scripts/ file that reached into test/ (the emulator) or bench/ would show up in this list. The
 * bench compiles separately (tsconfig.bench.json → dist-bench/) because it drives the emulator.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

it('the shipped build compiles only scripts/: no test code, no emulator, no bench', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const listed = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFilesOnly'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000
  })
    .split('\n')
    .filter((f) => f && !f.includes('/node_modules/'))
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  expect(listed.length).toBeGreaterThan(50);
  expect(listed.filter((f) => !f.startsWith('scripts/'))).toEqual([]);
}, 300_000);
