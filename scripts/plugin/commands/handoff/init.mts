import { INIT_FLAGS } from '../../../cli/flags/init.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('init', INIT_FLAGS, {
  description:
    "Writes a starting handoff.config.json for the vendor, creates sfdx-project.json when there is none, and copies the kit's platform code into <package dir>/handoff (recorded for `sf handoff upgrade`). See docs/adopting.md.",
  examples: ['<%= config.bin %> <%= command.id %> --vendor fin --package-dir force-app']
});
