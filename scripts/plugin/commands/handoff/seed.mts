import { commandSummary } from '../../../cli/main.js';
import { SEED_FLAGS } from '../../../cli/flags/seed.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Seed extends HandoffCommand {
  public static override readonly summary = commandSummary('seed');
  public static override readonly description =
    "Writes the org data a deploy cannot carry, only what differs: the settings record, the End Conversation token (from the environment), permission set assignments, agents' licence, queues and presence, and the Run-As user of the vendor's External Client App. See docs/org-operations.md.";
  public static override readonly examples = ['<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run'];
  public static override readonly flags = sfFlags(SEED_FLAGS);
}
