import { DEPLOY_FLAGS } from '../../../cli/flags/deploy.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('deploy', DEPLOY_FLAGS, {
  description:
    'Deploys every package directory with the Metadata API in the order the platform needs (schema, apex, settings, routing, permissions, flow, channel, deployment), then activates the channel, publishes the Embedded Service deployment (or prints the Setup steps) and reads the channel back. See docs/org-operations.md.',
  examples: [
    '<%= config.bin %> <%= command.id %> -o my-sandbox --dry-run',
    '<%= config.bin %> <%= command.id %> -o my-sandbox'
  ]
});
