import { VALIDATE_FLAGS } from '../../../cli/flags/validate.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('validate', VALIDATE_FLAGS, {
  description:
    'Checks the metadata in every package directory of sfdx-project.json, offline: XML and the Metadata API schema, the naming chain from channel parameter to MessagingSession field, the routing flow, queues, Apex, settings, limits, and that generated output is current. Findings exit 1 (with --json: status 1 and the findings in result). Rules and fixes: docs/validate.md.',
  examples: [
    '<%= config.bin %> <%= command.id %> --strict',
    '<%= config.bin %> <%= command.id %> --rule chain,flow/fault-path --json'
  ]
});
