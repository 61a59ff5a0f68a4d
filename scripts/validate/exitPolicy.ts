/**
 * Which findings fail the run (exit 1). As Salesforce Code Analyzer's `--severity-threshold`, the
 * caller picks the least severe finding that fails: by default only errors do, so an org's own
 * retrieve (whose kit conventions report as warnings) validates with exit 0; `--fail-on warning`
 * (or `--strict`) fails on any finding, as CI does on the kit's own project.
 */
import { UsageError } from '../project/errors';
import type { Finding, Severity } from './types';

export type FailOn = Severity;

const FAIL_ON: readonly FailOn[] = ['error', 'warning'];

/** The threshold from `--fail-on` and `--strict`; a usage error for an unknown value or a contradiction. */
export function failOnFrom(failOn: string | undefined, strict: boolean | undefined): FailOn {
  if (failOn !== undefined && !FAIL_ON.includes(failOn as FailOn))
    throw new UsageError(`handoff validate: --fail-on takes error or warning, not "${failOn}".`);
  if (strict && failOn === 'error')
    throw new UsageError('handoff validate: --strict means --fail-on warning; drop one of them.');
  return strict ? 'warning' : ((failOn as FailOn | undefined) ?? 'error');
}

/** The findings that fail the run at this threshold. */
export const failing = (findings: readonly Finding[], failOn: FailOn): Finding[] =>
  failOn === 'warning' ? [...findings] : findings.filter((f) => f.severity === 'error');
