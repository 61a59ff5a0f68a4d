/** The configured queues (1 query on Group) and the objects each takes (1 query on QueueSobject). */
import type { HandoffModel } from '../../../model/types';
import { queryAll, soqlList, type OrgCaller } from '../../doctorSoql';
import type { QueueSnapshot } from '../snapshot';

export async function readQueues(org: OrgCaller, model: HandoffModel): Promise<QueueSnapshot[]> {
  const queueNames = model.queues.map((q) => q.developerName);
  if (!queueNames.length) return [];
  const groups = await queryAll<{ Id: string; DeveloperName: string; QueueRoutingConfigId?: string | null }>(
    org,
    `SELECT Id, DeveloperName, QueueRoutingConfigId FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(queueNames)}`
  );
  const queueObjects = await queryAll<{ QueueId: string; SobjectType: string }>(
    org,
    `SELECT QueueId, SobjectType FROM QueueSobject WHERE Queue.DeveloperName IN ${soqlList(queueNames)}`
  );
  return groups.map((g) => ({
    developerName: g.DeveloperName,
    routingConfigId: g.QueueRoutingConfigId ?? null,
    sobjects: queueObjects.filter((q) => q.QueueId === g.Id).map((q) => q.SobjectType)
  }));
}
