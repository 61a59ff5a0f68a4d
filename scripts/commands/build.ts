import * as path from 'node:path';
import { hasMiaw } from '../model/types';
import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { BUILD_FLAGS } from '../cli/flags/build';
import { configPath } from '../config/load';
import { build, checkDrift } from '../generate/build';
import { UserError } from '../project/errors';
import { BUILD_MANIFEST_FILE } from '../project/buildManifest';
import { crlfCheckoutFix } from '../project/gitAttributes';
import { holdsUnrecordedFiles, ofTheProject, recordedFilesIn } from '../project/outputGuard';
import { insidePackageDir, outputDir } from '../project/outputDir';
import { listedPackageDirectories } from '../project/sfdxProject';
import { displayPath } from '../project/paths';
import { foldersToCreate } from '../project/writeFiles';

const USAGE = `Usage: handoff build [--config FILE] [--out DIR] [--check] [--json]

Generates every hand-off component from handoff.config.json into the output folder: output.dir of
the config, else a package directory named "generated", else <default package directory>/generated.
Building twice gives byte-identical files; files the config no longer produces are removed.

Flags:
${flagLines(BUILD_FLAGS, { column: 17, json: 'one JSON document on stdout' })}
`;

export const command: Command = {
  name: 'build',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values } = parseFlags('build', argv, BUILD_FLAGS);
    const config = configPath(root, values.config);
    const outDir = values.out ? path.resolve(values.out) : outputDir(root, config).abs;
    // A file where the folder should be is named now, not met as ENOTDIR (or as "every file missing").
    foldersToCreate(outDir);

    if (values.check) {
      const drift = checkDrift(config, outDir);
      const edited = drift.stale.length + drift.missing.length + drift.extra.length;
      const differing = edited + drift.lineEndings.length;
      if (differing === 0) out.log(`${displayPath(outDir)} is current with ${displayPath(config)}.`);
      else {
        out.log(
          `${displayPath(outDir)} differs from what ${displayPath(config)} generates (${counted(differing, 'file')}):`
        );
        for (const f of drift.stale) out.log(`  changed  ${f}`);
        for (const f of drift.lineEndings) out.log(`  CRLF     ${f}`);
        for (const f of drift.missing) out.log(`  missing  ${f}`);
        for (const f of drift.extra) out.log(`  extra    ${f}`);
        if (edited)
          out.log('Run `handoff build` to regenerate; never edit generated files by hand (change the config instead).');
        if (drift.lineEndings.length) {
          const n = drift.lineEndings.length;
          out.log(
            `${counted(n, 'file')} ${n === 1 ? 'differs only by its' : 'differ only by their'} CRLF line endings: a checkout converted ${n === 1 ? 'it' : 'them'} (git's core.autocrlf), not an edit by hand.`
          );
          out.log(crlfCheckoutFix(displayPath(outDir)));
        }
      }
      return { exitCode: differing ? 1 : 0, result: { outDir: displayPath(outDir), ...drift } };
    }

    refuseToRemoveUnrecorded(config, outDir);
    const result = build(config, outDir);
    const { model } = result;
    for (const note of model.namingNotes)
      out.log(`  name: "${note.key}" → ${note.name} (${note.reason}: ${note.detail})`);
    out.log(
      `Built ${result.files} files in ${displayPath(outDir)}: ${result.written.length} written, ${result.unchanged} unchanged, ${result.removed.length} removed.`
    );
    warnOutsidePackageDirs(root, outDir, out.warn);
    out.log(
      hasMiaw(model)
        ? `  ${counted(model.attributes.length, 'attribute')}, ${counted(model.queues.length, 'queue')}, ${counted(model.rules.length, 'routing rule')}, flow ${model.flow.apiName}, channel ${model.channel.developerName}.`
        : `  vendorFlow without a channel: the vendor's side only (${model.caseFields.length} Case fields, no channel, deployment, flow or queues).`
    );
    return {
      exitCode: 0,
      result: {
        outDir: displayPath(outDir),
        files: result.files,
        written: result.written,
        removed: result.removed,
        unchanged: result.unchanged,
        namingNotes: model.namingNotes
      }
    };
  }
};

/** "1 queue", "3 queues". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Stops a build that would remove files no build wrote (outputGuard.ts). Cheap when the folder holds
 * only recorded files (a listing); only otherwise is the config generated once more to see what goes.
 */
function refuseToRemoveUnrecorded(config: string, outDir: string): void {
  if (!ofTheProject(path.dirname(path.resolve(config)), outDir)) return; // a folder elsewhere (a temporary one) is the caller's
  const recorded = recordedFilesIn(config, outDir);
  if (!holdsUnrecordedFiles(outDir, recorded)) return;
  const lost = checkDrift(config, outDir).extra.filter((f) => !recorded.has(f));
  if (!lost.length) return;
  const shown = lost.slice(0, 5).join(', ') + (lost.length > 5 ? `, … (${lost.length - 5} more)` : '');
  const folder = path.resolve(outDir) === process.cwd() ? '.' : displayPath(outDir);
  throw new UserError(
    `handoff build would remove ${counted(lost.length, 'file')} in ${folder} that no build wrote there: ${shown}.`,
    [
      `build removes every file of its output folder that the config does not generate: give it a folder of its own (output.dir, e.g. "force-app/generated", or --out), or move these files out of ${folder}.`,
      `Files an earlier build wrote before ${BUILD_MANIFEST_FILE} recorded them: delete them, then build again.`
    ]
  );
}

/**
 * Said at build time what validate later reports as freshness/output-in-package: a folder of the project
 * outside every package directory is never deployed (a temporary folder elsewhere is the caller's).
 */
function warnOutsidePackageDirs(root: string, outDir: string, warn: (line: string) => void): void {
  const dirs = listedPackageDirectories(root).map((d) => d.path);
  if (!dirs.length || !ofTheProject(root, outDir) || insidePackageDir(root, dirs, outDir) !== undefined) return;
  warn(
    `${displayPath(outDir)} is not inside a package directory of sfdx-project.json (${dirs.join(', ')}): validate and deploy never read it. Set output.dir to a folder inside one (e.g. "${dirs[0]}/generated").`
  );
}
