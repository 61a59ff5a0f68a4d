/**
 * The vendor's side on one emulated org, acting as the vendor would: the admin seeds the Run-As
 * user and copies the app's Consumer Key and Secret; the vendor gets a client-credentials token for
 * the External Client App, creates a Case with Transcript and Summary as the Run-As user, and reads
 * the Contact and Case fields it syncs. And what it must not do: read the escalation token, read
 * the hand-off sessions, or write a field it was not granted.
 */
import { connect, type OrgSession } from '../../scripts/org/connect';
import { runSeed } from '../../scripts/org/seed';
import { registerAccess } from '../emulator/access';
import { ecaCredentials, registerExternalClientApps, TOKEN_ERRORS } from '../emulator/externalClientApps';
import { registerMiaw } from '../emulator/miaw';
import { registerRest } from '../emulator/rest';
import { OrgEmulator } from '../emulator/server';
import { addUsers, installModel, model, openSession } from './orgFixture';

const VENDOR_USER = 'fin-integration@example.com';
const fast = { sleep: async () => undefined, timeoutMs: 10_000, maxAttempts: 1 };

describe('the vendor connects through its External Client App', () => {
  let emu: OrgEmulator;
  let admin: OrgSession;
  const m = model();
  let contactId: string;

  const vendorSession = (): Promise<OrgSession> => {
    const c = ecaCredentials(emu.state, m.integration!.appName);
    return connect({
      env: { SF_CLIENT_ID: c.clientId, SF_CLIENT_SECRET: c.clientSecret, SF_LOGIN_URL: emu.url },
      policy: fast
    });
  };
  const tokenRequest = async (): Promise<{ status: number; body: Record<string, string> }> => {
    const c = ecaCredentials(emu.state, m.integration!.appName);
    const res = await fetch(`${emu.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.clientId,
        client_secret: c.clientSecret
      })
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  beforeAll(async () => {
    // The guard must see requests before the REST handlers answer them.
    emu = await OrgEmulator.start({
      plugins: [registerExternalClientApps, registerAccess, registerRest, registerMiaw]
    });
    installModel(emu, m);
    emu.state.putComponent({
      type: 'CustomMetadata',
      fullName: 'Handoff_Settings.Default',
      xml: '<CustomMetadata><label>Default</label><values><field>Escalation_Token__c</field><value>never-for-the-vendor</value></values></CustomMetadata>'
    });
    emu.state.insert('Handoff_Settings__mdt', {
      DeveloperName: 'Default',
      Escalation_Token__c: 'never-for-the-vendor'
    });
    contactId = emu.state.insert('Contact', {
      FirstName: 'Ada',
      LastName: 'Lovelace',
      Email: 'ada@example.com',
      Phone: '+441234'
    }).Id;
    addUsers(emu, [VENDOR_USER]);
    admin = await openSession(emu);
  });
  afterAll(() => emu?.stop());

  it('gets no token until seed has set the Run-As user', async () => {
    const r = await tokenRequest();
    expect(r.status).toBe(400);
    expect(r.body).toEqual(TOKEN_ERRORS.noUser);
  });

  it('acts as the Run-As user: token, a Case with Transcript and Summary, the synced fields', async () => {
    const seeded = await runSeed(admin, m, { agents: [], integrationUser: VENDOR_USER, dryRun: false, env: {} });
    expect(seeded.integration?.state).toBe('update');
    expect(seeded.problems.filter((p) => !p.includes('escalation token'))).toEqual([]);

    const vendor = await vendorSession();
    const created = (await vendor.call('create Case', (c) =>
      c.sobject('Case').create({
        Subject: 'Refund for order 1042',
        Description: 'Customer asked for a refund; AI could not decide.',
        SuppliedEmail: 'ada@example.com',
        ContactId: contactId,
        Handoff_Transcript__c: 'Customer: I want a refund\nFin: Let me get a human.',
        Handoff_Summary__c: 'Refund request above the AI limit.'
      })
    )) as { id: string; success: boolean };
    expect(created.success).toBe(true);
    expect(emu.state.table('Case').get(created.id)).toMatchObject({
      Handoff_Summary__c: 'Refund request above the AI limit.'
    });

    const contacts = (await vendor.call('query Contact', (c) =>
      c.query(`SELECT Id, LastName, Email, Phone FROM Contact WHERE Email = 'ada@example.com'`)
    )) as { records: Array<Record<string, unknown>> };
    expect(contacts.records[0]).toMatchObject({ LastName: 'Lovelace', Email: 'ada@example.com', Phone: '+441234' });

    const cases = (await vendor.call('query Case', (c) =>
      c.query(
        `SELECT Id, Subject, Reason, Handoff_Transcript__c, Handoff_Summary__c FROM Case WHERE Id = '${created.id}'`
      )
    )) as { records: Array<Record<string, unknown>> };
    expect(cases.records[0]).toMatchObject({
      Subject: 'Refund for order 1042',
      Handoff_Summary__c: 'Refund request above the AI limit.'
    });
  });

  it('cannot read the escalation token or the hand-off sessions, nor write a field it was not granted', async () => {
    // The admin's session reads the settings: what stops the vendor is its permission set.
    const asAdmin = (await admin.call('query settings', (c) =>
      c.query('SELECT Escalation_Token__c FROM Handoff_Settings__mdt')
    )) as { totalSize: number };
    expect(asAdmin.totalSize).toBe(1);
    const vendor = await vendorSession();
    await expect(
      vendor.call('query settings', (c) => c.query('SELECT Escalation_Token__c FROM Handoff_Settings__mdt'))
    ).rejects.toMatchObject({ errorCode: 'INVALID_TYPE' });
    await expect(
      vendor.call('query sessions', (c) => c.query('SELECT Id FROM MessagingSession'))
    ).rejects.toMatchObject({ errorCode: 'INVALID_TYPE' });
    // Priority is synced (read) but not pushed (edit).
    const id = [...emu.state.table('Case').keys()][0];
    await expect(
      vendor.call('update Case', (c) => c.sobject('Case').update({ Id: id, Priority: 'High' }))
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    expect(emu.state.table('Case').get(id)?.Priority).toBeUndefined();
    // A Contact field outside syncFields is invisible to it.
    await expect(
      vendor.call('query Contact', (c) => c.query('SELECT Id, Birthdate FROM Contact'))
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });

  it('the org refuses OAuth policies naming a permission set or a Run-As user it does not have', async () => {
    const save = (extra: Record<string, unknown>) =>
      admin.call('upsert policies', (c) =>
        c.metadata.upsert(
          'ExtlClntAppOauthConfigurablePolicies' as never,
          {
            fullName: 'Handoff_Fin_oauthPlcy',
            ...extra,
            externalClientApplication: 'Handoff_Fin',
            isClientCredentialsFlowEnabled: true
          } as never
        )
      ) as unknown as Promise<{ success: boolean | string; errors?: Array<{ message: string }> }>;
    const noUser = await save({
      clientCredentialsFlowUser: 'ghost@example.com',
      commaSeparatedPermissionSet: 'Handoff_Integration'
    });
    expect(String(noUser.success)).toBe('false');
    expect(noUser.errors?.[0].message).toContain('ghost@example.com');
    const noSet = await save({ clientCredentialsFlowUser: VENDOR_USER, commaSeparatedPermissionSet: 'Not_A_Set' });
    expect(noSet.errors?.[0].message).toContain('Not_A_Set');
    const ok = await save({
      clientCredentialsFlowUser: VENDOR_USER,
      commaSeparatedPermissionSet: 'Handoff_Integration'
    });
    expect(String(ok.success)).toBe('true');
  });

  it('loses API access when the integration permission set is unassigned', async () => {
    const vendor = await vendorSession();
    emu.state.table('PermissionSetAssignment').clear();
    await expect(vendor.call('query Contact', (c) => c.query('SELECT Id FROM Contact'))).rejects.toMatchObject({
      errorCode: 'API_DISABLED_FOR_ORG'
    });
  });
});
