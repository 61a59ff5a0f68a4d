/** Queues: each in the org, taking MessagingSession, with a routing configuration. */
import { DEPLOY_FIX, listCheck } from '../check';
import type { CheckFamily } from './family';

const G = 'Queues';

export const queues: CheckFamily = {
  name: 'queues',
  checks(model, s) {
    const byName = new Map(s.queues.map((q) => [q.developerName, q]));
    const missing: string[] = [];
    const noSession: string[] = [];
    const noRouting: string[] = [];
    for (const q of model.queues) {
      const org = byName.get(q.developerName);
      if (!org) missing.push(q.developerName);
      else {
        if (!org.sobjects.includes('MessagingSession')) noSession.push(q.developerName);
        if (!org.routingConfigId) noRouting.push(q.developerName);
      }
    }
    return [
      listCheck(G, 'queues.exist', missing, `${model.queues.length} queues present`, 'Queues missing', DEPLOY_FIX),
      listCheck(
        G,
        'queues.messagingSession',
        noSession,
        'Every queue takes MessagingSession',
        'Queues that do not take MessagingSession',
        `${DEPLOY_FIX} (or add MessagingSession to the queue's supported objects).`
      ),
      listCheck(
        G,
        'queues.routingConfig',
        noRouting,
        'Every queue has a routing configuration',
        'Queues without a routing configuration',
        `${DEPLOY_FIX} (or set the queue's Routing Configuration in Setup).`
      )
    ];
  }
};
