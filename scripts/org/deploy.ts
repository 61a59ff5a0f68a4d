/**
 * Deploying the project with jsforce's Metadata API: one deploy per phase (deployPhases.ts), each
 * polled with backoff and progress on stderr, each rolled back on error; or, for a dry run, one
 * check-only deploy of everything. Failures come back per component with their source file and
 * line (mapped by SDR), test failures with the class file and line, and coverage per class.
 * `checkOnlyDeploy` is the piece `handoff validate -o` reuses.
 */
import * as path from 'node:path';
import { DeployResult, type ComponentSet, type MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { UserError } from '../project/errors';
import type { OrgSession } from './connect';
import { loadProject } from '../source/project';
import { deployPackageOf, wholePackage, zipOf, type PhasePackage, type ProjectPackage } from './deployPackage';
import { DEFAULT_POLL, type PollSettings, type TestLevel } from './deploySettings';
import type { DeployJournal } from './deployJournal';

export { DEFAULT_POLL, TEST_LEVELS, type PollSettings, type TestLevel } from './deploySettings';

export interface DeployOptions {
  checkOnly: boolean;
  testLevel: TestLevel;
  /** Test classes for RunSpecifiedTests; default: the kit's tests present in the project. */
  tests?: string[];
  poll?: Partial<PollSettings>;
  progress?: (line: string) => void;
  /** The clock for the --wait bound (tests inject one). */
  now?: () => number;
  /** Told of each phase's deploy as it is queued and ends (what a Ctrl-C leaves behind). */
  journal?: DeployJournal;
}

export interface ComponentProblem {
  type: string;
  fullName: string;
  /** Source file, relative to the project root when inside it. */
  file: string;
  line?: number;
  column?: number;
  problem: string;
}

export interface TestProblem {
  className: string;
  method: string;
  message: string;
  file?: string;
  line?: number;
}

export interface CoverageRow {
  name: string;
  /** Covered share of the class's lines, 0–100, one decimal. */
  percent: number;
  linesNotCovered: number;
  lines: number;
}

export interface DeployRun {
  phase: string;
  id: string;
  status: string;
  success: boolean;
  checkOnly: boolean;
  testLevel?: TestLevel;
  runTests: string[];
  components: number;
  componentsDeployed: number;
  problems: ComponentProblem[];
  testsRun: number;
  testFailures: TestProblem[];
  coverage: CoverageRow[];
  /** Status checks made while waiting. */
  polls: number;
  /** Logical org calls this run made (each may have retried inside). */
  calls: number;
  members: string[];
}

/** Deploys one package and waits for it. Throws UserError only when it cannot tell the outcome. */
export async function deployPackage(
  session: OrgSession,
  root: string,
  pkg: PhasePackage,
  all: ComponentSet,
  testLevel: TestLevel | undefined,
  runTests: string[],
  options: DeployOptions
): Promise<DeployRun> {
  const poll = { ...DEFAULT_POLL, ...options.poll };
  const now = options.now ?? Date.now;
  const progress = options.progress ?? (() => undefined);
  const callsBefore = session.stats.calls;
  const zip = await zipOf(pkg.components, root);
  const deployOptions: Record<string, unknown> = {
    checkOnly: options.checkOnly,
    rollbackOnError: true,
    singlePackage: true,
    ignoreWarnings: false
  };
  if (testLevel) deployOptions.testLevel = testLevel;
  if (testLevel === 'RunSpecifiedTests') deployOptions.runTests = runTests;
  const started = await session.call(`deploy (${pkg.phase.name})`, async (conn) =>
    conn.metadata.deploy(zip, deployOptions)
  );
  const id = started.id;
  options.journal?.queued(pkg.phase.name, id);
  progress(
    `  ${pkg.phase.name}: deploy ${id} queued (${pkg.componentCount} components${testLevel ? `, ${testLevel}` : ''})`
  );
  const deadline = now() + poll.waitMinutes * 60_000;
  let delay = poll.initialMs;
  let polls = 0;
  let status: MetadataApiDeployStatus;
  for (;;) {
    await session.policy.sleep(delay);
    polls++;
    status = (await session.call(`checkDeployStatus (${pkg.phase.name})`, (conn) =>
      conn.metadata.checkDeployStatus(id, true)
    )) as unknown as MetadataApiDeployStatus;
    progress(`  ${pkg.phase.name}: ${describeProgress(status)}`);
    if (isTrue(status.done)) break;
    if (now() > deadline) {
      throw new UserError(
        `Deploy ${id} (${pkg.phase.name}) is still running after ${poll.waitMinutes} minutes; stopped waiting.`,
        [
          'It goes on in the org: follow it in Setup → Deployment Status, then run the command again with a larger --wait.'
        ]
      );
    }
    delay = Math.min(poll.maxMs, Math.round(delay * poll.factor));
  }
  return {
    ...summarise(root, status, all),
    phase: pkg.phase.name,
    checkOnly: options.checkOnly,
    testLevel,
    runTests: testLevel === 'RunSpecifiedTests' ? runTests : [],
    polls,
    calls: session.stats.calls - callsBefore,
    members: pkg.members
  };
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

function describeProgress(s: MetadataApiDeployStatus): string {
  const parts = [`${s.status}`, `${s.numberComponentsDeployed ?? 0}/${s.numberComponentsTotal ?? 0} components`];
  if (Number(s.numberComponentErrors)) parts.push(`${s.numberComponentErrors} errors`);
  if (Number(s.numberTestsTotal))
    parts.push(
      `tests ${s.numberTestsCompleted ?? 0}/${s.numberTestsTotal}${Number(s.numberTestErrors) ? ` (${s.numberTestErrors} failed)` : ''}`
    );
  return parts.join(', ');
}

function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function rel(root: string, file: string | undefined): string {
  if (!file) return '';
  const r = path.relative(root, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

type Summary = Omit<DeployRun, 'phase' | 'checkOnly' | 'testLevel' | 'runTests' | 'polls' | 'calls' | 'members'>;

/** The deploy's outcome with failures mapped back to source files (SDR) and tests to their classes. */
export function summarise(root: string, status: MetadataApiDeployStatus, all: ComponentSet): Summary {
  // SDR knows which source file holds each component (a field's own file, not the merged object);
  // the line, column and text are taken from the org's message as sent.
  const files = new Map<string, string>();
  for (const fr of new DeployResult(status, all).getFileResponses()) {
    if (fr.state !== 'Failed' || !fr.filePath) continue;
    const key = `${fr.type}:${fr.fullName}`;
    const isBody = !fr.filePath.endsWith('-meta.xml');
    if (!files.has(key) || isBody) files.set(key, rel(root, fr.filePath));
  }
  const problems: ComponentProblem[] = asArray(status.details?.componentFailures).map((f) => ({
    type: String(f.componentType ?? ''),
    fullName: String(f.fullName ?? ''),
    file: files.get(`${f.componentType}:${f.fullName}`) ?? String(f.fileName ?? ''),
    line: f.lineNumber ? Number(f.lineNumber) : undefined,
    column: f.columnNumber ? Number(f.columnNumber) : undefined,
    problem: String(f.problem ?? '')
  }));
  if (status.errorMessage) problems.push({ type: '', fullName: '', file: '', problem: String(status.errorMessage) });

  const classFile = (name: string): string | undefined => {
    const c = all.getSourceComponents().find((sc) => sc.type.name === 'ApexClass' && sc.fullName === name);
    return c ? rel(root, c.content ?? c.xml) : undefined;
  };
  const run = status.details?.runTestResult;
  const testFailures: TestProblem[] = asArray(run?.failures).map((f) => {
    const line = /line (\d+)/.exec(String(f.stackTrace ?? ''))?.[1];
    return {
      className: String(f.name),
      method: String(f.methodName),
      message: String(f.message),
      file: classFile(String(f.name)),
      line: line ? Number(line) : undefined
    };
  });
  const coverage: CoverageRow[] = asArray(run?.codeCoverage)
    .map((c) => {
      const lines = Number(c.numLocations) || 0;
      const notCovered = Number(c.numLocationsNotCovered) || 0;
      return {
        name: String(c.name),
        lines,
        linesNotCovered: notCovered,
        percent: lines ? Math.round((1000 * (lines - notCovered)) / lines) / 10 : 100
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: String(status.id),
    status: String(status.status),
    success: isTrue(status.success),
    components: Number(status.numberComponentsTotal) || 0,
    componentsDeployed: Number(status.numberComponentsDeployed) || 0,
    problems,
    testsRun: Number(run?.numTestsRun) || 0,
    testFailures,
    coverage
  };
}

/** Which tests a run uses, or a usage mistake when RunSpecifiedTests has none. */
export function testsFor(level: TestLevel, project: ProjectPackage, explicit?: string[]): string[] {
  if (level !== 'RunSpecifiedTests') return [];
  const tests = explicit?.length ? explicit : project.kitTests;
  if (!tests.length) {
    throw new UserError("RunSpecifiedTests needs test classes, and none of the kit's Apex tests are in the project.", [
      'Pass --tests ClassA,ClassB, or choose another --test-level.'
    ]);
  }
  return tests;
}

/**
 * One check-only deploy of the whole project with the kit's Apex tests (or the given ones): the
 * org compiles and validates everything and runs the tests, and nothing is saved. Exported for
 * `handoff validate -o`.
 */
export async function checkOnlyDeploy(
  session: OrgSession,
  root: string,
  options: Partial<Omit<DeployOptions, 'checkOnly'>> = {}
): Promise<DeployRun> {
  const project = deployPackageOf(loadProject(root));
  const level = options.testLevel ?? 'RunSpecifiedTests';
  const tests = testsFor(level, project, options.tests);
  return deployPackage(session, root, wholePackage(project), project.all, level, tests, {
    ...options,
    checkOnly: true,
    testLevel: level
  });
}

export interface DeployProjectResult {
  checkOnly: boolean;
  runs: DeployRun[];
  /** Phases not attempted because an earlier one failed. */
  skipped: string[];
  success: boolean;
}

/**
 * The whole deploy. A dry run is one check-only deploy of everything (a check-only phase could not
 * see the phases before it). A real deploy runs the phases in order and stops at the first failure:
 * that phase is rolled back by the org, the earlier ones stay (they are additive; deploy again
 * after the fix).
 */
export async function deployProject(
  session: OrgSession,
  root: string,
  options: DeployOptions
): Promise<DeployProjectResult> {
  const project = deployPackageOf(loadProject(root));
  const tests = testsFor(options.testLevel, project, options.tests);
  const progress = options.progress ?? (() => undefined);
  if (options.checkOnly) {
    const whole = wholePackage(project);
    progress(`Check-only deploy of ${whole.componentCount} components to ${session.target} (${options.testLevel})`);
    const run = await deployPackage(session, root, whole, project.all, options.testLevel, tests, options);
    return { checkOnly: true, runs: [run], skipped: [], success: run.success };
  }
  const runs: DeployRun[] = [];
  const names = project.phases.map((p) => p.phase.name);
  options.journal?.planned(names);
  progress(`Deploying to ${session.target} in ${names.length} phases: ${names.join(' → ')}`);
  for (const [i, pkg] of project.phases.entries()) {
    progress(`[${i + 1}/${project.phases.length}] ${pkg.phase.name}: ${pkg.phase.description}`);
    // Tests run where Apex is deployed; elsewhere the org's default applies (none without Apex),
    // except an explicit NoTestRun, which is passed on.
    const level = pkg.hasApex ? options.testLevel : options.testLevel === 'NoTestRun' ? 'NoTestRun' : undefined;
    const run = await deployPackage(
      session,
      root,
      pkg,
      project.all,
      level,
      level === 'RunSpecifiedTests' ? tests : [],
      options
    );
    runs.push(run);
    options.journal?.finished(pkg.phase.name, run.success);
    if (!run.success) return { checkOnly: false, runs, skipped: names.slice(i + 1), success: false };
  }
  return { checkOnly: false, runs, skipped: [], success: true };
}
