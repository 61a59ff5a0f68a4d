/**
 * `handoff doctor`: reads the live org once into a DoctorSnapshot (read/, a fixed number of calls)
 * and runs the check families over it (checks/, pure). snapshot.ts types what is read; check.ts what
 * a check returns.
 */
import type { HandoffModel } from '../../model/types';
import type { OrgCaller } from '../doctorSoql';
import type { Check } from './check';
import { runChecks } from './checks/index';
import { readDoctorSnapshot, type DoctorOptions } from './read/index';

export type { Check, CheckStatus } from './check';
export type { DoctorSnapshot } from './snapshot';
export type { DoctorOptions } from './read/index';

export interface DoctorReport {
  checks: Check[];
  passed: number;
  failed: number;
  warnings: number;
}

export async function runDoctor(org: OrgCaller, model: HandoffModel, opts: DoctorOptions): Promise<DoctorReport> {
  const checks = runChecks(model, await readDoctorSnapshot(org, model, opts));
  return {
    checks,
    passed: checks.filter((c) => c.status === 'pass').length,
    failed: checks.filter((c) => c.status === 'fail').length,
    warnings: checks.filter((c) => c.status === 'warn').length
  };
}
