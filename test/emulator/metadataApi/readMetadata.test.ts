/**
 * The emulator's readMetadata, through the real jsforce client: an object's fields come nested in its
 * CustomObject read (a standard object's too), and a read takes at most 10 full names.
 */
import { openSession, startOrg } from '../../org/orgFixture';
import type { OrgEmulator } from '../server';
import type { OrgSession } from '../../../scripts/org/connect';
import { readMeta, readMetaMany } from '../../../scripts/org/doctorSoql';

const field = (name: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${name}</fullName><label>${name}</label><type>Text</type><length>40</length></CustomField>`;

describe('readMetadata in the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  beforeAll(async () => {
    emu = await startOrg();
    org = await openSession(emu);
    for (const n of ['a__c', 'b__c'])
      emu.state.putComponent({ type: 'CustomField', fullName: `MessagingSession.${n}`, xml: field(n) });
    emu.state.putComponent({ type: 'CustomField', fullName: 'Case.other__c', xml: field('other__c') });
  });
  afterAll(() => emu.stop());

  it("nests a standard object's deployed fields in its CustomObject read, and only its own", async () => {
    const session = await readMeta(org, 'CustomObject', 'MessagingSession');
    expect((session?.fields as Array<{ fullName: string }>).map((f) => f.fullName)).toEqual(['a__c', 'b__c']);
    expect(await readMeta(org, 'CustomObject', 'Nothing__c')).toBeUndefined();
  });

  it('refuses a read of more than 10 full names, as the org does', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `PS_${i}`);
    await expect(org.call('read', (c) => c.metadata.read('PermissionSet' as never, names))).rejects.toThrow(
      'EXCEEDED_ID_LIMIT'
    );
  });

  it('reads more than 10 components in calls of 10 (readMetaMany)', async () => {
    emu.resetCounters();
    const read = await readMetaMany(
      org,
      'CustomObject',
      Array.from({ length: 11 }, (_, i) => `X${i}__c`)
    );
    expect([read.size, emu.count()]).toEqual([11, 2]);
  });
});
