import { PRECHAT_DISPLAY_CONTEXT } from '../../scripts/generate/assumptions';
import { generate } from '../../scripts/generate/embeddedServiceConfig';
import { generate as channelGenerate } from '../../scripts/generate/messagingChannel';
import type { HandoffModel } from '../../scripts/model/types';
import type { XmlNode } from '../../scripts/xml/read';
import { child, children, exampleModel, modelOf, parsedFile, textOf } from './helpers';

function deployment(model: HandoffModel): XmlNode {
  return parsedFile(
    generate(model),
    `EmbeddedServiceConfig/${model.deployment.developerName}.EmbeddedServiceConfig-meta.xml`
  );
}

function formFields(doc: XmlNode) {
  return children(child(doc, 'embeddedServiceForms')!, 'embeddedServiceFormFields').map((f) => ({
    formField: textOf(f, 'formField'),
    type: textOf(f, 'formFieldType'),
    hidden: textOf(f, 'isHidden'),
    required: textOf(f, 'isRequired'),
    order: textOf(f, 'displayOrder'),
    kind: textOf(f, 'messagingChannelParameterType')
  }));
}

describe('embedded service deployment generator', () => {
  const model = exampleModel();
  const doc = deployment(model);
  const fields = formFields(doc);

  it('is a custom-client (API) messaging deployment on the generated channel', () => {
    expect(textOf(doc, 'deploymentFeature')).toBe('EmbeddedMessaging');
    expect(textOf(doc, 'deploymentType')).toBe('API');
    expect(textOf(doc, 'masterLabel')).toBe('Handoff Deployment');
    expect(child(doc, 'site')).toBeUndefined();
    const ch = child(doc, 'embeddedServiceMessagingChannel')!;
    expect(textOf(ch, 'isEnabled')).toBe('true');
    expect(textOf(ch, 'messagingChannel')).toBe(model.channel.developerName);
    for (const c of ch.children.filter((x) => /^should|^isChat|^isInvitation|^isSendInvt/.test(x.name)))
      expect([c.name, c.text]).toEqual([c.name, 'false']);
    expect(ch.children.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'shouldShowAgentforceTagline',
        'shouldShowDeliveryReceipts',
        'shouldShowEmojiSelection',
        'shouldShowReadReceipts',
        'shouldShowTypingIndicators',
        'shouldStartNewLineOnEnter'
      ])
    );
  });

  it('keeps pre-chat active with the configured display context', () => {
    const form = child(doc, 'embeddedServiceForms')!;
    expect(textOf(form, 'isActive')).toBe('true');
    expect(textOf(form, 'displayContext')).toBe(PRECHAT_DISPLAY_CONTEXT);
  });

  it('lists every channel custom parameter as a hidden pre-chat field, with the same name', () => {
    const channel = parsedFile(
      channelGenerate(model),
      `messagingChannels/${model.channel.developerName}.messagingChannel-meta.xml`
    );
    const parameterNames = children(channel, 'customParameters').map((p) => textOf(p, 'name'));
    const hidden = fields.filter((f) => f.hidden === 'true');
    expect(hidden.map((f) => f.formField)).toEqual(parameterNames);
    for (const f of hidden)
      expect(f).toMatchObject({
        type: 'Text',
        required: 'false',
        order: '-1',
        kind: 'Custom'
      });
  });

  it('shows the standard fields, numbered from 1, with Email typed as Email', () => {
    expect(fields.filter((f) => f.hidden === 'false')).toEqual([
      {
        formField: '_FirstName',
        type: 'Text',
        hidden: 'false',
        required: 'false',
        order: '1',
        kind: 'Standard'
      },
      {
        formField: '_LastName',
        type: 'Text',
        hidden: 'false',
        required: 'false',
        order: '2',
        kind: 'Standard'
      },
      {
        formField: '_Email',
        type: 'Email',
        hidden: 'false',
        required: 'false',
        order: '3',
        kind: 'Standard'
      },
      {
        formField: '_Subject',
        type: 'Text',
        hidden: 'false',
        required: 'false',
        order: '4',
        kind: 'Standard'
      }
    ]);
  });

  it('shows custom attributes configured visible, after the standard ones, with their type and required flag', () => {
    const m = modelOf({
      attributes: [
        { key: 'order_ref' },
        { key: '_email', required: true },
        { key: 'contact_mail', type: 'Email', hidden: false, required: true },
        { key: 'phone', type: 'Phone', hidden: false },
        { key: 'plan', required: true }
      ]
    });
    expect(formFields(deployment(m))).toEqual([
      {
        formField: 'order_ref',
        type: 'Text',
        hidden: 'true',
        required: 'false',
        order: '-1',
        kind: 'Custom'
      },
      {
        formField: '_Email',
        type: 'Email',
        hidden: 'false',
        required: 'true',
        order: '1',
        kind: 'Standard'
      },
      {
        formField: 'contact_mail',
        type: 'Email',
        hidden: 'false',
        required: 'true',
        order: '2',
        kind: 'Custom'
      },
      {
        formField: 'phone',
        type: 'Phone',
        hidden: 'false',
        required: 'false',
        order: '3',
        kind: 'Custom'
      },
      // A hidden field is never required: the customer cannot fill it in.
      {
        formField: 'plan',
        type: 'Text',
        hidden: 'true',
        required: 'false',
        order: '-1',
        kind: 'Custom'
      }
    ]);
  });

  it('uses the derived name, not the vendor key, for keys that are not API names', () => {
    const m = modelOf({ attributes: [{ key: 'AI Tone of Voice' }] });
    expect(formFields(deployment(m))[0].formField).toBe('AI_Tone_of_Voice');
  });
});
