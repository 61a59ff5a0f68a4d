/**
 * `handoff doctor`: reads the live org once into a DoctorSnapshot (read/, a fixed number of calls)
 * and runs the check families over it (checks/, pure). snapshot.ts types what is read; check.ts what
 * a check returns.
 */
import { hasMiaw, type ProjectModel } from '../../model/types';
import type { OrgCaller } from '../doctorSoql';
import type { Check } from './check';
import { runChecks } from './checks/index';
import { integrationChecks } from './checks/integration';
import { readIntegration } from './read/integration';
import { readDoctorSnapshot, type DoctorOptions } from './read/index';

export type { Check, CheckStatus } from './check';
export type { DoctorSnapshot } from './snapshot';
export type { DoctorOptions } from './read/index';

export interface DoctorReport {
  checks: Check[];
  passed: number;
  failed: number;
  warnings: number;
  /** Why a family of checks did not run (vendorFlow without a channel: every MIAW check). */
  skipped?: string;
}

/** Printed instead of the MIAW checks when the project has no MIAW half. */
export const MIAW_SKIPPED =
  'MIAW checks skipped: mode vendorFlow without "channel" (the vendor creates Cases through the API; the kit generates no channel, deployment, flow or queues).';

export async function runDoctor(org: OrgCaller, model: ProjectModel, opts: DoctorOptions): Promise<DoctorReport> {
  if (!hasMiaw(model)) return report(integrationChecks(model, await readIntegration(org, model)), MIAW_SKIPPED);
  return report(runChecks(model, await readDoctorSnapshot(org, model, opts)));
}

function report(checks: Check[], skipped?: string): DoctorReport {
  return {
    ...(skipped ? { skipped } : {}),
    checks,
    passed: checks.filter((c) => c.status === 'pass').length,
    failed: checks.filter((c) => c.status === 'fail').length,
    warnings: checks.filter((c) => c.status === 'warn').length
  };
}
