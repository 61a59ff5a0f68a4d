import { commandSummary } from '../../../cli/main.js';
import { UPGRADE_FLAGS } from '../../../cli/flags/upgrade.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Upgrade extends HandoffCommand {
  public static override readonly summary = commandSummary('upgrade');
  public static override readonly description =
    'Adds new platform files, updates the ones the kit changed, restores deleted ones; a file you edited is kept when the kit did not change it, and when both changed nothing is written. See docs/adopting.md.';
  public static override readonly flags = sfFlags(UPGRADE_FLAGS);
}
