import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { targetOrg } from '../../flags.mjs';

export default class Resend extends HandoffCommand {
  public static override readonly summary = commandSummary('resend');
  public static override readonly description =
    'Marks failed End Conversation notifications for the hourly resend job, through the Apex action "Resend End Conversation" (the user needs the Handoff_Admin permission set). Each keeps its eventId.';
  public static override readonly flags = {
    'target-org': targetOrg,
    id: Flags.string({ summary: 'Only these Handoff_Callout_Failure__c records (comma list).', helpValue: 'ID,ID' }),
    'dry-run': Flags.boolean({ summary: 'List what would be marked; change nothing.' })
  };
}
