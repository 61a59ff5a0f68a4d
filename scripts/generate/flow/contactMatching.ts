/**
 * Contact matching (optional): find a Contact by the email attribute (skipped when it is blank),
 * optionally create one, and link it to the session through MessagingSession.EndUserContactId (the
 * standard lookup from a messaging session to its end user's Contact).
 */
import type { HandoffModel } from '../../model/types';
import { bool, ref, type FieldAssignment } from './elements';
import type { FlowGraph } from './graph';
import { FLOW_ELEMENTS as E, FLOW_OUTCOMES as O, FLOW_VARIABLES as V, RECORD_ID } from './names';

/** The field linking a MessagingSession to a Contact. */
export const SESSION_CONTACT_FIELD = 'EndUserContactId';

function addContactCreation(graph: FlowGraph, model: HandoffModel, link: string, fault: string): string {
  const email = model.contactMatching!.emailAttribute;
  const first = model.attributes.find((a) => a.standard === 'FirstName');
  const last = model.attributes.find((a) => a.standard === 'LastName');
  graph.addVariable({
    name: V.contactLastName,
    description: 'LastName of a created Contact (required by Salesforce): the last-name input, else the email.',
    dataType: 'String',
    isInput: false
  });
  const fields: FieldAssignment[] = [{ field: 'Email', value: ref(email.name) }];
  if (first) fields.push({ field: 'FirstName', value: ref(first.name) });
  fields.push({ field: 'LastName', value: ref(V.contactLastName) });
  const create = graph.add({
    kind: 'recordCreates',
    name: E.createContact,
    label: 'Create Contact',
    description: 'No Contact has this email: creates one (contactMatching.createContact).',
    object: 'Contact',
    inputAssignments: fields,
    assignRecordIdToReference: V.contactId,
    connector: link,
    faultConnector: fault
  });
  let afterPrepare = create;
  if (last) {
    const useLast = graph.add({
      kind: 'assignments',
      name: E.useLastName,
      label: 'Use Last Name',
      description: `Uses ${last.name} as the Contact's LastName.`,
      items: [
        {
          assignToReference: V.contactLastName,
          operator: 'Assign',
          value: ref(last.name)
        }
      ],
      connector: create
    });
    afterPrepare = graph.add({
      kind: 'decisions',
      name: E.hasLastName,
      label: 'Has Last Name?',
      description: `Whether the vendor sent ${last.name}.`,
      rules: [
        {
          name: O.hasLastNameYes,
          label: 'Yes',
          conditionLogic: 'and',
          conditions: [
            {
              leftValueReference: last.name,
              operator: 'IsBlank',
              rightValue: bool(false)
            }
          ],
          connector: useLast
        }
      ],
      defaultConnector: create,
      defaultConnectorLabel: 'No'
    });
  }
  return graph.add({
    kind: 'assignments',
    name: E.prepareContact,
    label: 'Prepare Contact',
    description: 'Starts from the email as LastName so a created Contact always has one.',
    items: [
      {
        assignToReference: V.contactLastName,
        operator: 'Assign',
        value: ref(email.name)
      }
    ],
    connector: afterPrepare
  });
}

export function addContactMatching(graph: FlowGraph, model: HandoffModel, next: string, fault: string): string {
  const cm = model.contactMatching;
  if (!cm) return next;
  const email = cm.emailAttribute;
  graph.addVariable({
    name: V.contactId,
    description: 'Id of the Contact matched by email (or created), linked to the session and the Case.',
    dataType: 'String',
    isInput: false
  });
  const link = graph.add({
    kind: 'recordUpdates',
    name: E.linkContact,
    label: 'Link Contact to Session',
    description: `Sets MessagingSession.${SESSION_CONTACT_FIELD} (the session's end-user Contact) to the matched Contact.`,
    object: 'MessagingSession',
    filters: [{ field: 'Id', operator: 'EqualTo', value: ref(RECORD_ID) }],
    inputAssignments: [{ field: SESSION_CONTACT_FIELD, value: ref(V.contactId) }],
    connector: next,
    faultConnector: fault
  });
  const remember = graph.add({
    kind: 'assignments',
    name: E.rememberContact,
    label: 'Remember Contact',
    description: 'Keeps the matched Contact Id.',
    items: [
      {
        assignToReference: V.contactId,
        operator: 'Assign',
        value: ref(`${E.getContact}.Id`)
      }
    ],
    connector: link
  });
  const notFound = cm.createContact ? addContactCreation(graph, model, link, fault) : next;
  graph.add({
    kind: 'decisions',
    name: E.contactFound,
    label: 'Contact Found?',
    description: cm.createContact
      ? 'Links the matched Contact, or creates one.'
      : 'Links the matched Contact; without one the session stays unlinked.',
    rules: [
      {
        name: O.contactFoundYes,
        label: 'Found',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: E.getContact,
            operator: 'IsNull',
            rightValue: bool(false)
          }
        ],
        connector: remember
      }
    ],
    defaultConnector: notFound,
    defaultConnectorLabel: 'Not Found'
  });
  graph.add({
    kind: 'recordLookups',
    name: E.getContact,
    label: 'Get Contact by Email',
    description: `The first Contact whose Email equals ${email.name}.`,
    object: 'Contact',
    filters: [{ field: 'Email', operator: 'EqualTo', value: ref(email.name) }],
    // Two fields: scanners read a single queriedFields entry as "all fields".
    queriedFields: ['Id', 'Email'],
    sort: { field: 'CreatedDate', order: 'Asc' },
    connector: E.contactFound,
    faultConnector: fault
  });
  return graph.add({
    kind: 'decisions',
    name: E.hasEmail,
    label: 'Has Email?',
    description: `Contact matching runs only when ${email.name} is not blank.`,
    rules: [
      {
        name: O.hasEmailYes,
        label: 'Yes',
        conditionLogic: 'and',
        conditions: [
          {
            leftValueReference: email.name,
            operator: 'IsBlank',
            rightValue: bool(false)
          }
        ],
        connector: E.getContact
      }
    ],
    defaultConnector: next,
    defaultConnectorLabel: 'No'
  });
}
