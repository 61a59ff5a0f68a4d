/**
 * The freshness rule's regeneration, run before the project is loaded when the build manifest does not
 * settle freshness (another kit version, an edited config or generated file, no manifest). Regenerating
 * renders the whole flow (build's own peak); on top of the loaded project's parsed trees that made a
 * stale validate peak at 470 MB at 10,000 attributes against 290 MB for a fresh one (task k15mem5).
 * Run first, only the Drift (file names) outlives it. The rule still decides everything itself and
 * gets the answer from the returned DriftCheck; a question this run did not foresee is computed then.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configAcceptedByBuild, recordedBuildButForCrlf, type ConfigAndManifest } from '../project/buildManifest';
import type { Drift, DriftCheck } from '../project/drift';
import { listFilesUnder } from '../project/files';
import { generatedFolder } from '../project/outputDir';
import { packageDirectories } from '../project/sfdxProject';
import { skipSourceDir } from '../source/project';

/** Whether `file` hashes to `sha`, as it is or with CR LF read as LF; false when it cannot be read (missing, a folder). */
function hashIs(configFiles: ConfigAndManifest, file: string, sha: string): boolean {
  try {
    return configFiles.fileHash(file) === sha || configFiles.fileHashButForCrlf(file) === sha;
  } catch {
    return false;
  }
}

/** The generated folder (absolute) when the rule will regenerate to compare it; undefined when it will not. */
function folderToRegenerate(root: string, configFiles: ConfigAndManifest): string | undefined {
  if (!fs.existsSync(configFiles.configFile)) return undefined;
  let packageDirs: string[];
  try {
    packageDirs = packageDirectories(root);
    configFiles.config();
  } catch {
    return undefined; // loading the project, or the rule, says what is wrong, in its own turn
  }
  const out = generatedFolder(root, packageDirs, configFiles);
  if (!out.inPackage) return undefined;
  // The cheapest evidence first, before listing the folder (20,000 files add 30 MB to this thread,
  // which it keeps while the worker regenerates): the manifest, then each file it recorded.
  if (!configAcceptedByBuild(configFiles)) return out.abs;
  const recorded = Object.entries(configFiles.manifest()?.files ?? {});
  if (recorded.some(([p, sha]) => !hashIs(configFiles, path.join(out.abs, p), sha))) return out.abs;
  const onDisk = new Map(
    listFilesUnder(out.abs, skipSourceDir).map((abs) => [path.relative(out.abs, abs).split(path.sep).join('/'), abs])
  );
  return recordedBuildButForCrlf(configFiles, onDisk) ? undefined : out.abs;
}

/**
 * `checkDrift`, with the drift of the project's generated folder already computed when the rule will
 * ask for it. An error it raised (a config build rejects) is raised again when the rule asks, so the
 * run fails at the same point, with the same error, as when the rule computed it.
 */
export async function driftComputedFirst(
  root: string,
  configFiles: ConfigAndManifest,
  checkDrift: DriftCheck
): Promise<DriftCheck> {
  const outDir = folderToRegenerate(root, configFiles);
  if (outDir === undefined) return checkDrift;
  const config = configFiles.configFile;
  let answer: { drift: Drift } | { error: unknown };
  try {
    answer = { drift: await checkDrift(config, outDir) };
  } catch (error) {
    answer = { error };
  }
  return (c, o) => {
    if (c !== config || o !== outDir) return checkDrift(c, o);
    if ('error' in answer) throw answer.error;
    return answer.drift;
  };
}
