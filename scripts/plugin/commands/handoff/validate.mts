import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { explicitOrg, repeatable } from '../../flags.mjs';

export default class Validate extends HandoffCommand {
  public static override readonly summary = commandSummary('validate');
  public static override readonly description =
    'Checks the metadata in every package directory of sfdx-project.json, offline: XML and the Metadata API schema, the naming chain from channel parameter to MessagingSession field, the routing flow, queues, Apex, settings, limits, and that generated output is current. Findings exit 1 (with --json: status 1 and the findings in result). Rules and fixes: docs/validate.md.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> --strict',
    '<%= config.bin %> <%= command.id %> --rule chain,flow/fault-path --json'
  ];
  public static override readonly flags = {
    rule: repeatable('Run only this rule or family (repeatable, or a comma list).', 'ID'),
    skip: repeatable('Leave out this rule or family (repeatable, or a comma list).', 'ID'),
    'fail-on': Flags.string({
      summary: 'The least severe finding that fails the run: error (default) or warning.',
      helpValue: 'error|warning'
    }),
    strict: Flags.boolean({ summary: 'The same as --fail-on warning: any finding fails.' }),
    root: Flags.string({
      summary: 'The project folder (default: the nearest folder holding sfdx-project.json).',
      helpValue: 'DIR'
    }),
    'target-org': explicitOrg(
      "Also run a check-only deploy with the kit's Apex tests in this org (never the default target-org)."
    ),
    'no-cache': Flags.boolean({ summary: 'Parse every Apex class again instead of using node_modules/.cache.' }),
    list: Flags.boolean({ summary: 'List every rule id with what it catches.' })
  };
}
