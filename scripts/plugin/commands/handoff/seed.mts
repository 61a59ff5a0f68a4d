import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { config, targetOrg } from '../../flags.mjs';

export default class Seed extends HandoffCommand {
  public static override readonly summary = commandSummary('seed');
  public static override readonly description =
    "Writes the org data a deploy cannot carry, only what differs: the settings record, the End Conversation token (from the environment), permission set assignments, agents' licence, queues and presence, and the Run-As user of the vendor's External Client App. See docs/org-operations.md.";
  public static override readonly examples = ['<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run'];
  public static override readonly flags = {
    'target-org': targetOrg,
    agents: Flags.string({
      summary: 'Agent usernames, each optionally with its queues (default: users.agents in the config).',
      helpValue: 'u1,u2:Q1+Q2'
    }),
    'integration-user': Flags.string({
      summary: "The vendor's integration (Run-As) user (default: users.integrationUser).",
      helpValue: 'USER'
    }),
    'rotate-token': Flags.boolean({
      summary: 'Replace the token the principal already has with the one in the environment.'
    }),
    'dry-run': Flags.boolean({ summary: 'Read the org and print the plan; write nothing.' }),
    config
  };
}
