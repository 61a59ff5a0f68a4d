/**
 * `handoff build` end to end: the committed force-app/generated is the golden output of the shipped
 * example (reviewed in git like any source), builds are deterministic, and --check reports drift.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, checkDrift } from '../../scripts/generate/build';
import { runCli } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..');
const CONFIG = path.join(ROOT, 'handoff.config.json');
const GOLDEN = path.join(ROOT, 'force-app', 'generated');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-build-'));
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('handoff build', () => {
  it('regenerates exactly the committed output for the shipped example (the golden files)', () => {
    const drift = checkDrift(CONFIG, GOLDEN);
    expect(drift).toEqual({ stale: [], lineEndings: [], missing: [], extra: [] });
  });

  it('writes byte-identical files on every build', () => {
    const a = tempDir();
    const b = tempDir();
    build(CONFIG, a);
    build(CONFIG, b);
    const first = readTree(a);
    expect(Object.keys(first).length).toBeGreaterThan(60);
    expect(readTree(b)).toEqual(first);
    const again = build(CONFIG, a);
    expect(again.written).toEqual([]);
    expect(again.unchanged).toBe(Object.keys(first).length);
  });

  it('writes every kind of component the hand-off needs', () => {
    const dir = tempDir();
    build(CONFIG, dir);
    const folders = new Set(Object.keys(readTree(dir)).map((p) => p.split('/')[0]));
    expect([...folders].sort()).toEqual(
      [
        'EmbeddedServiceConfig',
        'customMetadata',
        'externalClientApps',
        'extlClntAppGlobalOauthSets',
        'extlClntAppOauthPolicies',
        'extlClntAppOauthSettings',
        'flows',
        'messagingChannels',
        'objects',
        'permissionsets',
        'presenceUserConfigs',
        'queueRoutingConfigs',
        'queues',
        'externalCredentials',
        'namedCredentials',
        'servicePresenceStatuses'
      ].sort()
    );
  });

  it('--check exits 1 and lists changed, missing and extra files; build repairs and removes orphans', async () => {
    const dir = tempDir();
    build(CONFIG, dir);
    const files = Object.keys(readTree(dir));
    const changed = files.find((f) => f.startsWith('flows/'))!;
    const missing = files.find((f) => f.startsWith('queues/'))!;
    fs.appendFileSync(path.join(dir, changed), '\n');
    fs.rmSync(path.join(dir, missing));
    fs.mkdirSync(path.join(dir, 'objects', 'MessagingSession', 'fields'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'objects/MessagingSession/fields/Old_Attribute__c.field-meta.xml'), '<x/>');

    const check = await runCli(['build', '--check', '--out', dir, '--config', CONFIG]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`changed  ${changed}`);
    expect(check.stdout).toContain(`missing  ${missing}`);
    expect(check.stdout).toContain('extra    objects/MessagingSession/fields/Old_Attribute__c.field-meta.xml');

    const json = await runCli(['build', '--check', '--out', dir, '--config', CONFIG, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 1,
      result: {
        stale: [changed],
        missing: [missing],
        extra: ['objects/MessagingSession/fields/Old_Attribute__c.field-meta.xml']
      }
    });

    const rebuilt = await runCli(['build', '--out', dir, '--config', CONFIG]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/2 written, \d+ unchanged, 1 removed/);
    expect((await runCli(['build', '--check', '--out', dir, '--config', CONFIG])).code).toBe(0);
  });

  it('--check says a CRLF checkout of a generated file is one, not a hand edit; build writes it back with LF', async () => {
    const dir = tempDir();
    build(CONFIG, dir);
    const files = Object.keys(readTree(dir));
    const [flow, queue] = [files.find((f) => f.startsWith('flows/'))!, files.find((f) => f.startsWith('queues/'))!];
    // The flow is large enough to be read in several pieces: a CR LF may straddle two of them.
    for (const f of [flow, queue]) {
      const file = path.join(dir, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    }
    const edited = files.find((f) => f.startsWith('permissionsets/'))!;
    const editedFile = path.join(dir, edited);
    fs.writeFileSync(
      editedFile,
      fs.readFileSync(editedFile, 'utf8').replace(/\n/g, '\r\n').replace('<label>', '<label>X')
    );

    expect(checkDrift(CONFIG, dir)).toEqual({
      stale: [edited],
      lineEndings: [flow, queue].sort(),
      missing: [],
      extra: []
    });
    const check = await runCli(['build', '--check', '--out', dir, '--config', CONFIG]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      [
        `${dir} differs from what handoff.config.json generates (3 files):`,
        `  changed  ${edited}`,
        `  CRLF     ${[flow, queue].sort().join(`\n  CRLF     `)}`,
        'Run `handoff build` to regenerate; never edit generated files by hand (change the config instead).',
        `2 files differ only by their CRLF line endings: a checkout converted them (git's core.autocrlf), not an edit by hand.`,
        `Keep the generated files LF: \`git config core.autocrlf false\`, or the .gitattributes line \`handoff init\` writes (${dir}/** text eol=lf); then check the folder out again (\`rm -r ${dir} && git checkout -- ${dir}\`).`,
        ''
      ].join('\n')
    );
    expect((await runCli(['build', '--out', dir, '--config', CONFIG])).stdout).toMatch(
      /3 written, \d+ unchanged, 0 removed/
    );
    expect(checkDrift(CONFIG, dir)).toEqual({ stale: [], lineEndings: [], missing: [], extra: [] });
  });

  it('reports every truncated name with the vendor key it came from', async () => {
    const dir = tempDir();
    const run = await runCli(['build', '--out', dir, '--config', CONFIG]);
    expect(run.stdout).toContain(
      'name: "conversation_custom_data_Fin AI Agent: Preview" → conversation_custom_data_Fin_AI_A_qimz4r (truncated'
    );
  });

  it('fails with the config problems and writes nothing when the config is invalid', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ channel: { developerName: 'C' } }));
    const out = path.join(dir, 'out');
    const run = await runCli(['build', '--config', bad, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.json has 5 problems:');
    expect(run.stderr).toContain('$: missing required key "deployment"');
    expect(fs.existsSync(out)).toBe(false);
  });
});
