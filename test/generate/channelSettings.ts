/** A config that sets every channel and deployment setting: shared by the generator and schema tests. */
import type { HandoffConfig } from '../../scripts/config/types';

export const EVERY_CHANNEL_SETTING: Pick<HandoffConfig, 'channel' | 'deployment'> = {
  channel: {
    developerName: 'Edge_Channel',
    verification: {
      mode: 'verified',
      keySet: 'Vendor_Keys',
      jwksUrl: 'https://vendor.example.com/.well-known/jwks.json',
      issuer: 'https://vendor.example.com',
      expiryMinutes: 120
    },
    autoResponses: [
      { type: 'initial', language: 'en_US', text: 'Thanks, an agent will join you shortly.' },
      { type: 'agentEngaged', language: 'de', text: 'Ein Mitarbeiter ist jetzt für Sie da.' },
      { type: 'endUserIdle', language: 'en_US', text: 'Are you still there?', timeoutMinutes: 10 }
    ],
    attachments: { enabled: true, fileTypes: ['pdf', '.PNG'], maxFileSizeMB: 5 },
    transcripts: true,
    abandonedChats: true,
    fallbackMessage: true,
    presenceTimeout: 30
  },
  deployment: {
    developerName: 'Edge_Deployment',
    businessHours: 'Support Hours',
    typingIndicators: true,
    readReceipts: true,
    deliveryReceipts: true,
    emoji: true,
    enterKey: 'newLine'
  }
};
