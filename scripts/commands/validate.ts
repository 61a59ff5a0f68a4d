import * as path from 'node:path';
import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { VALIDATE_FLAGS } from '../cli/flags/validate';
import { UsageError } from '../project/errors';
import { findProjectRoot } from '../project/paths';
import type { DriftCheck } from '../project/drift';
import { failing, failOnFrom } from '../validate/exitPolicy';
import { formatFindings, RULES, validate } from '../validate/index';

const USAGE = `Usage: handoff validate [--rule ID]... [--skip ID]... [--fail-on error|warning] [--strict] [--root DIR] [-o ALIAS] [--no-cache] [--json]

Checks the metadata in every package directory of sfdx-project.json (generated and hand-written
alike), offline: XML and the Metadata API schema, the naming chain from channel parameter to
MessagingSession field, the routing flow, queues, Apex, settings, limits, and that generated
output is current. Rules and fixes: docs/validate.md (or --list).

Flags:
${flagLines(VALIDATE_FLAGS, { column: 18, json: 'one JSON document on stdout: { status, result: { findings, rules, notices } }' })}

Exit codes: 0 no error (warnings alone, unless --strict), 1 an error finding (any finding with
--strict) or a failed check-only deploy, 2 usage.
`;

/**
 * generate/build's drift check, loaded (typed `import()`) only when the build manifest does not settle
 * freshness, and run in a worker thread so its garbage is gone before the project loads (commands/driftWorker.ts).
 */
const checkDrift: DriftCheck = async (config, outDir) =>
  (await import('./driftWorker')).checkDriftInWorker(config, outDir);

const list = (values: string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

type DeployModule = typeof import('../org/deploy');
type DeployRun = Awaited<ReturnType<DeployModule['checkOnlyDeploy']>>;

/** Per-component errors, test failures and coverage of a check-only deploy, as human lines. */
function deployLines(run: DeployRun): string[] {
  const lines = [
    `Check-only deploy ${run.success ? 'succeeded' : 'failed'}: ${run.componentsDeployed}/${run.components} components, ${run.testsRun} tests run.`
  ];
  for (const p of run.problems)
    lines.push(`  ${p.file}${p.line ? `:${p.line}` : ''} ${p.type} ${p.fullName}: ${p.problem}`);
  for (const t of run.testFailures) lines.push(`  test ${t.className}.${t.method}: ${t.message}`);
  for (const c of run.coverage)
    lines.push(`  coverage ${c.name}: ${c.percent}% (${c.linesNotCovered} of ${c.lines} lines not covered)`);
  return lines;
}

export const command: Command = {
  name: 'validate',
  usage: USAGE,
  async run({ argv, out, root, org }) {
    const { values } = parseFlags('validate', argv, VALIDATE_FLAGS);
    const failOn = failOnFrom(values['fail-on'], values.strict);
    if (values.list) {
      const rules = RULES.map((r) => ({ id: r.id, description: r.description, fix: r.fix }));
      for (const r of rules) out.log(`${r.id.padEnd(36)} ${r.description}`);
      return { exitCode: 0, result: { rules } };
    }
    const projectRoot = values.root ? findProjectRoot(path.resolve(values.root)) : root;
    if (values['target-org'] === '') throw new UsageError('handoff validate: -o needs an org alias or username.');

    out.progress(`Validating ${projectRoot} …`);
    const result = await validate({
      root: projectRoot,
      only: list(values.rule),
      skip: list(values.skip),
      cache: !values['no-cache'],
      checkDrift
    });
    for (const line of formatFindings(result)) out.log(line);
    for (const n of result.notices) out.notice(`${n.rule}: ${n.message}`);
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.length - errors;
    if (result.findings.length) out.log('');
    out.log(
      result.findings.length
        ? `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${result.files} files, ${result.rules.length} rules.`
        : `No findings: ${result.files} files, ${result.rules.length} rules.`
    );
    if (warnings && !errors && failOn === 'error')
      out.log('Warnings alone do not fail the run (--strict fails on them).');

    const targetOrg = values['target-org'];
    if (targetOrg) {
      // Loaded only here, so offline validation never pays for jsforce.
      const { checkOnlyDeploy } = await import('../org/deploy');
      const { connect } = await import('../org/connect');
      const session = await connect({ targetOrg, org });
      out.progress(`Check-only deploy to ${session.target} with the kit's Apex tests (RunSpecifiedTests) …`);
      const run = await checkOnlyDeploy(session, projectRoot, { progress: (l: string) => out.progress(l) });
      for (const line of deployLines(run)) out.log(line);
      const exitCode = failing(result.findings, failOn).length || !run.success ? 1 : 0;
      return { exitCode, result: { ...result, deploy: run } };
    }
    return { exitCode: failing(result.findings, failOn).length ? 1 : 0, result };
  }
};
