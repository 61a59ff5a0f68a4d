import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { UPGRADE_FLAGS } from '../cli/flags/upgrade';
import { UserError } from '../project/errors';
import { kitVersion } from '../project/kitRoot';
import {
  applyPlatformSync,
  isKitRepository,
  planPlatformSync,
  PLATFORM_MANIFEST,
  readManifest,
  type PlatformChange
} from '../project/platformCode';

const USAGE = `Usage: handoff upgrade [--check] [--force] [--json]

Brings the kit's platform code in your project (the folder recorded in ${PLATFORM_MANIFEST} by
\`handoff init\`) to this version of the kit: adds new files, updates the ones the kit changed,
restores deleted ones and removes the ones it no longer ships. A file you edited is kept when the
kit did not change it; when both changed, nothing is written and the files are listed.

Flags:
${flagLines(UPGRADE_FLAGS, { column: 12 })}
`;

const LABEL: Record<PlatformChange['action'], string> = {
  add: 'added',
  update: 'updated',
  restore: 'restored',
  remove: 'removed',
  unchanged: 'unchanged',
  'keep-edited': 'kept (edited by you; the kit did not change it)',
  conflict: 'conflict (edited by you and changed by the kit)'
};

export const command: Command = {
  name: 'upgrade',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values } = parseFlags('upgrade', argv, UPGRADE_FLAGS);
    if (isKitRepository(root)) {
      out.log("This is the kit's own repository: its platform code is force-app/main; nothing to upgrade.");
      return { exitCode: 0, result: { changes: [] } };
    }
    const manifest = readManifest(root);
    if (!manifest) {
      throw new UserError(`No ${PLATFORM_MANIFEST} in the project: the kit's platform code was never installed.`, [
        'Run `handoff init --vendor …` (it installs the platform code and records it).'
      ]);
    }
    const changes = planPlatformSync(root, manifest.dir, manifest);
    const moving = changes.filter((c) => c.action !== 'unchanged');
    for (const c of moving) out.log(`  ${LABEL[c.action]}  ${manifest.dir}/${c.file}`);
    const from = manifest.kitVersion;
    if (values.check) {
      out.log(
        moving.length
          ? `${moving.length} platform file${moving.length === 1 ? '' : 's'} would change (kit ${from} → ${kitVersion()}).`
          : `The platform code in ${manifest.dir} is current with kit ${kitVersion()}.`
      );
      return {
        exitCode: moving.length ? 1 : 0,
        result: { dir: manifest.dir, from, to: kitVersion(), changes: moving }
      };
    }
    applyPlatformSync(root, manifest.dir, changes, { force: values.force });
    out.log(`Upgraded ${manifest.dir} from kit ${from} to ${kitVersion()}: ${moving.length} file(s) changed.`);
    return { exitCode: 0, result: { dir: manifest.dir, from, to: kitVersion(), changes: moving } };
  }
};
