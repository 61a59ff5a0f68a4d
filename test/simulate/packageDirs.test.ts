/** simulate reads the package directories of sfdx-project.json, as build, validate and deploy do. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSimProject } from '../../scripts/simulate/project';
import { FIXTURE } from './helpers';

describe('simulate in a project with its own package directories', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  /** The fixture's metadata under `into` of a new project whose sfdx-project.json lists `packageDirs`. */
  function projectWith(packageDirs: string[], into: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-sim-dirs-'));
    roots.push(root);
    fs.writeFileSync(
      path.join(root, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: packageDirs.map((p, i) => ({ path: p, default: i === 0 })) })
    );
    for (const dir of packageDirs) fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.cpSync(path.join(FIXTURE, 'force-app'), path.join(root, into), { recursive: true });
    return root;
  }

  test('the hand-off in the default package directory "app" is found, though force-app exists too', () => {
    const root = projectWith(['app', 'force-app'], 'app');
    fs.writeFileSync(path.join(root, 'force-app', 'README.md'), 'the adopter’s own folder');
    const p = loadSimProject(root);
    expect(p.deployment?.file.startsWith(path.join(root, 'app') + path.sep)).toBe(true);
    expect(p.flow.apiName).toBe('Fixture_Routing');
    // Two package directories in no common folder: the project root names them.
    expect(p.sourceDir).toBe(root);
  });

  test('package directories under one folder are named by it (force-app for force-app/main and force-app/generated)', () => {
    const root = projectWith(['force-app/main', 'force-app/generated'], 'force-app/generated');
    const p = loadSimProject(root);
    expect(p.flow.apiName).toBe('Fixture_Routing');
    expect(p.sourceDir).toBe(path.join(root, 'force-app'));
  });
});
