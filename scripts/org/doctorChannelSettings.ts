/**
 * doctor: the channel and deployment settings an admin sets in Setup (docs/channel.md) as the org
 * has them, against what the project generates. One flat list of `metadata.path = value` per side,
 * read from the same metadata shape (Metadata API read JSON in the org, the generated XML for the
 * project), so the finding names the exact field that differs. A setting the project leaves out
 * (the platform default applies) is not compared.
 */
import { channelXml } from '../generate/messagingChannel';
import { deploymentXml } from '../generate/embeddedServiceConfig';
import type { HandoffModel } from '../model/types';
import { children, parseXml, textOf, type XmlNode } from '../xml/read';
import { asArray, asText } from './doctorSoql';
import type { Check } from './doctorChecks';

type Meta = Record<string, unknown>;
export type SettingsMap = Record<string, string>;

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

/** What the project deploys, from the generators themselves (one truth). */
export function projectChannelSettings(model: HandoffModel): SettingsMap {
  return flatten(
    parseXml(channelXml(model)),
    parseXml(deploymentXml(model)),
    (n, k) => textOf(n as XmlNode, k),
    (n, k) => children(n as XmlNode, k)
  );
}

export function channelSettingsChecks(model: HandoffModel, org: SettingsMap | undefined): Check[] {
  if (!org) return [];
  const project = projectChannelSettings(model);
  const differs = Object.keys(project)
    .filter((k) => org[k] !== project[k])
    .map(
      (k) =>
        `${k}: org ${org[k] === undefined ? '(not set)' : JSON.stringify(org[k])}, project ${JSON.stringify(project[k])}`
    );
  const base = { id: 'channel.settings', group: 'Messaging channel' } as const;
  return differs.length === 0
    ? [
        {
          ...base,
          status: 'pass',
          message: `${Object.keys(project).length} channel and deployment settings match the project`,
          fix: ''
        }
      ]
    : [
        {
          ...base,
          status: 'fail' as const,
          message: `The org's channel or deployment differs from the project in ${differs.length} setting${differs.length === 1 ? '' : 's'}: ${differs.join('; ')}`,
          fix: 'Run `handoff deploy` to apply the project, or change handoff.config.json to what the org has and rebuild (docs/channel.md names the Setup page of each setting).'
        }
      ];
}
