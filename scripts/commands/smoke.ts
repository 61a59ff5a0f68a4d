import * as fs from 'node:fs';
import * as path from 'node:path';
import { intFlag, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { UsageError, UserError } from '../project/errors';
import { displayPath } from '../project/paths';
import { scrtUrlFromInstance } from '../org/miawClient';
import { loadProjectModel, openOrg, orgIdOf } from '../org/seedModel';
import { runSmoke } from '../org/smoke';

const USAGE = `Usage: handoff smoke --payload FILE [-o ALIAS] [--scrt-url URL] [--timeout SECONDS] [--config FILE] [--json]

Acts as the AI vendor over the MIAW REST API: gets a token for the deployment, starts a
conversation with the payload's keys as routingAttributes, sends a first message, waits for the
MessagingSession and reports which attribute landed in which field and which were dropped. The
conversation is always closed. Keys the published pre-chat form lacks are reported before sending.

Flags:
  --payload FILE          a JSON object of vendor keys → string values (e.g. examples/payloads/fin-sample.json)
  -o, --target-org ALIAS  the org (else the SF_* environment variables)
  --scrt-url URL          the MIAW API URL (default: https://<my-domain>.my.salesforce-scrt.com from the instance URL)
  --timeout SECONDS       how long to wait for the MessagingSession (default 60)
  --config FILE           the config (default: handoff.config.json in the project root)
  --json                  { status, result: { outcomes: [{ key, status, field, expected, actual }], landed, failed, … } }

Exit codes: 0 every expected attribute landed, 1 any did not (or no session appeared), 2 usage.
`;

function readPayload(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${displayPath(file)} does not exist.`
        : `${displayPath(file)} is not valid JSON: ${(e as Error).message}`
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)} must hold one JSON object of vendor keys to string values.`);
  }
  return data as Record<string, unknown>;
}

export const command: Command = {
  name: 'smoke',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values } = parseFlags('smoke', argv, {
      'target-org': { type: 'string', short: 'o' },
      payload: { type: 'string' },
      'scrt-url': { type: 'string' },
      timeout: { type: 'string' },
      config: { type: 'string' }
    });
    if (!values.payload) throw new UsageError('handoff smoke: --payload FILE is required. See `handoff smoke --help`.');
    const timeout = intFlag('smoke', 'timeout', values.timeout, 1, 3600) ?? 60;
    const payload = readPayload(path.resolve(values.payload));
    const model = loadProjectModel(root, values.config);
    const session = await openOrg(values['target-org'], out.progress);
    const scrtUrl = values['scrt-url'] ?? scrtUrlFromInstance(session.instanceUrl);
    if (!scrtUrl) {
      throw new UserError(`Cannot derive the MIAW URL from ${session.instanceUrl}.`, [
        'Pass --scrt-url https://<my-domain>.my.salesforce-scrt.com.'
      ]);
    }
    const orgId = await orgIdOf(session);
    const report = await runSmoke(session, model, {
      scrtUrl,
      orgId,
      payload,
      timeoutMs: timeout * 1000,
      progress: out.progress
    });
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
    if (report.error) out.log(`✖ ${report.error}`);
    out.log(`${report.landed} landed, ${report.failed} did not${report.closed ? '; conversation closed' : ''}.`);
    return { exitCode: report.failed || report.error || report.routing?.problem ? 1 : 0, result: report };
  }
};
