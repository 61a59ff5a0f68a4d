/**
 * doctor's API calls at 1,000 and 10,000 attributes (issue 15): the same. What grows with the
 * attributes (MessagingSession's fields, their permissions in two permission sets) is read through the
 * Metadata API (CustomObject and PermissionSet reads), which answers a component whole, never in
 * 2,000-row query pages; every query left is one per object, not one per attribute.
 */
import { doctorCalls } from './orgFixture';

/** Calls at 10 and 1,000 attributes (doctor.test.ts). */
const CALLS = 26;

it('makes the same number of calls at 1,000 and 10,000 attributes', async () => {
  expect([await doctorCalls(1000), await doctorCalls(10_000)]).toEqual([CALLS, CALLS]);
}, 300_000);
