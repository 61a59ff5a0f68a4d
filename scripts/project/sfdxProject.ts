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
 * The package directories of `root`'s sfdx-project.json, as listed; [] when there is no such file
 * (init creates one; build then uses the default layout). A file that does not parse, or lists no
 * package directory, is a UserError naming it: every reader would otherwise guess the layout.
 */
export function listedPackageDirectories(root: string): PackageDirectory[] {
  const file = path.join(root, SFDX_PROJECT_FILE);
  if (!fs.existsSync(file)) return [];
  const dirs = entriesOf(readJsonFile(file));
  if (!dirs.length) {
    throw new UserError(`${SFDX_PROJECT_FILE} $.packageDirectories lists no package directory.`, [
      'Add { "path": "force-app", "default": true }.'
    ]);
  }
  return dirs;
}

/**
 * The package directories of the project's sfdx-project.json, relative to `root`, with forward
 * slashes and no trailing slash. The one reader of that file for validate and deploy.
 */
export function packageDirectories(root: string): string[] {
  if (!fs.existsSync(path.join(root, SFDX_PROJECT_FILE))) {
    throw new UserError(`No sfdx-project.json in ${root}.`, [
      'Run handoff from a Salesforce DX project folder (the one with sfdx-project.json), or run `handoff init` to create one.'
    ]);
  }
  return listedPackageDirectories(root).map((d) => d.path);
}
