/**
 * The kit as a user gets it: `npm pack`, then `npm install` of the tarball into a fresh sfdx project
 * whose package directory is src/core, and the installed `handoff` binary run there — init, build,
 * validate, simulate, then deploy --dry-run, deploy, seed and doctor against the loopback emulator.
 * The install comes from the local npm cache (--prefer-offline); nothing but the npm registry and
 * 127.0.0.1 is contacted.
 *
 * It installs a few hundred packages (1–4 minutes), so it runs when asked, as `.ci/run` does:
 * HANDOFF_PACKAGE_TARBALL: the tarball to test (CI packs once, with the prepack build), or "pack" to
 * pack the checkout here with --ignore-scripts (the dist/ that `npm install` compiled).
 * HANDOFF_PACKAGE_NODES: colon-separated node binaries the installed CLI runs on, one pass each (CI:
 * Node 22 and 24); default: the node running jest.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { OrgEmulator } from '../emulator/server';
import { registerRest } from '../emulator/rest';
import { registerMiaw } from '../emulator/miaw';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const NODES = (process.env.HANDOFF_PACKAGE_NODES || process.execPath).split(':').filter(Boolean);
const ENABLED = Boolean(process.env.HANDOFF_PACKAGE_TARBALL);
const NPM_ENV = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false'
};

let work: string;
let project: string;
let tarball: string;
let emu: OrgEmulator;

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: NPM_ENV, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  return stdout;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed `handoff` in the user's project (asynchronously: the emulator answers in this process). */
let node = process.execPath;
async function handoff(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const bin = path.join(project, 'node_modules', '.bin', 'handoff');
  try {
    const { stdout, stderr } = await run(node, [bin, ...args], {
      cwd: project,
      env: { ...process.env, SF_DISABLE_LOG_FILE: 'true', SF_DISABLE_TELEMETRY: 'true', ...env },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const json = (r: Run): { status: number; result: Record<string, unknown> } => JSON.parse(r.stdout);
const orgEnv = (): Record<string, string> => ({
  SF_CLIENT_ID: 'emulator-client-id',
  SF_CLIENT_SECRET: 'emulator-client-secret',
  SF_LOGIN_URL: emu.url
});

const suite = ENABLED ? describe : describe.skip;

suite('the packed kit installed in a src/core project', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-pack-'));
    tarball = process.env.HANDOFF_PACKAGE_TARBALL === 'pack' ? '' : path.resolve(process.env.HANDOFF_PACKAGE_TARBALL!);
    if (!tarball) {
      const packed = JSON.parse(
        await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)
      ) as { filename: string }[];
      tarball = path.join(work, packed[0].filename);
    }
    project = path.join(work, 'acme-org');
    fs.mkdirSync(path.join(project, 'src', 'core'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'acme-org', version: '1.0.0', private: true }, null, 2)
    );
    fs.writeFileSync(
      path.join(project, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'src/core', default: true }], sourceApiVersion: '66.0' }, null, 2)
    );
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
    emu = await OrgEmulator.start({ plugins: [registerRest, registerMiaw] });
  }, 300_000);

  afterAll(async () => {
    await emu?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  jest.setTimeout(180_000);

  test('the tarball ships the compiled CLI, the schema and the platform code, and nothing of the tests', async () => {
    const listing = await run('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
    const files = listing.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/handoff.js',
        'dist/scripts/cli/main.js',
        'schemas/handoff.config.schema.json',
        'scripts/validate/wsdl/facts.json',
        'force-app/main/default/classes/HandoffEndConversation.cls'
      ])
    );
    const unwanted = files.filter((f) =>
      /^(test|lwc-ts|bench|dist\/bench|dist\/test|examples|\.ci|\.github)\/|\.map$|\.ts$|__tests__/.test(f)
    );
    expect(unwanted).toEqual([]);
  });

  describe.each(NODES)('with the CLI on %s', (nodeBinary) => {
    beforeAll(async () => {
      node = nodeBinary;
      // A fresh adoption each pass: only the installed node_modules and the two project files stay.
      for (const f of ['handoff.config.json', 'handoff.platform.json', 'payload.json'])
        fs.rmSync(path.join(project, f), { force: true });
      fs.rmSync(path.join(project, 'src', 'core'), { recursive: true, force: true });
      fs.mkdirSync(path.join(project, 'src', 'core'));
      const v = await run(node, ['-v']);
      expect(Number(/^v(\d+)/.exec(v.stdout)![1])).toBeGreaterThanOrEqual(22);
    });

    test('every runtime dependency resolves for the consumer, without overrides', async () => {
      const r = await handoff(['--version']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    });

    test('init adopts the src/core project: config with a resolving $schema, output.dir, the platform code', async () => {
      const r = await handoff(['init', '--vendor', 'fin', '--json']);
      expect(r.code).toBe(0);
      expect(json(r).result).toMatchObject({
        packageDir: 'src/core',
        outputDir: 'src/core/generated',
        createdSfdxProject: false
      });
      const config = JSON.parse(fs.readFileSync(path.join(project, 'handoff.config.json'), 'utf8'));
      expect(config.$schema).toBe('./node_modules/handoff-kit/schemas/handoff.config.schema.json');
      expect(fs.existsSync(path.join(project, config.$schema))).toBe(true);
      expect(config.output).toEqual({ dir: 'src/core/generated' });
      expect(fs.existsSync(path.join(project, 'src/core/handoff/classes/HandoffContextController.cls'))).toBe(true);
      expect(fs.existsSync(path.join(project, 'handoff.platform.json'))).toBe(true);
    });

    test('build writes into src/core/generated and validate checks it there: 0 findings', async () => {
      const b = await handoff(['build', '--json']);
      expect(b.code).toBe(0);
      expect(json(b).result.outDir).toBe('src/core/generated');
      expect(fs.existsSync(path.join(project, 'src/core/generated/flows/Handoff_Routing.flow-meta.xml'))).toBe(true);
      const v = await handoff(['validate', '--json']);
      expect(json(v).result.findings).toEqual([]);
      expect(v.code).toBe(0);
    });

    test('simulate plays a payload through the generated files', async () => {
      fs.writeFileSync(
        path.join(project, 'payload.json'),
        JSON.stringify({ _firstName: 'Ada', _email: 'ada@example.com', user_email: 'ada@example.com' })
      );
      const r = await handoff(['simulate', 'payload.json', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/Internal error/);
    });

    test('deploy --dry-run, deploy, seed --dry-run and doctor run against the emulator', async () => {
      const dry = await handoff(['deploy', '--dry-run', '--json'], orgEnv());
      expect(dry.stderr).not.toMatch(/Internal error/);
      expect(dry.code).toBe(0);
      const deploy = await handoff(['deploy', '--json'], orgEnv());
      expect(deploy.stderr).not.toMatch(/Internal error/);
      expect(deploy.code).toBe(0);
      const seed = await handoff(['seed', '--dry-run', '--json'], orgEnv());
      expect(seed.stderr).not.toMatch(/Internal error/);
      expect(json(seed).result).toHaveProperty('writes', 0);
      const doctor = await handoff(['doctor', '--scrt-url', emu.url, '--json'], orgEnv());
      expect(doctor.stderr).not.toMatch(/Internal error/);
      const checks = json(doctor).result.checks as { id: string; status: string }[];
      expect(checks.length).toBeGreaterThan(5);
    });

    test("deleting the kit's Apex from the project makes validate fail with the fix", async () => {
      const cls = path.join(project, 'src/core/handoff/classes/HandoffContextController.cls');
      fs.rmSync(cls);
      fs.rmSync(`${cls}-meta.xml`);
      const v = await handoff(['validate', '--json']);
      expect(v.code).toBe(1);
      const findings = json(v).result.findings as { rule: string; message: string; fix: string }[];
      expect(findings.map((f) => [f.rule, f.message])).toEqual([
        [
          'references/permission-set-apex',
          'Permission set Handoff_Agent grants the Apex class HandoffContextController, which is not in the project'
        ]
      ]);
      expect(findings[0].fix).toContain('run `handoff init`');
      const up = await handoff(['upgrade', '--json']);
      expect(up.code).toBe(0);
      expect((await handoff(['validate'])).code).toBe(0);
    });
  });
});
