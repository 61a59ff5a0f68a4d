import { queues } from '../../../../scripts/org/doctor/checks/queues';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const [q1, q2] = m.queues.map((q) => q.developerName);

describe('doctor checks: queues', () => {
  it('names a missing queue, one not taking MessagingSession, one without routing', () => {
    const s = healthySnapshot(m);
    s.queues = s.queues.filter((q) => q.developerName !== q1);
    const other = s.queues.find((q) => q.developerName === q2)!;
    other.sobjects = ['Case'];
    other.routingConfigId = null;
    expect(findings(queues, m, s).map((c) => [c.id, c.message])).toEqual([
      ['queues.exist', `Queues missing: ${q1}`],
      ['queues.messagingSession', `Queues that do not take MessagingSession: ${q2}`],
      ['queues.routingConfig', `Queues without a routing configuration: ${q2}`]
    ]);
  });
});
