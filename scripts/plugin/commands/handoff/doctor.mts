import { commandSummary } from '../../../cli/main.js';
import { DOCTOR_FLAGS } from '../../../cli/flags/doctor.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Doctor extends HandoffCommand {
  public static override readonly summary = commandSummary('doctor');
  public static override readonly description =
    'Reads the live org and reports every break in the hand-off chain, each with its fix: the channel, its parameters and mappings, pre-chat and publishing, the flow, fields and their security, queues, the settings record, the End Conversation credential and recent failures. Exit 1 on any failure. See docs/org-operations.md.';
  public static override readonly examples = ['<%= config.bin %> <%= command.id %> -o my-sandbox'];
  public static override readonly flags = sfFlags(DOCTOR_FLAGS);
}
