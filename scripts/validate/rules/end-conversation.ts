/**
 * End Conversation's outcome is kept: a routing flow that calls the action stores its `accepted` and
 * `message` outputs on the MessagingSession (the kit's flow: HK_Store_End_Outcome), so a refusal is on
 * the record an admin or agent opens, not only in a debug log (issue 14, "no silent outcome").
 */
import { END_CONVERSATION } from '../../contract';
import { children, textOf, type XmlNode } from '../../xml/read';
import { routingFlows } from '../../source';
import type { Rule } from '../types';

/** Variables a recordUpdates on MessagingSession writes into a field (`value.elementReference`). */
function storedOnSession(flow: XmlNode): Set<string> {
  const stored = new Set<string>();
  for (const u of children(flow, 'recordUpdates')) {
    if (textOf(u, 'object') !== 'MessagingSession') continue;
    for (const a of children(u, 'inputAssignments'))
      for (const v of children(a, 'value')) {
        const ref = textOf(v, 'elementReference');
        if (ref) stored.add(ref);
      }
  }
  return stored;
}

export const rules: Rule[] = [
  {
    id: 'flow/end-conversation-outcome',
    description:
      "A flow that calls End Conversation stores the action's accepted and message outputs on the MessagingSession.",
    fix: 'Assign the outputs "accepted" and "message" to variables and write them to MessagingSession fields (handoff build generates HK_Store_End_Outcome and the HK_End_Accepted__c / HK_End_Message__c fields).',
    severity: 'error',
    check({ project, report }) {
      for (const flow of routingFlows(project)) {
        const xml = flow.file.xml;
        const stored = storedOnSession(xml);
        for (const call of children(xml, 'actionCalls')) {
          if (textOf(call, 'actionType') !== 'apex' || textOf(call, 'actionName') !== END_CONVERSATION.className)
            continue;
          const outputs = new Map(
            children(call, 'outputParameters').map((o) => [textOf(o, 'name'), textOf(o, 'assignToReference')])
          );
          const element = textOf(call, 'name');
          for (const out of [END_CONVERSATION.outputs.accepted, END_CONVERSATION.outputs.message]) {
            const variable = outputs.get(out);
            if (!variable)
              report(
                { file: flow.file.path, line: call.line },
                `Flow ${flow.name} calls End Conversation (${element}) but drops its "${out}" output`
              );
            else if (!stored.has(variable))
              report(
                { file: flow.file.path, line: call.line },
                `Flow ${flow.name} keeps End Conversation's "${out}" in ${variable} but never writes it to the MessagingSession`
              );
          }
        }
      }
    }
  }
];
