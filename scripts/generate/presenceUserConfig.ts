/**
 * The agents' presence configuration: how many hand-offs an agent takes at once. Users are
 * org-specific, so the file assigns nobody; `handoff seed` adds each agent (PresenceUserConfigUser).
 * Children follow the WSDL's PresenceUserConfig order (capacity and label are required).
 */
import { leaf, renderXml, root } from '../xml/write';
import type { Generator } from './types';

export const generate: Generator = (model) => [
  {
    path: `presenceUserConfigs/${model.presenceConfig.developerName}.presenceUserConfig-meta.xml`,
    content: renderXml(
      root('PresenceUserConfig', [
        leaf('capacity', model.presenceConfig.capacity),
        leaf('enableAutoAccept', false),
        leaf('enableDecline', true),
        leaf('label', model.presenceConfig.label)
      ])
    )
  }
];
