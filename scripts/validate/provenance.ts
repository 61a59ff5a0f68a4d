/**
 * Who wrote the files being validated. A project without handoff.config.json is an org's own
 * retrieve (issue 10 item 8): some kit rules there are conventions, not platform rejections, and
 * report as warnings. Errors stay errors where a real org would reject the file or the hand-off
 * would misbehave.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from './types';

/**
 * Rules that are warnings on files the kit did not generate, each with why it is not an error there:
 * - schema/required-element, schema/unknown-element: a real org's retrieve at another API version omits
 *   elements the v66 WSDL requires and carries ones it lacks (test/fixtures/retrieved/ubiquity-web-messaging:
 *   isAgentAvlCheckEnabled and shouldShowAgentforceTagline absent from an API 65.0 retrieve);
 * - flow/fault-path: an unhandled fault ends where the channel's sessionHandlerQueue catches the session
 *   (MessagingChannel doc: "the fallback queue used if a message can't be routed using the selected flow");
 * - flow/no-hardcoded-id: Flow Builder writes the org's Group Id into Route Work (real retrieves do); it
 *   deploys to that org and breaks only when the flow moves to another one;
 * - chain/field-permission, chain/parameter-has-mapping, chain/parameter-has-prechat-field: the org runs
 *   without them (an unused parameter, a field agents cannot see), the routing still works;
 * - flow/end-conversation-outcome: a flow that ignores the outputs still routes (the kit's own rule, issue 14);
 * - apex/invocable-action: a partial retrieve calls Apex that lives in the org but not in the files;
 * - deployment/choice-list-exists, deployment/visible-field-label: a real org's retrieve carries a visible
 *   ChoiceList pre-chat field with neither a choiceList nor a label (test/fixtures/retrieved/
 *   ubiquity-web-messaging, field Role): where that org keeps the list and label is not known.
 */
export const RETRIEVE_WARNING_RULES: ReadonlySet<string> = new Set([
  'schema/required-element',
  'schema/unknown-element',
  'flow/fault-path',
  'flow/no-hardcoded-id',
  'flow/end-conversation-outcome',
  'chain/field-permission',
  'chain/parameter-has-mapping',
  'chain/parameter-has-prechat-field',
  'apex/invocable-action',
  'deployment/choice-list-exists',
  'deployment/visible-field-label'
]);

/** Whether the project under `root` is the kit's (it has the config the kit generates from). */
export const isKitProject = (root: string): boolean => fs.existsSync(path.join(root, 'handoff.config.json'));

/** The severity a finding of `ruleId` has in this project. */
export function severityIn(kitProject: boolean, ruleId: string, declared: Severity): Severity {
  return !kitProject && RETRIEVE_WARNING_RULES.has(ruleId) ? 'warning' : declared;
}
