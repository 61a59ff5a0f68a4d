import { DEFAULT_POLL, TEST_LEVELS } from '../../org/deploySettings';
import type { FlagTable } from '../args';
import { ORG_FROM_ENV, TARGET_ORG } from './shared';

export const DEPLOY_FLAGS = {
  'target-org': { ...TARGET_ORG, usage: ORG_FROM_ENV },
  'dry-run': { kind: 'boolean', summary: 'One check-only deploy of everything with the tests; nothing is saved.' },
  'test-level': {
    kind: 'string',
    helpValue: 'LEVEL',
    summary: "NoTestRun, RunSpecifiedTests (default, with the kit's Apex tests), RunLocalTests or RunAllTestsInOrg.",
    usage: `${TEST_LEVELS.join(' | ')} (default RunSpecifiedTests with the kit's Apex tests)`
  },
  tests: {
    kind: 'string',
    helpValue: 'A,B',
    summary: 'Test classes for RunSpecifiedTests (comma list).',
    usage: "test classes for RunSpecifiedTests (default: the kit's tests in the project)"
  },
  wait: {
    kind: 'string',
    helpValue: 'MINUTES',
    summary: 'Stop waiting for one deploy after this many minutes.',
    usage: `stop waiting for one deploy after this long (default ${DEFAULT_POLL.waitMinutes}; the deploy goes on in the org)`
  },
  verbose: { kind: 'boolean', summary: "List each phase's components and every retry." }
} as const satisfies FlagTable;
