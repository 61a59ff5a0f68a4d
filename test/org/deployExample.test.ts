/**
 * The example project (handoff.config.json → force-app/generated, plus force-app/main) deployed to
 * the emulator through the real jsforce client, as the admin story runs it: deploy, then deploy
 * again. The project is assembled in a temporary folder so the working tree is never touched; the
 * generated part comes from the generators when force-app/generated is not built yet.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connect } from '../../scripts/org/connect';
import { checkOnlyDeploy } from '../../scripts/org/deploy';
import { runDeploy, type DeployCommandResult } from '../../scripts/commands/deploy';
import { createOutput } from '../../scripts/cli/output';
import { generateFromConfig, writeGenerated } from '../../scripts/generate/build';
import { APEX_TEST_CLASSES } from '../../scripts/contract';
import { OrgEmulator } from '../emulator/server';
import { registerRest } from '../emulator/rest';

const ROOT = path.resolve(__dirname, '../..');
let project: string;
let emu: OrgEmulator;
const fast = { sleep: async () => undefined, random: () => 0.5, timeoutMs: 20_000 };

function assembleProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-deploy-example-'));
  fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  for (const f of ['.forceignore'])
    if (fs.existsSync(path.join(ROOT, f))) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.cpSync(path.join(ROOT, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  const generated = path.join(ROOT, 'force-app/generated');
  if (fs.existsSync(generated) && fs.readdirSync(generated).length) {
    fs.cpSync(generated, path.join(dir, 'force-app/generated'), { recursive: true });
  } else {
    writeGenerated(
      generateFromConfig(path.join(ROOT, 'handoff.config.json')).files,
      path.join(dir, 'force-app/generated')
    );
  }
  return dir;
}

beforeAll(async () => {
  project = assembleProject();
  emu = await OrgEmulator.start({ plugins: [registerRest] });
});
afterAll(async () => {
  await emu.stop();
  fs.rmSync(project, { recursive: true, force: true });
});

const env = () => ({
  SF_CLIENT_ID: 'emulator-client-id',
  SF_CLIENT_SECRET: 'emulator-client-secret',
  SF_LOGIN_URL: emu.url
});

test('check-only with the kit tests (what validate -o runs): every component validates, nothing is saved', async () => {
  const session = await connect({ env: env(), policy: fast });
  const progress: string[] = [];
  const run = await checkOnlyDeploy(session, project, { poll: { initialMs: 1 }, progress: (l) => progress.push(l) });
  expect(run.problems).toEqual([]);
  // The queued line counts what the org counts (fields, labels… each its own component), not source files.
  expect(progress.find((l) => / queued \(/.test(l))).toContain(`(${run.components} components, `);
  expect(run).toMatchObject({ phase: 'all', checkOnly: true, success: true, testLevel: 'RunSpecifiedTests' });
  const present = APEX_TEST_CLASSES.filter((t) =>
    fs.existsSync(path.join(project, 'force-app/main/default/classes', `${t}.cls`))
  );
  expect(run.runTests).toEqual(present);
  expect(run.coverage.length).toBeGreaterThan(0);
  expect(emu.state.metadata.size).toBe(0);
}, 60_000);

test('the example project deploys in phases, then a second deploy is a no-op for post-deploy steps', async () => {
  const ctx = {
    argv: [],
    out: createOutput(true, { out: { write: () => true } as never, err: { write: () => true } as never }),
    root: project
  };
  const first = await runDeploy(ctx, { env: env(), policy: fast, poll: { initialMs: 1 } });
  const doc = first.result as DeployCommandResult;
  expect(doc.phases.flatMap((p) => p.problems)).toEqual([]);
  expect(first.exitCode).toBe(0);
  expect(doc.phases.map((p) => p.phase)).toEqual([
    'schema',
    'apex',
    'settings',
    'routing',
    'permissions',
    'integration',
    'flow',
    'channel',
    'deployment'
  ]);
  expect(doc.postDeploy!.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
  const second = await runDeploy(ctx, { env: env(), policy: fast, poll: { initialMs: 1 } });
  expect(second.exitCode).toBe(0);
  expect((second.result as DeployCommandResult).postDeploy!.steps[0].status).toBe('already');
}, 60_000);
