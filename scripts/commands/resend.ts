import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { RESEND_FLAGS } from '../cli/flags/resend';
import { UsageError } from '../project/errors';

const USAGE = `Usage: handoff resend [-o ALIAS] [--id ID,ID] [--dry-run] [--json]

Marks failed End Conversation notifications for the hourly resend job, through the Apex action "Resend End
Conversation" (the user needs the Handoff_Admin permission set). Nothing is sent from this command: the hourly
job sends them, as the flow's user, who holds the credential's principal access; each answer says when.
Without --id, every Handoff Callout Failure record with status Failed. Each keeps its eventId (the vendor
de-duplicates on it); a Delivered record is never resent; a Refused record has nothing to send.

Flags:
${flagLines(RESEND_FLAGS, { column: 26, json: '{ status, result: { selected, results: [{ id, ok, message }], problems } }' })}

Exit codes: 0 done (or nothing to resend), 1 an --id no record has, or a record could not be marked (no permission,
no answer), 2 usage.
`;

/**
 * A record Id is 15 case-sensitive or 18 case-insensitive letters and digits (Salesforce's "Working
 * with Salesforce IDs"); the key prefix of a custom object differs per org, so it is not checked.
 */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** --id's comma list; a usage error for a value that is no Id, or no Id at all (which would select every Failed record). */
function recordIds(raw: string): string[] {
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.length ? ids.find((id) => !RECORD_ID.test(id)) : raw;
  if (bad !== undefined)
    throw new UsageError(
      `handoff resend: --id takes Handoff_Callout_Failure__c record Ids (15 or 18 letters and digits, comma separated), not "${bad}".`
    );
  return ids;
}

export const command: Command = {
  name: 'resend',
  usage: USAGE,
  async run({ argv, org, out }) {
    const { values } = parseFlags('resend', argv, RESEND_FLAGS);
    const ids = values.id === undefined ? undefined : recordIds(values.id);
    // Org code loads here, not at the top: `handoff resend --help` loads no org library (issue 15).
    const [{ runResend }, { openOrg }] = await Promise.all([import('../org/resend'), import('../org/seedModel')]);
    const session = await openOrg(values['target-org'], out.progress, org);
    const report = await runResend(session, { ids, dryRun: !!values['dry-run'], progress: out.progress });
    // With --id, an empty selection is the problem lines' Ids not found, said below once.
    if (!report.selected.length && !ids) out.log('Nothing to resend: no Failed End Conversation notification.');
    else if (report.dryRun) {
      out.log(`Dry run: ${report.selected.length} notification(s) would be marked for resend:`);
      for (const s of report.selected) out.log(`  ${s.id} event ${s.eventId} (${s.status})`);
    } else for (const r of report.results) out.log(`${r.ok ? '✔' : '✖'} ${r.id}: ${r.message}`);
    for (const p of report.problems) out.log(`✖ ${p}`);
    return { exitCode: report.problems.length ? 1 : 0, result: report };
  }
};
