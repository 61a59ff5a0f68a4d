/**
 * The layers of docs/architecture.md are held by the linter (eslint.config.js): these probes are
 * files a careless change could add, linted as if they sat in the tree, and each must fail with the
 * rule that guards its layer. ESLint runs in a child process (its flat config loads by dynamic
 * import, which jest's module system does not host), once for all probes. import/no-cycle cannot
 * read a file that is not on disk, so it is off for the probes and checked as configured instead.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

interface Probe {
  /** Where the probe pretends to live, relative to the project root. */
  file: string;
  code: string;
}

interface LintVerdict {
  file: string;
  rules: string[];
}

interface LintRun {
  verdicts: LintVerdict[];
  /** The severity import/no-cycle has for scripts/ and bench/ files (2 = error). */
  noCycle: unknown[];
}

/** Lints each probe's text as if it were at its path; returns the rule ids that fired, per probe. */
function lint(probes: Probe[]): LintRun {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const probes = JSON.parse(process.argv[1]);
      const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
      const verdicts = [];
      for (const p of probes) {
        const [result] = await eslint.lintText(p.code, { filePath: p.file });
        verdicts.push({ file: p.file, rules: result.messages.map((m) => m.ruleId ?? m.message) });
      }
      const configured = new ESLint({ cwd: process.cwd() });
      const noCycle = [];
      for (const f of ['scripts/validate/index.ts', 'bench/run.ts']) {
        const rule = (await configured.calculateConfigForFile(f)).rules['import/no-cycle'];
        noCycle.push(Array.isArray(rule) ? rule[0] : rule);
      }
      process.stdout.write(JSON.stringify({ verdicts, noCycle }));
    })().catch((e) => { console.error(e); process.exit(3); });
  `;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000
  });
  return JSON.parse(stdout) as LintRun;
}

describe('lint holds the layers', () => {
  it('fails validate importing generate, scripts importing test, non-commands using the CLI helpers, a doctor check reading the org and a require by string; passes the allowed direction', () => {
    const { verdicts, noCycle } = lint([
      {
        file: 'scripts/validate/rules/probe.ts',
        code: "import { checkDrift } from '../../generate/build';\nexport const probe = checkDrift;\n"
      },
      {
        file: 'scripts/simulate/probe.ts',
        code: "import { GENERATORS } from '../generate/index';\nexport const probe = GENERATORS;\n"
      },
      {
        file: 'scripts/org/probe.ts',
        code: "import { OrgEmulator } from '../../test/emulator/server';\nexport const probe = OrgEmulator;\n"
      },
      {
        file: 'scripts/config/probe.ts',
        code: "import { resolveModel } from '../model/resolve';\nexport const probe = resolveModel;\n"
      },
      {
        file: 'scripts/org/probe2.ts',
        code: "import { parseFlags } from '../cli/args';\nexport const probe = parseFlags;\n"
      },
      {
        file: 'scripts/commands/probe.ts',
        code: "import { parseFlags } from '../cli/args';\nimport { checkDrift } from '../generate/build';\nexport const probe = [parseFlags, checkDrift];\n"
      },
      {
        file: 'scripts/validate/probe2.ts',
        code: "export const probe = () => import('../generate/build');\n"
      },
      {
        file: 'scripts/org/doctor/checks/probe.ts',
        code: "import { queryAll } from '../../doctorSoql';\nimport { readChannel } from '../read/channel';\nexport const probe = [queryAll, readChannel];\n"
      },
      {
        file: 'scripts/commands/probe2.ts',
        code: "export const probe = [require('../generate/build'), require('../../package.json'), require('ajv')];\n"
      }
    ]);
    expect(verdicts).toEqual([
      { file: 'scripts/validate/rules/probe.ts', rules: ['import/no-restricted-paths'] },
      { file: 'scripts/simulate/probe.ts', rules: ['import/no-restricted-paths'] },
      { file: 'scripts/org/probe.ts', rules: ['import/no-restricted-paths'] },
      { file: 'scripts/config/probe.ts', rules: ['import/no-restricted-paths'] },
      { file: 'scripts/org/probe2.ts', rules: ['import/no-restricted-paths'] },
      { file: 'scripts/commands/probe.ts', rules: [] },
      // A lazy import() is held by the same layer rules; a require by string is refused outright.
      { file: 'scripts/validate/probe2.ts', rules: ['import/no-restricted-paths'] },
      {
        file: 'scripts/org/doctor/checks/probe.ts',
        rules: ['import/no-restricted-paths', 'import/no-restricted-paths']
      },
      { file: 'scripts/commands/probe2.ts', rules: ['no-restricted-syntax'] }
    ]);
    expect(noCycle).toEqual([2, 2]);
  }, 300_000);
});
