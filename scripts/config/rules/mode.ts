/**
 * `mode: "vendorFlow"` (Fullview Flow): the vendor decides by business hours before it hands off,
 * and outside them creates the Case itself through its External Client App. So the kit's flow only
 * routes live conversations: no Case of its own, no business-hours check, no End Conversation.
 */
import type { ConfigRule } from './context';

const OR_OMNI = 'or set "mode": "omniChannel" to let the kit\'s flow decide';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  if (c.mode !== 'vendorFlow') return;
  if (c.fallback?.whenNoAgent === 'case')
    ctx.add(
      ['fallback', 'whenNoAgent'],
      "in vendorFlow mode the vendor creates the Case; the kit's flow only routes live conversations",
      `set "whenNoAgent": "wait", ${OR_OMNI}`
    );
  if (c.businessHours !== undefined)
    ctx.add(
      ['businessHours'],
      "in vendorFlow mode the vendor checks business hours before it hands off; the kit's flow does not",
      `remove "businessHours" (set the hours in the vendor's dashboard), ${OR_OMNI}`
    );
  if (c.endConversation !== undefined)
    ctx.add(
      ['endConversation'],
      'in vendorFlow mode the kit creates no Case, so nothing calls End Conversation',
      `remove "endConversation", ${OR_OMNI}`
    );
  if (c.integration === undefined)
    ctx.add(
      ['integration'],
      "vendorFlow mode needs the vendor's External Client App: the vendor creates Cases through it",
      'add "integration": { "appName": "Handoff_Fullview", "contactEmail": "…" }'
    );
  if (!Array.isArray(c.caseFields) || c.caseFields.length === 0)
    ctx.add(
      ['caseFields'],
      'vendorFlow mode needs the Case fields the vendor writes the conversation into',
      'add e.g. { "name": "Handoff_Transcript", "label": "Conversation History" }'
    );
};
