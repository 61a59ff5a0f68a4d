import { flagLines, parseFlags, scrtUrlFlag } from '../cli/args';
import type { Command } from '../cli/command';
import { DOCTOR_FLAGS } from '../cli/flags/doctor';

const USAGE = `Usage: handoff doctor [-o ALIAS] [--config FILE] [--scrt-url URL] [--json]

Reads the live org and reports every break in the hand-off chain, each with its fix: channel
missing or inactive; custom parameters or mappings missing or empty; hidden pre-chat fields
missing, pre-chat inactive, deployment not published since its last change; flow inactive or not
the project's version; fields missing or without field-level security; queues without
MessagingSession or routing configuration; settings record incomplete; the End Conversation
credential (External and Named Credential, the flow permission set's principal access, a token
set, never its value); recent End Conversation failures. Its calls do not grow with the
number of attributes.

Flags:
${flagLines(DOCTOR_FLAGS, {
  column: 26,
  json: '{ status, result: { checks: [{ id, group, status, message, fix }], passed, failed, warnings } }'
})}

Exit codes: 0 no failure (warnings allowed), 1 any failure, 2 usage.
`;

const MARK = { pass: '✔', fail: '✖', warn: '!' } as const;

export const command: Command = {
  name: 'doctor',
  usage: USAGE,
  async run({ argv, org, out, root }) {
    const { values } = parseFlags('doctor', argv, DOCTOR_FLAGS);
    const scrtUrl = scrtUrlFlag('doctor', values['scrt-url']);
    // Org code loads here, not at the top: `handoff doctor --help` loads no org library (issue 15).
    const [{ runDoctor }, { scrtUrlFromInstance }, { loadProjectModel, openOrg, orgIdOf }] = await Promise.all([
      import('../org/doctor'),
      import('../org/miawClient'),
      import('../org/seedModel')
    ]);
    const model = loadProjectModel(root, values.config);
    const session = await openOrg(values['target-org'], out.progress, org);
    const orgId = await orgIdOf(session);
    const report = await runDoctor(session, model, {
      root,
      orgId,
      scrtUrl: scrtUrl ?? scrtUrlFromInstance(session.instanceUrl),
      progress: out.progress
    });
    if (report.skipped) out.log(report.skipped);
    let group = '';
    for (const c of report.checks) {
      if (c.group !== group) {
        group = c.group;
        out.log(`${group}`);
      }
      out.log(`  ${MARK[c.status]} ${c.message}`);
      if (c.status !== 'pass' && c.fix) out.log(`      Fix: ${c.fix}`);
    }
    out.log(`${report.passed} passed, ${report.failed} failed, ${report.warnings} warning(s).`);
    return { exitCode: report.failed ? 1 : 0, result: report };
  }
};
