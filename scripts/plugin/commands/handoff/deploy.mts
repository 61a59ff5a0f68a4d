import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { targetOrg } from '../../flags.mjs';

export default class Deploy extends HandoffCommand {
  public static override readonly summary = commandSummary('deploy');
  public static override readonly description =
    'Deploys every package directory with the Metadata API in the order the platform needs (schema, apex, settings, routing, permissions, flow, channel, deployment), then activates the channel, publishes the Embedded Service deployment (or prints the Setup steps) and reads the channel back. See docs/org-operations.md.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run',
    '<%= config.bin %> <%= command.id %> -o my-sandbox'
  ];
  public static override readonly flags = {
    'target-org': targetOrg,
    'dry-run': Flags.boolean({ summary: 'One check-only deploy of everything with the tests; nothing is saved.' }),
    'test-level': Flags.string({
      summary: "NoTestRun, RunSpecifiedTests (default, with the kit's Apex tests), RunLocalTests or RunAllTestsInOrg.",
      helpValue: 'LEVEL'
    }),
    tests: Flags.string({ summary: 'Test classes for RunSpecifiedTests (comma list).', helpValue: 'A,B' }),
    wait: Flags.string({ summary: 'Stop waiting for one deploy after this many minutes.', helpValue: 'MINUTES' }),
    verbose: Flags.boolean({ summary: "List each phase's components and every retry." })
  };
}
