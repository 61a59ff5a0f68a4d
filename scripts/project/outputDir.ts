/**
 * The one answer to "where does the generated metadata live": `output.dir` of handoff.config.json,
 * else a package directory named `generated` (this repository's layout: force-app/generated), else
 * `<default package directory>/generated`, else force-app/generated when there is no sfdx-project.json.
 * build, validate (freshness), doctor and deploy read it here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILES } from './paths';

export interface OutputDir {
  /** Project-relative, forward slashes. */
  rel: string;
  abs: string;
}

/** The package directories listed in sfdx-project.json, default first; [] when it is missing or unreadable. */
function listedPackageDirs(root: string): string[] {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8').replace(/^\uFEFF/, '')) as {
      packageDirectories?: { path?: unknown; default?: unknown }[];
    };
    const dirs = (raw.packageDirectories ?? []).filter((d) => typeof d.path === 'string');
    dirs.sort((a, b) => Number(b.default === true) - Number(a.default === true));
    return dirs.map((d) => (d.path as string).replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''));
  } catch {
    return [];
  }
}

/** The default output folder for a project, ignoring any config. */
export function defaultOutputDir(root: string): string {
  const dirs = listedPackageDirs(root);
  const own = dirs.find((d) => path.posix.basename(d) === 'generated');
  if (own) return own;
  return dirs.length ? `${dirs[0]}/generated` : PROJECT_FILES.generated;
}

/** `output.dir` of a config file, if the file exists, parses and sets one (validation reports the rest). */
function configuredOutputDir(configFile: string): string | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(configFile, 'utf8').replace(/^\uFEFF/, '')) as {
      output?: { dir?: unknown };
    };
    const dir = raw?.output?.dir;
    return typeof dir === 'string' && dir.trim() ? dir.replace(/\\/g, '/').replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

export function outputDir(root: string, configFile: string = path.join(root, PROJECT_FILES.config)): OutputDir {
  const rel = configuredOutputDir(configFile) ?? defaultOutputDir(root);
  return { rel, abs: path.resolve(root, rel) };
}
