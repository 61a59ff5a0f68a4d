/** doctor names the channel or deployment setting in which the org differs from the project. */
import type { OrgEmulator } from '../emulator/server';
import type { OrgSession } from '../../scripts/org/connect';
import { runDoctor } from '../../scripts/org/doctor';
import { channelSettingsChecks, projectChannelSettings } from '../../scripts/org/doctorChannelSettings';
import { resolveModel } from '../../scripts/model/resolve';
import { EVERY_CHANNEL_SETTING } from '../generate/channelSettings';
import { minimalConfig } from '../generate/helpers';
import { editComponent, installModel, model, openSession, startOrg } from './orgFixture';

describe('doctor: channel and deployment settings', () => {
  let emu: OrgEmulator;
  let org: OrgSession;
  let root: string;
  const m = model();
  const settingsCheck = async () =>
    (await runDoctor(org, m, { root, orgId: emu.state.orgId, scrtUrl: emu.url })).checks.find(
      (c) => c.id === 'channel.settings'
    );

  beforeEach(async () => {
    emu = await startOrg();
    root = installModel(emu, m);
    org = await openSession(emu);
  });
  afterEach(() => emu.stop());

  it('passes when the org has what the project generates', async () => {
    expect((await settingsCheck())?.status).toBe('pass');
  });

  it('names each field the org changed in Setup', async () => {
    editComponent(emu, 'MessagingChannel', 'Handoff_Messaging', (x) =>
      x.replace('<anonymousUserJwtExpirationTime>360<', '<anonymousUserJwtExpirationTime>4320<')
    );
    editComponent(emu, 'EmbeddedServiceConfig', 'Handoff_Deployment', (x) =>
      x.replace('<shouldShowTypingIndicators>false<', '<shouldShowTypingIndicators>true<')
    );
    const check = await settingsCheck();
    expect(check?.status).toBe('fail');
    expect(check?.message).toBe(
      'The org\'s channel or deployment differs from the project in 2 settings: embeddedConfig.anonymousUserJwtExpirationTime: org "4320", project "360"; embeddedServiceMessagingChannel.shouldShowTypingIndicators: org "true", project "false"'
    );
  });
});

describe('project channel settings', () => {
  it('lists verification, auto-responses and window options by metadata path', () => {
    const settings = projectChannelSettings(resolveModel(minimalConfig(EVERY_CHANNEL_SETTING)));
    expect(settings).toMatchObject({
      'embeddedConfig.authMode': 'Auth',
      'embeddedConfig.messagingAuthorizations.publicKeyCertificateSetName': 'Vendor_Keys',
      'embeddedConfig.allowedFileTypes': 'pdf,png',
      'automatedResponses[AgentEngagedResponse/de]': 'Ein Mitarbeiter ist jetzt für Sie da.',
      'embeddedServiceMessagingChannel.businessHours': 'Support Hours'
    });
  });

  it('reports a verified project on an org left at UnAuth, and nothing when the channel was not read', () => {
    const mm = resolveModel(minimalConfig(EVERY_CHANNEL_SETTING));
    const org = { ...projectChannelSettings(mm), 'embeddedConfig.authMode': 'UnAuth' };
    expect(channelSettingsChecks(mm, org)[0].message).toContain(
      'embeddedConfig.authMode: org "UnAuth", project "Auth"'
    );
    expect(channelSettingsChecks(mm, undefined)).toEqual([]);
  });
});
