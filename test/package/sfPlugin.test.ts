/**
 * The kit as an sf CLI plugin (issue 12 item 5), through the REAL sf CLI: `@salesforce/cli` from the
 * npm registry (HANDOFF_SF_BIN names one already installed, as .ci/run does; else it is installed
 * once into node_modules/.cache/handoff-sfcli), `sf plugins link` of this checkout with every sf
 * folder (HOME, SF_DATA_DIR, SF_CONFIG_DIR, SF_CACHE_DIR) in a temporary directory, then the
 * commands: help, validate (the sf envelope; findings are status 1), simulate, a usage error, and
 * doctor against the loopback emulator authorised the sf way (`sf org login access-token`).
 * Needs the compiled CLI (`npm run build:cli`). Skipped, and says why, when the sf CLI is neither
 * given nor installable (no registry).
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMAND_NAMES } from '../../scripts/cli/main';
import { OrgEmulator } from '../emulator/server';
import { registerRest } from '../emulator/rest';
import { registerMiaw } from '../emulator/miaw';
import { registerUserinfo, RUNNING_USERNAME } from '../emulator/userinfo';
import { sfExecutable, sfSandboxEnv, whySfUnavailable } from '../support/sfCli';
import { makeExample, tempDir } from '../validate/example';

const ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(ROOT, 'test', 'support', 'moduleProbe.js');
/** A malformed file in an otherwise valid project: validate's xml/well-formed finding. */
const BROKEN_FILE = 'force-app/main/default/objects/Broken__c/Broken__c.object-meta.xml';
const PLUGIN_COMMANDS = path.join(ROOT, 'dist', 'scripts', 'plugin', 'commands', 'handoff');

const skipped = whySfUnavailable();
if (skipped) process.stderr.write(`sfPlugin tests skipped: ${skipped}\n`);
const suite = skipped ? describe.skip : describe;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** The flags a usage text declares: its flag lines (`  --name …`, `  -o, --name …`, as cli/args.ts's flagLines writes them). */
function declaredFlags(usage: string): string[] {
  const names = new Set([...usage.matchAll(/^ {2}(?:-[a-zA-Z], )?--([a-z][a-z-]*)/gm)].map((m) => m[1]));
  names.delete('json');
  return [...names].sort();
}

/**
 * Every `--name` a usage text mentions, with the command it belongs to: inside a code span that runs
 * `handoff <command> …` (prose that says "the file `handoff init --from-payload` reads"), that command;
 * anywhere else (the synopsis, the flag lines, prose), the usage's own.
 */
function mentionedFlags(usage: string, own: string): Array<{ command: string; flag: string }> {
  return usage.split('\n').flatMap((line) =>
    [...line.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => {
      const before = line.slice(0, m.index);
      const inSpan = (before.match(/`/g) ?? []).length % 2 === 1;
      const runs = inSpan ? /handoff ([a-z]+)\b[^`]*$/.exec(before.slice(before.lastIndexOf('`'))) : null;
      return { command: runs?.[1] ?? own, flag: m[1] };
    })
  );
}

/** A command's flag table (scripts/cli/flags/<name>.ts), the one both front doors read. */
async function flagTable(name: string): Promise<string[]> {
  const tables = Object.values((await import(`../../scripts/cli/flags/${name}`)) as Record<string, object>);
  expect(tables).toHaveLength(1);
  return Object.keys(tables[0]).sort();
}

describe('reading a usage text', () => {
  const usage = [
    'Usage: handoff smoke --payload FILE [-o ALIAS] [--json]',
    '',
    '  -o, --target-org ALIAS  the org',
    '  --payload FILE          a payload (the file `handoff init --from-payload` reads; see --timeout)',
    '  --timeout SECONDS       how long; `--config` too'
  ].join('\n');

  it('takes the declared flags from the flag lines only, not from prose', () => {
    expect(declaredFlags(usage)).toEqual(['payload', 'target-org', 'timeout']);
  });

  it('gives a flag inside a `handoff <command> …` span to that command, every other mention to its own', () => {
    expect(mentionedFlags(usage, 'smoke')).toEqual([
      { command: 'smoke', flag: 'payload' },
      { command: 'smoke', flag: 'json' },
      { command: 'smoke', flag: 'target-org' },
      { command: 'smoke', flag: 'payload' },
      { command: 'init', flag: 'from-payload' },
      { command: 'smoke', flag: 'timeout' },
      { command: 'smoke', flag: 'timeout' },
      { command: 'smoke', flag: 'config' }
    ]);
  });
});

describe('the sf command classes', () => {
  it("declare each handoff command's flag table, one class per command, and the usage lists every flag", async () => {
    if (!fs.existsSync(PLUGIN_COMMANDS)) throw new Error('No compiled plugin: run `npm run build:cli` first.');
    // The classes are ES modules (sf-plugins-core is one): read them in a child Node, not in jest.
    const script = `
      const fs = require('node:fs'), path = require('node:path');
      const dir = ${JSON.stringify(PLUGIN_COMMANDS)};
      (async () => {
        const out = {};
        for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
          const cls = (await import(path.join(dir, f))).default;
          out[f.replace(/\\.mjs$/, '')] = { flags: Object.keys(cls.flags ?? {}), args: Object.keys(cls.args ?? {}) };
        }
        process.stdout.write(JSON.stringify(out));
      })();`;
    const classes = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<
      string,
      { flags: string[]; args: string[] }
    >;
    expect(Object.keys(classes).sort()).toEqual([...COMMAND_NAMES].sort());
    const { loadCommand } = await import('../../scripts/cli/main');
    for (const name of COMMAND_NAMES) {
      const table = await flagTable(name);
      // A class built from another command's table, or a usage text that leaves a section out, fails here.
      expect({ name, flags: [...classes[name].flags].sort() }).toEqual({ name, flags: table });
      const usage = (await loadCommand(name))!.usage;
      expect({ name, flags: declaredFlags(usage) }).toEqual({ name, flags: table });
      // A flag named anywhere in the text is one its command takes (a typo, or a flag since removed, fails).
      for (const { command, flag } of mentionedFlags(usage, name))
        expect({
          name,
          command,
          flag: ['json', 'help'].includes(flag) || (await flagTable(command)).includes(flag)
        }).toEqual({
          name,
          command,
          flag: true
        });
    }
    expect(classes.simulate.args).toEqual(['payload']);
    // The manifest sf reads at start-up (bin/plugin-manifest.js) says the same: it is current.
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
      commands: Record<string, { flags: Record<string, unknown> }>;
    };
    for (const name of COMMAND_NAMES)
      expect({ name, flags: Object.keys(manifest.commands[`handoff:${name}`].flags).sort() }).toEqual({
        name,
        flags: [...classes[name].flags, 'json', 'flags-dir'].sort()
      });
  });
});

suite('sf handoff, through the real sf CLI', () => {
  let sf: string;
  let sandbox: string;
  let project: string;
  let broken: string;
  let emu: OrgEmulator;
  let env: NodeJS.ProcessEnv;

  /** Asynchronous: the emulator answers from this process, which a synchronous spawn would block. */
  const run = (args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) =>
    new Promise<Run>((resolve) => {
      execFile(sf, args, { cwd, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) =>
        resolve({ status: e ? Number(e.code ?? 1) : 0, stdout, stderr })
      );
    });
  const json = (r: Run) =>
    JSON.parse(r.stdout) as { status: number; result?: unknown; warnings?: string[] } & Record<string, unknown>;

  beforeAll(async () => {
    sf = sfExecutable();
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-sf-'));
    env = sfSandboxEnv(sf, sandbox);
    const link = await run(['plugins', 'link', '--no-install', ROOT], sandbox);
    if (link.status !== 0) throw new Error(`sf plugins link failed:\n${link.stderr}`);
    project = makeExample(tempDir('hk-sf-project-'), { config: true });
    broken = makeExample(tempDir('hk-sf-broken-'));
    fs.mkdirSync(path.dirname(path.join(broken, BROKEN_FILE)), { recursive: true });
    fs.writeFileSync(path.join(broken, BROKEN_FILE), '<CustomObject><label>Q</label');
    emu = await OrgEmulator.start({ plugins: [registerRest, registerMiaw, registerUserinfo] });
  }, 600_000);

  afterAll(async () => {
    await emu?.stop();
    for (const dir of [sandbox, project, broken]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every handoff command under the handoff topic', async () => {
    const r = await run(['handoff', '--help'], project);
    expect(r.status).toBe(0);
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`handoff ${name}\\s`));
  });

  it('shows a command its flags the sf way (sf build --help)', async () => {
    const r = await run(['handoff', 'build', '--help'], project);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ sf handoff build');
    for (const flag of ['--config=FILE', '--out=DIR', '--check', '--json', '--flags-dir'])
      expect(r.stdout).toContain(flag);
  });

  it('validate --json answers the sf envelope: status 0, the result (notices in it, not among warnings)', async () => {
    const r = await run(['handoff', 'validate', '--json'], project);
    const doc = json(r);
    expect({ exit: r.status, status: doc.status }).toEqual({ exit: 0, status: 0 });
    expect(doc.result).toMatchObject({
      findings: [],
      notices: expect.any(Array),
      rules: expect.arrayContaining(['xml/well-formed'])
    });
    expect(doc.warnings).toEqual([]);
  });

  it('validate of a broken project is status 1 with the findings in the result', async () => {
    const r = await run(['handoff', 'validate', '--json'], broken);
    const doc = json(r);
    expect({ exit: r.status, status: doc.status }).toEqual({ exit: 1, status: 1 });
    expect((doc.result as { findings: unknown[] }).findings).toContainEqual(
      expect.objectContaining({
        rule: 'xml/well-formed',
        severity: 'error',
        file: BROKEN_FILE
      })
    );
  });

  it('simulate plays the sample payload (a positional argument) to a queue', async () => {
    const payload = path.join(ROOT, 'examples', 'payloads', 'fin-sample.json');
    const r = await run(['handoff', 'simulate', payload], project);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/Error/) });
    expect(r.stdout).toMatch(/^Outcome: routed to queue /m);
  });

  it("a usage mistake is exit 2 with the command's own message, no stack on the terminal", async () => {
    const r = await run(['handoff', 'simulate', '--hours', 'never', 'payload.json'], project);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('handoff simulate: --hours takes open or closed, not "never".');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate loads no org code of the kit: no scripts/org, no jsforce', async () => {
    const out = path.join(sandbox, 'probe.json');
    const r = await run(['handoff', 'validate'], project, {
      NODE_OPTIONS: `--require ${PROBE}`,
      HANDOFF_MODULE_PROBE: out
    });
    expect(r.status).toBe(0);
    const modules = (JSON.parse(fs.readFileSync(out, 'utf8')) as { modules: string[] }).modules.filter((m) =>
      m.startsWith(ROOT + path.sep)
    );
    // The probe sees the command module the plugin ran, so its silence about org code means something.
    expect(modules).toContain(path.join(ROOT, 'dist', 'scripts', 'commands', 'validate.js'));
    expect(modules.filter((m) => m.includes(`${path.sep}dist${path.sep}scripts${path.sep}org${path.sep}`))).toEqual([]);
    expect(modules.filter((m) => m.includes(`${path.sep}node_modules${path.sep}jsforce${path.sep}`))).toEqual([]);
  });

  it('doctor runs against an org authorised with sf org login access-token: by -o, and as the default target-org', async () => {
    const login = await run(
      [
        'org',
        'login',
        'access-token',
        '--instance-url',
        emu.url,
        '--alias',
        'emu',
        '--set-default',
        '--no-prompt',
        '--json'
      ],
      project,
      { SF_ACCESS_TOKEN: emu.issueToken() }
    );
    expect({ status: login.status, stderr: login.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(json(login).result).toMatchObject({ username: RUNNING_USERNAME });
    for (const args of [['-o', 'emu'], []]) {
      const before = emu.count('GET /services/data');
      const r = await run(['handoff', 'doctor', ...args, '--json'], project);
      const doc = json(r) as { status: number; result?: { checks: unknown[] }; message?: string };
      // 0 ok or 1 findings (the empty emulated org has what doctor reports); never a usage error or a crash.
      expect({ args, exit: r.status, error: doc.message }).toEqual({ args, exit: doc.status, error: undefined });
      expect([0, 1]).toContain(r.status);
      expect(doc.result?.checks.length).toBeGreaterThan(0);
      expect(emu.count('GET /services/data')).toBeGreaterThan(before);
    }
  });
});
