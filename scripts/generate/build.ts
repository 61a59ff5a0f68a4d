/**
 * Writes the generated files and measures drift. The output folder belongs to the generator: files
 * there that the config no longer produces are removed, so a renamed attribute leaves no orphan.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../config/load';
import { sha256OfText, writeBuildManifest } from '../project/buildManifest';
import type { Drift } from '../project/drift';
import { listFilesUnder } from '../project/files';
import { sha256ButForCrlf } from '../project/lineEndings';
import { insidePackageDir, outputDir } from '../project/outputDir';
import { listedPackageDirectories } from '../project/sfdxProject';
import { fileHoldsText, mkdirChecked, removeFileChecked, writeFileChecked, type Text } from '../project/writeFiles';
import { resolveProject } from '../model/resolve';
import type { ProjectModel } from '../model/types';
import { generateAll } from './index';
import { textOf, type GeneratedFile } from './types';

export interface BuildResult {
  outDir: string;
  files: number;
  written: string[];
  removed: string[];
  unchanged: number;
  model: ProjectModel;
}

/** Every file currently under `dir`, relative, with forward slashes. */
function listFiles(dir: string): string[] {
  return listFilesUnder(dir).map((full) => path.relative(dir, full).split(path.sep).join('/'));
}

export function generateFromConfig(configFile: string): { model: ProjectModel; files: GeneratedFile[] } {
  const model = resolveProject(loadConfig(configFile));
  return { model, files: generateAll(model) };
}

/** Whether `file` is `text` with some of its LFs written as CR LF, and nothing else different. */
function holdsTextButForCrlf(file: string, text: Text): boolean {
  const sha = sha256ButForCrlf(file);
  return sha !== undefined && sha === sha256OfText(text);
}

export function diffAgainstDisk(files: GeneratedFile[], outDir: string): Drift {
  const wanted = new Map(files.map((f) => [f.path, f]));
  const onDisk = listFiles(outDir);
  const present = new Set(onDisk);
  const drift: Drift = { stale: [], lineEndings: [], missing: [], extra: [] };
  for (const [p, f] of wanted) {
    const file = path.join(outDir, p);
    if (!present.has(p)) drift.missing.push(p);
    // Only a file that differs is read again, with its CRLFs as LFs: a current folder costs nothing more.
    else if (!fileHoldsText(file, textOf(f)))
      (holdsTextButForCrlf(file, textOf(f)) ? drift.lineEndings : drift.stale).push(p);
  }
  for (const p of onDisk) if (!wanted.has(p)) drift.extra.push(p);
  drift.lineEndings.sort();
  return drift;
}

/** Drift between the config and the generated folder: what `handoff build --check` and the validator report. */
export function checkDrift(configFile: string, outDir: string): Drift {
  return diffAgainstDisk(generateFromConfig(configFile).files, outDir);
}

export function writeGenerated(
  files: GeneratedFile[],
  outDir: string
): { written: string[]; removed: string[]; unchanged: number } {
  mkdirChecked(outDir);
  const drift = diffAgainstDisk(files, outDir);
  const toWrite = new Set([...drift.stale, ...drift.lineEndings, ...drift.missing]);
  for (const f of files) {
    if (!toWrite.has(f.path)) continue;
    const target = path.join(outDir, f.path);
    mkdirChecked(path.dirname(target));
    writeFileChecked(target, textOf(f));
  }
  for (const p of drift.extra) removeFileChecked(path.join(outDir, p));
  removeEmptyDirs(outDir);
  return { written: [...toWrite].sort(), removed: drift.extra, unchanged: files.length - toWrite.size };
}

function removeEmptyDirs(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    removeEmptyDirs(full);
    if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
}

/**
 * Whether a build into `outDir` is the project's own: its output folder, or a folder inside one of its
 * package directories (`build --out src/core/generated`), which validate then reads as the generated
 * folder. A build written anywhere else (a temporary folder) leaves the manifest alone.
 */
function isProjectOutput(configFile: string, outDir: string): boolean {
  const root = path.dirname(path.resolve(configFile));
  const abs = path.resolve(outDir);
  if (abs === outputDir(root, configFile).abs) return true;
  const dirs = listedPackageDirectories(root).map((d) => d.path);
  return insidePackageDir(root, dirs, abs) !== undefined;
}

export function build(configFile: string, outDir: string): BuildResult {
  const { model, files } = generateFromConfig(configFile);
  const { written, removed, unchanged } = writeGenerated(files, outDir);
  if (isProjectOutput(configFile, outDir))
    writeBuildManifest(
      configFile,
      files.map((f) => ({ path: f.path, text: textOf(f) })),
      outDir
    );
  return { outDir, files: files.length, written, removed, unchanged, model };
}
