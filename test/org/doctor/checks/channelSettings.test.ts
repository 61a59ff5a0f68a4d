import { channelSettings } from '../../../../scripts/org/doctor/checks/channelSettings';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();

describe('doctor checks: channel and deployment settings', () => {
  it('names each setting the org has otherwise, and one the org does not set', () => {
    const s = healthySnapshot(m);
    s.channelSettings = {
      org: { 'embeddedConfig.authMode': 'UnAuth', 'embeddedConfig.maxFileSize': '5' },
      project: { settings: { 'embeddedConfig.authMode': 'Auth', 'embeddedConfig.presenceTimeout': '30' } }
    };
    expect(findings(channelSettings, m, s).map((c) => c.message)).toEqual([
      'The org\'s channel or deployment differs from the project in 2 settings: embeddedConfig.authMode: org "UnAuth", project "Auth"; embeddedConfig.presenceTimeout: org (not set), project "30"'
    ]);
  });

  it('does not compare a setting only the org has (the project leaves the platform default)', () => {
    const s = healthySnapshot(m);
    s.channelSettings!.org['embeddedConfig.maxFileSize'] = '5';
    expect(findings(channelSettings, m, s)).toEqual([]);
  });

  it('says nothing without a channel, and warns when the project side cannot be read', () => {
    const s = healthySnapshot(m);
    s.channelSettings = undefined;
    expect(channelSettings.checks(m, s)).toEqual([]);
    s.channelSettings = { org: {}, project: { unavailable: 'no sfdx-project.json' } };
    expect(findings(channelSettings, m, s).map((c) => [c.status, c.message])).toEqual([
      ['warn', 'The channel and deployment settings were not compared: no sfdx-project.json']
    ]);
  });
});
