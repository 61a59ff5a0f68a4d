import { commandSummary } from '../../../cli/main.js';
import { DEPLOY_FLAGS } from '../../../cli/flags/deploy.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

export default class Deploy extends HandoffCommand {
  public static override readonly summary = commandSummary('deploy');
  public static override readonly description =
    'Deploys every package directory with the Metadata API in the order the platform needs (schema, apex, settings, routing, permissions, flow, channel, deployment), then activates the channel, publishes the Embedded Service deployment (or prints the Setup steps) and reads the channel back. See docs/org-operations.md.';
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run',
    '<%= config.bin %> <%= command.id %> -o my-sandbox'
  ];
  public static override readonly flags = sfFlags(DEPLOY_FLAGS);
}
