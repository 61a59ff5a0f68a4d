/**
 * `handoff build` removes every file in its output folder that the config does not generate (a
 * renamed attribute leaves no orphan). Pointed at the wrong folder (`--out .`, `output.dir`
 * "force-app" or "force-app/main/default") that deleted the project: its config, sfdx-project.json,
 * the kit's platform code, every hand-written component. So build removes only files a build
 * recorded writing there (handoff.build.json) when the folder is the project's (in it, or holding it);
 * these helpers find the files it knows nothing of.
 */
import * as path from 'node:path';
import { ConfigAndManifest, recordedOutDir } from './buildManifest';
import { isHiddenOrModules, listFilesUnder } from './files';

/** The files the last recorded build wrote into `outDir` (output-relative, forward slashes); empty when it wrote elsewhere. */
export function recordedFilesIn(configFile: string, outDir: string): Set<string> {
  const files = new ConfigAndManifest(configFile);
  const recorded = files.manifest()?.files;
  return recorded && recordedOutDir(files) === path.resolve(outDir) ? new Set(Object.keys(recorded)) : new Set();
}

/** Whether `outDir` holds any file (outside tool and VCS folders) that no recorded build wrote there. */
export function holdsUnrecordedFiles(outDir: string, recorded: Set<string>): boolean {
  return listFilesUnder(outDir, isHiddenOrModules).some(
    (f) => !recorded.has(path.relative(outDir, f).split(path.sep).join('/'))
  );
}

/** Whether `outDir` is the project root, a folder in it, or a folder holding it. */
export function ofTheProject(root: string, outDir: string): boolean {
  const within = (from: string, to: string): boolean => {
    const rel = path.relative(path.resolve(from), path.resolve(to));
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  };
  return within(root, outDir) || within(outDir, root);
}
