/**
 * `handoff resend`: marks Failed End Conversation notifications for the hourly resend job by calling the Apex
 * action "Resend End Conversation" (HandoffEndConversationResend.resend) through the REST API's Invocable
 * Actions resource (`POST /services/data/vXX.X/actions/custom/apex/<Class>` with `{ inputs: [...] }`; one result
 * per input, with `isSuccess`, `errors` and `outputValues`). The action never calls out (it runs as the CLI's
 * user, who holds no principal access): the hourly job sends, as the flow's user. It keeps each notification's
 * eventId, so a vendor that de-duplicates never acts twice, and it never resends a Delivered record.
 */
import { FAILURE_OBJECT } from '../contract';
import { standardObjectOfId } from '../platform/keyPrefixes';
import { chunk, queryAll, soqlList, type OrgCaller } from './doctorSoql';

export const RESEND_ACTION = 'HandoffEndConversationResend';
/** Inputs per action call (an invocable action takes up to 200 per call). */
export const MARKED = 'Marked for resend';
export const INPUTS_PER_CALL = 200;

export interface ResendReport {
  dryRun: boolean;
  /** The records selected: the given ids, else every Failed record. */
  selected: Array<{ id: string; eventId: string; status: string }>;
  results: Array<{ id: string; ok: boolean; message: string }>;
  problems: string[];
}

interface ActionResult {
  isSuccess: boolean;
  errors?: Array<{ message?: string }> | null;
  outputValues?: { output?: unknown } | null;
}

/** What to say of an --id no record has: another object's Id is named as such. */
function notFound(id: string): string {
  const list = '`handoff resend --dry-run` lists the Failed ones';
  const other = standardObjectOfId(id);
  return other
    ? `No ${FAILURE_OBJECT} record has Id ${id}: it is a ${other} Id, and --id takes the Ids of ${FAILURE_OBJECT} records (${list}).`
    : `No ${FAILURE_OBJECT} record has Id ${id} (or this user cannot see it): ${list}.`;
}

export async function runResend(
  org: OrgCaller,
  opts: { ids?: string[]; dryRun: boolean; progress?: (line: string) => void }
): Promise<ResendReport> {
  const where = opts.ids?.length ? `Id IN ${soqlList(opts.ids)}` : `Status__c = 'Failed'`;
  const rows = await queryAll<{ Id: string; Event_Id__c: string; Status__c: string }>(
    org,
    `SELECT Id, Event_Id__c, Status__c FROM ${FAILURE_OBJECT} WHERE ${where} ORDER BY CreatedDate LIMIT 2000`
  );
  const selected = rows.map((r) => ({ id: r.Id, eventId: r.Event_Id__c, status: r.Status__c }));
  const report: ResendReport = { dryRun: opts.dryRun, selected, results: [], problems: [] };
  const missing = (opts.ids ?? []).filter((id) => !rows.some((r) => r.Id === id || r.Id.startsWith(id)));
  report.problems.push(...missing.map(notFound));
  if (opts.dryRun || !selected.length) return report;
  for (const slice of chunk(selected, INPUTS_PER_CALL)) {
    opts.progress?.(`Resending ${slice.length} notification(s)…`);
    const answer = (await org.call('resend End Conversation', (conn) =>
      conn.request({
        method: 'POST',
        url: `/services/data/v${conn.version}/actions/custom/apex/${RESEND_ACTION}`,
        body: JSON.stringify({ inputs: slice.map((s) => ({ failureId: s.id })) }),
        headers: { 'content-type': 'application/json' }
      })
    )) as ActionResult[];
    slice.forEach((s, i) => {
      const r = answer[i];
      const message = r?.isSuccess
        ? String(r.outputValues?.output ?? '')
        : (r?.errors?.[0]?.message ?? 'no answer for this record');
      // A Delivered or Refused record is answered, not marked: not a problem; a missing permission is.
      report.results.push({ id: s.id, ok: !!r?.isSuccess && message.startsWith(MARKED), message });
      if (!r?.isSuccess || message.startsWith('Not allowed'))
        report.problems.push(`Resending ${s.id} failed: ${message}`);
    });
  }
  return report;
}
