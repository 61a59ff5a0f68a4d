/**
 * Continuation of an earlier session (optional). A conversation can get a new MessagingSession
 * (ConversationId is shared) without the vendor resending every pre-chat value. The flow reads the
 * current session's ConversationId, finds the earliest other session of that conversation, and for
 * each input that is blank while the earlier session has a value, restores it. One small decision +
 * assignment pair per attribute: bounded (2 per attribute), readable in Flow Builder, no formulas.
 */
import type { HandoffModel, ResolvedAttribute } from '../../model/types';
import { bool, ref } from './elements';
import type { FlowGraph } from './graph';
import {
  FLOW_ELEMENTS as E,
  FLOW_OUTCOMES as O,
  RECORD_ID,
  restoreAssignmentName,
  restoreCheckName,
  restoreOutcomeName
} from './names';

/** Adds the restore step for one attribute and returns its entry (a decision). */
function addRestore(graph: FlowGraph, a: ResolvedAttribute, next: string): string {
  const earlierField = `${E.getEarlierSession}.${a.field.apiName}`;
  const assignment = graph.add({
    kind: 'assignments',
    name: restoreAssignmentName(a.name),
    label: `Restore ${a.label}`.slice(0, 80),
    description: `Copies ${a.field.apiName} of the earlier session into the blank input ${a.name}.`,
    items: [
      {
        assignToReference: a.name,
        operator: 'Assign',
        value: ref(earlierField)
      }
    ],
    connector: next
  });
  return graph.add({
    kind: 'decisions',
    name: restoreCheckName(a.name),
    label: `${a.label} Blank?`.slice(0, 80),
    description: `Restores ${a.name} only when the vendor sent no value and the earlier session has one.`,
    rules: [
      {
        name: restoreOutcomeName(a.name),
        label: 'Restore',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: a.name,
            operator: 'IsBlank',
            rightValue: bool(true)
          },
          {
            leftValueReference: earlierField,
            operator: 'IsBlank',
            rightValue: bool(false)
          }
        ],
        connector: assignment
      }
    ],
    defaultConnector: next,
    defaultConnectorLabel: 'Keep'
  });
}

/** Adds the continuation section before `next`; returns its entry, or `next` when it is off. */
export function addContinuation(graph: FlowGraph, model: HandoffModel, next: string, fault: string): string {
  if (!model.continuation || model.attributes.length === 0) return next;
  let entry = next;
  for (const a of [...model.attributes].reverse()) entry = addRestore(graph, a, entry);

  graph.add({
    kind: 'decisions',
    name: E.earlierSessionFound,
    label: 'Earlier Session Found?',
    description: 'Whether this conversation had an earlier session to restore blank inputs from.',
    rules: [
      {
        name: O.earlierSessionFoundYes,
        label: 'Found',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getEarlierSession,
            operator: 'IsNull',
            rightValue: bool(false)
          }
        ],
        connector: entry
      }
    ],
    defaultConnector: next,
    defaultConnectorLabel: 'Not Found'
  });
  graph.add({
    kind: 'recordLookups',
    name: E.getEarlierSession,
    label: 'Get Earlier Session',
    description: 'The earliest other MessagingSession of the same conversation (same ConversationId, another Id).',
    object: 'MessagingSession',
    filters: [
      {
        field: 'ConversationId',
        operator: 'EqualTo',
        value: ref(`${E.getCurrentSession}.ConversationId`)
      },
      { field: 'Id', operator: 'NotEqualTo', value: ref(RECORD_ID) }
    ],
    queriedFields: ['Id', ...model.attributes.map((a) => a.field.apiName)],
    sort: { field: 'CreatedDate', order: 'Asc' },
    connector: E.earlierSessionFound,
    faultConnector: fault
  });
  graph.add({
    kind: 'decisions',
    name: E.hasConversation,
    label: 'Has Conversation?',
    description: 'Only a session that belongs to a conversation can continue an earlier one.',
    rules: [
      {
        name: O.hasConversationYes,
        label: 'Yes',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getCurrentSession,
            operator: 'IsNull',
            rightValue: bool(false)
          },
          {
            leftValueReference: `${E.getCurrentSession}.ConversationId`,
            operator: 'IsBlank',
            rightValue: bool(false)
          }
        ],
        connector: E.getEarlierSession
      }
    ],
    defaultConnector: next,
    defaultConnectorLabel: 'No'
  });
  return graph.add({
    kind: 'recordLookups',
    name: E.getCurrentSession,
    label: 'Get Current Session',
    description: 'Reads the ConversationId of the session being routed.',
    object: 'MessagingSession',
    filters: [{ field: 'Id', operator: 'EqualTo', value: ref(RECORD_ID) }],
    queriedFields: ['Id', 'ConversationId'],
    connector: E.hasConversation,
    faultConnector: fault
  });
}
