/**
 * doctor: the channel and deployment settings an admin sets in Setup (docs/channel.md) as the org
 * has them, against the project's files. One flat list of `metadata.path = value` per side, read
 * from the same metadata shape (Metadata API read JSON in the org, the project's XML through the read
 * model, scripts/source), so the finding names the exact field that differs. A setting the project
 * leaves out (the platform default applies) is not compared.
 */
import type { HandoffModel } from '../model/types';
import type { SourceProject } from '../source/project';
import { children, textOf, type XmlNode } from '../xml/read';
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

/** The project's settings, or why they cannot be read: its channel and deployment files as they will deploy. */
export type ProjectSettings = { settings: SettingsMap } | { unavailable: string };

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

/** One check: pass when every setting the project sets has the same value in the org; warn when the project side cannot be read. */
export function channelSettingsChecks(project: ProjectSettings, org: SettingsMap | undefined): Check[] {
  if (!org) return [];
  const base = { id: 'channel.settings', group: 'Messaging channel' } as const;
  if ('unavailable' in project)
    return [
      {
        ...base,
        status: 'warn',
        message: `The channel and deployment settings were not compared: ${project.unavailable}`,
        fix: 'Run `handoff build` in the project, then `handoff doctor` again.'
      }
    ];
  const { settings } = project;
  const differs = Object.keys(settings)
    .filter((k) => org[k] !== settings[k])
    .map(
      (k) =>
        `${k}: org ${org[k] === undefined ? '(not set)' : JSON.stringify(org[k])}, project ${JSON.stringify(settings[k])}`
    );
  return differs.length === 0
    ? [
        {
          ...base,
          status: 'pass',
          message: `${Object.keys(settings).length} channel and deployment settings match the project`,
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
