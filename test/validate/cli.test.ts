import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../../scripts/commands/validate';
import { createOutput } from '../../scripts/cli/output';
import { UsageError, UserError } from '../../scripts/project/errors';

const RETRIEVED = path.resolve(__dirname, '../fixtures/validate/retrieved');

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let buf = '';
  const stream = { write: (s: string) => ((buf += s), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => buf };
}

async function run(argv: string[], json = false) {
  const out = sink();
  const err = sink();
  const res = await command.run({
    argv,
    out: createOutput(json, { out: out.stream, err: err.stream } as never),
    root: RETRIEVED
  });
  return { ...res, stdout: out.text(), stderr: err.text() };
}

describe('handoff validate command', () => {
  test('exit 0 and a summary on a clean project', async () => {
    const r = await run([]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^No findings: 8 files, \d+ rules\.$/m);
  });

  test('exit 1 with findings grouped by file, rule id, line and fix', async () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'hk-validate-cli-'));
    fs.cpSync(RETRIEVED, dir, { recursive: true });
    const flow = path.join(dir, 'force-app/main/default/flows/Support_Routing.flow-meta.xml');
    fs.writeFileSync(
      flow,
      fs.readFileSync(flow, 'utf8').replace('<status>Active</status>', '<status>Obsolete</status>')
    );
    const r = await run(['--root', dir, '--rule', 'flow']);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      'force-app/main/default/flows/Support_Routing.flow-meta.xml\n  error flow/status-active (line 274): Flow Support_Routing is Obsolete, not Active\n    fix: Set <status>Active</status>'
    );
    const result = r.result as { findings: { rule: string; line: number }[]; rules: string[] };
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'flow/status-active', line: 274 })]);
    expect(result.rules.every((id) => id.startsWith('flow/'))).toBe(true);
  });

  test('a notice prints as a notice, not a warning: --strict does not fail on it', async () => {
    const out = sink();
    const err = sink();
    const res = await command.run({
      argv: ['--strict', '--rule', 'identity'],
      out: createOutput(false, { out: out.stream, err: err.stream } as never),
      root: path.resolve(__dirname, '../..')
    });
    expect(res.exitCode).toBe(0);
    expect(err.text()).toMatch(/^Notice: identity\/unverified-email: Contact matching is off/m);
    expect(err.text()).not.toContain('Warning:');
  });

  test('--rule and --skip take ids, families and comma lists', async () => {
    const r = await run(['--rule', 'chain,settings/remote-site-https', '--skip', 'chain/prechat-active'], true);
    const rules = (r.result as { rules: string[] }).rules;
    expect(rules).toContain('chain/field-permission');
    expect(rules).toContain('settings/remote-site-https');
    expect(rules).not.toContain('chain/prechat-active');
    expect(rules).not.toContain('settings/endpoint-remote-site');
    expect(r.stdout).toBe(''); // --json: the dispatcher prints the one document
  });

  describe("exit code policy (--fail-on, as Code Analyzer's --severity-threshold)", () => {
    // A real org's retrieve: its findings are warnings only (2 in this fixture).
    const WARNINGS_ONLY = path.resolve(__dirname, '../fixtures/retrieved/minlopro-digex');

    test('warnings alone exit 0 and say so', async () => {
      const r = await run(['--root', WARNINGS_ONLY]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/^2 findings \(0 errors, 2 warnings\)/m);
      expect(r.stdout).toContain('Warnings alone do not fail the run (--strict fails on them).');
    });

    test('--strict and --fail-on warning exit 1 on warnings', async () => {
      expect((await run(['--root', WARNINGS_ONLY, '--strict'])).exitCode).toBe(1);
      const r = await run(['--root', WARNINGS_ONLY, '--fail-on', 'warning']);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).not.toContain('Warnings alone');
    });

    test('--fail-on error keeps the default; a clean project exits 0 even with --strict', async () => {
      expect((await run(['--root', WARNINGS_ONLY, '--fail-on', 'error'])).exitCode).toBe(0);
      expect((await run(['--strict'])).exitCode).toBe(0);
    });

    test('a bad --fail-on value, or --strict with --fail-on error, is a usage error naming the flag', async () => {
      await expect(run(['--fail-on', 'info'])).rejects.toThrow('--fail-on takes error or warning, not "info"');
      await expect(run(['--strict', '--fail-on', 'error'])).rejects.toThrow(UsageError);
    });
  });

  test('an unknown rule is a usage error (exit 2)', async () => {
    await expect(run(['--rule', 'chain/no-such-rule'])).rejects.toThrow(UsageError);
    await expect(run(['--frobnicate'])).rejects.toThrow(UsageError);
  });

  test('-o with an unknown alias fails as a user error before any deploy', async () => {
    const env = { ...process.env };
    process.env.HOME = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'hk-validate-home-'));
    try {
      await expect(run(['-o', 'no-such-alias-for-handoff-tests'])).rejects.toThrow(UserError);
    } finally {
      process.env = env;
    }
  });
});
