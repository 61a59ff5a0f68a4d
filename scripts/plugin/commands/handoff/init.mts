import { commandSummary } from '../../../cli/main.js';
import { INIT_FLAGS } from '../../../cli/flags/init.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Init extends HandoffCommand {
  public static override readonly summary = commandSummary('init');
  public static override readonly description =
    "Writes a starting handoff.config.json for the vendor, creates sfdx-project.json when there is none, and copies the kit's platform code into <package dir>/handoff (recorded for `sf handoff upgrade`). See docs/adopting.md.";
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> --vendor fin --package-dir force-app'
  ];
  public static override readonly flags = sfFlags(INIT_FLAGS);
}
