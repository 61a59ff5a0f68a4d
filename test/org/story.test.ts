/**
 * The whole story against one emulated org: deployed metadata + post-deploy steps → seed (two agents
 * on their queues) → doctor green → smoke routes the payload to the queue its rules choose and an
 * agent there is offered the work. Then one break at a time (the agent's licence, their queue
 * membership, the permission set's Enhanced Chat Rep): doctor names exactly that break, and smoke
 * reports the conversation was not offered to an agent of that queue.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OrgEmulator } from '../emulator/server';
import { runSeed, type SeedOptions } from '../../scripts/org/seed';
import { runDoctor, type DoctorReport } from '../../scripts/org/doctor';
import { runSmoke } from '../../scripts/org/smoke';
import { postDeploy } from '../../scripts/org/postDeploy';
import { loadProject } from '../../scripts/source/project';
import { resolveAgents } from '../../scripts/model/resolve';
import type { OrgSession } from '../../scripts/org/connect';
import { addUsers, editComponent, installModel, model, openSession, ROOT, startOrg, writes } from './orgFixture';

const SHARED_PAYLOAD = path.resolve(ROOT, '../shared/examples/payloads/fin-handoff.json');
const PRIORITY_AGENT = 'priority.agent@example.com';
const GENERAL_AGENT = 'general.agent@example.com';

describe('deploy → seed → doctor → smoke on one org', () => {
  let emu: OrgEmulator;
  let session: OrgSession;
  let root: string;
  const m = model();
  const failing = (r: DoctorReport) => r.checks.filter((c) => c.status !== 'pass');
  const doctor = () => runDoctor(session, m, { root, orgId: emu.state.orgId, scrtUrl: emu.url });
  const payload = {
    ...(fs.existsSync(SHARED_PAYLOAD)
      ? (JSON.parse(fs.readFileSync(SHARED_PAYLOAD, 'utf8')) as Record<string, unknown>)
      : (process.stderr.write(`story: ${SHARED_PAYLOAD} not found, using an inline payload\n`),
        { _firstName: 'John' })),
    // The config's first rule: plan equals enterprise → Handoff_Priority.
    plan: 'enterprise'
  };
  const smoke = () =>
    runSmoke(session, m, { scrtUrl: emu.url, orgId: emu.state.orgId, payload, timeoutMs: 300, pollMs: 20 });
  const seedOpts: SeedOptions = {
    agents: resolveAgents(
      [
        { username: PRIORITY_AGENT, queues: ['Handoff_Priority'] },
        { username: GENERAL_AGENT, queues: ['Handoff_General', 'Handoff_DACH'] }
      ],
      m.queues
    ),
    integrationUser: 'integration@example.com',
    dryRun: false,
    env: { HANDOFF_ESCALATION_TOKEN: 'story-token' }
  };
  const userId = (u: string) => emu.state.find('User', { Username: u })[0].Id;

  beforeEach(async () => {
    emu = await startOrg();
    session = await openSession(emu);
    // The deploy step: the generated metadata goes into the org state as a deploy stores it (deploy
    // itself is covered by deploy.test.ts); the post-deploy steps run through their API calls and
    // record what they published in the project root.
    root = installModel(emu, m, { activate: false, publish: false });
    const post = await postDeploy(session, loadProject(ROOT), undefined, { root });
    expect(post.steps.filter((s) => s.status === 'failed')).toEqual([]);
    addUsers(emu, [PRIORITY_AGENT, GENERAL_AGENT, 'integration@example.com']);
  });
  afterEach(() => emu?.stop());

  it('ends with a clean doctor, every configured attribute landed and an agent of the chosen queue offered the work', async () => {
    // Before seeding, doctor sees the missing settings record, the unset token, queues nobody can staff and the vendor app's missing Run-As user.
    let report = await doctor();
    expect(failing(report).map((c) => c.id)).toEqual([
      'settings.complete',
      'credential.token',
      'agents.queue.Handoff_General',
      'agents.queue.Handoff_Priority',
      'agents.queue.Handoff_DACH',
      'integration.runAsUser'
    ]);
    expect(failing(report)[2].message).toBe('Handoff_General has no members: nobody is offered its conversations');

    emu.resetCounters();
    const seeded = await runSeed(session, m, seedOpts);
    expect(seeded.problems).toEqual([]);
    // Settings, the token, licences, queue memberships, presence configurations, permission sets: one call each;
    // and the Run-As user in the vendor app's OAuth policies.
    expect(writes(emu)).toBe(7);
    emu.resetCounters();
    expect((await runSeed(session, m, seedOpts)).changed).toBe(false);
    expect(writes(emu)).toBe(0);

    emu.resetCounters();
    report = await doctor();
    expect(failing(report)).toEqual([]);
    expect(report.checks.find((c) => c.id === 'deployment.publishRecord')?.message).toMatch(
      /unchanged since the kit published it .*; the published state itself cannot be read/
    );

    const run = await smoke();
    expect(run.error).toBeUndefined();
    expect(run.failed).toBe(0);
    expect(run.landed).toBeGreaterThan(0);
    expect(run.closed).toBe(true);
    expect(run.routing).toEqual({ queue: 'Handoff_Priority', offered: true, offeredTo: PRIORITY_AGENT });
  }, 30_000);

  it.each([
    [
      'the agent’s licence',
      () => {
        const [a] = emu.state.find('PermissionSetLicenseAssign', { AssigneeId: userId(PRIORITY_AGENT) });
        emu.state.table('PermissionSetLicenseAssign').delete(a.Id);
      },
      'agents.queue.Handoff_Priority',
      `No member of Handoff_Priority can take the work: ${PRIORITY_AGENT} lacks the Enhanced Chat User licence (EmbeddedServiceMessagingUserPsl)`
    ],
    [
      'the queue membership',
      () => {
        const [g] = emu.state.find('GroupMember', { UserOrGroupId: userId(PRIORITY_AGENT) });
        emu.state.table('GroupMember').delete(g.Id);
      },
      'agents.queue.Handoff_Priority',
      'Handoff_Priority has no members: nobody is offered its conversations'
    ]
  ])(
    'without %s, doctor names exactly that break and smoke reports the work was not offered',
    async (_, brk, id, message) => {
      expect((await runSeed(session, m, seedOpts)).problems).toEqual([]);
      brk();
      const report = await doctor();
      expect(failing(report).map((c) => [c.id, c.message])).toEqual([[id, message]]);
      const run = await smoke();
      expect(run.error).toBeUndefined();
      // Nobody in Handoff_Priority can take it: the flow's availability check sees no agent, so the
      // configured fallback (whenNoAgent: case) opens a Case; the Priority agent is not offered it.
      expect(run.routing?.offeredTo).not.toBe(PRIORITY_AGENT);
      expect(run.routing?.caseId).toMatch(/^500/);
    }
  );

  it('without Enhanced Chat Rep on the permission set, doctor names it and nobody is offered the work', async () => {
    expect((await runSeed(session, m, seedOpts)).problems).toEqual([]);
    editComponent(emu, 'PermissionSet', m.permissionSets.agent.name, (xml) =>
      xml.replace(/<userPermissions>[\s\S]*?<\/userPermissions>/, '')
    );
    const report = await doctor();
    expect(failing(report)[0]).toMatchObject({
      id: 'agents.permission',
      message:
        'Handoff_Agent does not grant Enhanced Chat Rep (EmbeddedMessagingAgent): agents cannot take messaging work',
      fix: 'Run `handoff deploy` (the generated metadata carries it).'
    });
    const run = await smoke();
    expect(run.routing).toMatchObject({ offered: false, caseId: expect.stringMatching(/^500/) });
    expect(run.routing?.problem).toBeDefined();
  });
});
