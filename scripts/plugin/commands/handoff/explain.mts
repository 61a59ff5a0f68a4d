import { EXPLAIN_FLAGS } from '../../../cli/flags/explain.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('explain', EXPLAIN_FLAGS, {
  description:
    'Draws the hand-off for the admin who reviews it, as one self-contained HTML page: the chain of names for every attribute, each link green or red with the findings; the routing flow with the path of each payload; and with --base, what changed. See docs/explain.md.',
  examples: [
    {
      description:
        'The report with the path of a hand-off payload saved from your vendor (the file `sf handoff init --from-payload` reads):',
      command: '<%= config.bin %> <%= command.id %> --payload payload.json'
    },
    '<%= config.bin %> <%= command.id %> --markdown --base origin/main'
  ]
});
