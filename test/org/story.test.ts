/**
 * The whole story against one emulated org: deployed metadata + post-deploy steps →
 * seed → doctor → smoke, each through the real jsforce client, with the call counts of each step.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OrgEmulator } from '../emulator/server';
import { deployPackageOf } from '../../scripts/org/deployPackage';
import { loadProject } from '../../scripts/source/project';
import { postDeploy } from '../../scripts/org/postDeploy';
import { runSeed } from '../../scripts/org/seed';
import { runDoctor } from '../../scripts/org/doctor';
import { runSmoke } from '../../scripts/org/smoke';
import { addUsers, installModel, model, openSession, ROOT, startOrg, writes } from './orgFixture';

const SHARED_PAYLOAD = path.resolve(ROOT, '../shared/examples/payloads/fin-handoff.json');

describe('deploy → seed → doctor → smoke on one org', () => {
  let emu: OrgEmulator;
  afterAll(() => emu?.stop());

  it('ends with a clean doctor and every configured attribute landed', async () => {
    emu = await startOrg();
    const session = await openSession(emu);
    const m = model();
    // The deploy step: the generated metadata goes into the org state directly, as a deploy stores it
    // (deploy itself has its own tests); the post-deploy steps (channel activation, publishing) then
    // run through postDeploy's API calls.
    const root = installModel(emu, m, { activate: false, publish: false });
    const post = await postDeploy(session, deployPackageOf(loadProject(ROOT)).all);
    expect(post.steps.filter((s) => s.status === 'failed')).toEqual([]);

    // Before seeding, doctor sees the missing settings record (and only that).
    let report = await runDoctor(session, m, { root, orgId: emu.state.orgId, scrtUrl: emu.url });
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual(['settings.complete']);

    addUsers(emu, ['agent@example.com', 'integration@example.com']);
    const seedOpts = {
      agents: ['agent@example.com'],
      integrationUser: 'integration@example.com',
      dryRun: false,
      env: { HANDOFF_ESCALATION_TOKEN: 'story-token' }
    };
    emu.resetCounters();
    const seeded = await runSeed(session, m, seedOpts);
    expect(seeded.problems).toEqual([]);
    expect(writes(emu)).toBe(2);
    emu.resetCounters();
    expect((await runSeed(session, m, seedOpts)).changed).toBe(false);
    expect(writes(emu)).toBe(0);

    emu.resetCounters();
    report = await runDoctor(session, m, { root, orgId: emu.state.orgId, scrtUrl: emu.url });
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(emu.count()).toBe(13);

    const payload = fs.existsSync(SHARED_PAYLOAD)
      ? (JSON.parse(fs.readFileSync(SHARED_PAYLOAD, 'utf8')) as Record<string, unknown>)
      : (process.stderr.write(`story: ${SHARED_PAYLOAD} not found, using an inline payload\n`),
        { _firstName: 'John', plan: 'enterprise' });
    emu.resetCounters();
    const smoke = await runSmoke(session, m, {
      scrtUrl: emu.url,
      orgId: emu.state.orgId,
      payload,
      timeoutMs: 2000,
      pollMs: 20
    });
    expect(smoke.error).toBeUndefined();
    expect(smoke.failed).toBe(0);
    expect(smoke.landed).toBeGreaterThan(0);
    expect(smoke.closed).toBe(true);
    expect(emu.count()).toBe(5);
  });
});
