/**
 * Route Work (docs/architecture.md): queue-based routing of the session on the standard messaging service
 * channel, referenced portably by DeveloperName (setupReference), to a queue held in a variable
 * (a Group lookup's Id, isQueueVariable true). The empty inputs are the ones Flow Builder writes.
 */
import { MESSAGING_SERVICE_CHANNEL } from '../../contract';
import { bool, ref, str, type ActionSpec } from './elements';
import { ROUTING } from '../../platform/routing';
import { RECORD_ID } from './names';

/** Route Work (queue-based, messaging service channel) of the session to the queue whose Id is `queueIdRef`. */
/** Queue-based routing on the standard messaging service channel, by setup reference: no org-specific Id. */
export function queueBasedChannelInputs() {
  return [
    { name: 'routingType', value: str(ROUTING.routingType) },
    {
      name: 'serviceChannelId',
      value: {
        setupReference: MESSAGING_SERVICE_CHANNEL.developerName,
        setupReferenceType: 'ServiceChannel'
      }
    },
    {
      name: 'serviceChannelDevName',
      value: str(MESSAGING_SERVICE_CHANNEL.developerName)
    },
    {
      name: 'serviceChannelLabel',
      value: str(MESSAGING_SERVICE_CHANNEL.label)
    }
  ];
}

export function routeWork(
  name: string,
  label: string,
  description: string,
  queueIdRef: string,
  faultConnector: string
): ActionSpec {
  const routeInputs = [
    { name: 'recordId', value: ref(RECORD_ID) },
    ...queueBasedChannelInputs(),
    { name: 'queueId', value: ref(queueIdRef) },
    { name: 'isQueueVariable', value: bool(true) },
    { name: 'queueLabel' },
    ...ROUTING.emptyRouteWorkInputs.map((n) => ({ name: n }))
  ];
  return {
    kind: 'actionCalls',
    name,
    label,
    description,
    actionName: ROUTING.routeWork,
    actionType: 'routeWork',
    inputs: routeInputs,
    outputs: [],
    nameSegment: ROUTING.routeWork,
    versionString: ROUTING.actionVersion,
    faultConnector
  };
}
