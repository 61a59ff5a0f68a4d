import { agents, lacks } from '../../../../scripts/org/doctor/checks/agents';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const ps = m.permissionSets.agent.name;
const [q1] = m.queues.map((q) => q.developerName);
const AGENT = '005000000000001';

describe('doctor checks: agents', () => {
  it('fails the permission set without Enhanced Chat Rep, or missing, and a missing presence configuration', () => {
    const s = healthySnapshot(m);
    s.agents.grantsPermission = false;
    s.agents.presenceConfigExists = false;
    expect(findings(agents, m, s).map((c) => c.id)).toEqual(['agents.permission', 'agents.presenceConfig']);
    s.agents.grantsPermission = undefined;
    expect(findings(agents, m, s)[0].message).toBe(`Permission set ${ps} is not in the org`);
  });

  it('names, per queue, each member and everything they lack, with the seed command that fixes it', () => {
    const s = healthySnapshot(m);
    s.agents.users.set(AGENT, { username: 'agent@example.com', active: false });
    s.agents.licenced.clear();
    const failing = findings(agents, m, s);
    expect(failing.map((c) => c.id)).toEqual(m.queues.map((q) => `agents.queue.${q.developerName}`));
    expect(failing[0].message).toBe(
      `No member of ${q1} can take the work: agent@example.com lacks is inactive, the Enhanced Chat User licence (${lacks(s.agents, AGENT)[1].match(/\((.*)\)/)![1]})`
    );
    expect(failing[0].fix).toContain(`handoff seed --agents agent@example.com:${q1}`);
  });

  it('tells a queue with no user members, and skips a queue the org does not have', () => {
    const s = healthySnapshot(m);
    s.agents.members.set(q1, ['00G000000000001']); // a group, not a user
    for (const q of m.queues.slice(1)) s.agents.members.delete(q.developerName);
    expect(findings(agents, m, s).map((c) => [c.id, c.message])).toEqual([
      [`agents.queue.${q1}`, `${q1} has no members: nobody is offered its conversations`]
    ]);
  });

  it('says what a non-user member lacks', () => {
    expect(lacks(healthySnapshot(m).agents, '00G000000000001')).toEqual(['is not a user']);
    expect(lacks(healthySnapshot(m).agents, AGENT)).toEqual([]);
  });
});
