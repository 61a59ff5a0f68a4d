import { SMOKE_FLAGS } from '../../../cli/flags/smoke.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('smoke', SMOKE_FLAGS, {
  description:
    "Acts as the AI vendor over the MIAW REST API: starts a conversation with the payload's keys as routingAttributes, waits for the MessagingSession and reports which attribute landed in which field. The conversation is always closed. See docs/org-operations.md.",
  examples: [
    {
      description:
        'Send a hand-off payload saved from your vendor (the JSON object of routing attributes it sends, the file `sf handoff init --from-payload` reads) to my-sandbox:',
      command: '<%= config.bin %> <%= command.id %> -o my-sandbox --payload payload.json'
    }
  ]
});
