/** The Embedded Service deployment: in the org, pre-chat active, every hidden field present, and published. */
import type { HandoffModel } from '../../../model/types';
import { DEPLOY_FIX, listCheck, pass, type Check } from '../check';
import type { DeploymentSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'Pre-chat (deployment)';
type FormFields = Map<string, DeploymentSnapshot['forms'][number]['fields'][number]>;

function hiddenFields(model: HandoffModel, fields: FormFields): Check {
  const name = model.deployment.developerName;
  const hiddenWanted = model.attributes.filter((a) => a.hidden && !a.standard);
  const notHidden: string[] = [];
  for (const a of hiddenWanted) {
    const f = fields.get(a.formField);
    if (!f) notHidden.push(a.formField);
    else if (!f.isHidden) notHidden.push(`${a.formField} (not hidden)`);
  }
  return listCheck(
    G,
    'prechat.hiddenFields',
    notHidden,
    `${hiddenWanted.length} hidden pre-chat fields present`,
    'Hidden pre-chat fields missing',
    `${DEPLOY_FIX} Then publish ${name}.`
  );
}

/** What the MIAW API serves against the deployment's form: a field not served was changed and not published. */
function published(name: string, d: DeploymentSnapshot, fields: FormFields): Check {
  if ('unavailable' in d.published)
    return {
      id: 'deployment.published',
      group: G,
      status: 'warn',
      message: `Could not read the published pre-chat form: ${d.published.unavailable}`,
      fix: 'Pass --scrt-url https://<my-domain>.my.salesforce-scrt.com to check publishing.'
    };
  const served = new Set(d.published.formFields);
  return listCheck(
    G,
    'deployment.published',
    [...fields.keys()].filter((f) => !served.has(f)),
    'The published pre-chat form matches the deployment',
    `${name} was changed and not published since; these fields are dropped`,
    `Publish it: Setup → Embedded Service Deployments → ${name} → Publish.`
  );
}

export const deployment: CheckFamily = {
  name: 'deployment',
  checks(model, s) {
    const name = model.deployment.developerName;
    const d = s.deployment;
    if (!d.exists)
      return [
        {
          id: 'deployment.exists',
          group: G,
          status: 'fail',
          message: `Embedded Service deployment ${name} is not in the org`,
          fix: DEPLOY_FIX
        }
      ];
    const active = d.forms.find((f) => f.isActive);
    const fields: FormFields = new Map((active ?? d.forms[0])?.fields.map((f) => [f.formField, f]) ?? []);
    return [
      active
        ? pass(G, 'prechat.active', 'Pre-chat is active')
        : {
            id: 'prechat.active',
            group: G,
            status: 'fail',
            message: `Pre-chat is not active on ${name}`,
            fix: `${DEPLOY_FIX} (the generated deployment turns pre-chat on), then publish ${name}.`
          },
      hiddenFields(model, fields),
      published(name, d, fields)
    ];
  }
};
