import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { config, explicitOrg, repeatable, scrtUrl } from '../../flags.mjs';

export default class Explain extends HandoffCommand {
  public static override readonly summary = commandSummary('explain');
  public static override readonly description =
    'Draws the hand-off for the admin who reviews it, as one self-contained HTML page: the chain of names for every attribute, each link green or red with the findings; the routing flow with the path of each payload; and with --base, what changed. See docs/explain.md.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> --payload examples/payloads/fin-sample.json',
    '<%= config.bin %> <%= command.id %> --markdown --base origin/main'
  ];
  public static override readonly flags = {
    out: Flags.string({ summary: 'Where to write the page (default: handoff-report.html).', helpValue: 'FILE' }),
    payload: repeatable('A vendor payload to simulate and draw (repeatable).', 'FILE'),
    base: Flags.string({ summary: 'Also say what changed since this git revision.', helpValue: 'REF' }),
    markdown: Flags.boolean({ summary: 'Print the report as markdown for a pull-request comment.' }),
    'target-org': explicitOrg("Also read the live org (handoff doctor) and mark its findings (never sf's default)."),
    doctor: Flags.boolean({ summary: 'Read the live org without -o, through the SF_* environment variables.' }),
    config,
    'scrt-url': scrtUrl
  };
}
