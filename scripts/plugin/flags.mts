/**
 * Flags several `sf handoff` commands share, declared once. Values stay strings: the command's own
 * parser checks them, so a bad value gets the same message (and exit code 2) as under `npx handoff`.
 */
import { Flags } from '@salesforce/sf-plugins-core';

/**
 * `-o/--target-org` of the org commands: an alias or username the sf way, else sf's default
 * target-org; with neither, the org code falls back to the SF_* environment variables (connect.ts).
 */
export const targetOrg = Flags.optionalOrg({
  summary:
    "Username or alias of the org (default: sf's target-org; without one, SF_INSTANCE_URL + SF_ACCESS_TOKEN or the client credentials variables)."
});

/** `-o` where it only adds an org step (validate, explain): never taken from sf's default target-org. */
export const explicitOrg = (summary: string) =>
  Flags.optionalOrg({ summary, default: undefined, defaultHelp: undefined });

export const config = Flags.string({
  summary: 'The config file (default: handoff.config.json in the project root).',
  helpValue: 'FILE'
});

export const scrtUrl = Flags.string({
  summary: 'The MIAW API URL (default: derived from a My Domain instance URL).',
  helpValue: 'URL'
});

/** Repeatable, one value per flag: `--agents A=1 payload.json` leaves the payload a positional. */
export const repeatable = (summary: string, helpValue: string) =>
  Flags.string({ summary, helpValue, multiple: true, multipleNonGreedy: true });
