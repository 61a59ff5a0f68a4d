/** Flags several commands share, declared once; a command may give one its own usage text. */
import type { FlagSpec } from '../args';

export const CONFIG = {
  kind: 'string',
  helpValue: 'FILE',
  summary: 'The config (default: handoff.config.json in the project root).'
} as const satisfies FlagSpec;

export const SCRT_URL = {
  kind: 'string',
  helpValue: 'URL',
  summary: 'The MIAW API URL (default: derived from a My Domain instance URL).'
} as const satisfies FlagSpec;

/**
 * `-o/--target-org` of the org commands. sf resolves it (an alias, a username, else sf's default
 * target-org: plugin/flags.mts); `npx handoff` takes the name and falls back to the SF_* variables.
 */
export const TARGET_ORG = {
  kind: 'org',
  char: 'o',
  helpValue: 'ALIAS',
  summary:
    "Username or alias of the org (default: sf's target-org; without one, SF_INSTANCE_URL + SF_ACCESS_TOKEN or the client credentials variables)."
} as const satisfies FlagSpec;

/** What `npx handoff` does without -o, as deploy and seed spell it out. */
export const ORG_FROM_ENV =
  'the org (else SF_INSTANCE_URL + SF_ACCESS_TOKEN, or SF_CLIENT_ID + SF_CLIENT_SECRET + SF_LOGIN_URL)';

/** The same, pointing at deploy's --help. */
export const ORG_SEE_DEPLOY = 'the org (else the SF_* environment variables, see `handoff deploy --help`)';
