/**
 * The sf flags of a command, built from its flag table (cli/flags/<command>.ts), the one the
 * `npx handoff` parser reads. Values stay strings: the command's own parser checks them, so a bad
 * value gets the same message (and exit code 2) as under `npx handoff`.
 */
import { Flags } from '@salesforce/sf-plugins-core';
import type { FlagSpec, FlagTable } from '../cli/args.js';

/**
 * `-o/--target-org`: an alias or username the sf way. The org commands take sf's default
 * target-org without it (with neither, the org code falls back to the SF_* variables: connect.ts);
 * `explicit` (validate, explain: it only adds an org step) never takes the default.
 */
function orgFlag(spec: FlagSpec) {
  return spec.explicit
    ? Flags.optionalOrg({ summary: spec.summary, default: undefined, defaultHelp: undefined })
    : Flags.optionalOrg({ summary: spec.summary });
}

function sfFlag(spec: FlagSpec) {
  const { summary, helpValue } = spec;
  switch (spec.kind) {
    case 'org':
      return orgFlag(spec);
    case 'boolean':
      return Flags.boolean({ summary });
    case 'string':
      return Flags.string({ summary, helpValue });
    case 'multiple':
      // One value per flag: `--agents A=1 payload.json` leaves the payload a positional.
      return Flags.string({ summary, helpValue, multiple: true, multipleNonGreedy: true });
  }
}

/** A command class's `flags`: every flag of the table, in its order. */
export function sfFlags(table: FlagTable): Record<string, ReturnType<typeof sfFlag>> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, sfFlag(spec)]));
}
