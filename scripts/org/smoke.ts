/**
 * `handoff smoke`: plays the AI vendor over the MIAW REST API (miawClient.ts) and checks, through
 * the org's REST API, which attributes landed in which MessagingSession field, which queue or Case
 * the conversation went to, and whether an agent was offered it. The conversation is
 * always closed at the end, whatever happened.
 */
import { randomUUID } from 'node:crypto';
import type { HandoffModel } from '../model/types';
import { queryAll, soqlString, type OrgCaller } from './doctorSoql';
import { MiawClient } from './miawClient';
import { readRouting, type SmokeRouting } from './smokeRouting';
import { readVerification, type SmokeVerification } from './smokeVerified';
import { isFailure, judge, plan, type Outcome } from './smokeReport';

export interface SmokeOptions {
  scrtUrl: string;
  orgId: string;
  payload: Record<string, unknown>;
  /** How long to wait for the MessagingSession, in milliseconds. */
  timeoutMs: number;
  /** First poll delay (doubles up to 5 s). */
  pollMs?: number;
  message?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  progress?: (line: string) => void;
  /** Play a verified customer: the signed identity JWT (verifiedJwt.ts) and the subject it names. */
  verified?: { identityToken: string; subject: string };
  /** Aborted on Ctrl-C: stop waiting, still close the conversation (a test chat must not stay in a live queue). */
  signal?: AbortSignal;
}

export const SMOKE_INTERRUPTED = 'Interrupted: stopped waiting; the test conversation is closed below';

export interface SmokeReport {
  conversationId?: string;
  sessionId?: string;
  outcomes: Outcome[];
  landed: number;
  failed: number;
  /** Why the run stopped early (no session in time, MIAW error), if it did. */
  error?: string;
  closed: boolean;
  /** Where the conversation went and whether an agent was offered it (smokeRouting.ts). */
  routing?: SmokeRouting;
  /** With `verified`: whether the conversation was taken as that customer (smokeVerified.ts). */
  verification?: SmokeVerification;
  miawCalls: number;
  polls: number;
}

const MAX_POLL_MS = 5000;

export async function runSmoke(org: OrgCaller, model: HandoffModel, opts: SmokeOptions): Promise<SmokeReport> {
  const progress = opts.progress ?? (() => undefined);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // The waits between polls end at once on abort (the MIAW client keeps the plain sleep: its close must still retry).
  const wait = (ms: number): Promise<void> => untilAborted(sleep(ms), opts.signal);
  const client = new MiawClient({
    baseUrl: opts.scrtUrl,
    orgId: opts.orgId,
    esDeveloperName: model.deployment.developerName,
    fetch: opts.fetch,
    sleep,
    backoffMs: opts.pollMs,
    customerIdentityToken: opts.verified?.identityToken
  });
  const report: SmokeReport = { outcomes: [], landed: 0, failed: 0, closed: false, miawCalls: 0, polls: 0 };
  progress(
    `Getting a MIAW token for ${model.deployment.developerName}${opts.verified ? ` as verified customer ${opts.verified.subject}` : ''}…`
  );
  let form;
  try {
    form = await client.authorize();
  } catch (e) {
    report.error = (e as Error).message;
    if (opts.verified) report.verification = { subject: opts.verified.subject, accepted: false, problem: report.error };
    report.miawCalls = client.calls;
    return report;
  }
  const { expect, outcomes, routingAttributes } = plan(model, opts.payload, form.formFields);
  let session: Record<string, unknown> | undefined;
  let conversationId: string | undefined;
  try {
    progress('Starting a conversation with the payload as routing attributes…');
    // The id is chosen here, before the call: if the org creates the conversation and the answer is lost,
    // the finally block still closes it.
    if (opts.signal?.aborted) throw new Error(SMOKE_INTERRUPTED);
    conversationId = randomUUID();
    report.conversationId = conversationId;
    await client.createConversation(routingAttributes, conversationId);
    await client.sendMessage(conversationId, opts.message ?? 'Handoff Kit smoke test', routingAttributes);
    const fields = [...new Set(expect.map((e) => e.attribute.field.apiName))];
    const soql =
      `SELECT ${['Id', 'Status', ...fields].join(', ')} FROM MessagingSession ` +
      `WHERE Conversation.ConversationIdentifier = ${soqlString(conversationId)} ORDER BY CreatedDate DESC LIMIT 1`;
    const deadline = Date.now() + opts.timeoutMs;
    let delay = opts.pollMs ?? 1000;
    progress('Waiting for the MessagingSession…');
    for (;;) {
      report.polls++;
      [session] = await queryAll<Record<string, unknown>>(org, soql);
      if (session || Date.now() + delay > deadline) break;
      await wait(delay);
      delay = Math.min(delay * 2, MAX_POLL_MS);
    }
    if (!session)
      report.error = `No MessagingSession for conversation ${conversationId} within ${Math.round(opts.timeoutMs / 1000)} s`;
    else {
      report.sessionId = String(session.Id);
      progress('Checking where the conversation went…');
      report.routing = await readRouting(org, report.sessionId, {
        deadline,
        delayMs: opts.pollMs ?? 1000,
        sleep: wait
      });
      if (opts.verified) report.verification = await readVerification(org, report.sessionId, opts.verified.subject);
    }
  } catch (e) {
    report.error = (e as Error).message;
  } finally {
    if (conversationId) {
      try {
        await client.closeConversation(conversationId);
        report.closed = true;
      } catch (e) {
        progress(`Could not close conversation ${conversationId}: ${(e as Error).message}`);
      }
    }
  }
  report.outcomes = [...judge(expect, session), ...outcomes];
  report.landed = report.outcomes.filter((o) => o.status === 'landed' || o.status === 'truncated').length;
  report.failed = report.outcomes.filter(isFailure).length;
  report.miawCalls = client.calls;
  return report;
}

/** `p`, or a rejection with SMOKE_INTERRUPTED as soon as `signal` aborts. */
function untilAborted(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new Error(SMOKE_INTERRUPTED));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(new Error(SMOKE_INTERRUPTED));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    );
  });
}
