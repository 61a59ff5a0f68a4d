/** Channel and deployment settings from the config land in the metadata elements Setup writes, in WSDL order. */
import * as channel from '../../scripts/generate/messagingChannel';
import * as deployment from '../../scripts/generate/embeddedServiceConfig';
import * as keySet from '../../scripts/generate/keySet';
import { EVERY_CHANNEL_SETTING } from './channelSettings';
import { child, childNames, children, modelOf, parsedFile, run, textOf } from './helpers';

const CHANNEL = 'messagingChannels/Edge_Channel.messagingChannel-meta.xml';
const DEPLOYMENT = 'EmbeddedServiceConfig/Edge_Deployment.EmbeddedServiceConfig-meta.xml';

describe('channel settings', () => {
  it('keeps the unverified defaults when the config sets nothing', () => {
    const ec = child(parsedFile(run(channel.generate, modelOf()), CHANNEL), 'embeddedConfig')!;
    expect(childNames(ec)).toEqual([
      'anonymousUserJwtExpirationTime',
      'authMode',
      'isAgentAvlCheckEnabled',
      'isEstimatedWaitTimeEnabled',
      'queueLimitType',
      'queueThreshold'
    ]);
    expect(textOf(ec, 'authMode')).toBe('UnAuth');
    expect(textOf(ec, 'anonymousUserJwtExpirationTime')).toBe('360');
  });

  it('writes tokenExpiryMinutes for unverified users', () => {
    const model = modelOf({ channel: { developerName: 'Edge_Channel', tokenExpiryMinutes: 4320 } });
    const ec = child(parsedFile(run(channel.generate, model), CHANNEL), 'embeddedConfig')!;
    expect(textOf(ec, 'anonymousUserJwtExpirationTime')).toBe('4320');
  });

  it('writes verification, attachments, transcripts and auto-responses in WSDL order', () => {
    const xml = parsedFile(run(channel.generate, modelOf(EVERY_CHANNEL_SETTING)), CHANNEL);
    const ec = child(xml, 'embeddedConfig')!;
    expect(childNames(ec)).toEqual([
      'allowedFileTypes',
      'authMode',
      'isAgentAvlCheckEnabled',
      'isAbandonedChatsEnabled',
      'isAttachmentUploadEnabled',
      'isEstimatedWaitTimeEnabled',
      'isFallbackMessageEnabled',
      'isSaveTranscriptEnabled',
      'maxFileSize',
      'messagingAuthorizations',
      'queueLimitType',
      'queueThreshold',
      'presenceTimeout',
      'verifiedUserJwtExpirationTime'
    ]);
    expect(textOf(ec, 'authMode')).toBe('Auth');
    expect(textOf(ec, 'allowedFileTypes')).toBe('pdf,png');
    expect(textOf(ec, 'verifiedUserJwtExpirationTime')).toBe('120');
    const auth = child(ec, 'messagingAuthorizations')!;
    expect(textOf(auth, 'publicKeyCertificateSetName')).toBe('Vendor_Keys');
    expect(textOf(auth, 'authorizationType')).toBe('PublicKeyCertificateSet');
    expect(textOf(auth, 'authIdentifier')).toBe('Vendor_Keys');

    const responses = children(xml, 'automatedResponses');
    expect(responses.map((r) => [textOf(r, 'type'), textOf(r, 'language')])).toEqual([
      ['InitialResponse', 'en_US'],
      ['AgentEngagedResponse', 'de'],
      ['EndUserIdleResponse', 'en_US']
    ]);
    expect(childNames(responses[2])).toEqual([
      'autoResponseContentType',
      'language',
      'response',
      'responseTimeoutInMins',
      'type'
    ]);
    expect(xml.children[0].name).toBe('automatedResponses');
  });
});

describe('deployment settings', () => {
  it('writes business hours and the window options on the messaging channel', () => {
    const xml = parsedFile(run(deployment.generate, modelOf(EVERY_CHANNEL_SETTING)), DEPLOYMENT);
    const mc = child(xml, 'embeddedServiceMessagingChannel')!;
    expect(childNames(mc)[0]).toBe('businessHours');
    expect(textOf(mc, 'businessHours')).toBe('Support Hours');
    for (const k of [
      'shouldShowTypingIndicators',
      'shouldShowReadReceipts',
      'shouldShowDeliveryReceipts',
      'shouldShowEmojiSelection',
      'shouldStartNewLineOnEnter'
    ])
      expect(textOf(mc, k)).toBe('true');
  });

  it('gives a visible custom pre-chat field its label, and no hidden or standard one', () => {
    const model = modelOf({
      attributes: [
        { key: '_email', hidden: false },
        { key: 'plan', label: 'Your plan', hidden: false },
        { key: 'tier' }
      ]
    });
    const form = child(parsedFile(run(deployment.generate, model), DEPLOYMENT), 'embeddedServiceForms')!;
    const fields = children(form, 'embeddedServiceFormFields');
    const labels = fields.map((f) => child(f, 'embeddedServiceCustomLabels'));
    expect(labels.map((l) => (l ? textOf(l, 'customLabel') : undefined))).toEqual([undefined, 'Your plan', undefined]);
    expect(textOf(labels[1]!, 'labelKey')).toBe('EM_PreChat_Base_PrechatCustomFieldLabel');
    expect(childNames(fields[1]).slice(0, 3)).toEqual(['displayOrder', 'embeddedServiceCustomLabels', 'formField']);
  });
});

describe('verified-user key set', () => {
  it('is generated as a JWKS_URL key set when the config names the vendor JWKS', () => {
    const files = run(keySet.generate, modelOf(EVERY_CHANNEL_SETTING));
    const xml = parsedFile(files, 'PublicKeyCertificateSet/Vendor_Keys.PublicKeyCertificateSet-meta.xml');
    expect(childNames(xml)).toEqual(['description', 'jwksEndPoint', 'jwtIssuer', 'masterLabel', 'type']);
    expect(textOf(xml, 'type')).toBe('JWKS_URL');
    expect(textOf(xml, 'jwksEndPoint')).toBe('https://vendor.example.com/.well-known/jwks.json');
  });

  it('is not generated for unverified users or a key set the admin uploads', () => {
    expect(run(keySet.generate, modelOf())).toEqual([]);
    const own = modelOf({
      channel: { developerName: 'Edge_Channel', verification: { mode: 'verified', keySet: 'Own_Keys' } }
    });
    expect(run(keySet.generate, own)).toEqual([]);
  });
});
