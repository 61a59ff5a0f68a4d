/**
 * The portable queue lookup (docs/architecture.md): Get Records on Group with Type = Queue and
 * DeveloperName = <name>, first record only, so no org-specific 00G… Id is ever written.
 */
import type { FlowValue, LookupSpec } from './elements';

export function queueLookup(
  name: string,
  label: string,
  description: string,
  developerName: FlowValue,
  connector: string,
  faultConnector: string
): LookupSpec {
  return {
    kind: 'recordLookups',
    name,
    label,
    description,
    object: 'Group',
    filters: [
      { field: 'DeveloperName', operator: 'EqualTo', value: developerName },
      { field: 'Type', operator: 'EqualTo', value: { stringValue: 'Queue' } }
    ],
    queriedFields: ['Id', 'DeveloperName'],
    connector,
    faultConnector
  };
}
