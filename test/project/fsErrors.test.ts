/**
 * File-system mistakes are user errors (test/fixtures/fs-errors/expected.json): the path, what is
 * wrong and the fix; exit 1; no stack trace; no hang (a path under /proc used to loop in mkdir).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

interface Case {
  name: string;
  argv: string[];
  setup?: { dir?: string; bom?: string };
  code: number;
  stderr: string;
}

const ROOT = path.resolve(__dirname, '../..');
const { cases } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/fs-errors/expected.json'), 'utf8')) as {
  cases: Case[];
};

function exampleProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-fs-'));
  for (const f of ['sfdx-project.json', 'handoff.config.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  return dir;
}

test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const dir = exampleProject();
  try {
    if (c.setup?.dir) fs.mkdirSync(path.join(dir, c.setup.dir));
    if (c.setup?.bom) {
      const file = path.join(dir, c.setup.bom);
      fs.writeFileSync(file, '\uFEFF' + fs.readFileSync(file, 'utf8'));
    }
    const run = await runCli(c.argv, dir);
    expect({ code: run.code, stderr: run.stderr.replace(/^Validating .*\n/, '') }).toEqual({
      code: c.code,
      stderr: c.stderr.replaceAll('<tmp>', fs.realpathSync(dir))
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
