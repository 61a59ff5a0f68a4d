import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';

/**
 * The package directories of the project's sfdx-project.json, relative to `root`, with forward
 * slashes and no trailing slash. The one reader of that file for validate and deploy.
 */
export function packageDirectories(root: string): string[] {
  const file = path.join(root, 'sfdx-project.json');
  if (!fs.existsSync(file)) {
    throw new UserError(`No sfdx-project.json in ${root}.`, [
      'Run handoff from a Salesforce DX project folder (the one with sfdx-project.json), or pass --root.'
    ]);
  }
  let raw: { packageDirectories?: { path?: unknown }[] };
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof raw;
  } catch (e) {
    throw new UserError(`sfdx-project.json is not valid JSON: ${(e as Error).message}`);
  }
  const dirs = (raw.packageDirectories ?? []).map((d) => d.path).filter((p): p is string => typeof p === 'string');
  if (!dirs.length) {
    throw new UserError('sfdx-project.json $.packageDirectories lists no package directory.', [
      'Add { "path": "force-app/main" } (and force-app/generated).'
    ]);
  }
  return dirs.map((d) => d.replace(/\\/g, '/').replace(/\/+$/, ''));
}
