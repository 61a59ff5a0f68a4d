/**
 * The remote site setting that lets the End Conversation Apex call the vendor's endpoint (Apex
 * callouts fail unless the host matches an active remote site). Only when endConversation is set.
 */
import { renderXml, leaf, root } from '../xml/write';
import type { Generator } from './types';
import { GENERATED_BY } from './values';

export const generate: Generator = (model) => {
  const site = model.remoteSite;
  if (!site) return [];
  return [
    {
      path: `remoteSiteSettings/${site.name}.remoteSite-meta.xml`,
      content: renderXml(
        root('RemoteSiteSetting', [
          leaf(
            'description',
            `The AI vendor's End Conversation endpoint, called when a hand-off ends without an agent. ${GENERATED_BY}`
          ),
          leaf('disableProtocolSecurity', false),
          leaf('isActive', true),
          leaf('url', site.url)
        ])
      )
    }
  ];
};
