import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { RESEND_FLAGS } from '../cli/flags/resend';

const USAGE = `Usage: handoff resend [-o ALIAS] [--id ID,ID] [--dry-run] [--json]

Marks failed End Conversation notifications for the hourly resend job, through the Apex action "Resend End
Conversation" (the user needs the Handoff_Admin permission set). Nothing is sent from this command: the hourly
job sends them, as the flow's user, who holds the credential's principal access; each answer says when.
Without --id, every Handoff Callout Failure record with status Failed. Each keeps its eventId (the vendor
de-duplicates on it); a Delivered record is never resent; a Refused record has nothing to send.

Flags:
${flagLines(RESEND_FLAGS, { column: 26, json: '{ status, result: { selected, results: [{ id, ok, message }], problems } }' })}

Exit codes: 0 done (or nothing to resend), 1 a record could not be marked (no permission, no answer), 2 usage.
`;

export const command: Command = {
  name: 'resend',
  usage: USAGE,
  async run({ argv, org, out }) {
    const { values } = parseFlags('resend', argv, RESEND_FLAGS);
    const ids = values.id
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Org code loads here, not at the top: `handoff resend --help` loads no org library (issue 15).
    const [{ runResend }, { openOrg }] = await Promise.all([import('../org/resend'), import('../org/seedModel')]);
    const session = await openOrg(values['target-org'], out.progress, org);
    const report = await runResend(session, { ids, dryRun: !!values['dry-run'], progress: out.progress });
    if (!report.selected.length) out.log('Nothing to resend: no Failed End Conversation notification.');
    else if (report.dryRun) {
      out.log(`Dry run: ${report.selected.length} notification(s) would be marked for resend:`);
      for (const s of report.selected) out.log(`  ${s.id} event ${s.eventId} (${s.status})`);
    } else for (const r of report.results) out.log(`${r.ok ? '✔' : '✖'} ${r.id}: ${r.message}`);
    for (const p of report.problems) out.log(`✖ ${p}`);
    return { exitCode: report.problems.length ? 1 : 0, result: report };
  }
};
