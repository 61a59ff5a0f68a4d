import type { FlagTable } from '../args';

export const UPGRADE_FLAGS = {
  check: { kind: 'boolean', summary: 'Write nothing; list what would change (exit 1 when something would).' },
  force: {
    kind: 'boolean',
    summary: "Take the kit's version of files you edited.",
    usage: "take the kit's version of files you edited (keep a copy of your changes first)"
  }
} as const satisfies FlagTable;
