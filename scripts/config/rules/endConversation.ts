/**
 * End Conversation: configured wherever a Case is created (the Case path calls it), and its
 * endpoint a credential-free HTTPS URL.
 */
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  const createsCases = c.fallback?.whenNoAgent === 'case' || c.businessHours?.whenClosed === 'case';
  if (createsCases && !c.endConversation) {
    ctx.add(
      ['endConversation'],
      'creating a Case calls End Conversation, but no endpoint is configured',
      'add "endConversation": { "endpoint": "https://…" }, or set fallback.whenNoAgent to "wait"'
    );
  }
  if (c.endConversation && typeof c.endConversation.endpoint === 'string') {
    let url: URL | undefined;
    try {
      url = new URL(c.endConversation.endpoint);
    } catch {
      ctx.add(
        ['endConversation', 'endpoint'],
        `"${c.endConversation.endpoint}" is not a URL`,
        'write the full URL, e.g. https://vendor.example.com/salesforce/end'
      );
    }
    if (url && url.protocol !== 'https:')
      ctx.add(
        ['endConversation', 'endpoint'],
        `the endpoint uses ${url.protocol.replace(':', '')}; Salesforce callouts carrying a token must use HTTPS`,
        'use an https:// URL'
      );
    if (url && (url.username || url.password))
      ctx.add(
        ['endConversation', 'endpoint'],
        'the endpoint URL contains credentials',
        'remove them from the URL: the token comes from the environment through handoff seed'
      );
  }
};
