/**
 * How every org call survives a flaky network and an org under load: a timeout on each attempt,
 * bounded retries with exponential backoff and jitter on network errors, 5xx answers and
 * REQUEST_LIMIT_EXCEEDED, and one re-authorisation when the session has expired. The clock and
 * the randomness are injectable so tests never wait.
 */

export type FailureKind = 'session' | 'transient' | 'fatal';

export interface RetryEvent {
  label: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  kind: FailureKind;
  /** What failed, in a few words (an error code or a network code; never a token). */
  reason: string;
  /** Milliseconds until the next attempt (0 for a re-authorisation). */
  delayMs: number;
}

export interface ResiliencePolicy {
  /** Attempts in all for transient failures (1 = no retry). */
  attempts: number;
  /** First backoff delay; doubles each retry, capped at maxDelayMs, then jittered. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time allowed for one attempt of one call. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Returns [0, 1): the jitter source. */
  random: () => number;
  onRetry?: (event: RetryEvent) => void;
}

export const DEFAULT_POLICY: ResiliencePolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  timeoutMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
};

/** Raised when one attempt took longer than the policy allows. */
export class OrgTimeoutError extends Error {
  readonly errorCode = 'HANDOFF_TIMEOUT';
  constructor(label: string, ms: number) {
    super(`${label} did not answer within ${Math.round(ms / 1000)} s`);
    this.name = 'OrgTimeoutError';
  }
}

/** Error codes that say "try again later" (Salesforce's and the HTTP layer's). */
const TRANSIENT_CODES = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'SERVER_UNAVAILABLE',
  'UNKNOWN_EXCEPTION',
  'HANDOFF_TIMEOUT',
  'QUERY_TIMEOUT'
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET'
]);

/** The error code of a jsforce/HTTP/network error, without SOAP's `sf:` prefix. */
export function errorCodeOf(e: unknown): string {
  const err = e as { errorCode?: unknown; code?: unknown; name?: unknown; cause?: { code?: unknown } };
  const raw = [err?.errorCode, err?.code, err?.cause?.code, err?.name].find((v) => typeof v === 'string' && v) as
    string | undefined;
  return (raw ?? '').replace(/^[a-zA-Z]+:/, '');
}

export function classify(e: unknown): FailureKind {
  const code = errorCodeOf(e);
  const message = String((e as Error)?.message ?? '');
  if (code === 'INVALID_SESSION_ID' || /Session expired or invalid|INVALID_SESSION_ID/.test(message)) return 'session';
  if (TRANSIENT_CODES.has(code) || NETWORK_CODES.has(code)) return 'transient';
  if (/^ERROR_HTTP_(5\d\d|429|420)$/.test(code)) return 'transient';
  if (
    code === 'AbortError' ||
    code === 'FetchError' ||
    /socket hang up|network|ECONNRESET|ECONNREFUSED|Request Timeout/i.test(message)
  )
    return 'transient';
  return 'fatal';
}

/** The delay before retry number `retry` (1-based): exponential, capped, with jitter in [50%, 100%]. */
export function backoffDelay(
  retry: number,
  policy: Pick<ResiliencePolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exp * (0.5 + policy.random() / 2));
}

/** Rejects with OrgTimeoutError when `work` takes longer than `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OrgTimeoutError(label, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface CallStats {
  calls: number;
  retries: number;
  reauthorisations: number;
}

/**
 * Runs `fn` under the policy. A transient failure is retried up to `attempts` in all; an expired
 * session triggers `reauthorize` once (when given), then one more try; anything else is thrown
 * at once. The last error is thrown unchanged so callers can map it to a message.
 */
export async function resilient<T>(
  label: string,
  fn: () => PromiseLike<T>,
  policy: ResiliencePolicy,
  reauthorize?: () => Promise<void>,
  stats?: CallStats
): Promise<T> {
  let reauthorised = false;
  let attempt = 0;
  if (stats) stats.calls++;
  for (;;) {
    attempt++;
    try {
      return await withTimeout(Promise.resolve(fn()), policy.timeoutMs, label);
    } catch (e) {
      const kind = classify(e);
      const reason = errorCodeOf(e) || 'error';
      if (kind === 'session' && reauthorize && !reauthorised) {
        reauthorised = true;
        policy.onRetry?.({ label, attempt, kind, reason, delayMs: 0 });
        await reauthorize();
        if (stats) stats.reauthorisations++;
        attempt--; // a re-authorisation does not use up a transient-failure attempt
        continue;
      }
      if (kind !== 'transient' || attempt >= policy.attempts) throw e;
      const delayMs = backoffDelay(attempt, policy);
      policy.onRetry?.({ label, attempt, kind, reason, delayMs });
      if (stats) stats.retries++;
      await policy.sleep(delayMs);
    }
  }
}
