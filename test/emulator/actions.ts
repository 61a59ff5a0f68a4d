/**
 * The REST API's Invocable Actions resource for the kit's Apex action "Resend End Conversation":
 * `POST /services/data/vXX.X/actions/custom/apex/HandoffEndConversationResend` with `{ inputs: [...] }`,
 * answered with one `{ actionName, errors, isSuccess, outputValues }` per input (REST API Developer Guide,
 * "Custom Invocable Actions"). The emulator cannot run Apex: it answers what HandoffEndConversationResend.resend
 * returns for each record's status: like the Apex, it sends nothing, it marks the record Pending, due now, at
 * attempt 1 (the hourly job sends it), and records which events it marked. The output key of a
 * List<String> return (`output`) is not verified against an org.
 */
import type { Handler } from './router';
import { json, restError } from './router';

const PATH = /^\/services\/data\/v[\d.]+\/actions\/custom\/apex\/HandoffEndConversationResend$/;

/** The Apex's answer when the hourly job is not scheduled (the emulator has no scheduled jobs). */
const NEXT_RUN =
  'The hourly resend job is not scheduled, so nothing sends it yet: the next delivery job that parks or fails a notification schedules it (see docs/end-conversation.md).';

/** Event ids the emulated action marked for resend, in order (a test can check nothing is marked twice). */
export type ResentLog = string[];

export function resendActionHandler(resent: ResentLog): Handler {
  return (req, { state }) => {
    if (req.method !== 'POST' || !PATH.test(req.path)) return undefined;
    const body = req.json<{ inputs?: Array<{ failureId?: string }> }>();
    if (!Array.isArray(body.inputs)) return restError(400, 'JSON_PARSER_ERROR', 'inputs is required');
    return json(
      200,
      body.inputs.map((input) => {
        const rec = state.table('Handoff_Callout_Failure__c').get(String(input.failureId));
        let output: string;
        if (!rec) output = `Not found or not visible: ${input.failureId}`;
        else if (rec.Status__c === 'Delivered')
          output = `Already delivered: event ${String(rec.Event_Id__c)} is not sent twice.`;
        else if (!rec.Payload__c) output = 'Nothing to resend: the request was refused before a notification existed.';
        else {
          resent.push(String(rec.Event_Id__c));
          const payload = JSON.parse(String(rec.Payload__c)) as Record<string, unknown>;
          Object.assign(rec, {
            Status__c: 'Pending',
            Next_Attempt_At__c: new Date().toISOString(),
            Attempts__c: 0,
            Payload__c: JSON.stringify({ ...payload, attempt: 1, notBefore: null })
          });
          output = `Marked for resend: event ${String(rec.Event_Id__c)} (same eventId, from attempt 1). ${NEXT_RUN}`;
        }
        return { actionName: 'HandoffEndConversationResend', errors: null, isSuccess: true, outputValues: { output } };
      })
    );
  };
}
