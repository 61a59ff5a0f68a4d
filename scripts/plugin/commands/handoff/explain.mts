import { commandSummary } from '../../../cli/main.js';
import { EXPLAIN_FLAGS } from '../../../cli/flags/explain.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Explain extends HandoffCommand {
  public static override readonly summary = commandSummary('explain');
  public static override readonly description =
    'Draws the hand-off for the admin who reviews it, as one self-contained HTML page: the chain of names for every attribute, each link green or red with the findings; the routing flow with the path of each payload; and with --base, what changed. See docs/explain.md.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> --payload examples/payloads/fin-sample.json',
    '<%= config.bin %> <%= command.id %> --markdown --base origin/main'
  ];
  public static override readonly flags = sfFlags(EXPLAIN_FLAGS);
}
