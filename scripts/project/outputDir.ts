/**
 * The one answer to "where does the generated metadata live": `output.dir` of handoff.config.json,
 * else a package directory of sfdx-project.json named `generated` (this repository's layout:
 * force-app/generated is a package directory of its own), else `<default package directory>/generated`,
 * else force-app/generated when there is no sfdx-project.json yet. build, validate (freshness),
 * doctor and deploy all ask here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configAndManifest, recordedOutDir, type ConfigAndManifest } from './buildManifest';
import { PROJECT_FILES } from './paths';
import { listedPackageDirectories } from './sfdxProject';

export interface OutputDir {
  /** Project-relative, forward slashes, no trailing slash. */
  rel: string;
  abs: string;
  /** Where the answer came from, for messages. */
  from: 'config' | 'default' | 'last-build';
}

/** A folder path as the kit compares them: forward slashes, no `./` prefix, no trailing slash. */
export const normaliseDir = (dir: string): string =>
  dir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');

/** The default output folder of the project at `root`, ignoring any config. */
export function defaultOutputDir(root: string): string {
  const dirs = listedPackageDirectories(root);
  const own = dirs.find((d) => path.posix.basename(d.path) === 'generated');
  if (own) return own.path;
  const chosen = dirs.find((d) => d.default) ?? dirs[0];
  return chosen ? `${chosen.path}/generated` : PROJECT_FILES.generated;
}

/**
 * `output.dir` of a config file, when the file parses and sets one. Read raw, without validating the
 * config: validate and doctor ask before (or without) loading the config, and its problems are
 * reported by whoever loads it.
 */
function configuredOutputDir(files: ConfigAndManifest): string | undefined {
  try {
    const dir = (files.config() as { output?: { dir?: unknown } } | null)?.output?.dir;
    return typeof dir === 'string' && dir.trim() ? normaliseDir(dir.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The project's output folder: `output.dir` of the config (default: the project's handoff.config.json,
 * or the run's ConfigAndManifest of it), else the default.
 */
export function outputDir(
  root: string,
  config: string | ConfigAndManifest = path.join(root, PROJECT_FILES.config)
): OutputDir {
  const configured = configuredOutputDir(configAndManifest(config));
  const rel = configured ?? defaultOutputDir(root);
  return { rel, abs: path.resolve(root, rel), from: configured ? 'config' : 'default' };
}

/** The project-relative path of `abs` when it lies inside a package directory of `packageDirs`, else undefined. */
export function insidePackageDir(root: string, packageDirs: string[], abs: string): string | undefined {
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return packageDirs.some((d) => d === '.' || rel === d || rel.startsWith(`${d}/`)) ? rel : undefined;
}

/**
 * The generated folder as validate reads it: where the last recorded build wrote when that lies in a
 * package directory (`build --out src/core/generated` in a project whose default is elsewhere), else
 * the output folder. `inPackage` says whether validate and deploy see it at all.
 */
export function generatedFolder(
  root: string,
  packageDirs: string[],
  config: string | ConfigAndManifest = path.join(root, PROJECT_FILES.config)
): OutputDir & { inPackage: boolean; configured: OutputDir } {
  const files = configAndManifest(config);
  const configured = outputDir(root, files);
  const last = recordedOutDir(files);
  const lastRel = last && fs.existsSync(last) ? insidePackageDir(root, packageDirs, last) : undefined;
  if (lastRel !== undefined && lastRel !== configured.rel)
    return { rel: lastRel, abs: path.resolve(root, lastRel), from: 'last-build', inPackage: true, configured };
  return { ...configured, inPackage: insidePackageDir(root, packageDirs, configured.abs) !== undefined, configured };
}
