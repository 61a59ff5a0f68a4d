/**
 * File-system mistakes are user errors (test/fixtures/fs-errors/expected.json): the path, what is
 * wrong and the fix; exit 1; no stack trace; no hang (a path under /proc used to loop in mkdir).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runBuiltCli } from '../support/builtCli';

interface Case {
  name: string;
  argv: string[];
  setup?: { dir?: string; write?: Record<string, string>; bom?: string; readonly?: string };
  code: number;
  stderr: string;
}

const { cases } = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/fs-errors/expected.json'), 'utf8')
) as { cases: Case[] };

const isRoot = process.getuid?.() === 0;

/** A folder nobody may write: root ignores permission bits, so it gets the immutable attribute. */
function lock(dir: string, on: boolean): void {
  if (isRoot) execFileSync('chattr', [on ? '+i' : '-i', dir]);
  else fs.chmodSync(dir, on ? 0o555 : 0o755);
}

it('has a case for each mistake of issue 12 item 6', () => {
  expect(cases.map((c) => c.name)).toEqual(
    expect.arrayContaining([
      '--out is a file',
      '--out under /proc (was an endless mkdir loop)',
      '--out in a read-only folder',
      'the config is a folder',
      'a BOM at the start of the config',
      'a BOM at the start of handoff.validate.json',
      'sfdx-project.json is not valid JSON (build)',
      'sfdx-project.json lists no packageDirectories (build)'
    ])
  );
});

test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-fs-'));
  const locked = c.setup?.readonly ? path.join(dir, c.setup.readonly) : undefined;
  try {
    for (const f of ['sfdx-project.json', 'handoff.config.json'])
      fs.copyFileSync(path.join(REPO_ROOT, f), path.join(dir, f));
    if (c.setup?.dir) {
      fs.rmSync(path.join(dir, c.setup.dir), { force: true });
      fs.mkdirSync(path.join(dir, c.setup.dir));
    }
    for (const [file, text] of Object.entries(c.setup?.write ?? {})) fs.writeFileSync(path.join(dir, file), text);
    if (c.setup?.bom) {
      const file = path.join(dir, c.setup.bom);
      fs.writeFileSync(file, '\uFEFF' + fs.readFileSync(file, 'utf8'));
    }
    if (locked) {
      fs.mkdirSync(locked);
      lock(locked, true);
    }
    const run = runBuiltCli(c.argv, dir, 20_000);
    expect({ timedOut: run.timedOut, code: run.code, stderr: run.stderr.replace(/^Validating .*\n/, '') }).toEqual({
      timedOut: false,
      code: c.code,
      stderr: c.stderr
    });
  } finally {
    if (locked) lock(locked, false);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
