import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { config } from '../../flags.mjs';

export default class Build extends HandoffCommand {
  public static override readonly summary = commandSummary('build');
  public static override readonly description =
    'Generates every hand-off component into the output folder (output.dir of the config, else a package directory named "generated", else <default package directory>/generated). Building twice gives byte-identical files; files the config no longer produces are removed.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --check'
  ];
  public static override readonly flags = {
    config,
    out: Flags.string({ summary: 'Output folder for this run.', helpValue: 'DIR' }),
    check: Flags.boolean({
      summary: 'Write nothing; exit 1 and list the files that differ from what the config generates.'
    })
  };
}
