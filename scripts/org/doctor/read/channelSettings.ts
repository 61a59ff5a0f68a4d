/**
 * doctor reads the channel and deployment settings an admin sets in Setup (docs/channel.md) as the
 * org has them and as the project's files have them (checks/channelSettings.ts compares them). One
 * flat list of `metadata.path = value` per side, read from the same metadata shape (Metadata API read
 * JSON in the org, the project's XML through the read model, scripts/source), so the finding names
 * the exact field that differs.
 */
import type { HandoffModel } from '../../../model/types';
import type { SourceProject } from '../../../source/project';
import { children, textOf, type XmlNode } from '../../../xml/read';
import { asArray, asText } from '../../doctorSoql';
import type { ProjectSettings, SettingsMap } from '../snapshot';

type Meta = Record<string, unknown>;

const EMBEDDED_CONFIG = [
  'allowedFileTypes',
  'anonymousUserJwtExpirationTime',
  'authMode',
  'isAbandonedChatsEnabled',
  'isAttachmentUploadEnabled',
  'isFallbackMessageEnabled',
  'isFileAttachmentExtUnrestricted',
  'isSaveTranscriptEnabled',
  'maxFileSize',
  'presenceTimeout',
  'verifiedUserJwtExpirationTime'
];
const CHANNEL_TOP = ['isEstimatedWaitTimeEnabled', 'isQueuePositionEnabled'];
const DEPLOYMENT_CHANNEL = [
  'businessHours',
  'shouldShowDeliveryReceipts',
  'shouldShowEmojiSelection',
  'shouldShowReadReceipts',
  'shouldShowTypingIndicators',
  'shouldStartNewLineOnEnter'
];

/** Reads one value by name from either shape. */
type Reader = (node: unknown, name: string) => string | undefined;
type Lister = (node: unknown, name: string) => unknown[];

function flatten(channel: unknown, deployment: unknown, read: Reader, list: Lister): SettingsMap {
  const out: SettingsMap = {};
  const put = (k: string, v: string | undefined): void => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  for (const k of CHANNEL_TOP) put(k, read(channel, k));
  const ec = list(channel, 'embeddedConfig')[0];
  if (ec !== undefined) {
    for (const k of EMBEDDED_CONFIG) put(`embeddedConfig.${k}`, read(ec, k));
    const sets = list(ec, 'messagingAuthorizations').map((a) => read(a, 'publicKeyCertificateSetName') ?? '');
    put('embeddedConfig.messagingAuthorizations.publicKeyCertificateSetName', sets.sort().join(', '));
  }
  for (const r of list(channel, 'automatedResponses'))
    put(`automatedResponses[${read(r, 'type') ?? ''}/${read(r, 'language') ?? ''}]`, read(r, 'response'));
  // A choice-list pre-chat field and the ChoiceList it names (the list's values are the ChoiceList's own).
  for (const form of list(deployment, 'embeddedServiceForms'))
    for (const f of list(form, 'embeddedServiceFormFields'))
      if (read(f, 'formFieldType') === 'ChoiceList')
        put(`embeddedServiceFormFields[${read(f, 'formField') ?? ''}].choiceList`, read(f, 'choiceList') ?? '(none)');
  const mc = list(deployment, 'embeddedServiceMessagingChannel')[0];
  if (mc !== undefined) for (const k of DEPLOYMENT_CHANNEL) put(`embeddedServiceMessagingChannel.${k}`, read(mc, k));
  return out;
}

/** The org's settings from Metadata API read results (undefined when a component is missing). */
export function orgChannelSettings(channelMeta: Meta | undefined, deploymentMeta: Meta | undefined): SettingsMap {
  return flatten(
    channelMeta ?? {},
    deploymentMeta ?? {},
    (n, k) => asText((n as Meta)[k]),
    (n, k) => asArray((n as Meta)[k] as unknown)
  );
}

/** What the project deploys, read from its channel and deployment files (the generated ones, or an admin's edit of them). */
export function projectChannelSettings(project: SourceProject, model: HandoffModel): ProjectSettings {
  const channel = project.find('MessagingChannel', model.channel.developerName);
  if (!channel)
    return {
      unavailable: `no well-formed ${model.channel.developerName}.messagingChannel-meta.xml in the package directories (${project.packageDirs.join(', ')}); run \`handoff build\``
    };
  const deployment = project.find('EmbeddedServiceConfig', model.deployment.developerName);
  return {
    settings: flatten(
      channel.xml,
      deployment?.xml,
      (n, k) => textOf(n as XmlNode, k),
      (n, k) => (n ? children(n as XmlNode, k) : [])
    )
  };
}
