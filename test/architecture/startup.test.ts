/**
 * Start-up boundaries (issue 15): each command loads only what it runs. The CLI runs from its
 * TypeScript sources in a child process with a probe (test/support/moduleProbe.js) that lists every
 * module it loaded, counts the worker threads it started and records every locale API call.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_NAMES } from '../../scripts/cli/main';
import { build, checkDrift } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';
import { makeExample, REPO, tempDir } from '../validate/example';

const MAIN = path.join(REPO, 'scripts', 'cli', 'main.ts');
const PROBE = path.join(REPO, 'test', 'support', 'moduleProbe.js');

interface Probe {
  code: number | null;
  stderr: string;
  modules: string[];
  workers: number;
  /** Calls of toLocaleString, localeCompare, Intl.*: the first loads ICU's locale data (10–40 ms). */
  localeCalls: string[];
}

function runProbed(argv: string[], cwd: string): Probe {
  const out = path.join(tempDir('hk-probe-'), 'probe.json');
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      PROBE,
      '-e',
      `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`,
      '--',
      ...argv
    ],
    { cwd, env: { ...process.env, HANDOFF_MODULE_PROBE: out }, encoding: 'utf8', timeout: 120_000 }
  );
  const { modules, workers, localeCalls } = JSON.parse(fs.readFileSync(out, 'utf8')) as Omit<Probe, 'code' | 'stderr'>;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return {
    code: run.status,
    stderr: run.stderr,
    modules: modules.map((m) => m.split(path.sep).join('/')),
    workers,
    localeCalls
  };
}

/** The libraries a command must not load unless it uses them, by what their paths contain. */
const HEAVY = {
  orgLibrary: ['/node_modules/@salesforce/core/', '/node_modules/jsforce/', '/node_modules/@jsforce/'],
  sdrCode: ['/node_modules/@salesforce/source-deploy-retrieve/lib/src/index.js'],
  apexParser: ['/node_modules/@apexdevtools/apex-parser/'],
  typescript: ['/node_modules/typescript/'],
  configValidator: ['/scripts/config/schemaValidator.', '/handoff.config.validator.js', '/node_modules/ajv/'],
  commands: ['/scripts/commands/']
};

const loaded = (probe: Probe, kind: keyof typeof HEAVY): string[] =>
  probe.modules.filter((m) => HEAVY[kind].some((h) => m.includes(h)));

let project: string;

beforeAll(async () => {
  project = makeExample(tempDir('hk-startup-'), { config: true });
  // The committed manifest hashes the compiled generator; this build records the sources the probe runs.
  build(path.join(project, 'handoff.config.json'), path.join(project, 'force-app', 'generated'));
  // A first validate records every class's verdict: the project is now "unchanged".
  await validate({ root: project, checkDrift });
}, 300_000);

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

test.each([['--help'], ['help'], ['--version']])(
  'handoff %s loads no command module, no org library, no SDR',
  (flag) => {
    const probe = runProbed([flag], project);
    expect(probe.code).toBe(0);
    expect(loaded(probe, 'commands')).toEqual([]);
    expect(loaded(probe, 'orgLibrary')).toEqual([]);
    expect(loaded(probe, 'sdrCode')).toEqual([]);
    expect(loaded(probe, 'apexParser')).toEqual([]);
    expect(probe.workers).toBe(0);
    expect(probe.localeCalls).toEqual([]);
  }
);

// Every command's --help, so a top-level org import in any command module fails here: org code
// loads inside the command's run (e.g. scripts/commands/deploy.ts), never to print its usage.
test.each(COMMAND_NAMES.map((name) => [name]))(
  'handoff %s --help loads no org library, no SDR, no Apex parser, no worker',
  (name) => {
    const probe = runProbed([name, '--help'], project);
    expect(probe.code).toBe(0);
    expect(loaded(probe, 'orgLibrary')).toEqual([]);
    expect(loaded(probe, 'sdrCode')).toEqual([]);
    expect(loaded(probe, 'apexParser')).toEqual([]);
    expect(probe.workers).toBe(0);
  }
);

test('validate of an unchanged project loads no org library, no SDR code, no Apex parser, no TypeScript, no worker, no locale data', () => {
  const probe = runProbed(['validate', '--json'], project);
  expect(probe.code).toBe(0);
  expect(loaded(probe, 'orgLibrary')).toEqual([]);
  expect(loaded(probe, 'sdrCode')).toEqual([]);
  expect(loaded(probe, 'apexParser')).toEqual([]);
  expect(loaded(probe, 'typescript')).toEqual([]);
  // The config the last build accepted is not validated again (project/buildManifest.ts).
  expect(loaded(probe, 'configValidator')).toEqual([]);
  expect(probe.workers).toBe(0);
  // A finding may format a number for its message; a run without findings never pays for ICU.
  expect(probe.localeCalls).toEqual([]);
});

test('validate after an Apex class changed loads the Apex parser (and still no org library)', () => {
  const dir = tempDir('hk-startup-changed-');
  try {
    fs.cpSync(project, dir, { recursive: true });
    const cls = path.join(dir, 'force-app/main/default/classes/HandoffBusinessHours.cls');
    fs.appendFileSync(cls, '\n// changed\n');
    const probe = runProbed(['validate', '--json'], dir);
    expect(probe.code).toBe(0);
    expect(loaded(probe, 'apexParser').length).toBeGreaterThan(0);
    expect(loaded(probe, 'orgLibrary')).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('validate after the config changed validates it again (loads the schema validator)', () => {
  const dir = tempDir('hk-startup-config-');
  try {
    fs.cpSync(project, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'handoff.config.json'), '\n');
    const probe = runProbed(['validate', '--json'], dir);
    expect(probe.code).toBe(0);
    expect(loaded(probe, 'configValidator').length).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('build loads no org library and starts no worker', () => {
  const dir = tempDir('hk-startup-build-');
  try {
    fs.cpSync(project, dir, { recursive: true });
    const probe = runProbed(['build', '--json'], dir);
    expect(probe.code).toBe(0);
    expect(loaded(probe, 'orgLibrary')).toEqual([]);
    expect(probe.workers).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a command that loads the org library (resend, no org given) starts no logging worker thread', () => {
  const env = { ...process.env };
  delete process.env.SF_DISABLE_LOG_FILE;
  for (const k of Object.keys(process.env)) if (k.startsWith('SF_')) delete process.env[k];
  try {
    const probe = runProbed(['resend'], project);
    expect(probe.code).toBe(1);
    expect(probe.stderr).toContain('No org to connect to.');
    expect(loaded(probe, 'orgLibrary').length).toBeGreaterThan(0);
    expect(probe.workers).toBe(0);
  } finally {
    process.env = env;
  }
});
