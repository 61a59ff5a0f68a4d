/** The messaging channel: in the org, active, routing with the project's flow, every parameter and mapping present. */
import type { HandoffModel } from '../../../model/types';
import { DEPLOY_FIX, listCheck, pass, type Check } from '../check';
import type { ChannelSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'Messaging channel';

function active(name: string, ch: ChannelSnapshot): Check {
  if (ch.isActive) return pass(G, 'channel.active', `${name} is active`);
  return {
    id: 'channel.active',
    group: G,
    status: 'fail',
    message: ch.isActive === undefined ? `${name} has no MessagingChannel record to activate` : `${name} is inactive`,
    fix: 'Activate it: Setup → Messaging Settings → the channel → Activate (or `handoff deploy` runs the activation step).'
  };
}

function routesWithFlow(model: HandoffModel, ch: ChannelSnapshot): Check {
  const flow = model.flow.apiName;
  if (ch.sessionHandlerFlow === flow) return pass(G, 'channel.flow', `Routes with flow ${flow}`);
  return {
    id: 'channel.flow',
    group: G,
    status: 'fail',
    message: `The channel routes with ${ch.sessionHandlerFlow ? `flow ${ch.sessionHandlerFlow}` : 'no flow'}, not ${flow}`,
    fix: DEPLOY_FIX
  };
}

/** channel.parameters (missing or renamed) and channel.mappings (a parameter not mapped to its flow input). */
function parameters(model: HandoffModel, ch: ChannelSnapshot): Check[] {
  const custom = model.attributes.filter((a) => !a.standard);
  const byExternal = new Map(ch.customParameters.map((p) => [p.externalParameterName, p]));
  const missing: string[] = [];
  const renamed: string[] = [];
  const emptyMapping: string[] = [];
  for (const a of custom) {
    const p = byExternal.get(a.key);
    if (!p) missing.push(a.key);
    else if (p.name !== a.name) renamed.push(`${a.key} (org: ${p.name}, project: ${a.name})`);
    else if (!p.mappings.includes(a.name))
      emptyMapping.push(p.mappings.length ? `${a.key} (maps to ${p.mappings.join('/')})` : a.key);
  }
  const stdByType = new Map(ch.standardParameters.map((p) => [p.parameterType, p]));
  for (const a of model.attributes.filter((x) => x.standard)) {
    const p = stdByType.get(a.standard!);
    if (!p || !p.mappings.includes(a.name)) emptyMapping.push(`${a.key} (standard ${a.standard})`);
  }
  return [
    listCheck(
      G,
      'channel.parameters',
      [...missing, ...renamed],
      `${custom.length} custom parameters present`,
      'Custom parameters missing or renamed',
      DEPLOY_FIX
    ),
    listCheck(
      G,
      'channel.mappings',
      emptyMapping,
      'Every parameter maps to its flow input',
      'Parameter mappings missing or empty',
      'Redeploy the channel after the flow is active (`handoff deploy`), then retrieve it to confirm the mappings are filled.'
    )
  ];
}

export const channel: CheckFamily = {
  name: 'channel',
  checks(model, s) {
    const name = model.channel.developerName;
    if (!s.channel.exists)
      return [
        {
          id: 'channel.exists',
          group: G,
          status: 'fail',
          message: `Messaging channel ${name} is not in the org`,
          fix: DEPLOY_FIX
        }
      ];
    return [active(name, s.channel), routesWithFlow(model, s.channel), ...parameters(model, s.channel)];
  }
};
