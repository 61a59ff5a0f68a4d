import { buildSchema, Org } from '../../scripts/simulate/flow/org';

describe('in-memory org: in-place updates, copy on write per fork', () => {
  const base = new Org(buildSchema(new Map([['MessagingSession', [{ name: 'Plan__c', type: 'Text', length: 20 }]]])));
  const shared = base.seed('MessagingSession', { Status: 'Waiting' });
  const id = String(shared.Id);

  test('a fork updating a base record changes its own copy, never the base or another fork', () => {
    const a = base.fork();
    const b = base.fork();
    a.update('MessagingSession', id, [['Plan__c', 'pro']]);
    expect(a.byId(id)!.record.Plan__c).toBe('pro');
    expect(base.byId(id)!.record.Plan__c).toBeUndefined();
    expect(b.byId(id)!.record.Plan__c).toBeUndefined();
    expect(shared.Plan__c).toBeUndefined();
  });

  test('records a fork created are updated in place: the same object, every update kept', () => {
    const org = base.fork();
    const rec = org.seed('MessagingSession', { Status: 'Waiting' });
    const first = org.update('MessagingSession', String(rec.Id), [['Plan__c', 'free']]);
    const second = org.update('MessagingSession', String(rec.Id), [['Status', 'Active']]);
    expect(first).toBe(rec);
    expect(second).toBe(rec);
    expect(org.byId(String(rec.Id))!.record).toMatchObject({ Plan__c: 'free', Status: 'Active' });
  });

  test('a snapshot keeps the values it was taken with, whoever owns the record', () => {
    const org = base.fork();
    const own = org.seed('MessagingSession', { Status: 'Waiting' });
    const ofBase = org.snapshot(org.byId(id)!.record);
    const ofOwn = org.snapshot(own);
    // A base record is shared (the fork copies before writing it); a record the fork owns is copied.
    expect(ofBase).toBe(shared);
    expect(ofOwn).not.toBe(own);
    org.update('MessagingSession', id, [['Plan__c', 'pro']]);
    org.update('MessagingSession', String(own.Id), [['Plan__c', 'pro']]);
    expect(ofBase.Plan__c).toBeUndefined();
    expect(ofOwn.Plan__c).toBeUndefined();
    expect(org.byId(id)!.record.Plan__c).toBe('pro');
    expect(own.Plan__c).toBe('pro');
  });

  test('a rejected update leaves the record as it was', () => {
    const org = base.fork();
    expect(() => org.update('MessagingSession', id, [['Plan__c', 'x'.repeat(21)]])).toThrow(/STRING_TOO_LONG/);
    expect(org.byId(id)!.record.Plan__c).toBeUndefined();
  });
});
