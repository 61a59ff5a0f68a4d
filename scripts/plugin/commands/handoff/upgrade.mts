import { UPGRADE_FLAGS } from '../../../cli/flags/upgrade.js';
import { handoffClass } from '../../handoffCommand.mjs';

export default handoffClass('upgrade', UPGRADE_FLAGS, {
  description:
    'Adds new platform files, updates the ones the kit changed, restores deleted ones; a file you edited is kept when the kit did not change it, and when both changed nothing is written. See docs/adopting.md.'
});
