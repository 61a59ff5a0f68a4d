import type { HandoffModel } from '../../../model/types';
import type { Check } from '../check';
import type { DoctorSnapshot } from '../snapshot';

/**
 * One family of doctor checks: a pure function of the model and what doctor read from the org.
 * `name` is the family's file (checks/<name>.ts) and test (test/org/doctor/checks/<name>.test.ts).
 */
export interface CheckFamily {
  name: string;
  checks(model: HandoffModel, snapshot: DoctorSnapshot): Check[];
}
