import { fields } from '../../../../scripts/org/doctor/checks/fields';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const [first, second] = m.attributes.map((a) => a.field.apiName);
const agent = m.permissionSets.agent.name;
const flowUser = m.permissionSets.flow.name;

describe('doctor checks: MessagingSession fields', () => {
  it('reports a missing field once, not also as unreadable', () => {
    const s = healthySnapshot(m);
    s.fields.names.delete(first);
    expect(findings(fields, m, s).map((c) => [c.id, c.message])).toEqual([
      ['fields.exist', `Fields missing on MessagingSession: ${first}`]
    ]);
  });

  it('names the field the agent cannot read and the one the flow cannot edit', () => {
    const s = healthySnapshot(m);
    s.fields.permissions.get(`MessagingSession.${first}`)!.get(agent)!.read = false;
    s.fields.permissions.get(`MessagingSession.${second}`)!.delete(flowUser);
    expect(findings(fields, m, s).map((c) => [c.id, c.message])).toEqual([
      ['fields.agentAccess', `${agent} cannot read: ${first}`],
      ['fields.flowAccess', `${flowUser} (the flow's running user) cannot edit: ${second}`]
    ]);
  });

  it('shortens a long list', () => {
    const s = healthySnapshot(m);
    s.fields.names.clear();
    expect(findings(fields, m, s)[0].message).toMatch(
      new RegExp(`^Fields missing on MessagingSession: (\\w+, ){7}\\w+ and ${m.attributes.length - 8} more$`)
    );
  });
});
