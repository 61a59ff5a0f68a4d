import { RESEND_FLAGS } from '../../../cli/flags/resend.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('resend', RESEND_FLAGS, {
  description:
    'Marks failed End Conversation notifications for the hourly resend job, through the Apex action "Resend End Conversation" (the user needs the Handoff_Admin permission set). Each keeps its eventId.'
});
