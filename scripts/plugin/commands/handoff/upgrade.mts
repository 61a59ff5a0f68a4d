import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';

export default class Upgrade extends HandoffCommand {
  public static override readonly summary = commandSummary('upgrade');
  public static override readonly description =
    'Adds new platform files, updates the ones the kit changed, restores deleted ones; a file you edited is kept when the kit did not change it, and when both changed nothing is written. See docs/adopting.md.';
  public static override readonly flags = {
    check: Flags.boolean({ summary: 'Write nothing; list what would change (exit 1 when something would).' }),
    force: Flags.boolean({ summary: "Take the kit's version of files you edited." })
  };
}
