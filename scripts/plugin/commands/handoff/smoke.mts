import { commandSummary } from '../../../cli/main.js';
import { SMOKE_FLAGS } from '../../../cli/flags/smoke.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Smoke extends HandoffCommand {
  public static override readonly summary = commandSummary('smoke');
  public static override readonly description =
    "Acts as the AI vendor over the MIAW REST API: starts a conversation with the payload's keys as routingAttributes, waits for the MessagingSession and reports which attribute landed in which field. The conversation is always closed. See docs/org-operations.md.";
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> -o my-sandbox --payload examples/payloads/fin-sample.json'
  ];
  public static override readonly flags = sfFlags(SMOKE_FLAGS);
}
