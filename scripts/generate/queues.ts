/**
 * One Queue and one QueueRoutingConfig per configured queue. The routing config is what makes a
 * queue usable by Omni-Channel (and pickable in Route Work); the queue takes MessagingSession, and
 * Case too when it is the fallback queue of a flow that creates Cases (model/resolve.ts decides).
 * Queue members are not generated: they are users, which differ per org.
 */
import type { ResolvedQueue } from '../model/types';
import { el, leaf, renderXml, root } from '../xml/write';
import type { GeneratedFile, Generator } from './types';
import { formatDouble } from './values';

function queueXml(q: ResolvedQueue): string {
  return renderXml(
    root('Queue', [
      leaf('doesSendEmailToMembers', false),
      leaf('name', q.label),
      leaf('queueRoutingConfig', q.routingConfig.developerName),
      q.objects.map((o) => el('queueSobject', leaf('sobjectType', o)))
    ])
  );
}

function routingConfigXml(q: ResolvedQueue): string {
  const r = q.routingConfig;
  return renderXml(
    root('QueueRoutingConfig', [
      leaf('capacityWeight', formatDouble(r.capacityWeight)),
      leaf('isAttributeBased', false),
      leaf('label', r.label),
      leaf('pushTimeout', r.pushTimeout),
      leaf('routingModel', r.model),
      leaf('routingPriority', r.priority)
    ])
  );
}

export const generate: Generator = (model) =>
  model.queues.flatMap((q): GeneratedFile[] => [
    { path: `queues/${q.developerName}.queue-meta.xml`, content: queueXml(q) },
    {
      path: `queueRoutingConfigs/${q.routingConfig.developerName}.queueRoutingConfig-meta.xml`,
      content: routingConfigXml(q)
    }
  ]);
