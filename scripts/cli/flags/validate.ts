import type { FlagTable } from '../args';

export const VALIDATE_FLAGS = {
  rule: {
    kind: 'multiple',
    helpValue: 'ID',
    summary: 'Run only this rule or family (repeatable, or a comma list).',
    usage: 'run only this rule or family (repeatable, or a comma list: --rule chain,flow/fault-path)'
  },
  skip: { kind: 'multiple', helpValue: 'ID', summary: 'Leave out this rule or family (repeatable, or a comma list).' },
  'fail-on': {
    kind: 'string',
    helpValue: 'error|warning',
    summary: 'The least severe finding that fails the run: error (default) or warning.',
    usage: 'the least severe finding that fails the run (default error: warnings alone exit 0)'
  },
  strict: {
    kind: 'boolean',
    summary: 'The same as --fail-on warning: any finding fails.',
    usage: "the same as --fail-on warning: any finding fails (CI on the kit's own project)"
  },
  root: {
    kind: 'string',
    helpValue: 'DIR',
    summary: 'The project folder (default: the nearest folder holding sfdx-project.json).'
  },
  // Not TARGET_ORG's spread: validate loads no module more than its own table (startup.test.ts).
  'target-org': {
    kind: 'org',
    char: 'o',
    helpValue: 'ALIAS',
    explicit: true,
    summary: "Also run a check-only deploy with the kit's Apex tests in this org (never the default target-org).",
    usage: "also run a check-only deploy with the kit's Apex tests (RunSpecifiedTests) in that org"
  },
  'no-cache': { kind: 'boolean', summary: 'Parse every Apex class again instead of using node_modules/.cache.' },
  list: { kind: 'boolean', summary: 'List every rule id with what it catches.' }
} as const satisfies FlagTable;
