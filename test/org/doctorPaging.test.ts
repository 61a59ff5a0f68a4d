/**
 * doctor's API calls at 10,000 attributes (issue 15). Every query is batched (one per object, not one
 * per attribute), so the count is constant until a result passes 2,000 rows: a REST or Tooling query
 * returns at most 2,000 records a call (Sforce-Query-Options batchSize: "the maximum is 2,000", REST
 * API Developer Guide, Query Options Header), so reading 10,000 MessagingSession fields and their
 * field permissions in two permission sets takes one more call per further page. This is the bound.
 */
import { doctorCalls } from './orgFixture';

/** Calls at 10 attributes (doctor.test.ts), plus one per further 2,000-row page of the two field queries. */
const BASE_CALLS = 27;
const boundFor = (attributes: number): number =>
  BASE_CALLS + Math.ceil(attributes / 2000) + Math.ceil((2 * attributes) / 2000);

it('stays within the page bound at 10,000 attributes, and pages only past 2,000 rows', async () => {
  const at10k = await doctorCalls(10_000);
  expect(at10k).toBeGreaterThan(BASE_CALLS); // the platform's page size, not a call per attribute
  expect(at10k).toBeLessThanOrEqual(boundFor(10_000));
}, 300_000);
