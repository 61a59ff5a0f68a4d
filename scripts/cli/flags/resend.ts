import type { FlagTable } from '../args';
import { ORG_SEE_DEPLOY, TARGET_ORG } from './shared';

export const RESEND_FLAGS = {
  'target-org': { ...TARGET_ORG, usage: ORG_SEE_DEPLOY },
  id: { kind: 'string', helpValue: 'ID,ID', summary: 'Only these Handoff_Callout_Failure__c records (comma list).' },
  'dry-run': { kind: 'boolean', summary: 'List what would be marked; change nothing.' }
} as const satisfies FlagTable;
