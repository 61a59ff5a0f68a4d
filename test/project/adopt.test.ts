/**
 * Adopting the kit into an existing sfdx project (issue 12 items 3 and 4), through the compiled CLI
 * in temporary projects: one whose package directory is force-app, one whose is src/core.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runBuiltCli } from '../support/builtCli';

function sfdxProject(packageDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-adopt-'));
  fs.mkdirSync(path.join(dir, packageDir), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: packageDir, default: true }], sourceApiVersion: '66.0' }, null, 2)
  );
  return dir;
}

/** Runs `test` in a fresh sfdx project with that package directory, removed afterwards. */
function inProject(packageDir: string, test: (dir: string) => void): void {
  const dir = sfdxProject(packageDir);
  try {
    test(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(['force-app', 'src/core'])('a project whose package directory is %s', (packageDir) => {
  let dir: string;
  beforeAll(() => {
    dir = sfdxProject(packageDir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('init installs the platform code and the config; build writes there; validate finds nothing', () => {
    const init = runBuiltCli(['init', '--vendor', 'fin'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Installed the kit's platform code in ${packageDir}/handoff:`);
    expect(fs.existsSync(path.join(dir, packageDir, 'handoff/classes/HandoffEndConversation.cls'))).toBe(true);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'handoff.config.json'), 'utf8')) as {
      $schema: string;
      output: { dir: string };
    };
    expect(config.output.dir).toBe(`${packageDir}/generated`);
    // git checks the compared folders out with LF on Windows too (core.autocrlf would make every file differ).
    expect(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8')).toBe(
      `# handoff-kit: generated and platform files keep LF on every OS (build --check compares bytes)\n${packageDir}/generated/** text eol=lf\n${packageDir}/handoff/** text eol=lf\n`
    );
    expect(fs.existsSync(path.resolve(dir, config.$schema))).toBe(true);

    const build = runBuiltCli(['build'], dir);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('  13 attributes, 1 queue, 0 routing rules, flow Handoff_Routing');
    expect(fs.existsSync(path.join(dir, packageDir, 'generated/flows/Handoff_Routing.flow-meta.xml'))).toBe(true);
    const validate = runBuiltCli(['validate'], dir);
    expect(validate.stdout).toMatch(/No findings: \d+ files/);
    expect(validate.code).toBe(0);
  });

  it('upgrade takes a Windows checkout (every line ending CRLF) as unedited', () => {
    const handoffDir = path.join(dir, packageDir, 'handoff');
    const lf = new Map<string, Buffer>();
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else {
          lf.set(f, fs.readFileSync(f));
          fs.writeFileSync(f, lf.get(f)!.toString('utf8').replace(/\n/g, '\r\n'));
        }
      }
    };
    walk(handoffDir);
    try {
      const check = runBuiltCli(['upgrade', '--check', '--json'], dir);
      const changes = (JSON.parse(check.stdout) as { result: { changes: { action: string }[] } }).result.changes;
      expect(changes.filter((c) => c.action !== 'unchanged')).toEqual([]);
      expect(check.code).toBe(0);
    } finally {
      for (const [f, content] of lf) fs.writeFileSync(f, content);
    }
  });

  it('upgrade refuses a file the user edited that the kit changed, and --force takes the kit version', () => {
    const rel = 'classes/HandoffBusinessHours.cls';
    const file = path.join(dir, packageDir, 'handoff', rel);
    fs.appendFileSync(file, '\n// our change\n');
    // As if the kit had shipped another version of the file since init.
    const manifestFile = path.join(dir, 'handoff.platform.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> };
    manifest.files[rel] = '0'.repeat(64);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const refused = runBuiltCli(['upgrade'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${packageDir}/handoff/${rel}`);
    expect(fs.readFileSync(file, 'utf8')).toContain('// our change');

    expect(runBuiltCli(['upgrade', '--force'], dir).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('// our change');
  });

  it('build still removes the files of an attribute the config no longer has (recorded by the last build)', () => {
    const configFile = path.join(dir, 'handoff.config.json');
    const before = fs.readFileSync(configFile, 'utf8');
    const config = JSON.parse(before) as { attributes: { key: string }[] };
    config.attributes = config.attributes.filter((a) => a.key !== 'user_email');
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    try {
      const field = path.join(
        dir,
        packageDir,
        'generated/objects/MessagingSession/fields/user_email__c.field-meta.xml'
      );
      expect(fs.existsSync(field)).toBe(true);
      const build = runBuiltCli(['build'], dir);
      expect(build.code).toBe(0);
      expect(build.stdout).toMatch(/, [1-9]\d* removed\./);
      expect(fs.existsSync(field)).toBe(false);
    } finally {
      fs.writeFileSync(configFile, before);
      expect(runBuiltCli(['build'], dir).code).toBe(0);
    }
  });

  it("validate fails with the fix when the kit's Apex is deleted from the project", () => {
    for (const f of ['HandoffContextController.cls', 'HandoffContextController.cls-meta.xml'])
      fs.rmSync(path.join(dir, packageDir, 'handoff/classes', f));
    const validate = runBuiltCli(['validate'], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(
      'error references/permission-set-apex (line 4): Permission set Handoff_Agent grants the Apex class HandoffContextController, which is not in the project'
    );
    expect(validate.stdout).toContain("fix: This is the kit's platform code: run `handoff init`");
  });
});

it('init names the package directories when --package-dir is not one of them', () =>
  inProject('src/core', (dir) => {
    const run = runBuiltCli(['init', '--vendor', 'fin', '--package-dir', 'force-app'], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr:
        'Error: --package-dir force-app is not a package directory of sfdx-project.json (it lists src/core).\n  - Add { "path": "force-app" } to $.packageDirectories, or pass one of the listed folders.\n'
    });
  }));

it("init appends to the project's .gitattributes once, keeping what is there", () =>
  inProject('force-app', (dir) => {
    fs.writeFileSync(path.join(dir, '.gitattributes'), '*.png binary');
    expect(runBuiltCli(['init', '--vendor', 'generic'], dir).code).toBe(0);
    expect(runBuiltCli(['init', '--vendor', 'generic', '--force'], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8')).toBe(
      '*.png binary\n# handoff-kit: generated and platform files keep LF on every OS (build --check compares bytes)\nforce-app/generated/** text eol=lf\nforce-app/handoff/** text eol=lf\n'
    );
  }));

it('build warns when output.dir is outside every package directory (validate and deploy never read it)', () =>
  inProject('force-app', (dir) => {
    expect(runBuiltCli(['init', '--vendor', 'generic'], dir).code).toBe(0);
    const configFile = path.join(dir, 'handoff.config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { output: { dir: string } };
    config.output.dir = 'elsewhere/generated';
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    const build = runBuiltCli(['build'], dir);
    expect({ code: build.code, stderr: build.stderr }).toEqual({
      code: 0,
      stderr:
        'Warning: elsewhere/generated is not inside a package directory of sfdx-project.json (force-app): validate and deploy never read it. Set output.dir to a folder inside one (e.g. "force-app/generated").\n'
    });
  }));

it('init in an empty folder writes sfdx-project.json with force-app', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-adopt-'));
  try {
    expect(runBuiltCli(['init', '--vendor', 'generic'], dir).code).toBe(0);
    const project = JSON.parse(fs.readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories: { path: string }[];
    };
    expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
    expect(fs.existsSync(path.join(dir, 'force-app/handoff/classes/HandoffEndConversation.cls'))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
