/**
 * Generated output is current: the output folder (output.dir, project/outputDir.ts) equals what handoff.config.json generates
 * (`handoff build --check`), and the compiled LWCs equal what lwc-ts/ compiles to
 * (recorded in lwc-ts/build-manifest.json by `npm run build:lwc`: a hash comparison, not a compile).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compareLwcManifest,
  currentLwcManifest,
  LWC_MANIFEST_FILE,
  LWC_SOURCES_DIR,
  readLwcManifest,
  type LwcDifference
} from '../../project/lwcManifest';
import { recordedBuildButForCrlf } from '../../project/buildManifest';
import { crlfCheckoutFix } from '../../project/gitAttributes';
import { generatedFolder } from '../../project/outputDir';
import { PROJECT_FILES } from '../../project/paths';
import type { Rule } from '../types';

const LWC_MESSAGES: Record<LwcDifference['kind'], (detail?: string) => string> = {
  'source-changed': () => 'Changed since the last npm run build:lwc: the compiled LWCs may be out of date',
  'source-added': () => 'Added since the last npm run build:lwc: the compiled LWCs may be out of date',
  'source-removed': () => 'Removed since the last npm run build:lwc: the compiled LWCs may be out of date',
  stale: () => 'Out of date with the compiled output of lwc-ts/',
  missing: () => 'Missing from the compiled output of lwc-ts/',
  extra: () => 'Not produced by lwc-ts/: a stale compiled file',
  typescript: (detail) => `The compiled LWCs were built with another TypeScript (${detail ?? ''})`,
  builder: () => 'The LWC build script changed since the compiled LWCs were built'
};

/** The rule that regenerates to compare (validate/driftFirst.ts runs that before the project loads). */
export const BUILD_CURRENT = 'freshness/build-current';

export const rules: Rule[] = [
  {
    id: 'freshness/output-in-package',
    description:
      'The output folder (output.dir) lies inside a package directory of sfdx-project.json and .forceignore excludes none of it, so validate and deploy see the generated files.',
    fix: 'Set output.dir in handoff.config.json to a folder inside a package directory (e.g. <package dir>/generated), or add the folder to sfdx-project.json $.packageDirectories.',
    check({ project, configFiles, report }) {
      if (!fs.existsSync(configFiles.configFile)) return;
      const out = generatedFolder(project.root, project.packageDirs, configFiles);
      if (!out.inPackage) {
        report(
          { file: PROJECT_FILES.config },
          `The output folder ${out.rel} is not inside a package directory (${project.packageDirs.join(', ')}): validate and deploy never read the generated files`
        );
        return;
      }
      // The read model leaves out what .forceignore excludes (as sf deploys), so say it here, or a
      // project whose generated files are never deployed would validate clean.
      const skipped = project.forceIgnoredUnder(out.abs);
      if (skipped.length)
        report(
          { file: '.forceignore' },
          `.forceignore excludes generated files of ${out.rel} (first: ${path.relative(project.root, skipped[0]).split(path.sep).join('/')}): sf project deploy and handoff deploy never send them, and validate does not check them`,
          `Remove the .forceignore pattern that matches ${out.rel}; the generated folder must be deployed with the project.`
        );
    }
  },
  {
    id: BUILD_CURRENT,
    description: 'The output folder (output.dir) is what handoff.config.json generates (handoff build --check).',
    fix: 'Run `handoff build` and commit; change the config instead of editing generated files.',
    async check({ project, checkDrift, configFiles, report, notice }) {
      const config = configFiles.configFile;
      if (!fs.existsSync(config)) {
        notice(`not checked: no ${PROJECT_FILES.config} in the project`);
        return;
      }
      configFiles.config(); // a folder, a BOM or broken JSON is the user's error, said as such
      const out = generatedFolder(project.root, project.packageDirs, configFiles);
      if (!out.inPackage) return; // freshness/output-in-package says so
      if (out.from === 'last-build')
        notice(
          `checked ${out.rel}, where the last \`handoff build --out\` wrote; output.dir is ${out.configured.rel} (set output.dir to ${out.rel} to make it the default)`
        );
      // What build recorded, when it still holds, saves regenerating everything (project/buildManifest.ts).
      const prefix = `${out.rel}/`;
      const onDisk = new Map<string, string>();
      for (const f of project.allFiles)
        if (f.startsWith(prefix)) onDisk.set(f.slice(prefix.length), path.join(project.root, f));
      const recorded = recordedBuildButForCrlf(configFiles, onDisk);
      const at = (p: string): string => `${out.rel}/${p}`;
      // One finding for a checkout's CRLFs, which convert every file at once: naming the first, counting the rest.
      const reportLineEndings = ([first, ...more]: string[]): void => {
        if (first)
          report(
            { file: at(first) },
            `Differs from what handoff build writes only by its CRLF line endings${more.length ? ` (as ${more.length === 1 ? 'does 1 more generated file' : `do ${more.length} more generated files`})` : ''}: a checkout converted it (git's core.autocrlf), not an edit by hand`,
            crlfCheckoutFix(out.rel)
          );
      };
      if (recorded) return reportLineEndings(recorded);
      const drift = await checkDrift(config, out.abs);
      for (const p of drift.stale)
        report(
          { file: at(p) },
          `Differs from what ${PROJECT_FILES.config} generates (edited by hand, or the config changed since the last build)`
        );
      reportLineEndings(drift.lineEndings);
      for (const p of drift.missing) report({ file: at(p) }, `Missing: ${PROJECT_FILES.config} generates this file`);
      for (const p of drift.extra)
        report(
          { file: at(p) },
          `Not generated by ${PROJECT_FILES.config}: handoff build would remove it`,
          `Run \`handoff build\` (it removes files the config no longer produces); put hand-written metadata outside ${out.rel}.`
        );
    }
  },
  {
    id: 'freshness/lwc-current',
    description:
      'The compiled LWCs in force-app/main/default/lwc are what lwc-ts/ compiled to: the files hash as lwc-ts/build-manifest.json recorded at the last npm run build:lwc.',
    fix: 'Run `npm run build:lwc` and commit (with lwc-ts/build-manifest.json); never edit the compiled LWCs by hand.',
    check({ project, report }) {
      if (!fs.existsSync(path.join(project.root, LWC_SOURCES_DIR))) return; // no TypeScript LWCs: nothing to compare
      const recorded = readLwcManifest(project.root);
      if (!recorded) {
        report(
          { file: LWC_MANIFEST_FILE },
          `Missing: ${LWC_SOURCES_DIR}/ has TypeScript LWCs but no build manifest, so their compiled output cannot be checked`
        );
        return;
      }
      for (const d of compareLwcManifest(recorded, currentLwcManifest(project.root))) {
        report({ file: d.file }, LWC_MESSAGES[d.kind](d.detail));
      }
    }
  }
];
