/**
 * The fallback: its queue is one of "queues".
 */
import { checkQueueReference, type ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  if (c.fallback) checkQueueReference(ctx, ['fallback', 'queue'], c.fallback.queue);
};
