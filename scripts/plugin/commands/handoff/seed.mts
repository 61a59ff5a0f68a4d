import { SEED_FLAGS } from '../../../cli/flags/seed.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('seed', SEED_FLAGS, {
  description:
    "Writes the org data a deploy cannot carry, only what differs: the settings record, the End Conversation token (from the environment), permission set assignments, agents' licence, queues and presence, and the Run-As user of the vendor's External Client App. See docs/org-operations.md.",
  examples: ['<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run']
});
