/** doctor names the channel or deployment setting in which the org differs from the project. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OrgEmulator } from '../emulator/server';
import { generateAll } from '../../scripts/generate/index';
import type { OrgSession } from '../../scripts/org/connect';
import { runDoctor } from '../../scripts/org/doctor';
import { channelSettingsChecks } from '../../scripts/org/doctor/checks/channelSettings';
import { projectChannelSettings } from '../../scripts/org/doctor/read/channelSettings';
import { resolveModel } from '../../scripts/model/resolve';
import type { HandoffModel } from '../../scripts/model/types';
import { loadProject, type SourceProject } from '../../scripts/source/project';
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
  const projectOf = (m: HandoffModel): SourceProject => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-settings-'));
    fs.writeFileSync(
      path.join(root, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app' }] })
    );
    for (const f of generateAll(m)) {
      const file = path.join(root, 'force-app/generated', f.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.content);
    }
    return loadProject(root);
  };

  it('lists verification, auto-responses and window options by metadata path, read from the project files', () => {
    const mm = resolveModel(minimalConfig(EVERY_CHANNEL_SETTING));
    expect(projectChannelSettings(projectOf(mm), mm)).toMatchObject({
      settings: {
        'embeddedConfig.authMode': 'Auth',
        'embeddedConfig.messagingAuthorizations.publicKeyCertificateSetName': 'Vendor_Keys',
        'embeddedConfig.allowedFileTypes': 'pdf,png',
        'automatedResponses[AgentEngagedResponse/de]': 'Ein Mitarbeiter ist jetzt für Sie da.',
        'embeddedServiceMessagingChannel.businessHours': 'Support Hours'
      }
    });
  });

  it('reports a verified project on an org left at UnAuth, and nothing when the channel was not read', () => {
    const mm = resolveModel(minimalConfig(EVERY_CHANNEL_SETTING));
    const project = projectChannelSettings(projectOf(mm), mm);
    if (!('settings' in project)) throw new Error(project.unavailable);
    const org = { ...project.settings, 'embeddedConfig.authMode': 'UnAuth' };
    expect(channelSettingsChecks(project, org)[0].message).toContain(
      'embeddedConfig.authMode: org "UnAuth", project "Auth"'
    );
    expect(channelSettingsChecks(project, undefined)).toEqual([]);
  });

  it('compares the list a choice-list pre-chat field names', () => {
    const mm = resolveModel(
      minimalConfig({
        ...EVERY_CHANNEL_SETTING,
        attributes: [{ key: 'topic', hidden: false, choices: [{ value: 'billing' }] }]
      })
    );
    const project = projectChannelSettings(projectOf(mm), mm);
    if (!('settings' in project)) throw new Error(project.unavailable);
    expect(project.settings['embeddedServiceFormFields[topic].choiceList']).toBe('topic');
    const org = { ...project.settings, 'embeddedServiceFormFields[topic].choiceList': 'Old_Topics' };
    expect(channelSettingsChecks(project, org)[0].message).toContain(
      'embeddedServiceFormFields[topic].choiceList: org "Old_Topics", project "topic"'
    );
  });

  it('warns, naming the missing file, when the project has no channel file', () => {
    const mm = resolveModel(minimalConfig(EVERY_CHANNEL_SETTING));
    const source = projectOf(mm);
    const other = resolveModel(minimalConfig({ channel: { developerName: 'Not_Built', label: 'x' } }));
    const [check] = channelSettingsChecks(projectChannelSettings(source, other), {});
    expect(check.status).toBe('warn');
    expect(check.message).toBe(
      'The channel and deployment settings were not compared: no well-formed Not_Built.messagingChannel-meta.xml in the package directories (force-app); run `handoff build`'
    );
  });
});
