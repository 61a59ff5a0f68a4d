import { generate } from '../../scripts/generate/messagingChannel';
import type { XmlNode } from '../../scripts/xml/read';
import { child, childNames, children, exampleModel, modelOf, parsedFile, textOf } from './helpers';

const channelOf = (files: ReturnType<typeof generate>, name: string) =>
  parsedFile(files, `messagingChannels/${name}.messagingChannel-meta.xml`);
const mappings = (p: XmlNode) => children(p, 'actionParameterMappings').map((m) => textOf(m, 'actionParameterName'));

describe('messaging channel generator', () => {
  const model = exampleModel();
  const files = generate(model);
  const channel = channelOf(files, 'Handoff_Messaging');
  const custom = model.attributes.filter((a) => !a.standard);
  const standard = model.attributes.filter((a) => a.standard);

  it('writes one custom parameter per non-standard attribute: vendor key verbatim, name = actionParameterName = derived name', () => {
    const params = children(channel, 'customParameters');
    expect(params).toHaveLength(custom.length);
    params.forEach((p, i) => {
      expect(textOf(p, 'externalParameterName')).toBe(custom[i].key);
      expect(textOf(p, 'name')).toBe(custom[i].name);
      expect(mappings(p)).toEqual([custom[i].name]);
      expect(textOf(p, 'masterLabel')).toBe(custom[i].label);
      expect(textOf(p, 'maxLength')).toBe(String(custom[i].maxLength));
      expect(textOf(p, 'parameterDataType')).toBe('String');
    });
    const finPreview = params.find(
      (p) => textOf(p, 'externalParameterName') === 'conversation_custom_data_Fin AI Agent: Preview'
    );
    expect(textOf(finPreview!, 'name')).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  });

  it('maps the standard attributes to standardParameters, never to custom parameters', () => {
    const params = children(channel, 'standardParameters');
    expect(params.map((p) => textOf(p, 'parameterType'))).toEqual(['FirstName', 'LastName', 'Email', 'Subject']);
    expect(params.map((p) => mappings(p)[0])).toEqual(standard.map((a) => a.name));
    const customKeys = children(channel, 'customParameters').map((p) => textOf(p, 'externalParameterName'));
    for (const a of standard) expect(customKeys).not.toContain(a.key);
  });

  it('hands sessions to the generated flow with the fallback queue', () => {
    expect(textOf(channel, 'messagingChannelType')).toBe('EmbeddedMessaging');
    expect(textOf(channel, 'sessionHandlerType')).toBe('Flow');
    expect(textOf(channel, 'sessionHandlerFlow')).toBe(model.flow.apiName);
    expect(textOf(channel, 'sessionHandlerQueue')).toBe(model.fallback.queue);
    expect(textOf(channel, 'masterLabel')).toBe('Handoff Messaging');
  });

  it('writes the embeddedConfig elements WSDL 66 requires, from the model', () => {
    const cfg = child(channel, 'embeddedConfig')!;
    expect(childNames(cfg)).toEqual(
      expect.arrayContaining(['authMode', 'isAgentAvlCheckEnabled', 'queueLimitType', 'queueThreshold'])
    );
    expect(textOf(cfg, 'authMode')).toBe('UnAuth');
    expect(textOf(cfg, 'queueLimitType')).toBe('QueueLength');
    expect(textOf(cfg, 'queueThreshold')).toBe('50');
    expect(textOf(channel, 'isQueuePositionEnabled')).toBe('false');
  });

  it('takes queue limits and wait-time options from the config', () => {
    const m = modelOf({
      messaging: {
        queueLimitType: 'QueueLengthPerAgent',
        queueThreshold: 7,
        isEstimatedWaitTimeEnabled: true,
        isQueuePositionEnabled: true
      }
    });
    const doc = channelOf(generate(m), 'Edge_Channel');
    const cfg = child(doc, 'embeddedConfig')!;
    expect([textOf(cfg, 'queueLimitType'), textOf(cfg, 'queueThreshold')]).toEqual(['QueueLengthPerAgent', '7']);
    expect(textOf(doc, 'isQueuePositionEnabled')).toBe('true');
    expect(textOf(doc, 'isEstimatedWaitTimeEnabled') ?? textOf(cfg, 'isEstimatedWaitTimeEnabled')).toBe('true');
  });

  it('recognises standard keys whatever their case and keeps odd vendor keys verbatim', () => {
    const m = modelOf({
      attributes: [{ key: '_FirstName' }, { key: 'conversation_custom_data_Tier & <Plan>' }, { key: '_email' }]
    });
    const doc = channelOf(generate(m), 'Edge_Channel');
    expect(children(doc, 'standardParameters').map((p) => textOf(p, 'parameterType'))).toEqual(['FirstName', 'Email']);
    const params = children(doc, 'customParameters');
    expect(params.map((p) => textOf(p, 'externalParameterName'))).toEqual(['conversation_custom_data_Tier & <Plan>']);
    expect(textOf(params[0], 'name')).toBe(m.attributes[1].name);
  });

  it('writes no parameters when there are no attributes of that kind', () => {
    const doc = channelOf(generate(modelOf({ attributes: [{ key: 'plan' }] })), 'Edge_Channel');
    expect(children(doc, 'standardParameters')).toHaveLength(0);
    expect(children(doc, 'customParameters')).toHaveLength(1);
  });
});
