import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import { readJsonFile } from './json';

export const SFDX_PROJECT_FILE = 'sfdx-project.json';

export interface PackageDirectory {
  /** Relative to the project root, forward slashes, no `./` prefix or trailing slash. */
  path: string;
  /** Marked `"default": true` (where the sf CLI puts new source). */
  default: boolean;
}

const normalise = (dir: string): string =>
  dir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '') || '.';

function entriesOf(raw: unknown): PackageDirectory[] {
  const list = (raw as { packageDirectories?: unknown } | null)?.packageDirectories;
  if (!Array.isArray(list)) return [];
  return list
    .filter((d): d is { path: string; default?: unknown } => !!d && typeof (d as { path?: unknown }).path === 'string')
    .map((d) => ({ path: normalise(d.path), default: d.default === true }));
}

/**
 * The package directories of `root`'s sfdx-project.json, as listed; [] when the file is missing or
 * unreadable (for defaults only: readers that need the project call packageDirectories, which says why).
 */
export function listedPackageDirectories(root: string): PackageDirectory[] {
  try {
    return entriesOf(JSON.parse(fs.readFileSync(path.join(root, SFDX_PROJECT_FILE), 'utf8')));
  } catch {
    return [];
  }
}

/**
 * The package directories of the project's sfdx-project.json, relative to `root`, with forward
 * slashes and no trailing slash. The one reader of that file for validate and deploy.
 */
export function packageDirectories(root: string): string[] {
  const file = path.join(root, SFDX_PROJECT_FILE);
  if (!fs.existsSync(file)) {
    throw new UserError(`No sfdx-project.json in ${root}.`, [
      'Run handoff from a Salesforce DX project folder (the one with sfdx-project.json), or run `handoff init` to create one.'
    ]);
  }
  const dirs = entriesOf(readJsonFile(file)).map((d) => d.path);
  if (!dirs.length) {
    throw new UserError('sfdx-project.json $.packageDirectories lists no package directory.', [
      'Add { "path": "force-app", "default": true }.'
    ]);
  }
  return dirs;
}
