import { runActionCall } from '../../../scripts/simulate/flow/elements/actionCall';
import { buildSchema, Org } from '../../../scripts/simulate/flow/org';
import { interview, node, variable } from './harness';

const check = (inputs: string) => `
<actionCalls><name>Check</name><label>Check</label><actionName>checkAvailabilityForRouting</actionName><actionType>checkAvailabilityForRouting</actionType>
  ${inputs}
  <outputParameters><assignToReference>online</assignToReference><name>onlineAgentsCount</name></outputParameters>
</actionCalls>${variable('online', 'Number')}${variable('queueId')}`;

const input = (name: string, ref: string) =>
  `<inputParameters><name>${name}</name><value><elementReference>${ref}</elementReference></value></inputParameters>`;

describe('action call handler', () => {
  it('passes evaluated inputs to the action and assigns its outputs', () => {
    const org = new Org(buildSchema(new Map()));
    const q = org.seed('Group', { DeveloperName: 'Q', Type: 'Queue', Name: 'Q' });
    const iv = interview(check(input('queueId', 'queueId')), org);
    iv.env.scenario.agents.set('Q', 3);
    iv.vars.set('queueId', String(q.Id));
    runActionCall(node(iv, 'Check', 'actionCall'), iv);
    expect(iv.vars.get('online')).toBe(3);
    expect(iv.steps[0]).toMatchObject({ type: 'action', action: 'checkAvailabilityForRouting' });
  });

  it('stops with the input name when the action does not take it', () => {
    const iv = interview(check(input('queueIdentifier', 'queueId')));
    expect(() => runActionCall(node(iv, 'Check', 'actionCall'), iv)).toThrow(/passes input "queueIdentifier"/);
  });

  it('faults (OrgFault) when the queue Id is blank, as the platform refuses it', () => {
    const iv = interview(check(input('queueId', 'queueId')));
    expect(() => runActionCall(node(iv, 'Check', 'actionCall'), iv)).toThrow(/INVALID_INPUT/);
  });
});
