/** A closed stdout pipe (`handoff … | head`) drops the rest of the output instead of crashing. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { dropOutputOnBrokenPipe } from '../../scripts/cli/brokenPipe';

const REPO = path.resolve(__dirname, '../..');

test('after EPIPE, writes are dropped and the command runs on', () => {
  const stream = new PassThrough();
  dropOutputOnBrokenPipe(stream);
  dropOutputOnBrokenPipe(stream);
  expect(stream.listenerCount('error')).toBe(1);
  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  expect(() => stream.emit('error', epipe)).not.toThrow();
  expect(stream.write('more output\n')).toBe(true);
  expect(stream.read()).toBeNull();
});

test('any other stream error is still raised', () => {
  const stream = new PassThrough();
  dropOutputOnBrokenPipe(stream);
  const eio = Object.assign(new Error('write EIO'), { code: 'EIO' });
  expect(() => stream.emit('error', eio)).toThrow('write EIO');
});

test('handoff simulate into a reader that has gone: no stack trace, the command ends with its own exit code', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-pipe-'));
  // The CLI from its TypeScript sources (test/support/moduleProbe.js compiles them as jest does);
  // `true` exits without reading, so every line simulate prints goes to a closed pipe.
  const cli = `node -r ./test/support/moduleProbe.js -e 'require("./scripts/cli/main.ts").main(process.argv.slice(1)).then((c) => { process.exitCode = c; })' --`;
  const run = spawnSync('bash', ['-o', 'pipefail', '-c', `${cli} simulate examples/payloads/fin-sample.json | true`], {
    cwd: REPO,
    env: {
      ...process.env,
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
      HANDOFF_MODULE_PROBE: path.join(dir, 'probe.json')
    },
    encoding: 'utf8',
    timeout: 120_000
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(run.status).toBe(0);
});
