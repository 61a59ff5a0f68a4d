/**
 * What `handoff smoke` expects of a payload and how it judges the MessagingSession: pure functions.
 * Values are Strings all the way (docs/architecture.md); each is cut to its channel parameter's maxLength.
 */
import type { HandoffModel, ResolvedAttribute } from '../model/types';

export type OutcomeStatus =
  /** The value is in its field. */
  | 'landed'
  /** In its field, cut to the parameter's maxLength. */
  | 'truncated'
  /** Expected, but the field is empty or holds something else. */
  | 'dropped'
  | 'mismatch'
  /** The deployment's published pre-chat form does not have the field: the platform drops the key. */
  | 'not-published'
  /** Not in the config: nothing is expected of it. */
  | 'not-configured'
  /** Empty or not a string in the payload: nothing to land. */
  | 'skipped';

export interface Outcome {
  key: string;
  status: OutcomeStatus;
  field?: string;
  expected?: string;
  actual?: string | null;
}

/** A failing outcome: an expected attribute that did not land as sent. */
export function isFailure(o: Outcome): boolean {
  return o.status === 'dropped' || o.status === 'mismatch' || o.status === 'not-published';
}

export interface Expectation {
  key: string;
  attribute: ResolvedAttribute;
  value: string;
}

/** Splits the payload into what must land (and where) and what is reported without being expected. */
export function plan(
  model: HandoffModel,
  payload: Record<string, unknown>,
  publishedFields: string[]
): { expect: Expectation[]; outcomes: Outcome[]; routingAttributes: Record<string, string> } {
  const byKey = new Map(model.attributes.map((a) => [a.key, a]));
  const published = new Set(publishedFields);
  const expect: Expectation[] = [];
  const outcomes: Outcome[] = [];
  const routingAttributes: Record<string, string> = {};
  for (const [key, raw] of Object.entries(payload)) {
    const attribute = byKey.get(key);
    if (typeof raw !== 'string' || raw === '') {
      outcomes.push({ key, status: 'skipped', ...(attribute ? { field: attribute.field.apiName } : {}) });
      continue;
    }
    routingAttributes[key] = raw;
    if (!attribute) {
      outcomes.push({ key, status: 'not-configured' });
      continue;
    }
    if (!published.has(attribute.formField)) {
      outcomes.push({ key, status: 'not-published', field: attribute.field.apiName, expected: raw });
      continue;
    }
    expect.push({ key, attribute, value: raw });
  }
  return { expect, outcomes, routingAttributes };
}

/** Compares the session's fields with what was sent. */
export function judge(expect: Expectation[], session: Record<string, unknown> | undefined): Outcome[] {
  return expect.map(({ key, attribute, value }) => {
    const field = attribute.field.apiName;
    const want = value.slice(0, attribute.maxLength);
    const got = session?.[field];
    const actual = typeof got === 'string' ? got : got === undefined || got === null ? null : String(got);
    if (actual === null || actual === '') return { key, field, status: 'dropped', expected: want, actual };
    if (actual === value) return { key, field, status: 'landed', expected: want, actual };
    if (actual === want) return { key, field, status: 'truncated', expected: want, actual };
    return { key, field, status: 'mismatch', expected: want, actual };
  });
}
