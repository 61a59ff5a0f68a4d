import { DOCTOR_FLAGS } from '../../../cli/flags/doctor.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('doctor', DOCTOR_FLAGS, {
  description:
    'Reads the live org and reports every break in the hand-off chain, each with its fix: the channel, its parameters and mappings, pre-chat and publishing, the flow, fields and their security, queues, the settings record, the End Conversation credential and recent failures. Exit 1 on any failure. See docs/org-operations.md.',
  examples: ['<%= config.bin %> <%= command.id %> -o my-sandbox']
});
