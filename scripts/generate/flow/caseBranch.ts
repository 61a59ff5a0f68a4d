/**
 * The Case branch (fallback `case`, for no agent and/or outside business hours): sets the End
 * Conversation reason, builds the Case Description ("Label: value" lines of `fallback.case.description`,
 * the summary first), fills the mapped Case fields from attributes, looks the fallback queue
 * up by DeveloperName to own the Case, creates the Case, links it to the session (CaseId), calls
 * the End Conversation Apex action, stores its `accepted`/`message` outputs on the session (so a refusal
 * is visible on the record, not only in a debug log), and then routes the session to the fallback queue as well: if
 * the vendor callout fails, an agent still gets the conversation; if it succeeds, the vendor closes
 * the conversation and the waiting session ends with it. Either way nothing is lost.
 */
import { END_CONVERSATION } from '../../contract';
import type { HandoffModel } from '../../model/types';
import { bool, ref, str, type AssignmentItem, type FieldAssignment } from './elements';
import type { FlowGraph } from './graph';
import type { CaseBranch } from './delivery';
import { FLOW_ELEMENTS as E, FLOW_OUTCOMES as O, FLOW_VARIABLES as V, RECORD_ID } from './names';
import { queueLookup } from './queueLookup';

/** Line separator of the Case Description. */
export const DESCRIPTION_NEWLINE = '\n';

/** "Label: value" per described attribute, one per line, with Add operations (no formulas, no text templates). */
export function descriptionItems(model: HandoffModel): AssignmentItem[] {
  const described = model.fallback.caseDescription;
  if (described.length === 0)
    return [
      {
        assignToReference: V.caseDescription,
        operator: 'Assign',
        value: str('')
      }
    ];
  const items: AssignmentItem[] = [];
  described.forEach((a, i) => {
    const prefix = `${i === 0 ? '' : DESCRIPTION_NEWLINE}${a.label}: `;
    items.push({
      assignToReference: V.caseDescription,
      operator: i === 0 ? 'Assign' : 'Add',
      value: str(prefix)
    });
    items.push({
      assignToReference: V.caseDescription,
      operator: 'Add',
      value: ref(a.name)
    });
  });
  return items;
}

/** The Case's fields, sorted by name: the fixed ones, then each mapped field from its attribute (a mapped Subject or Priority replaces the fixed value). */
function caseFields(model: HandoffModel): FieldAssignment[] {
  const fields: FieldAssignment[] = [];
  const mapped = new Set(model.fallback.caseFieldValues.map((m) => m.field));
  if (model.contactMatching) fields.push({ field: 'ContactId', value: ref(V.contactId) });
  fields.push({ field: 'Description', value: ref(V.caseDescription) });
  fields.push({ field: 'Origin', value: str(model.fallback.caseOrigin) });
  fields.push({ field: 'OwnerId', value: ref(`${E.getCaseQueue}.Id`) });
  if (model.fallback.casePriority && !mapped.has('Priority'))
    fields.push({ field: 'Priority', value: str(model.fallback.casePriority) });
  if (!mapped.has('Subject')) fields.push({ field: 'Subject', value: str(model.fallback.caseSubject) });
  const email = model.attributes.find((a) => a.standard === 'Email');
  if (email) fields.push({ field: 'SuppliedEmail', value: ref(email.name) });
  for (const m of model.fallback.caseFieldValues) fields.push({ field: m.field, value: ref(m.attribute.name) });
  return fields.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/**
 * End Conversation's outputs onto the session (model.endOutcome's two fields); then `then`. A fault
 * (say the fields lack FLS) goes to the fallback path like every other: the conversation still reaches a queue.
 */
function addOutcomeStore(graph: FlowGraph, model: HandoffModel, then: string, fault: string): string {
  const fields = model.endOutcome;
  if (!fields) throw new Error('internal: a Case branch without model.endOutcome');
  graph.addVariable({
    name: V.endAccepted,
    description: `Output "${END_CONVERSATION.outputs.accepted}" of End Conversation: the notification was queued.`,
    dataType: 'Boolean',
    isInput: false
  });
  graph.addVariable({
    name: V.endMessage,
    description: `Output "${END_CONVERSATION.outputs.message}" of End Conversation: queued, or why it was refused.`,
    dataType: 'String',
    isInput: false
  });
  return graph.add({
    kind: 'recordUpdates',
    name: E.storeEndOutcome,
    label: 'Store End Conversation Outcome',
    description: `Writes End Conversation's accepted and message onto the session (${fields.accepted.apiName}, ${fields.message.apiName}).`,
    object: 'MessagingSession',
    filters: [{ field: 'Id', operator: 'EqualTo', value: ref(RECORD_ID) }],
    inputAssignments: [
      { field: fields.accepted.apiName, value: ref(V.endAccepted) },
      { field: fields.message.apiName, value: ref(V.endMessage) }
    ],
    connector: then,
    faultConnector: fault
  });
}

/** Adds the Case branch; `then` is where the session goes after End Conversation (the fallback path). */
export function addCaseBranch(graph: FlowGraph, model: HandoffModel, then: string, fault: string): CaseBranch {
  graph.addVariable({
    name: V.caseDescription,
    description: 'Case Description: one "Label: value" line per described attribute, the summary first.',
    dataType: 'String',
    isInput: false
  });
  graph.addVariable({
    name: V.caseId,
    description: 'Id of the Case created for the hand-off.',
    dataType: 'String',
    isInput: false
  });
  graph.addVariable({
    name: V.endReason,
    description: 'Reason passed to End Conversation.',
    dataType: 'String',
    isInput: false
  });

  const store = addOutcomeStore(graph, model, then, fault);
  const end = graph.add({
    kind: 'actionCalls',
    name: E.endConversation,
    label: END_CONVERSATION.label,
    description: `Apex ${END_CONVERSATION.className}: tells the vendor a Case was opened (asynchronous callout).`,
    actionName: END_CONVERSATION.className,
    actionType: 'apex',
    inputs: [
      {
        name: END_CONVERSATION.inputs.messagingSessionId,
        value: ref(RECORD_ID)
      },
      { name: END_CONVERSATION.inputs.caseId, value: ref(V.caseId) },
      { name: END_CONVERSATION.inputs.reason, value: ref(V.endReason) }
    ],
    outputs: [
      { name: END_CONVERSATION.outputs.accepted, assignToReference: V.endAccepted },
      { name: END_CONVERSATION.outputs.message, assignToReference: V.endMessage }
    ],
    nameSegment: END_CONVERSATION.className,
    connector: store,
    faultConnector: fault
  });
  const link = graph.add({
    kind: 'recordUpdates',
    name: E.linkCase,
    label: 'Link Case to Session',
    description: 'Sets MessagingSession.CaseId to the new Case.',
    object: 'MessagingSession',
    filters: [{ field: 'Id', operator: 'EqualTo', value: ref(RECORD_ID) }],
    inputAssignments: [{ field: 'CaseId', value: ref(V.caseId) }],
    connector: end,
    faultConnector: fault
  });
  const create = graph.add({
    kind: 'recordCreates',
    name: E.createCase,
    label: 'Create Case',
    description: `Creates the Case "${model.fallback.caseSubject}", owned by the fallback queue ${model.fallback.queue}.`,
    object: 'Case',
    inputAssignments: caseFields(model),
    assignRecordIdToReference: V.caseId,
    connector: link,
    faultConnector: fault
  });
  graph.add({
    kind: 'decisions',
    name: E.caseQueueFound,
    label: 'Case Queue Found?',
    description: `Whether the fallback queue ${model.fallback.queue} exists to own the Case.`,
    rules: [
      {
        name: O.caseQueueFoundYes,
        label: 'Found',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getCaseQueue,
            operator: 'IsNull',
            rightValue: bool(false)
          }
        ],
        connector: create
      }
    ],
    defaultConnector: fault,
    defaultConnectorLabel: 'Not Found'
  });
  const lookup = graph.add(
    queueLookup(
      E.getCaseQueue,
      'Get Case Queue',
      `Looks up the fallback queue ${model.fallback.queue} by DeveloperName to own the Case.`,
      str(model.fallback.queue),
      E.caseQueueFound,
      fault
    )
  );
  const build = graph.add({
    kind: 'assignments',
    name: E.buildCaseDescription,
    label: 'Build Case Description',
    description: 'One "Label: value" line per described attribute, the summary first.',
    items: descriptionItems(model),
    connector: lookup
  });
  const reason = (name: string, label: string, value: string): string =>
    graph.add({
      kind: 'assignments',
      name,
      label,
      description: `End Conversation reason ${value}.`,
      items: [
        {
          assignToReference: V.endReason,
          operator: 'Assign',
          value: str(value)
        }
      ],
      connector: build
    });
  const needsNoAgent = model.fallback.whenNoAgent === 'case';
  const needsClosed = model.businessHours?.whenClosed === 'case';
  return {
    noAgent: needsNoAgent
      ? reason(E.setReasonNoAgent, 'Reason: No Agent', END_CONVERSATION.reasons.noAgent)
      : undefined,
    outsideHours: needsClosed
      ? reason(E.setReasonClosed, 'Reason: Outside Business Hours', END_CONVERSATION.reasons.outsideHours)
      : undefined
  };
}
