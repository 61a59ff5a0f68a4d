import { Args } from '@oclif/core';
import { SIMULATE_FLAGS } from '../../../cli/flags/simulate.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('simulate', SIMULATE_FLAGS, {
  description:
    "Plays a vendor's hand-off payload through what will be deployed, with no org: the channel and deployment files (which keys are accepted or dropped and why) and the routing flow itself, against an in-memory org. Exit 1 when the payload is dropped. See docs/simulate.md.",
  examples: [
    {
      description:
        'Play a hand-off payload saved from your vendor (the JSON object of routing attributes it sends, the file `sf handoff init --from-payload` reads):',
      command: '<%= config.bin %> <%= command.id %> payload.json'
    },
    '<%= config.bin %> <%= command.id %> payload.json --hours closed --no-agents',
    '<%= config.bin %> <%= command.id %> --replay payloads.jsonl --compare ../main'
  ],
  args: {
    payload: Args.string({
      description: 'The routing attributes as the vendor sends them (a JSON file), or - for stdin.'
    })
  }
});
