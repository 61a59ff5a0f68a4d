import type { FlagTable } from '../args';
import { CONFIG, ORG_FROM_ENV, TARGET_ORG } from './shared';

export const SEED_FLAGS = {
  'target-org': { ...TARGET_ORG, usage: ORG_FROM_ENV },
  agents: {
    kind: 'string',
    helpValue: 'u1,u2:Q1+Q2',
    summary: 'Agent usernames, each optionally with its queues (default: users.agents in the config).',
    usage:
      'agent usernames, each optionally with its queues (default: users.agents in the config; a\nusername alone takes every queue)'
  },
  'integration-user': {
    kind: 'string',
    helpValue: 'USER',
    summary: "The vendor's integration (Run-As) user (default: users.integrationUser)."
  },
  'rotate-token': {
    kind: 'boolean',
    summary: 'Replace the token the principal already has with the one in the environment.'
  },
  'dry-run': { kind: 'boolean', summary: 'Read the org and print the plan; write nothing.' },
  config: CONFIG
} as const satisfies FlagTable;
