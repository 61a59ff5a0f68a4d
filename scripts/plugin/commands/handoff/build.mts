import { commandSummary } from '../../../cli/main.js';
import { BUILD_FLAGS } from '../../../cli/flags/build.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Build extends HandoffCommand {
  public static override readonly summary = commandSummary('build');
  public static override readonly description =
    'Generates every hand-off component into the output folder (output.dir of the config, else a package directory named "generated", else <default package directory>/generated). Building twice gives byte-identical files; files the config no longer produces are removed.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --check'
  ];
  public static override readonly flags = sfFlags(BUILD_FLAGS);
}
