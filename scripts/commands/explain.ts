import * as fs from 'node:fs';
import * as path from 'node:path';
import { flagLines, parseFlags, scrtUrlFlag } from '../cli/args';
import type { Command, CommandContext } from '../cli/command';
import { EXPLAIN_FLAGS } from '../cli/flags/explain';
import { configPath, loadConfig } from '../config/load';
import { checkDrift } from '../generate/build';
import { buildReport } from '../explain/data';
import { changesSince } from '../explain/diff';
import { renderHtml } from '../explain/html';
import { renderMarkdown } from '../explain/markdown';
import { resolveModel } from '../model/resolve';
import type { Check } from '../org/doctor/check';
import { UsageError, UserError } from '../project/errors';
import { displayPath } from '../project/paths';
import { parsePayloadBytes } from '../simulate/payload';
import { loadSimProject } from '../simulate/project';
import { simulatorFor } from '../simulate/replay';
import { simulate } from '../simulate/simulate';
import { loadProject as loadIndex } from '../source/project';
import { validate } from '../validate/index';
import { readInput } from './simulate';

const USAGE = `Usage: handoff explain [--out FILE] [-o ALIAS | --doctor] [--payload FILE]... [--base REF] [--markdown] [--json]

Draws the hand-off for the admin who reviews it, as one self-contained HTML page (no network):
the chain of names for every attribute (vendor key → channel parameter → pre-chat field → mapping
→ flow variable → MessagingSession field → who can read it), each link green or red with the
validator's finding (and the doctor's, with -o); the routing flow laid out from its file, with
the path and outcome of each payload; and with --base, what changed since that git revision.

Flags:
${flagLines(EXPLAIN_FLAGS, { column: 24, json: "{ status, result: the report's data, the same the page shows }" })}

Exit codes: 0 the report was written and shows no break, 1 it shows a broken link, a finding or
a dropped payload, 2 usage. See docs/explain.md.
`;

const DEFAULT_OUT = 'handoff-report.html';

/** Runs the doctor's checks; loaded only with -o so offline use never pays for jsforce. */
async function doctorChecks(
  root: string,
  configFlag: string | undefined,
  targetOrg: string | undefined,
  scrtUrl: string | undefined,
  progress: (l: string) => void,
  org: CommandContext['org']
): Promise<Check[]> {
  const { runDoctor } = await import('../org/doctor');
  const { loadProjectModel, openOrg, orgIdOf } = await import('../org/seedModel');
  const { scrtUrlFromInstance } = await import('../org/miawClient');
  const model = loadProjectModel(root, configFlag);
  const session = await openOrg(targetOrg, progress, org);
  const orgId = await orgIdOf(session);
  const report = await runDoctor(session, model, {
    root,
    orgId,
    scrtUrl: scrtUrl ?? scrtUrlFromInstance(session.instanceUrl),
    progress
  });
  return report.checks;
}

export const command: Command = {
  name: 'explain',
  usage: USAGE,
  async run({ argv, out, root, org }) {
    const { values } = parseFlags('explain', argv, EXPLAIN_FLAGS);
    if (values['target-org'] === '') throw new UsageError('handoff explain: -o needs an org alias or username.');
    if (values.base === '') throw new UsageError('handoff explain: --base needs a git revision (e.g. HEAD~1).');
    if (values.out === '') throw new UsageError('handoff explain: --out needs a file name.');
    const scrtUrl = scrtUrlFlag('explain', values['scrt-url']);

    const configFile = configPath(root, values.config);
    const model = resolveModel(loadConfig(configFile));
    out.progress('Validating …');
    const index = loadIndex(root);
    const validation = await validate({ root, project: index, checkDrift });
    const sim = loadSimProject(root);
    const simulator = simulatorFor(sim);
    const runs = (values.payload ?? []).map((file) => {
      const { bytes, source } = readInput(file);
      const payload = parsePayloadBytes(bytes, source);
      const scenario = { agents: new Map<string, number>(), defaultAgents: 1, hours: 'open' as const };
      return { source, result: simulate(simulator, payload, { scenario, tracing: true }) };
    });
    const doctor =
      values['target-org'] || values.doctor
        ? await doctorChecks(root, values.config, values['target-org'], scrtUrl, out.progress, org)
        : undefined;

    const report = buildReport({
      model,
      configFile: displayPath(configFile),
      index,
      findings: validation.findings,
      sim,
      runs,
      doctor
    });
    if (values.base) {
      out.progress(`Comparing with ${values.base} …`);
      const rel = (f: string): string => path.relative(root, path.resolve(f));
      report.changes = {
        base: values.base,
        items: changesSince({
          root,
          ref: values.base,
          configFile: rel(configFile),
          flowFile: rel(path.resolve(process.cwd(), sim.flow.file)),
          model,
          flow: sim.flow
        })
      };
    }

    const outFile = values.out ?? (values.markdown || out.json ? undefined : DEFAULT_OUT);
    if (outFile) {
      const html = renderHtml(report);
      try {
        fs.writeFileSync(outFile, html);
      } catch (e) {
        throw new UserError(`Cannot write ${outFile}: ${(e as Error).message}`);
      }
    }
    const markdown = values.markdown ? renderMarkdown(report) : undefined;
    if (markdown && !out.json) process.stdout.write(markdown);
    else {
      out.log(
        `${report.counts.attributes} attributes (${report.counts.brokenAttributes} with a broken link), ${report.counts.findings} findings, ${report.flow.nodes.length - 1} flow elements.`
      );
      for (const p of report.payloads) out.log(`  ${p.source}: ${p.outcome}`);
      for (const c of report.changes?.items ?? []) out.log(`  ${c.text}`);
      if (outFile) out.log(`Wrote ${displayPath(path.resolve(outFile))}.`);
    }
    const bad =
      report.counts.brokenAttributes > 0 ||
      report.counts.findings > 0 ||
      report.payloads.some((p) => p.outcomeKind === 'dropped');
    return {
      exitCode: bad ? 1 : 0,
      result: {
        ...report,
        ...(markdown ? { markdown } : {}),
        ...(outFile ? { out: displayPath(path.resolve(outFile)) } : {})
      }
    };
  }
};
