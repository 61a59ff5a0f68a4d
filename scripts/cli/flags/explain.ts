import type { FlagTable } from '../args';
import { CONFIG, SCRT_URL, TARGET_ORG } from './shared';

export const EXPLAIN_FLAGS = {
  out: {
    kind: 'string',
    helpValue: 'FILE',
    summary: 'Where to write the page (default: handoff-report.html).',
    usage: 'where to write the page (default: handoff-report.html; with --markdown or\n--json only when given)'
  },
  payload: { kind: 'multiple', helpValue: 'FILE', summary: 'A vendor payload to simulate and draw (repeatable).' },
  base: {
    kind: 'string',
    helpValue: 'REF',
    summary: 'Also say what changed since this git revision.',
    usage: 'also say what changed since this git revision (HEAD~1, origin/main…)'
  },
  markdown: {
    kind: 'boolean',
    summary: 'Print the report as markdown for a pull-request comment.',
    usage: 'print the report as markdown for a pull-request comment (table + Mermaid)'
  },
  'target-org': {
    ...TARGET_ORG,
    explicit: true,
    summary: "Also read the live org (handoff doctor) and mark its findings (never sf's default).",
    usage: 'also read the live org (handoff doctor) and mark its findings on the chain'
  },
  doctor: {
    kind: 'boolean',
    summary: 'Read the live org without -o, through the SF_* environment variables.',
    usage: 'read the live org without -o: through the SF_* environment variables\n(see `handoff deploy --help`)'
  },
  config: CONFIG,
  'scrt-url': { ...SCRT_URL, usage: 'with -o: the MIAW API URL (default: derived from a My Domain instance URL)' }
} as const satisfies FlagTable;
