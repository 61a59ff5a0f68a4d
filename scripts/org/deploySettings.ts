/**
 * The deploy's settings `handoff deploy --help` prints: apart from deploy.ts, so help loads no SDR
 * or jsforce (issue 15).
 */
export const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'] as const;
export type TestLevel = (typeof TEST_LEVELS)[number];

export interface PollSettings {
  /** First wait between status checks; grows by `factor` up to `maxMs`. */
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Give up waiting (the deploy goes on in the org) after this long. */
  waitMinutes: number;
}

export const DEFAULT_POLL: PollSettings = { initialMs: 1000, maxMs: 10_000, factor: 1.5, waitMinutes: 33 };
