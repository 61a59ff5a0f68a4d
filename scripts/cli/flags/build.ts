import type { FlagTable } from '../args';
import { CONFIG } from './shared';

export const BUILD_FLAGS = {
  config: CONFIG,
  out: {
    kind: 'string',
    helpValue: 'DIR',
    summary: 'Output folder for this run.',
    usage: 'output folder for this run (default: the output folder above)'
  },
  check: {
    kind: 'boolean',
    summary: 'Write nothing; exit 1 and list the files that differ from what the config generates.'
  }
} as const satisfies FlagTable;
