import { commandSummary } from '../../../cli/main.js';
import { RESEND_FLAGS } from '../../../cli/flags/resend.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Resend extends HandoffCommand {
  public static override readonly summary = commandSummary('resend');
  public static override readonly description =
    'Marks failed End Conversation notifications for the hourly resend job, through the Apex action "Resend End Conversation" (the user needs the Handoff_Admin permission set). Each keeps its eventId.';
  public static override readonly flags = sfFlags(RESEND_FLAGS);
}
