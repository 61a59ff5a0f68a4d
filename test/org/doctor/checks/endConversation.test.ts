import { endConversation } from '../../../../scripts/org/doctor/checks/endConversation';
import { resolveModel } from '../../../../scripts/model/resolve';
import { minimalConfig } from '../../../generate/helpers';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();

describe('doctor checks: End Conversation settings and failures', () => {
  it('fails a missing or incomplete settings record', () => {
    const s = healthySnapshot(m);
    s.endConversation.settings = undefined;
    expect(findings(endConversation, m, s).map((c) => c.message)).toEqual([
      'Settings record Handoff_Settings__mdt.Default is missing'
    ]);
    s.endConversation.settings = { Organisation_Id__c: '' };
    expect(findings(endConversation, m, s).map((c) => c.message)).toEqual([
      'Settings record Handoff_Settings__mdt.Default is incomplete: Organisation_Id__c blank'
    ]);
  });

  it('names the latest failure, and warns when the failure object is not deployed', () => {
    const s = healthySnapshot(m);
    s.endConversation.failures = [
      { id: 'a01B', createdDate: '2026-12-02T08:00:00.000Z' },
      { id: 'a01A', createdDate: '2026-12-01T08:00:00.000Z' }
    ];
    expect(findings(endConversation, m, s).map((c) => [c.id, c.message])).toEqual([
      ['failures.recent', '2 End Conversation failure(s) in the last 7 days, latest 2026-12-02T08:00:00.000Z (a01B)']
    ]);
    s.endConversation.failures = undefined;
    expect(findings(endConversation, m, s).map((c) => [c.status, c.message])).toEqual([
      ['warn', 'The failure object is not in the org']
    ]);
  });

  it('checks nothing when the config has no End Conversation', () => {
    const plain = resolveModel(minimalConfig());
    expect(endConversation.checks(plain, healthySnapshot(plain))).toEqual([]);
  });
});
