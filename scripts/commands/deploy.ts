import { flagLines, intFlag, parseFlags } from '../cli/args';
import { onInterrupt, type Signals } from '../cli/interrupt';
import type { Command, CommandContext, CommandResult } from '../cli/command';
import { DEPLOY_FLAGS } from '../cli/flags/deploy';
import { UsageError } from '../project/errors';
import type { ConnectOptions, OrgSession } from '../org/connect';
import { DeployProgress } from '../org/deployJournal';
import { DEPLOY_PHASES } from '../org/deployPhases';
import type { DeployProjectResult, DeployRun } from '../org/deploy';
import { DEFAULT_POLL, TEST_LEVELS, type PollSettings, type TestLevel } from '../org/deploySettings';
import type { PostDeployResult } from '../org/postDeploy';
import type { ResiliencePolicy } from '../org/resilience';

const USAGE = `Usage: handoff deploy [-o ALIAS] [--dry-run] [--test-level LEVEL] [--tests A,B] [--wait MINUTES] [--verbose] [--json]

Deploys every package directory of sfdx-project.json (less .forceignore) with the Metadata API,
in the order the platform needs (phases with nothing to deploy are skipped):
  ${DEPLOY_PHASES.map((p) => p.name).join(' → ')}
Each phase is rolled back by the org if any of its components fails; the deploy stops there.
Then activates the messaging channel, publishes the Embedded Service deployment (or prints the
Setup steps when the org does not allow it through the API) and reads the channel back to catch
empty parameter mappings. Ctrl-C stops the waiting, not the org's deploy: it says what is left.

Flags:
${flagLines(DEPLOY_FLAGS, { column: 26, json: 'one JSON document on stdout' })}

Exit codes: 0 deployed (manual steps may remain: they are printed), 1 a component, test or check failed, 2 usage.
`;

/** What tests replace: the environment, the retry policy's clock, the polling pace. */
export interface DeployDeps {
  env: NodeJS.ProcessEnv;
  policy?: Partial<ResiliencePolicy>;
  poll?: Partial<PollSettings>;
  /** Where the publish record goes (publishState.ts); the project root unless a test moves it. */
  stateRoot?: string;
  /** Where Ctrl-C and SIGTERM arrive, and how the command then exits (tests replace both). */
  signals?: Signals;
  exit?: (code: number) => void;
}

export interface DeployCommandResult {
  target: string;
  auth: string;
  checkOnly: boolean;
  testLevel: TestLevel;
  success: boolean;
  phases: DeployRun[];
  skippedPhases: string[];
  postDeploy?: PostDeployResult;
}

const list = (v: string | undefined): string[] | undefined =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function where(p: { file: string; line?: number; column?: number }): string {
  if (!p.file) return '';
  return `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
}

function printRun(run: DeployRun, log: (line: string) => void, verbose: boolean): void {
  const mark = run.success ? '✔' : '✖';
  const tests = run.testsRun ? `, ${run.testsRun} tests (${run.testFailures.length} failed)` : '';
  log(
    `${mark} ${run.phase}: ${run.status}, ${run.componentsDeployed}/${run.components} components${tests} [${run.id}]`
  );
  if (verbose) for (const m of run.members) log(`    ${m}`);
  for (const p of run.problems)
    log(`  ✖ ${where(p) ? `${where(p)} ` : ''}${p.type}${p.fullName ? ` ${p.fullName}` : ''}: ${p.problem}`);
  for (const t of run.testFailures)
    log(`  ✖ ${t.file ? `${where({ file: t.file, line: t.line })} ` : ''}${t.className}.${t.method}: ${t.message}`);
  const low = run.coverage.filter((c) => c.percent < 75);
  if (run.coverage.length) log(`  coverage: ${run.coverage.map((c) => `${c.name} ${c.percent}%`).join(', ')}`);
  for (const c of low) log(`  ✖ ${c.name} is covered ${c.percent}%: production deploys need 75% per class`);
}

function printPostDeploy(r: PostDeployResult, log: (line: string) => void): void {
  for (const s of r.steps) {
    const mark = s.status === 'done' || s.status === 'already' ? '✔' : s.status === 'manual' ? '→' : '✖';
    log(`${mark} ${s.message}`);
    for (const i of s.instructions) log(`    ${i}`);
  }
}

export async function runDeploy(ctx: CommandContext, deps: DeployDeps): Promise<CommandResult> {
  const { values } = parseFlags('deploy', ctx.argv, DEPLOY_FLAGS);
  const testLevel = (values['test-level'] ?? 'RunSpecifiedTests') as TestLevel;
  if (!TEST_LEVELS.includes(testLevel)) {
    throw new UsageError(
      `handoff deploy: --test-level takes ${TEST_LEVELS.join(', ')}, not "${values['test-level']}".`
    );
  }
  const tests = list(values.tests);
  if (tests?.length && testLevel !== 'RunSpecifiedTests')
    throw new UsageError('handoff deploy: --tests goes with --test-level RunSpecifiedTests.');
  const waitMinutes = intFlag('deploy', 'wait', values.wait, 1, 1440) ?? DEFAULT_POLL.waitMinutes;
  const verbose = !!values.verbose;
  const { out, root } = ctx;
  // Org code loads here, not at the top: `handoff deploy --help` loads no org library (issue 15).
  const [{ connect }, { deployPackageOf }, { loadProject }] = await Promise.all([
    import('../org/connect'),
    import('../org/deployPackage'),
    import('../source/project')
  ]);
  // Read the project before connecting: a broken project should not cost a login.
  deployPackageOf(loadProject(root));
  const options: ConnectOptions = {
    targetOrg: values['target-org'],
    org: ctx.org,
    env: deps.env,
    policy: {
      ...deps.policy,
      onRetry: (e) => {
        deps.policy?.onRetry?.(e);
        if (verbose || e.kind === 'session') {
          out.progress(
            `  ${e.label}: ${e.kind === 'session' ? 'session expired, signing in again' : `${e.reason}, retrying in ${Math.round(e.delayMs / 100) / 10} s`}`
          );
        }
      }
    }
  };
  const session = await connect(options);
  const checkOnly = !!values['dry-run'];
  const journal = new DeployProgress(checkOnly);
  // Ctrl-C (or a CI runner's SIGTERM) stops the waiting, not the org's deploy: say what is left behind.
  const dispose = onInterrupt(() => {
    const [headline, ...rest] = journal.interruptedLines();
    out.warn([headline, ...rest.map((l) => `  ${l}`)].join('\n'));
    (deps.exit ?? process.exit)(130);
  }, deps.signals);
  try {
    return await deployAndReport(ctx, deps, { session, checkOnly, testLevel, tests, waitMinutes, verbose, journal });
  } finally {
    dispose();
  }
}

async function deployAndReport(
  ctx: CommandContext,
  deps: DeployDeps,
  plan: {
    session: OrgSession;
    checkOnly: boolean;
    testLevel: TestLevel;
    tests?: string[];
    waitMinutes: number;
    verbose: boolean;
    journal: DeployProgress;
  }
): Promise<CommandResult> {
  const { session, checkOnly, testLevel, verbose, journal } = plan;
  const { out, root } = ctx;
  const [{ deployProject }, { postDeploy }, { loadProject }] = await Promise.all([
    import('../org/deploy'),
    import('../org/postDeploy'),
    import('../source/project')
  ]);
  const result: DeployProjectResult = await deployProject(session, root, {
    checkOnly,
    testLevel,
    tests: plan.tests,
    poll: { ...deps.poll, waitMinutes: plan.waitMinutes },
    progress: out.progress,
    journal
  });
  const log = (l: string) => out.log(l);
  log(checkOnly ? `Check-only deploy to ${session.target} (nothing saved):` : `Deploy to ${session.target}:`);
  for (const run of result.runs) printRun(run, log, verbose);
  if (result.skipped.length)
    log(
      `Not attempted: ${result.skipped.join(', ')} (the earlier phases stay deployed; fix the errors and deploy again).`
    );
  const doc: DeployCommandResult = {
    target: session.target,
    auth: session.method,
    checkOnly,
    testLevel,
    success: result.success,
    phases: result.runs,
    skippedPhases: result.skipped
  };
  if (result.success && !checkOnly) {
    journal.postDeploy();
    out.progress('Post-deploy steps:');
    doc.postDeploy = await postDeploy(session, loadProject(root), out.progress, {
      root: deps.stateRoot ?? root
    });
    printPostDeploy(doc.postDeploy, log);
    doc.success = doc.postDeploy.success;
  }
  log(doc.success ? (checkOnly ? 'Check-only deploy succeeded.' : 'Deployed.') : 'Deploy failed.');
  return { exitCode: doc.success ? 0 : 1, result: doc };
}

export const command: Command = {
  name: 'deploy',
  usage: USAGE,
  run: (ctx) => runDeploy(ctx, { env: process.env })
};
