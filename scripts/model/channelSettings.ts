/**
 * Resolves the channel and deployment settings of the config (config/channelTypes.ts) with the
 * defaults Setup gives a new channel and deployment. A setting the config leaves out and Setup has
 * no documented default for stays undefined: the generator then omits its element, so the platform
 * applies its own default. The two token expiries default in the generator (generate/assumptions.ts).
 */
import type { AutoResponseKind, ChannelConfig, DeploymentConfig } from '../config/channelTypes';

/** Config word → MessagingAutoResponseType (WSDL 66). */
export const AUTO_RESPONSE_TYPES: Record<AutoResponseKind, string> = {
  initial: 'InitialResponse',
  agentEngaged: 'AgentEngagedResponse',
  agentEnded: 'AgentEndEngagementResponse',
  endUserIdle: 'EndUserIdleResponse',
  endUserInactive: 'EndUserInactiveResponse'
};

export interface ResolvedAutoResponse {
  kind: AutoResponseKind;
  /** MessagingAutoResponseType. */
  type: string;
  language: string;
  text: string;
  timeoutMinutes?: number;
}

export interface ChannelSettings {
  tokenExpiryMinutes?: number;
  /** Present for verified users (authMode Auth). */
  verification?: { keySet: string; jwksUrl?: string; issuer?: string; identifier: string; expiryMinutes?: number };
  autoResponses: ResolvedAutoResponse[];
  attachments: { enabled?: boolean; fileTypes?: string; anyFileType?: boolean; maxFileSizeMB?: number };
  transcripts?: boolean;
  abandonedChats?: boolean;
  fallbackMessage?: boolean;
  presenceTimeout?: number;
}

export interface DeploymentSettings {
  businessHours?: string;
  typingIndicators: boolean;
  readReceipts: boolean;
  deliveryReceipts: boolean;
  emoji: boolean;
  newLineOnEnter: boolean;
}

export function resolveChannelSettings(c: ChannelConfig): ChannelSettings {
  const v = c.verification;
  const a = c.attachments ?? {};
  return {
    tokenExpiryMinutes: c.tokenExpiryMinutes,
    verification:
      v && v.mode === 'verified' && v.keySet
        ? {
            keySet: v.keySet,
            jwksUrl: v.jwksUrl,
            issuer: v.issuer,
            identifier: v.identifier ?? v.keySet,
            expiryMinutes: v.expiryMinutes
          }
        : undefined,
    autoResponses: (c.autoResponses ?? []).map((r) => ({
      kind: r.type,
      type: AUTO_RESPONSE_TYPES[r.type],
      language: r.language,
      text: r.text,
      timeoutMinutes: r.timeoutMinutes
    })),
    attachments: {
      enabled: a.enabled,
      fileTypes: a.fileTypes?.map((t) => t.replace(/^\./, '').toLowerCase()).join(','),
      anyFileType: a.anyFileType,
      maxFileSizeMB: a.maxFileSizeMB
    },
    transcripts: c.transcripts,
    abandonedChats: c.abandonedChats,
    fallbackMessage: c.fallbackMessage,
    presenceTimeout: c.presenceTimeout
  };
}

export function resolveDeploymentSettings(d: DeploymentConfig): DeploymentSettings {
  return {
    businessHours: d.businessHours,
    typingIndicators: d.typingIndicators ?? false,
    readReceipts: d.readReceipts ?? false,
    deliveryReceipts: d.deliveryReceipts ?? false,
    emoji: d.emoji ?? false,
    newLineOnEnter: d.enterKey === 'newLine'
  };
}
