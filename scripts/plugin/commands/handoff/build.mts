import { BUILD_FLAGS } from '../../../cli/flags/build.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('build', BUILD_FLAGS, {
  description:
    'Generates every hand-off component into the output folder (output.dir of the config, else a package directory named "generated", else <default package directory>/generated). Building twice gives byte-identical files; files the config no longer produces are removed.',
  examples: ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --check']
});
