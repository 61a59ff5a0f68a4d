/**
 * What `handoff init` does to a project beyond the config: makes sure sfdx-project.json exists and
 * lists the chosen package directory, and works out the `$schema` path and the output folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import { readJsonFile } from './json';
import { kitFile } from './kitRoot';
import { displayPath } from './paths';
import { writeFileChecked } from './writeFiles';

export const SOURCE_API_VERSION = '66.0';

export interface ProjectLayout {
  /** The package directory the kit installs into (project-relative, forward slashes). */
  packageDir: string;
  /** sfdx-project.json was written by this run. */
  createdSfdxProject: boolean;
}

const normalise = (dir: string): string => dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');

/** Reads sfdx-project.json (or plans one), choosing the package directory: `--package-dir`, else the default one. */
export function choosePackageDir(root: string, requested?: string): { packageDir: string; exists: boolean } {
  const file = path.join(root, 'sfdx-project.json');
  if (!fs.existsSync(file)) return { packageDir: normalise(requested ?? 'force-app'), exists: false };
  const raw = readJsonFile(file) as { packageDirectories?: { path?: unknown; default?: unknown }[] };
  const entries = (Array.isArray(raw?.packageDirectories) ? raw.packageDirectories : []).filter(
    (d) => d && typeof d.path === 'string'
  );
  const dirs = entries.map((d) => normalise(d.path as string));
  if (requested !== undefined) {
    const want = normalise(requested);
    if (!dirs.includes(want)) {
      throw new UserError(
        `--package-dir ${want} is not a package directory of ${displayPath(file)} (it lists ${dirs.length ? dirs.join(', ') : 'none'}).`,
        [`Add { "path": "${want}" } to $.packageDirectories, or pass one of the listed folders.`]
      );
    }
    return { packageDir: want, exists: true };
  }
  const chosen = entries.find((d) => d.default === true) ?? entries[0];
  if (!chosen) {
    throw new UserError(`${displayPath(file)} $.packageDirectories lists no package directory.`, [
      'Add { "path": "force-app", "default": true }, or pass --package-dir.'
    ]);
  }
  return { packageDir: normalise(chosen.path as string), exists: true };
}

/** Writes a minimal sfdx-project.json listing `packageDir` as the default package directory. */
export function writeSfdxProject(root: string, packageDir: string): void {
  const project = {
    packageDirectories: [{ path: packageDir, default: true }],
    name: path.basename(path.resolve(root)),
    namespace: '',
    sfdcLoginUrl: 'https://login.salesforce.com',
    sourceApiVersion: SOURCE_API_VERSION
  };
  writeFileChecked(path.join(root, 'sfdx-project.json'), JSON.stringify(project, null, 2) + '\n');
}

/** `$schema` for a config at `configFile`: the kit's schema, relative, so editors resolve it (node_modules/handoff-kit/… when installed). */
export function schemaReference(configFile: string): string {
  const rel = path
    .relative(path.dirname(path.resolve(configFile)), kitFile('schemas', 'handoff.config.schema.json'))
    .split(path.sep)
    .join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
