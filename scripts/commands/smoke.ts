import { onInterrupt } from '../cli/interrupt';
import { flagLines, intFlag, parseFlags, scrtUrlFlag } from '../cli/args';
import type { Command } from '../cli/command';
import { SMOKE_FLAGS } from '../cli/flags/smoke';
import { UsageError, UserError } from '../project/errors';
import { readPayloadFile } from '../project/payloadFile';
import type { signIdentityToken } from '../org/verifiedJwt';
import type { HandoffModel } from '../model/types';

const USAGE = `Usage: handoff smoke --payload FILE [--verified --jwt-key ENV_VAR [--jwt-kid KID] [--jwt-subject SUB]] [-o ALIAS] [--scrt-url URL] [--timeout SECONDS] [--config FILE] [--json]

Acts as the AI vendor over the MIAW REST API: gets a token for the deployment, starts a
conversation with the payload's keys as routingAttributes, sends a first message, waits for the
MessagingSession and reports which attribute landed in which field and which were dropped. The
conversation is always closed. Keys the published pre-chat form lacks are reported before sending.

Flags:
${flagLines(SMOKE_FLAGS, {
  column: 26,
  json: '{ status, result: { outcomes: [{ key, status, field, expected, actual }], landed, failed, … } }'
})}

Exit codes: 0 every expected attribute landed (and, with --verified, the customer was taken as
verified), 1 any did not (or no session appeared), 2 usage.
`;

type SmokeFlags = { verified?: boolean; 'jwt-key'?: string; 'jwt-kid'?: string; 'jwt-subject'?: string };

function checkVerifiedFlags(values: SmokeFlags): void {
  if (values.verified && !values['jwt-key'])
    throw new UsageError(
      'handoff smoke: --verified needs --jwt-key ENV_VAR, the environment variable holding the private key of the key set.'
    );
  if (!values.verified && (values['jwt-key'] || values['jwt-kid'] || values['jwt-subject']))
    throw new UsageError('handoff smoke: --jwt-key, --jwt-kid and --jwt-subject go with --verified.');
  if (values['jwt-key'] && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(values['jwt-key']))
    throw new UsageError(
      `handoff smoke: --jwt-key takes the NAME of an environment variable (letters, digits, _), not "${values['jwt-key'].slice(0, 20)}…": the key itself is never passed on the command line.`
    );
}

/** The signed identity JWT for the project's verified channel. */
function identityFor(
  model: HandoffModel,
  values: SmokeFlags,
  sign: typeof signIdentityToken
): { identityToken: string; subject: string } {
  const v = model.channelSettings.verification;
  if (!v)
    throw new UserError('handoff smoke --verified: the channel is not for verified users.', [
      'Set channel.verification { "mode": "verified", "keySet": …, "issuer": … } in handoff.config.json, then build and deploy.'
    ]);
  const subject = values['jwt-subject'] ?? 'handoff-smoke-test';
  return {
    subject,
    identityToken: sign({
      keyEnv: values['jwt-key']!,
      env: process.env,
      kid: values['jwt-kid'],
      issuer: v.issuer,
      subject
    })
  };
}

export const command: Command = {
  name: 'smoke',
  usage: USAGE,
  async run({ argv, org, out, root }) {
    const { values } = parseFlags('smoke', argv, SMOKE_FLAGS);
    if (!values.payload) throw new UsageError('handoff smoke: --payload FILE is required. See `handoff smoke --help`.');
    checkVerifiedFlags(values);
    const timeout = intFlag('smoke', 'timeout', values.timeout, 1, 3600) ?? 60;
    const scrtUrlGiven = scrtUrlFlag('smoke', values['scrt-url']);
    const payload = readPayloadFile(values.payload);
    // Org code loads here, not at the top: `handoff smoke --help` loads no org library (issue 15).
    const [{ scrtUrlFromInstance }, { loadMiawModel, openOrg, orgIdOf }, { runSmoke }, { signIdentityToken }] =
      await Promise.all([
        import('../org/miawClient'),
        import('../org/seedModel'),
        import('../org/smoke'),
        import('../org/verifiedJwt')
      ]);
    const model = loadMiawModel('smoke', root, values.config);
    // Signed before the org is opened, so a key mistake costs no call.
    const verified = values.verified ? identityFor(model, values, signIdentityToken) : undefined;
    const session = await openOrg(values['target-org'], out.progress, org);
    const scrtUrl = scrtUrlGiven ?? scrtUrlFromInstance(session.instanceUrl);
    if (!scrtUrl) {
      throw new UserError(`Cannot derive the MIAW URL from ${session.instanceUrl}.`, [
        'Pass --scrt-url https://<my-domain>.my.salesforce-scrt.com.'
      ]);
    }
    const orgId = await orgIdOf(session);
    // Ctrl-C must not leave the test conversation waiting in a live queue for an agent: close it first.
    const interrupted = new AbortController();
    const dispose = onInterrupt(() => {
      out.warn('Interrupted: closing the smoke test conversation (Ctrl-C again quits at once and leaves it open).');
      interrupted.abort();
    });
    const report = await runSmoke(session, model, {
      verified,
      scrtUrl,
      orgId,
      payload,
      timeoutMs: timeout * 1000,
      progress: out.progress,
      signal: interrupted.signal
    }).finally(dispose);
    for (const o of report.outcomes) {
      const mark =
        o.status === 'landed' || o.status === 'truncated'
          ? '✔'
          : o.status === 'not-configured' || o.status === 'skipped'
            ? '-'
            : '✖';
      const where = o.field ? ` → ${o.field}` : '';
      const detail = o.status === 'mismatch' ? ` (got "${o.actual}", sent "${o.expected}")` : '';
      out.log(`  ${mark} ${o.key}${where}: ${o.status}${detail}`);
    }
    const r = report.routing;
    if (r) {
      out.log(
        `  ${r.offered ? '✔' : '✖'} routed to ${r.queue ? `queue ${r.queue}` : 'no queue'}${r.caseId ? `, Case ${r.caseId}` : ''}: ${r.offered ? `offered to ${r.offeredTo}` : 'not offered to an agent'}`
      );
      if (r.problem) out.log(`✖ ${r.problem}`);
    }
    const v = report.verification;
    if (v?.accepted) out.log(`  ✔ taken as verified customer ${v.subject}`);
    else if (v?.problem && v.problem !== report.error) out.log(`✖ ${v.problem}`);
    if (report.error) out.log(`✖ ${report.error}`);
    out.log(`${report.landed} landed, ${report.failed} did not${report.closed ? '; conversation closed' : ''}.`);
    const failed = report.failed || report.error || report.routing?.problem || (v && !v.accepted);
    // An interrupted run is a failed one (report.error says so): exit 1, after the conversation was closed.
    return { exitCode: failed ? 1 : 0, result: report };
  }
};
