/**
 * Publishing: no API reads whether a deployment is published (docs/architecture.md, "Publishing"), so doctor
 * says so, and compares the deployment in the org with what the kit last published to it
 * (publishState.ts): a change since then is live only after the next publish.
 */
import { PUBLISH_STATE_FILE } from '../../publishState';
import type { CheckFamily } from './family';

export const publishRecord: CheckFamily = {
  name: 'publishRecord',
  checks(model, s) {
    const name = model.deployment.developerName;
    const base = { id: 'deployment.publishRecord', group: 'Pre-chat (deployment)' };
    const fix = `Publish it: \`handoff deploy\`, or Setup → Embedded Service Deployments → ${model.deployment.label} → Publish.`;
    const { record, orgFingerprint } = s.publish;
    if (!record)
      return [
        {
          ...base,
          status: 'warn',
          message: `Whether ${name} is published cannot be read through any API, and ${PUBLISH_STATE_FILE} has no publish of it to this org by the kit`,
          fix
        }
      ];
    if (orgFingerprint === record.fingerprint)
      return [
        {
          ...base,
          status: 'pass',
          message: `${name} is unchanged since the kit published it (${record.publishedAt}); the published state itself cannot be read`,
          fix: ''
        }
      ];
    return [
      {
        ...base,
        status: 'fail',
        message: `${name} changed after the kit last published it (${record.publishedAt}): the change is not live until it is published again`,
        fix
      }
    ];
  }
};
