/**
 * `mode: "vendorFlow"` (Fullview Flow): the vendor decides by business hours before it hands off,
 * and outside them creates the Case itself through its External Client App. So the kit's flow only
 * routes live conversations: no Case of its own, no business-hours check, no End Conversation.
 */
import type { ConfigRule } from './context';

const OR_OMNI = 'or set "mode": "omniChannel" to let the kit\'s flow decide';

/** The MIAW half: in vendorFlow mode all of it (live conversations inside the vendor's hours) or none. */
export const MIAW_HALF = ['channel', 'deployment', 'attributes', 'queues', 'routing', 'fallback'] as const;
/** Optional keys that only the MIAW half uses (a messaging session, the routing flow, the agents' presence). */
const MIAW_ONLY = [
  'flow',
  'fieldPrefix',
  'continuation',
  'contactMatching',
  'copilot',
  'presenceStatus',
  'messaging'
] as const;

function checkMiawHalf(ctx: Parameters<ConfigRule>[0]): void {
  const c = ctx.config as unknown as Record<string, unknown>;
  const given = MIAW_HALF.filter((k) => c[k] !== undefined);
  if (given.length) {
    for (const k of MIAW_HALF.filter((m) => c[m] === undefined))
      ctx.add(
        [],
        `missing required key "${k}": with "${given[0]}" the config has the MIAW half, which needs ${MIAW_HALF.map((m) => `"${m}"`).join(', ')}`,
        `add "${k}", or remove ${given.map((g) => `"${g}"`).join(', ')} to let the vendor only create Cases`
      );
    return;
  }
  for (const k of MIAW_ONLY)
    if (c[k] !== undefined)
      ctx.add(
        [k],
        'without "channel" there is no messaging session or routing flow for it to act on',
        `remove "${k}", or add the MIAW half (${MIAW_HALF.map((m) => `"${m}"`).join(', ')})`
      );
  const users = c.users as { agents?: unknown[] } | undefined;
  if (Array.isArray(users?.agents) && users.agents.length)
    ctx.add(
      ['users', 'agents'],
      'without "channel" there are no queues or presence status to give agents',
      'remove "agents" and assign the agent permission set in Setup, or add the MIAW half'
    );
}

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  if (c.mode !== 'vendorFlow') return;
  checkMiawHalf(ctx);
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
