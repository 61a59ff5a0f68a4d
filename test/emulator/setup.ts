/**
 * Setup actions of the emulated org that are not metadata: publishing an Embedded Service
 * deployment through the Connect API (the path is unverified against a real org, as in
 * scripts/org/postDeploy.ts). With `supported: false` the org answers 404, as an org without the
 * endpoint would, and the deploy command must fall back to printing the Setup click-path.
 */
import type { Handler } from './router';
import { json, restError } from './router';

export interface PublishSettings {
  supported: boolean;
}

const PUBLISH = /^\/services\/data\/v[\d.]+\/connect\/embeddedservice\/embeddedserviceconfig\/publish\/([A-Za-z0-9]+)$/;

export function publishHandler(settings: PublishSettings): Handler {
  return (req, { state }) => {
    const m = PUBLISH.exec(req.path);
    if (!m || req.method !== 'POST') return undefined;
    if (!settings.supported) return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
    // Reported to answer 404 below v67.0 (docs/architecture.md, "Publishing": a Salesforce-authored sf-skills sample).
    if (Number(/\/v([\d.]+)\//.exec(req.path)?.[1]) < 67)
      return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const record =
      state.table('EmbeddedServiceConfig').get(m[1]) ?? state.find('EmbeddedServiceConfig', { DeveloperName: m[1] })[0];
    if (!record) return restError(404, 'NOT_FOUND', `No Embedded Service deployment ${m[1]}`);
    state.published.add(String(record.DeveloperName));
    // 201 {"isSuccess":true} (docs/architecture.md, "Publishing": sample).
    return json(201, { isSuccess: true });
  };
}
