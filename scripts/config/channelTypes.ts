/**
 * The channel and deployment settings an admin sets in Setup (docs/channel.md), as the config
 * writes them. Kept apart from config/types.ts so the channel settings stay one block.
 */
export type AutoResponseKind = 'initial' | 'agentEngaged' | 'agentEnded' | 'endUserIdle' | 'endUserInactive';

export interface AutoResponseConfig {
  type: AutoResponseKind;
  /** Salesforce language code (en_US, de, fr …). */
  language: string;
  text: string;
  /** endUserIdle / endUserInactive only: minutes of silence before it is sent. */
  timeoutMinutes?: number;
}

export interface VerificationConfig {
  mode: 'unverified' | 'verified';
  /** Developer name of the PublicKeyCertificateSet the JWTs are checked against. */
  keySet?: string;
  jwksUrl?: string;
  issuer?: string;
  identifier?: string;
  expiryMinutes?: number;
}

export interface ChannelConfig {
  developerName: string;
  label?: string;
  tokenExpiryMinutes?: number;
  verification?: VerificationConfig;
  autoResponses?: AutoResponseConfig[];
  attachments?: { enabled?: boolean; fileTypes?: string[]; anyFileType?: boolean; maxFileSizeMB?: number };
  transcripts?: boolean;
  abandonedChats?: boolean;
  fallbackMessage?: boolean;
  presenceTimeout?: number;
}

export interface DeploymentConfig {
  developerName: string;
  label?: string;
  businessHours?: string;
  typingIndicators?: boolean;
  readReceipts?: boolean;
  deliveryReceipts?: boolean;
  emoji?: boolean;
  enterKey?: 'send' | 'newLine';
}
