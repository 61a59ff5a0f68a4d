import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { config } from '../../flags.mjs';

export default class Init extends HandoffCommand {
  public static override readonly summary = commandSummary('init');
  public static override readonly description =
    "Writes a starting handoff.config.json for the vendor, creates sfdx-project.json when there is none, and copies the kit's platform code into <package dir>/handoff (recorded for `sf handoff upgrade`). See docs/adopting.md.";
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> --vendor fin --package-dir force-app'
  ];
  public static override readonly flags = {
    vendor: Flags.string({ summary: 'The AI vendor: fin, fullview, cognigy or generic.', helpValue: 'VENDOR' }),
    'package-dir': Flags.string({
      summary: 'The package directory of sfdx-project.json to install into.',
      helpValue: 'DIR'
    }),
    'from-payload': Flags.string({
      summary: 'Infer the attributes from a real hand-off payload (a JSON object).',
      helpValue: 'FILE'
    }),
    config,
    force: Flags.boolean({ summary: 'Overwrite an existing config.' })
  };
}
