import * as fs from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { INIT_FLAGS } from '../cli/flags/init';
import { inferAttributes } from '../config/infer';
import { configPath } from '../config/load';
import { starterConfig } from '../config/templates';
import type { AttributeConfig, HandoffConfig, Vendor } from '../config/types';
import { validateConfig } from '../config/validate';
import { choosePackageDir, schemaReference, writeSfdxProject } from '../project/adopt';
import { UsageError, UserError, formatProblem } from '../project/errors';
import { GIT_ATTRIBUTES, ensureLfLineEndings } from '../project/gitAttributes';
import { displayPath } from '../project/paths';
import { readPayloadFile } from '../project/payloadFile';
import { listedPackageDirectories } from '../project/sfdxProject';
import {
  applyPlatformSync,
  isKitRepository,
  planPlatformSync,
  PLATFORM_MANIFEST,
  readManifest
} from '../project/platformCode';
import { writeFileChecked } from '../project/writeFiles';

const VENDORS: Vendor[] = ['fin', 'fullview', 'cognigy', 'generic'];

const USAGE = `Usage: handoff init --vendor fin|fullview|cognigy|generic [--package-dir DIR] [--from-payload FILE] [--config FILE] [--force] [--json]

Adopts the project (the nearest folder with sfdx-project.json, else this folder):
  - writes a starting handoff.config.json for the vendor, with a $schema your editor resolves and
    output.dir = <package dir>/generated (where \`handoff build\` writes);
  - creates sfdx-project.json when there is none (package directory: --package-dir, default force-app);
  - copies the kit's platform code (Apex, settings type, failure object, LWC, admin permission set)
    into <package dir>/handoff and records it in ${PLATFORM_MANIFEST} for \`handoff upgrade\`.
With --from-payload, the attributes are inferred from a real hand-off payload (the JSON object of
routing attributes the vendor sends). An existing config is never overwritten without --force, and
a platform file you changed is never overwritten.

Flags:
${flagLines(INIT_FLAGS, { column: 23 })}
`;

export const command: Command = {
  name: 'init',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values } = parseFlags('init', argv, INIT_FLAGS);
    const vendor = values.vendor as Vendor | undefined;
    if (!vendor) throw new UsageError('handoff init: --vendor is required (fin, fullview, cognigy or generic).');
    if (!VENDORS.includes(vendor))
      throw new UsageError(`handoff init: --vendor must be one of ${VENDORS.join(', ')}, not "${vendor}".`);
    const target = configPath(root, values.config);
    if (fs.existsSync(target) && !values.force) {
      throw new UserError(
        `${displayPath(target)} already exists. Pass --force to overwrite it, or --config FILE to write elsewhere.`
      );
    }
    const kitRepo = isKitRepository(root);
    const requested = values['package-dir'] ?? (await askPackageDir(root));
    const { packageDir, exists: hasSfdxProject } = choosePackageDir(root, requested);

    let skipped: { key: string; reason: string }[] = [];
    let attributes: AttributeConfig[] | undefined;
    const payloadFile = values['from-payload'];
    if (payloadFile) {
      const inferred = inferAttributes(readPayloadFile(payloadFile));
      if (!inferred.attributes.length)
        throw new UserError(`${displayPath(payloadFile)} has no string values to make attributes from.`);
      skipped = inferred.skipped;
      attributes = inferred.attributes;
    }
    const config = withLayout(starterConfig(vendor, attributes), {
      schema: schemaReference(target),
      // The kit's own repository keeps its layout (force-app/generated, the default).
      outputDir: kitRepo ? undefined : `${packageDir}/generated`
    });
    // A starter config must itself be valid: a payload key can still break a rule (e.g. 256+ char key).
    const problems = validateConfig(config, displayPath(target));
    if (problems.length) throw new UserError('The inferred config is not valid:', problems.map(formatProblem));

    // Platform code first: it is the step that can refuse (a changed file), and then nothing is written.
    let platform: { dir: string; added: number; unchanged: number; restored: number } | undefined;
    if (!kitRepo) {
      const manifest = readManifest(root);
      const dir = manifest?.dir ?? `${packageDir}/handoff`;
      const changes = planPlatformSync(root, dir, manifest);
      applyPlatformSync(root, dir, changes);
      const count = (a: string): number => changes.filter((c) => c.action === a).length;
      platform = { dir, added: count('add'), unchanged: count('unchanged'), restored: count('restore') };
    }
    if (!hasSfdxProject) writeSfdxProject(root, packageDir);
    writeFileChecked(target, JSON.stringify(config, null, 2) + '\n');
    const lfLines = platform
      ? ensureLfLineEndings(root, [config.output?.dir ?? `${packageDir}/generated`, platform.dir])
      : [];

    for (const s of skipped) out.warn(`skipped "${s.key}": ${s.reason}`);
    if (!hasSfdxProject) out.log(`Wrote sfdx-project.json with the package directory ${packageDir}.`);
    if (platform)
      out.log(
        `Installed the kit's platform code in ${platform.dir}: ${platform.added} added, ${platform.restored} restored, ${platform.unchanged} unchanged (recorded in ${PLATFORM_MANIFEST}).`
      );
    out.log(`Wrote ${displayPath(target)} for ${vendor} with ${config.attributes?.length ?? 0} attributes.`);
    if (lfLines.length)
      out.log(
        `Added to ${GIT_ATTRIBUTES}: ${lfLines.join(', ')} (LF on Windows too, so \`handoff build --check\` and \`upgrade\` see no change there).`
      );
    out.log('Next: review queues and routing rules, then run `handoff build` and `handoff validate`.');
    return {
      exitCode: 0,
      result: {
        config: displayPath(target),
        vendor,
        attributes: config.attributes?.length ?? 0,
        skipped,
        packageDir,
        outputDir: config.output?.dir ?? null,
        createdSfdxProject: !hasSfdxProject,
        platform: platform ?? null,
        gitAttributes: lfLines
      }
    };
  }
};

/**
 * At a terminal, with more than one package directory listed and no --package-dir, asks which one
 * (Enter takes the default). Never in a pipe, CI or --json: there the default package directory is used.
 */
async function askPackageDir(root: string): Promise<string | undefined> {
  const dirs = listedPackageDirectories(root);
  if (dirs.length < 2 || !process.stdin.isTTY || !process.stdout.isTTY || process.argv.includes('--json'))
    return undefined;
  const fallback = (dirs.find((d) => d.default) ?? dirs[0]).path;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (
      await rl.question(
        `Install the kit into which package directory (${dirs.map((d) => d.path).join(', ')})? [${fallback}] `
      )
    ).trim();
    return answer || fallback;
  } finally {
    rl.close();
  }
}

/** Puts `$schema` and `output` first, where a reader looks for them. */
function withLayout(config: HandoffConfig, layout: { schema: string; outputDir?: string }): HandoffConfig {
  const { $schema: _ignored, vendor, ...rest } = config;
  return {
    $schema: layout.schema,
    vendor,
    ...(layout.outputDir ? { output: { dir: layout.outputDir } } : {}),
    ...rest
  };
}
