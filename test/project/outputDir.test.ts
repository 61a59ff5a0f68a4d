/** output.dir: one setting build, validate and deploy read (scripts/project/outputDir.ts). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultOutputDir, generatedFolder, outputDir } from '../../scripts/project/outputDir';
import { runCli } from '../support/cli';

function project(packageDirs: object[], config?: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-out-'));
  fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: packageDirs }));
  if (config) fs.writeFileSync(path.join(dir, 'handoff.config.json'), JSON.stringify(config));
  for (const d of packageDirs as { path: string }[]) fs.mkdirSync(path.join(dir, d.path), { recursive: true });
  return dir;
}

describe('the output folder', () => {
  it('defaults to <default package dir>/generated, or to a package directory named generated', () => {
    expect(defaultOutputDir(project([{ path: 'src/core', default: true }]))).toBe('src/core/generated');
    expect(defaultOutputDir(project([{ path: 'app' }, { path: 'src/core', default: true }]))).toBe(
      'src/core/generated'
    );
    expect(
      defaultOutputDir(project([{ path: 'force-app/main', default: true }, { path: 'force-app/generated' }]))
    ).toBe('force-app/generated');
    expect(defaultOutputDir(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-out-')))).toBe('force-app/generated');
  });

  it('is output.dir when the config sets one', () => {
    const dir = project([{ path: 'src/core', default: true }], { output: { dir: './src/core/hk/' } });
    expect(outputDir(dir)).toMatchObject({ rel: 'src/core/hk', from: 'config' });
    expect(generatedFolder(dir, ['src/core']).inPackage).toBe(true);
  });

  it('outside every package directory is a validate error naming the folder', async () => {
    const dir = project([{ path: 'src/core', default: true }], { output: { dir: 'build/generated' } });
    const run = await runCli(['validate', '--rule', 'freshness/output-in-package'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error freshness/output-in-package: The output folder build/generated is not inside a package directory (src/core): validate and deploy never read the generated files'
    );
  });

  it('excluded by .forceignore stops deploy before it connects, naming the pattern to remove', async () => {
    const dir = project([{ path: 'src/core', default: true }], { output: { dir: 'src/core/generated' } });
    fs.mkdirSync(path.join(dir, 'src/core/generated/flows'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src/core/generated/flows/Handoff_Routing.flow-meta.xml'), '<Flow/>\n');
    fs.writeFileSync(path.join(dir, '.forceignore'), '**/generated/**\n');
    expect(await runCli(['deploy'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error: .forceignore excludes generated files of src/core/generated (first: src/core/generated/flows/Handoff_Routing.flow-meta.xml): the hand-off would deploy without them.\n' +
        '  - Remove the .forceignore pattern that matches src/core/generated; the generated folder must be deployed with the project.\n'
    });
  });
});
