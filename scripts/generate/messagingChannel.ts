/**
 * The MIAW MessagingChannel: where the vendor's routingAttributes enter Salesforce. Every
 * non-standard attribute is a custom parameter whose externalParameterName is the vendor key
 * verbatim and whose name/actionParameterName is the derived API name (= the flow input variable);
 * `_firstName`… are standard parameters mapped the same way. Sessions go to the generated flow,
 * with the fallback queue as the platform's own fallback. Children follow the WSDL's order.
 */
import type { HandoffModel, ResolvedAttribute } from '../model/types';
import { el, leaf, renderXml, root, type XmlElement } from '../xml/write';
import {
  AGENT_AVAILABILITY_CHECK,
  ANONYMOUS_USER_JWT_EXPIRATION,
  EMIT_ACTION_PARAMETER_MAPPINGS,
  ESTIMATED_WAIT_TIME_PLACEMENT,
  MESSAGING_AUTHORIZATION_ENABLED,
  VERIFIED_USER_JWT_EXPIRATION
} from './assumptions';
import type { Generator } from './types';
import { fitText, GENERATED_BY } from './values';

/** Pre-chat values are always Strings in the flow (docs/architecture.md), whatever the field type. */
export const PARAMETER_DATA_TYPE = 'String';
/** authMode: `UnAuth` (MIAW "unauthenticated" access token) unless the config asks for verified users. */
export function authModeOf(model: HandoffModel): 'Auth' | 'UnAuth' {
  return model.channelSettings.verification ? 'Auth' : 'UnAuth';
}
const MAX_CHANNEL_LABEL = 40;

function actionMappings(attr: ResolvedAttribute): XmlElement[] {
  return EMIT_ACTION_PARAMETER_MAPPINGS ? [el('actionParameterMappings', leaf('actionParameterName', attr.name))] : [];
}

function customParameter(attr: ResolvedAttribute): XmlElement {
  return el(
    'customParameters',
    actionMappings(attr),
    leaf('externalParameterName', attr.key),
    leaf('masterLabel', attr.label),
    leaf('maxLength', attr.maxLength),
    leaf('name', attr.name),
    leaf('parameterDataType', PARAMETER_DATA_TYPE)
  );
}

function standardParameter(attr: ResolvedAttribute): XmlElement {
  return el('standardParameters', actionMappings(attr), leaf('parameterType', attr.standard));
}

/** messagingAuthorizations: the key set the verified users' JWTs are checked against (WSDL order). */
function messagingAuthorization(model: HandoffModel): XmlElement | false {
  const v = model.channelSettings.verification;
  return (
    !!v &&
    el(
      'messagingAuthorizations',
      leaf('authIdentifier', v.identifier),
      leaf('authorizationType', 'PublicKeyCertificateSet'),
      leaf('enabled', MESSAGING_AUTHORIZATION_ENABLED),
      leaf('publicKeyCertificateSetName', v.keySet)
    )
  );
}

function embeddedConfig(model: HandoffModel): XmlElement {
  const m = model.messaging;
  const s = model.channelSettings;
  const verified = authModeOf(model) === 'Auth';
  return el(
    'embeddedConfig',
    leaf('allowedFileTypes', s.attachments.fileTypes),
    !verified && leaf('anonymousUserJwtExpirationTime', s.tokenExpiryMinutes ?? ANONYMOUS_USER_JWT_EXPIRATION),
    leaf('authMode', authModeOf(model)),
    leaf('isAgentAvlCheckEnabled', AGENT_AVAILABILITY_CHECK),
    leaf('isAbandonedChatsEnabled', s.abandonedChats),
    leaf('isAttachmentUploadEnabled', s.attachments.enabled),
    ESTIMATED_WAIT_TIME_PLACEMENT !== 'channel' && leaf('isEstimatedWaitTimeEnabled', m.isEstimatedWaitTimeEnabled),
    leaf('isFallbackMessageEnabled', s.fallbackMessage),
    leaf('isFileAttachmentExtUnrestricted', s.attachments.anyFileType),
    leaf('isSaveTranscriptEnabled', s.transcripts),
    leaf('maxFileSize', s.attachments.maxFileSizeMB),
    messagingAuthorization(model),
    leaf('queueLimitType', m.queueLimitType),
    leaf('queueThreshold', m.queueThreshold),
    leaf('presenceTimeout', s.presenceTimeout),
    verified && leaf('verifiedUserJwtExpirationTime', s.verification?.expiryMinutes ?? VERIFIED_USER_JWT_EXPIRATION)
  );
}

/** automatedResponses: inline text per language (autoResponseContentType TextResponse), WSDL order. */
function automatedResponses(model: HandoffModel): XmlElement[] {
  return model.channelSettings.autoResponses.map((r) =>
    el(
      'automatedResponses',
      leaf('autoResponseContentType', 'TextResponse'),
      leaf('language', r.language),
      leaf('response', r.text),
      leaf('responseTimeoutInMins', r.timeoutMinutes),
      leaf('type', r.type)
    )
  );
}

export function channelXml(model: HandoffModel): string {
  const custom = model.attributes.filter((a) => !a.standard);
  const standard = model.attributes.filter((a) => a.standard);
  return renderXml(
    root('MessagingChannel', [
      automatedResponses(model),
      custom.map(customParameter),
      leaf('description', `Hand-off from the AI agent (${model.vendor}) to live agents. ${GENERATED_BY}`),
      embeddedConfig(model),
      ESTIMATED_WAIT_TIME_PLACEMENT !== 'embeddedConfig' &&
        leaf('isEstimatedWaitTimeEnabled', model.messaging.isEstimatedWaitTimeEnabled),
      leaf('isQueuePositionEnabled', model.messaging.isQueuePositionEnabled),
      leaf('masterLabel', fitText(model.channel.label, MAX_CHANNEL_LABEL)),
      leaf('messagingChannelType', 'EmbeddedMessaging'),
      leaf('sessionHandlerFlow', model.flow.apiName),
      leaf('sessionHandlerQueue', model.fallback.queue),
      leaf('sessionHandlerType', 'Flow'),
      standard.map(standardParameter)
    ])
  );
}

export const generate: Generator = (model) => [
  {
    path: `messagingChannels/${model.channel.developerName}.messagingChannel-meta.xml`,
    content: channelXml(model)
  }
];
