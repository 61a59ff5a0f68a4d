/**
 * The shipped example as a throw-away project: sfdx-project.json, force-app/main as committed, and
 * force-app/generated generated from handoff.config.json (what `handoff build` writes), so the
 * validator tests do not depend on whether the generated folder has been committed yet.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFromConfig } from '../../scripts/generate/build';

export const REPO = path.resolve(__dirname, '../..');
export const CONFIG = 'handoff.config.json';

export function makeExample(dir: string, options: { config?: boolean } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  if (options.config) {
    // The freshness rules' inputs: the config, and the TypeScript LWCs with their build manifest.
    fs.copyFileSync(path.join(REPO, CONFIG), path.join(dir, CONFIG));
    fs.cpSync(path.join(REPO, 'lwc-ts'), path.join(dir, 'lwc-ts'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'bin/build-lwc.js'), path.join(dir, 'bin/build-lwc.js'));
  }
  fs.cpSync(path.join(REPO, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  // The committed Apex verdicts, as a clone has them: unchanged classes are not parsed again.
  fs.copyFileSync(path.join(REPO, 'handoff.verdicts.json'), path.join(dir, 'handoff.verdicts.json'));
  for (const f of generateFromConfig(path.join(REPO, CONFIG)).files) {
    const file = path.join(dir, 'force-app/generated', f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  return dir;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
