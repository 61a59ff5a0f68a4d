/**
 * The kit as a user's project gets it (issue 12): `npm pack` of a copy of this checkout (its own
 * prepack and prepare scripts), once; the tarball installed into two fresh temporary sfdx projects,
 * one whose package directory is `force-app` (as `sf project generate` writes it), one whose package
 * directory is `src/core`; then `init`, `build`, `validate`, `simulate` and the org commands there,
 * the org commands against the loopback emulator. Every command runs on the Node running this test
 * (`.ci/run` runs it on Node 22 and on 24), and so does npm. The install needs the npm registry (or
 * its cache): when the registry cannot be reached the suite is skipped, and says why.
 *
 * Apex tests: the emulator does not compile or execute Apex. A deploy with RunSpecifiedTests or
 * RunLocalTests reaches it with that test level, and it picks the classes the level names (the named
 * ones, which must exist; or every @isTest class) and reports each of their test methods as passed
 * with full coverage (test/emulator/metadataApi/apexTests.ts). So these tests prove the CLI asks for
 * the kit's tests and that they are in the package; that the tests pass is proved only by a real
 * org (the scratch-org job of .github/workflows/ci.yml).
 */
import { execFile, execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { APEX_TEST_CLASSES } from '../../scripts/contract';
import { OrgEmulator } from '../emulator/server';
import { registerRest } from '../emulator/rest';
import { registerMiaw } from '../emulator/miaw';
import { sfExecutable, sfSandboxEnv, whySfUnavailable } from '../support/sfCli';

const ROOT = path.resolve(__dirname, '../..');
// npm and every child process run on this test's Node, as they would on the user's machine.
const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
const ENV = { ...process.env, PATH, npm_config_update_notifier: 'false', FORCE_COLOR: '0' };

function registryUnreachable(): string | undefined {
  const r = spawnSync('npm', ['ping', '--fetch-timeout=5000', '--fetch-retries=0'], { env: ENV, encoding: 'utf8' });
  return r.status === 0 ? undefined : `the npm registry is unreachable (npm ping: ${(r.stderr || '').trim()})`;
}
const unreachable = registryUnreachable();
if (unreachable) process.stderr.write(`packInstall tests skipped: ${unreachable}\n`);
const suite = unreachable ? describe.skip : describe;
const sfUnavailable = unreachable ?? whySfUnavailable();
if (sfUnavailable && !unreachable)
  process.stderr.write(`packInstall's sf plugins install test skipped: ${sfUnavailable}\n`);
const sfTest = sfUnavailable ? it.skip : it;

interface Run {
  /** null when the process was killed by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Asynchronous: the emulator answers from this process, which a synchronous spawn would block. */
function runAsync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...ENV, ...env }, maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) =>
      resolve({ status: e ? Number(e.code ?? 1) : 0, stdout, stderr })
    );
  });
}

/** A copy of the checkout's tracked files with this checkout's node_modules, so packing never touches dist/ here. */
function copyCheckout(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
    fs.copyFileSync(from, path.join(into, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'), 'dir');
}

/** A fresh sfdx project listing one package directory, as `sf project generate` writes it. */
function sfdxProject(dir: string, packageDir: string): void {
  fs.mkdirSync(path.join(dir, packageDir), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: [{ path: packageDir, default: true }],
      name: path.basename(dir),
      namespace: '',
      sfdcLoginUrl: 'https://login.salesforce.com',
      sourceApiVersion: '66.0'
    })
  );
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }));
}

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** The commands a user runs in `project`, on this Node, through the bin npm installed. */
function cli(project: string) {
  const bin = path.join(project, 'node_modules', '.bin', 'handoff');
  return {
    sync: (args: string[]) => run(process.execPath, [bin, ...args], project),
    org: (args: string[], emu: OrgEmulator) =>
      runAsync(process.execPath, [bin, ...args], project, {
        SF_INSTANCE_URL: emu.url,
        SF_ACCESS_TOKEN: emu.issueToken()
      })
  };
}

const doc = (r: Run) => JSON.parse(r.stdout) as { status: number; result: Record<string, unknown> };
/** One command's exit code and stdout: a failing assertion shows its stderr too. */
const outcome = (r: Run) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });

/** What `validate` prints when it finds nothing: the whole of stdout. */
const NO_FINDINGS = /^No findings: \d+ files, \d+ rules\.\n$/;

suite('the packed kit installed into fresh sfdx projects', () => {
  let work: string;
  let tarball: string;
  let tarballFiles: string[];
  /** The kit's platform code as it ships (force-app/main/default/…), relative to that folder. */
  let platformFiles: string[];
  const installLogs: Record<string, string> = {};
  const projects = { forceApp: '', core: '' };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-pack-'));
    const checkout = path.join(work, 'kit');
    copyCheckout(checkout);
    const pack = run('npm', ['pack', '--json', '--pack-destination', work], checkout);
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    tarballFiles = packed[0].files.map((f) => f.path);
    platformFiles = tarballFiles
      .filter((f) => f.startsWith('force-app/main/default/'))
      .map((f) => f.slice('force-app/main/default/'.length));
    tarball = path.join(work, packed[0].filename);
    projects.forceApp = path.join(work, 'acme-org');
    projects.core = path.join(work, 'core-org');
    sfdxProject(projects.forceApp, 'force-app');
    sfdxProject(projects.core, 'src/core');
    // Both installs at once: each is mostly waiting on the registry cache.
    await Promise.all(
      Object.entries(projects).map(async ([name, dir]) => {
        const install = await runAsync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
        if (install.status !== 0) throw new Error(`npm install of the tarball in ${name} failed:\n${install.stderr}`);
        installLogs[name] = install.stderr;
      })
    );
  }, 600_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled CLI, the schema and the kit platform code, and none of the tests, emulator or bench', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'bin/handoff.js',
        'dist/scripts/cli/main.js',
        'dist/schemas/handoff.config.validator.js',
        'schemas/handoff.config.schema.json',
        'package.json',
        ...APEX_TEST_CLASSES.map((c) => `force-app/main/default/classes/${c}.cls`)
      ])
    );
    expect(tarballFiles.filter((f) => /^(test|bench|lwc-ts|dist-bench|\.ci|\.github)\//.test(f))).toEqual([]);
    expect(tarballFiles.filter((f) => /\.(ts|map)$/.test(f))).toEqual([]);
  });

  sfTest(
    'sf plugins install file:<tarball> installs it with no warning: every `files` entry is a path the package holds',
    async () => {
      // @oclif/plugin-plugins checks each `files` entry as a literal path after a URL install and warned
      // "the prepare script did not produce all the expected files" for the globs package.json had.
      const sf = sfExecutable();
      const sandbox = path.join(work, 'sf');
      const env = sfSandboxEnv(sf, sandbox);
      const url = `file:${tarball}`;
      // sf's documented way past the "isn't signed by Salesforce" prompt for a plugin one trusts.
      fs.mkdirSync(env.SF_CONFIG_DIR!, { recursive: true });
      fs.writeFileSync(path.join(env.SF_CONFIG_DIR!, 'unsignedPluginAllowList.json'), JSON.stringify([url]));
      const install = await runAsync(sf, ['plugins', 'install', url], sandbox, env);
      expect({ status: install.status, warnings: install.stderr.match(/Warning:.*/g) ?? [] }).toEqual({
        status: 0,
        warnings: []
      });
      const help = await runAsync(sf, ['handoff', '--help'], sandbox, env);
      expect(help.stdout).toMatch(/\bhandoff validate\s/);
    },
    600_000
  );

  it('installs with no engine warnings on this Node', () => {
    expect(installLogs.forceApp).not.toMatch(/EBADENGINE/);
    expect(installLogs.core).not.toMatch(/EBADENGINE/);
  });

  describe('a project whose package directory is force-app, and an empty org', () => {
    let emu: OrgEmulator;
    const project = () => projects.forceApp;
    beforeAll(async () => {
      emu = await OrgEmulator.start({ plugins: [registerRest, registerMiaw] });
    });
    afterAll(() => emu?.stop());

    it('runs init, build, validate and simulate offline', () => {
      const handoff = cli(project());
      const init = handoff.sync(['init', '--vendor', 'fin']);
      const config = JSON.parse(fs.readFileSync(path.join(project(), 'handoff.config.json'), 'utf8')) as {
        $schema: string;
        output: { dir: string };
        attributes: unknown[];
      };
      expect(outcome(init)).toEqual({
        status: 0,
        stdout:
          `Installed the kit's platform code in force-app/handoff: ${platformFiles.length} added, 0 restored, 0 unchanged (recorded in handoff.platform.json).\n` +
          `Wrote handoff.config.json for fin with ${config.attributes.length} attributes.\n` +
          'Added to .gitattributes: force-app/generated/** text eol=lf, force-app/handoff/** text eol=lf (LF on Windows too, so `handoff build --check` and `upgrade` see no change there).\n' +
          'Next: review queues and routing rules, then run `handoff build` and `handoff validate`.\n',
        stderr: ''
      });
      expect(config.output).toEqual({ dir: 'force-app/generated' });
      expect(config.$schema).toBe('./node_modules/handoff-kit/schemas/handoff.config.schema.json');
      expect(fs.existsSync(path.join(project(), config.$schema))).toBe(true);
      expect(filesUnder(path.join(project(), 'force-app', 'handoff'))).toEqual([...platformFiles].sort());

      const build = handoff.sync(['build']);
      const generated = filesUnder(path.join(project(), 'force-app', 'generated'));
      expect(outcome(build)).toEqual({
        status: 0,
        stdout: expect.stringMatching(
          new RegExp(
            `^Built ${generated.length} files in force-app/generated: ${generated.length} written, 0 unchanged, 0 removed\\.\n`
          )
        ),
        stderr: ''
      });

      const validate = handoff.sync(['validate']);
      expect(outcome(validate)).toEqual({
        status: 0,
        stdout: expect.stringMatching(NO_FINDINGS),
        stderr: expect.not.stringMatching(/Error|Internal error/)
      });

      const payload = path.join(project(), 'payload.json');
      fs.copyFileSync(path.join(ROOT, 'examples', 'payloads', 'fin-sample.json'), payload);
      const sim = handoff.sync(['simulate', payload, '--json']);
      expect(sim.status).toBe(0);
      expect(doc(sim)).toMatchObject({
        status: 0,
        result: {
          project: { flow: 'Handoff_Routing', channel: 'Handoff_Messaging' },
          run: { outcome: { kind: 'routed', queue: 'Handoff_General' } }
        }
      });
    });

    it("deploy --dry-run asks the org to run the kit's Apex tests (RunSpecifiedTests) and saves nothing", async () => {
      const r = await cli(project()).org(['deploy', '--dry-run', '--json'], emu);
      expect(r.status).toBe(0);
      expect(doc(r)).toMatchObject({
        status: 0,
        result: {
          checkOnly: true,
          testLevel: 'RunSpecifiedTests',
          success: true,
          phases: [{ success: true, problems: [], testFailures: [], testsRun: expect.any(Number) }]
        }
      });
      const jobs = [...emu.state.deployJobs.values()];
      expect(jobs.map((j) => ({ checkOnly: j.checkOnly, testLevel: j.testLevel, runTests: j.runTests }))).toEqual([
        { checkOnly: true, testLevel: 'RunSpecifiedTests', runTests: [...APEX_TEST_CLASSES] }
      ]);
      // The emulator "ran" every test method of exactly those classes (it does not execute Apex).
      expect(new Set(jobs[0].testsRun.map((t) => t.split('.')[0]))).toEqual(new Set(APEX_TEST_CLASSES));
      expect((doc(r).result.phases as Array<{ testsRun: number }>)[0].testsRun).toBe(jobs[0].testsRun.length);
      expect(emu.state.components('ApexClass')).toEqual([]);
    });

    it('seed --dry-run and doctor on the empty org fail, each naming `handoff deploy` as the fix', async () => {
      const seed = await cli(project()).org(['seed', '--dry-run'], emu);
      expect(seed.status).toBe(1);
      expect(seed.stdout).toContain(
        '✖ The OAuth policies Handoff_Fin_oauthPlcy of Handoff_Fin are not in the org. Run `handoff deploy` first.\n'
      );
      expect(seed.stderr).not.toMatch(/Internal error/);

      const doctor = await cli(project()).org(['doctor', '--json'], emu);
      expect(doctor.status).toBe(1);
      const checks = doc(doctor).result.checks as Array<{ id: string; status: string; fix: string }>;
      const failed = checks.filter((c) => c.status === 'fail');
      expect(failed.map((c) => c.id)).toEqual([
        'channel.exists',
        'deployment.exists',
        'flow.active',
        'fields.exist',
        'queues.exist',
        'agents.permission',
        'agents.presenceStatus',
        'agents.presenceConfig',
        'integration.app'
      ]);
      expect(failed.filter((c) => !c.fix.includes('`handoff deploy'))).toEqual([]);
    });
  });

  describe('a project whose package directory is src/core', () => {
    let emu: OrgEmulator;
    const project = () => projects.core;
    beforeAll(async () => {
      // Done at the first status check: the CLI's first poll waits 1 s, so each of the nine phases takes ~1 s.
      emu = await OrgEmulator.start({ plugins: [registerRest, registerMiaw], deployPolls: 0 });
      for (const Username of ['agent@acme.com', 'vendor@acme.com'])
        emu.state.insert('User', { Username, IsActive: true, Name: Username });
    });
    afterAll(() => emu?.stop());

    it('init puts the platform code and output.dir in src/core; build writes there; validate checks it', () => {
      const handoff = cli(project());
      const init = handoff.sync(['init', '--vendor', 'fin']);
      expect(init.status).toBe(0);
      expect(init.stdout).toMatch(
        new RegExp(`^Installed the kit's platform code in src/core/handoff: ${platformFiles.length} added, `)
      );
      const config = JSON.parse(fs.readFileSync(path.join(project(), 'handoff.config.json'), 'utf8')) as {
        output: { dir: string };
      };
      expect(config.output).toEqual({ dir: 'src/core/generated' });

      const build = handoff.sync(['build']);
      const generated = filesUnder(path.join(project(), 'src', 'core', 'generated'));
      expect(generated).toEqual(
        expect.arrayContaining([
          'flows/Handoff_Routing.flow-meta.xml',
          'messagingChannels/Handoff_Messaging.messagingChannel-meta.xml',
          'permissionsets/Handoff_Agent.permissionset-meta.xml'
        ])
      );
      expect(outcome(build)).toEqual({
        status: 0,
        stdout: expect.stringMatching(
          new RegExp(
            `^Built ${generated.length} files in src/core/generated: ${generated.length} written, 0 unchanged, 0 removed\\.\n`
          )
        ),
        stderr: ''
      });
      expect(fs.existsSync(path.join(project(), 'force-app'))).toBe(false);

      const validate = handoff.sync(['validate', '--json']);
      expect(validate.status).toBe(0);
      expect(doc(validate).result.findings).toEqual([]);
      // validate read the generated files in src/core: a stale one is a finding.
      const flow = path.join(project(), 'src/core/generated/flows/Handoff_Routing.flow-meta.xml');
      const original = fs.readFileSync(flow, 'utf8');
      fs.writeFileSync(flow, original.replace('<label>', '<label>Edited '));
      const stale = handoff.sync(['validate', '--rule', 'freshness', '--json']);
      fs.writeFileSync(flow, original);
      expect(stale.status).toBe(1);
      expect(doc(stale).result.findings).toEqual([
        expect.objectContaining({ file: 'src/core/generated/flows/Handoff_Routing.flow-meta.xml', severity: 'error' })
      ]);
    });

    it('deploys with RunLocalTests, seeds, and doctor then finds nothing wrong', async () => {
      const handoff = cli(project());
      const deploy = await handoff.org(['deploy', '--test-level', 'RunLocalTests', '--json'], emu);
      expect(deploy.status).toBe(0);
      const result = doc(deploy).result as {
        success: boolean;
        testLevel: string;
        phases: Array<{ phase: string; success: boolean; testsRun: number; testFailures: unknown[] }>;
      };
      expect({ success: result.success, testLevel: result.testLevel }).toEqual({
        success: true,
        testLevel: 'RunLocalTests'
      });
      expect(result.phases.filter((p) => !p.success)).toEqual([]);
      // Tests run in the phase that deploys the Apex (src/core/handoff/classes), and only there.
      const withTests = result.phases.filter((p) => p.testsRun > 0);
      expect(withTests.map((p) => ({ phase: p.phase, testFailures: p.testFailures }))).toEqual([
        { phase: 'apex', testFailures: [] }
      ]);
      const apexJob = [...emu.state.deployJobs.values()].find((j) => j.testLevel === 'RunLocalTests');
      expect(new Set(apexJob?.testsRun.map((t) => t.split('.')[0]))).toEqual(new Set(APEX_TEST_CLASSES));
      expect(emu.state.component('ApexClass', 'HandoffContextController')).toBeDefined();
      expect(emu.state.component('Flow', 'Handoff_Routing')).toBeDefined();

      const seed = await handoff.org(
        ['seed', '--agents', 'agent@acme.com:Handoff_General', '--integration-user', 'vendor@acme.com'],
        emu
      );
      expect(seed.status).toBe(0);
      expect(seed.stdout).toContain('+ queue:Handoff_General → agent@acme.com\n');
      expect(seed.stdout).toContain('External Client App Handoff_Fin: Run-As user vendor@acme.com (set now)\n');

      const doctor = await handoff.org(['doctor', '--json'], emu);
      expect(doctor.status).toBe(0);
      const checks = doc(doctor).result.checks as Array<{ id: string; status: string }>;
      expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    });

    it("deleting the kit's Apex from the project makes validate fail, naming each class and the fix", () => {
      fs.rmSync(path.join(project(), 'src/core/handoff/classes'), { recursive: true });
      const validate = cli(project()).sync(['validate', '--json']);
      expect(validate.status).toBe(1);
      const findings = doc(validate).result.findings as Array<Record<string, string>>;
      const fix =
        "This is the kit's platform code: run `handoff init` in a new project (or `handoff upgrade` when handoff.platform.json exists) to add it.";
      expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, fix: f.fix }))).toEqual([
        {
          rule: 'references/permission-set-apex',
          severity: 'error',
          file: 'src/core/generated/permissionsets/Handoff_Agent.permissionset-meta.xml',
          fix
        },
        {
          rule: 'references/permission-set-apex',
          severity: 'error',
          file: 'src/core/generated/permissionsets/Handoff_Flow.permissionset-meta.xml',
          fix
        },
        {
          rule: 'references/permission-set-apex',
          severity: 'error',
          file: 'src/core/generated/permissionsets/Handoff_Flow.permissionset-meta.xml',
          fix
        },
        {
          rule: 'references/permission-set-apex',
          severity: 'error',
          file: 'src/core/handoff/permissionsets/Handoff_Admin.permissionset-meta.xml',
          fix
        }
      ]);
      expect(findings.map((f) => /Apex class (\w+), which is not in the project$/.exec(f.message)?.[1])).toEqual([
        'HandoffContextController',
        'HandoffBusinessHours',
        'HandoffEndConversation',
        'HandoffEndConversationResend'
      ]);
    });
  });
});
