/**
 * Queues: each developer name once (API names are case-insensitive).
 */
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  const seenQueues = new Map<string, number>();
  (Array.isArray(c.queues) ? c.queues : []).forEach((q, i) => {
    if (!q || typeof q.developerName !== 'string') return;
    const lower = q.developerName.toLowerCase();
    if (seenQueues.has(lower))
      ctx.add(
        ['queues', i, 'developerName'],
        `duplicate queue "${q.developerName}" (also at $.queues[${seenQueues.get(lower)}])`,
        'list each queue once'
      );
    else seenQueues.set(lower, i);
  });
};
