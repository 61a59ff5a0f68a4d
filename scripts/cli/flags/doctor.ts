import type { FlagTable } from '../args';
import { CONFIG, ORG_SEE_DEPLOY, SCRT_URL, TARGET_ORG } from './shared';

export const DOCTOR_FLAGS = {
  'target-org': { ...TARGET_ORG, usage: ORG_SEE_DEPLOY },
  config: CONFIG,
  'scrt-url': SCRT_URL
} as const satisfies FlagTable;
