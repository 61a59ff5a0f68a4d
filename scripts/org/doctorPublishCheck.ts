/**
 * doctor, publishing: no API reads whether a deployment is published (REFERENCE.md "Publish"), so
 * doctor says so, and compares the deployment in the org with what the kit last published to it
 * (publishState.ts): a change since then is live only after the next publish.
 */
import type { HandoffModel } from '../model/types';
import type { Check } from './doctorChecks';
import type { OrgCaller } from './doctorSoql';
import { deploymentFingerprint, lastPublish, PUBLISH_STATE_FILE } from './publishState';

export async function publishRecordCheck(
  org: OrgCaller,
  model: HandoffModel,
  root: string,
  orgId: string
): Promise<Check> {
  const name = model.deployment.developerName;
  const base = { id: 'deployment.publishRecord', group: 'Pre-chat (deployment)' };
  const fix = `Publish it: \`handoff deploy\`, or Setup → Embedded Service Deployments → ${model.deployment.label} → Publish.`;
  const record = lastPublish(root, orgId, name);
  if (!record)
    return {
      ...base,
      status: 'warn',
      message: `Whether ${name} is published cannot be read through any API, and ${PUBLISH_STATE_FILE} has no publish of it to this org by the kit`,
      fix
    };
  const meta = await org.call('Metadata read EmbeddedServiceConfig', (conn) =>
    conn.metadata.read('EmbeddedServiceConfig' as never, name)
  );
  if (deploymentFingerprint(meta) === record.fingerprint)
    return {
      ...base,
      status: 'pass',
      message: `${name} is unchanged since the kit published it (${record.publishedAt}); the published state itself cannot be read`,
      fix: ''
    };
  return {
    ...base,
    status: 'fail',
    message: `${name} changed after the kit last published it (${record.publishedAt}): the change is not live until it is published again`,
    fix
  };
}
