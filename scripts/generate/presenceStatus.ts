/**
 * The presence status agents pick to take hand-offs: it lists the standard messaging service
 * channel. Agents get it through the agent permission set (servicePresenceStatusAccesses).
 */
import { MESSAGING_SERVICE_CHANNEL } from '../contract';
import { el, leaf, renderXml, root } from '../xml/write';
import type { Generator } from './types';

export const generate: Generator = (model) => [
  {
    path: `servicePresenceStatuses/${model.presenceStatus.developerName}.servicePresenceStatus-meta.xml`,
    content: renderXml(
      root('ServicePresenceStatus', [
        el('channels', leaf('channel', MESSAGING_SERVICE_CHANNEL.developerName)),
        leaf('label', model.presenceStatus.label)
      ])
    )
  }
];
