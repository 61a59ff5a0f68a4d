/**
 * What a doctor check returns, and the small builders the check families share (checks/).
 */
export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface Check {
  id: string;
  group: string;
  status: CheckStatus;
  message: string;
  /** What to do about it; empty when the check passed. */
  fix: string;
}

/** The fix for anything the generated metadata carries. */
export const DEPLOY_FIX = 'Run `handoff deploy -o <org>`.';

const LIST_MAX = 8;
/** `a, b, c and 4 more`: a long list never floods the checklist. */
export function shortList(items: string[]): string {
  if (items.length <= LIST_MAX) return items.join(', ');
  return `${items.slice(0, LIST_MAX).join(', ')} and ${items.length - LIST_MAX} more`;
}

export const pass = (group: string, id: string, message: string): Check => ({
  id,
  group,
  status: 'pass',
  message,
  fix: ''
});

/** Pass with `ok` when nothing is listed, else `fail: a, b, c` with the fix. */
export function listCheck(group: string, id: string, failures: string[], ok: string, fail: string, fix: string): Check {
  return failures.length
    ? { id, group, status: 'fail', message: `${fail}: ${shortList(failures)}`, fix }
    : pass(group, id, ok);
}

/** Pass with `ok` when there is no problem, else fail with the problem as the message. */
export function verdict(group: string, id: string, problem: string | undefined, ok: string, fix: string): Check {
  return problem ? { id, group, status: 'fail', message: problem, fix } : pass(group, id, ok);
}
