/**
 * Doctor's checks, by family, in the order the report lists them (the order of the hand-off chain,
 * then what was added after it; a family's place here is its place in `handoff doctor`'s output).
 *
 * A new check: a function in its family's module (checks/<family>.ts), with its case in the family's
 * test (test/org/doctor/checks/<family>.test.ts, over a snapshot, no org); if it needs something the
 * org has that doctor does not read yet, add it to that family's slice of DoctorSnapshot (snapshot.ts)
 * and read it in read/<family>.ts. Its id goes in the doctor table of docs/org-operations.md
 * (test/org/doctor/families.test.ts holds that). A new family: a module exporting a CheckFamily, added
 * to CHECK_FAMILIES, with its own test file (test/org/doctor/families.test.ts requires one).
 */
import type { HandoffModel } from '../../../model/types';
import type { Check } from '../check';
import type { DoctorSnapshot } from '../snapshot';
import { agents } from './agents';
import { channel } from './channel';
import { channelSettings } from './channelSettings';
import { credential } from './credential';
import { deployment } from './deployment';
import { endConversation } from './endConversation';
import type { CheckFamily } from './family';
import { fields } from './fields';
import { flow } from './flow';
import { integration } from './integration';
import { publishRecord } from './publishRecord';
import { queues } from './queues';

export type { CheckFamily } from './family';

export const CHECK_FAMILIES: readonly CheckFamily[] = [
  channel,
  deployment,
  flow,
  fields,
  queues,
  endConversation,
  channelSettings,
  credential,
  publishRecord,
  agents,
  integration
];

/** Every check of every family over one snapshot. */
export function runChecks(model: HandoffModel, snapshot: DoctorSnapshot): Check[] {
  return CHECK_FAMILIES.flatMap((f) => f.checks(model, snapshot));
}
