import type { OrgEmulator } from '../emulator/server';
import type { OrgSession } from '../../scripts/org/connect';
import { runResend } from '../../scripts/org/resend';
import { runCli } from '../support/cli';
import { installModel, model, openSession, startOrg } from './orgFixture';

describe('handoff resend against the emulator', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  const failure = (eventId: string, status: string, payload = true) =>
    emu.state.insert('Handoff_Callout_Failure__c', {
      Event_Id__c: eventId,
      Status__c: status,
      Payload__c: payload ? JSON.stringify({ eventId, attempt: 10 }) : null,
      CreatedDate: new Date().toISOString()
    });
  beforeEach(async () => {
    emu = await startOrg();
    installModel(emu, model());
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('marks every Failed record once for the hourly job, in one action call, and leaves Delivered and Pending ones alone', async () => {
    failure('e-failed-1', 'Failed');
    failure('e-failed-2', 'Failed');
    failure('e-delivered', 'Delivered');
    failure('e-pending', 'Pending');
    emu.resetCounters();
    const r = await runResend(org, { dryRun: false });
    expect(r.problems).toEqual([]);
    expect(r.selected.map((s) => s.eventId)).toEqual(['e-failed-1', 'e-failed-2']);
    expect(emu.resent).toEqual(['e-failed-1', 'e-failed-2']);
    expect(emu.count('POST /services/data/v66.0/actions/custom/apex/HandoffEndConversationResend')).toBe(1);
    expect(r.results.every((x) => x.ok && x.message.startsWith('Marked for resend: event'))).toBe(true);
    const marked = emu.state.table('Handoff_Callout_Failure__c').get(r.selected[0].id);
    expect(marked?.Status__c).toBe('Pending');
    expect(JSON.parse(String(marked?.Payload__c))).toMatchObject({ eventId: 'e-failed-1', attempt: 1 });
  });

  it('--id on a Delivered record says so and sends nothing; --dry-run sends nothing', async () => {
    const delivered = failure('e-delivered', 'Delivered');
    const r = await runResend(org, { ids: [delivered.Id], dryRun: false });
    expect(r.results[0]).toMatchObject({ ok: false, message: expect.stringMatching(/^Already delivered/) });
    expect(r.problems).toEqual([]);
    failure('e-failed', 'Failed');
    const dry = await runResend(org, { dryRun: true });
    expect(dry.selected).toHaveLength(1);
    expect(emu.resent).toEqual([]);
  });

  it('resends the --id records there are and names each one there is not', async () => {
    const failed = failure('e-failed', 'Failed');
    const r = await runResend(org, { ids: [failed.Id, 'a00000000000999AAA'], dryRun: false });
    expect(emu.resent).toEqual(['e-failed']);
    expect(r.problems).toEqual([
      'No Handoff_Callout_Failure__c record has Id a00000000000999AAA (or this user cannot see it): `handoff resend --dry-run` lists the Failed ones.'
    ]);
  });

  describe('the command, for an --id no record has', () => {
    const saved = { url: process.env.SF_INSTANCE_URL, token: process.env.SF_ACCESS_TOKEN };
    beforeEach(() => {
      process.env.SF_INSTANCE_URL = emu.url;
      process.env.SF_ACCESS_TOKEN = emu.issueToken();
    });
    afterAll(() => {
      for (const [k, v] of [
        ['SF_INSTANCE_URL', saved.url],
        ['SF_ACCESS_TOKEN', saved.token]
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    });

    it('says once which Id was not found and exits 1 (not "Nothing to resend" first)', async () => {
      failure('e-failed', 'Failed');
      const run = await runCli(['resend', '--id', 'a00000000000999AAA']);
      expect({ code: run.code, stdout: run.stdout }).toEqual({
        code: 1,
        stdout:
          '✖ No Handoff_Callout_Failure__c record has Id a00000000000999AAA (or this user cannot see it): `handoff resend --dry-run` lists the Failed ones.\n'
      });
      expect(emu.resent).toEqual([]);
    });

    it('says a MessagingSession Id is one, and what --id takes', async () => {
      const run = await runCli(['resend', '--id', '0Mw000000000001AAA']);
      expect({ code: run.code, stdout: run.stdout }).toEqual({
        code: 1,
        stdout:
          '✖ No Handoff_Callout_Failure__c record has Id 0Mw000000000001AAA: it is a MessagingSession Id, and --id takes the Ids of Handoff_Callout_Failure__c records (`handoff resend --dry-run` lists the Failed ones).\n'
      });
    });
  });
});
