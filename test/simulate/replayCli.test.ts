/** `handoff simulate --replay` through the CLI: a file with no payload line fails with what --replay takes. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');

describe('simulate --replay of a file with no payload line', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-replay-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const hint = [
    '  - --replay takes JSON Lines: one payload per line, e.g. {"_email": "a@example.com", "plan": "pro"}.',
    '  - One payload in a file of its own (pretty-printed JSON) is `handoff simulate FILE`, without --replay.'
  ].join('\n');

  it('a pretty-printed payload fails (exit 1) and points to simulate without --replay', async () => {
    const file = path.join(dir, 'one.json');
    fs.writeFileSync(file, JSON.stringify({ _email: 'a@example.com', plan: 'pro' }, null, 2) + '\n');
    const run = await runCli(['simulate', '--replay', file], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: ${file}: no line is a payload to replay (none of its 4 non-empty lines is a JSON object of routing attributes).\n${hint}\n`
    );
  });

  it('an empty file fails (exit 1)', async () => {
    const file = path.join(dir, 'empty.jsonl');
    fs.writeFileSync(file, '\n');
    const run = await runCli(['simulate', '--replay', file], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: ${file}: no line is a payload to replay (it has no non-empty line).\n${hint}\n`
    );
  });

  it('one readable line is enough: bad lines stay counted, not fatal', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    fs.writeFileSync(file, '{"_email": "a@example.com"}\nnot json\n');
    const run = await runCli(['simulate', '--replay', file, '--json'], ROOT);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { result: { payloads: number; badLines: number } }).result).toMatchObject({
      payloads: 1,
      badLines: 1
    });
  });
});
