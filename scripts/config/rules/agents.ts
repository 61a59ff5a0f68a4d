/**
 * Agents: each queue an agent takes work from (seed makes them GroupMembers) is one of "queues".
 */
import { checkQueueReference, type ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const agents = ctx.config.users?.agents;
  (Array.isArray(agents) ? agents : []).forEach((agent, i) => {
    if (!agent || typeof agent !== 'object' || !Array.isArray(agent.queues)) return;
    agent.queues.forEach((q, j) => checkQueueReference(ctx, ['users', 'agents', i, 'queues', j], q));
  });
};
