/** End Conversation in the org: its settings record complete, and no recent failed notification. */
import { SETTINGS_TYPE } from '../../../contract';
import { DEPLOY_FIX, listCheck, pass, type Check } from '../check';
import { FAILURE_DAYS, type EndConversationSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'End Conversation';

function settingsComplete(s: EndConversationSnapshot): Check {
  const F = SETTINGS_TYPE.fields;
  const rec = `${SETTINGS_TYPE.objectName}.${SETTINGS_TYPE.defaultRecord}`;
  const fix = 'Run `handoff seed -o <org>`.';
  if (!s.settings)
    return { id: 'settings.complete', group: G, status: 'fail', message: `Settings record ${rec} is missing`, fix };
  const problems: string[] = [];
  if (!s.settings[F.organisationId]) problems.push(`${F.organisationId} blank`);
  return listCheck(
    G,
    'settings.complete',
    problems,
    `Settings record ${rec} is complete`,
    `Settings record ${rec} is incomplete`,
    fix
  );
}

function recentFailures(s: EndConversationSnapshot): Check {
  if (s.failures === undefined)
    return {
      id: 'failures.recent',
      group: G,
      status: 'warn',
      message: 'The failure object is not in the org',
      fix: DEPLOY_FIX
    };
  if (!s.failures.length)
    return pass(G, 'failures.recent', `No End Conversation failures in the last ${FAILURE_DAYS} days`);
  const latest = s.failures[0];
  return {
    id: 'failures.recent',
    group: G,
    status: 'fail',
    message: `${s.failures.length} End Conversation failure(s) in the last ${FAILURE_DAYS} days, latest ${latest.createdDate} (${latest.id})`,
    fix: 'Open the Handoff Callout Failure records for the status and message; check the endpoint, the token and the vendor side.'
  };
}

export const endConversation: CheckFamily = {
  name: 'endConversation',
  checks(model, s) {
    if (!model.endConversation) return [];
    return [settingsComplete(s.endConversation), recentFailures(s.endConversation)];
  }
};
