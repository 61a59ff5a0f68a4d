import { channel } from '../../../../scripts/org/doctor/checks/channel';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const custom = m.attributes.find((a) => !a.standard)!;
const standard = m.attributes.find((a) => a.standard)!;

describe('doctor checks: messaging channel', () => {
  it('reports only that the channel is missing when it is', () => {
    const s = healthySnapshot(m);
    s.channel = { exists: false, customParameters: [], standardParameters: [] };
    expect(findings(channel, m, s).map((c) => [c.id, c.message])).toEqual([
      ['channel.exists', `Messaging channel ${m.channel.developerName} is not in the org`]
    ]);
  });

  it('tells an inactive channel from one with no record', () => {
    const s = healthySnapshot(m);
    s.channel.isActive = false;
    expect(findings(channel, m, s)[0].message).toBe(`${m.channel.developerName} is inactive`);
    s.channel.isActive = undefined;
    expect(findings(channel, m, s)[0].message).toBe(
      `${m.channel.developerName} has no MessagingChannel record to activate`
    );
  });

  it('names the flow the channel routes with instead', () => {
    const s = healthySnapshot(m);
    s.channel.sessionHandlerFlow = 'Old_Flow';
    expect(findings(channel, m, s).map((c) => [c.id, c.message])).toEqual([
      ['channel.flow', `The channel routes with flow Old_Flow, not ${m.flow.apiName}`]
    ]);
  });

  it('lists a renamed custom parameter with both names', () => {
    const s = healthySnapshot(m);
    s.channel.customParameters.find((p) => p.externalParameterName === custom.key)!.name = 'renamed';
    expect(findings(channel, m, s).map((c) => [c.id, c.message])).toEqual([
      [
        'channel.parameters',
        `Custom parameters missing or renamed: ${custom.key} (org: renamed, project: ${custom.name})`
      ]
    ]);
  });

  it('lists a custom mapping to another input and a standard parameter without one', () => {
    const s = healthySnapshot(m);
    s.channel.customParameters.find((p) => p.externalParameterName === custom.key)!.mappings = ['other'];
    s.channel.standardParameters = s.channel.standardParameters.filter((p) => p.parameterType !== standard.standard);
    const [c] = findings(channel, m, s);
    expect(c.id).toBe('channel.mappings');
    expect(c.message).toBe(
      `Parameter mappings missing or empty: ${custom.key} (maps to other), ${standard.key} (standard ${standard.standard})`
    );
  });
});
