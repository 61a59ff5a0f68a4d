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

describe('Route Work routing types and modelled platform actions', () => {
  const routeWork = (inputs: string) => `
<actionCalls><name>Route</name><label>Route</label><actionName>routeWork</actionName><actionType>routeWork</actionType>
  ${inputs}</actionCalls>${variable('recordId')}`;
  const str = (name: string, v: string) =>
    `<inputParameters><name>${name}</name><value><stringValue>${v}</stringValue></value></inputParameters>`;

  function withSession(body: string) {
    const org = new Org(buildSchema(new Map()));
    const session = org.seed('MessagingSession', { Status: 'Waiting' });
    const q = org.seed('Group', { DeveloperName: 'Q', Type: 'Queue', Name: 'Q' });
    const iv = interview(body, org);
    iv.vars.set('recordId', String(session.Id));
    return { iv, queueId: String(q.Id) };
  }

  it.each([
    ['Bot', 'botId', 'bot'],
    ['Copilot', 'copilotId', 'Agentforce agent'],
    ['Agent', 'agentId', 'agent']
  ])('routes %s to the %s it names, with the queue as fallback', (type, input, what) => {
    const { iv, queueId } = withSession(
      routeWork(
        `${str('routingType', type)}${str(input, '0XxTARGET')}<inputParameters><name>recordId</name><value><elementReference>recordId</elementReference></value></inputParameters>`
      )
    );
    const node2 = node(iv, 'Route', 'actionCall');
    node2.inputs.push({ name: 'queueId', value: { kind: 'literal', value: queueId }, line: 1 });
    runActionCall(node2, iv);
    expect(iv.env.routed[0]).toMatchObject({ routingType: type, queue: 'Q', target: { type, what, id: '0XxTARGET' } });
  });

  it('a routing type Route Work does not have is a mistake in the flow, named', () => {
    const { iv } = withSession(routeWork(str('routingType', 'Carrier')));
    expect(() => runActionCall(node(iv, 'Route', 'actionCall'), iv)).toThrow(
      /routingType Carrier is not a Route Work routing type/
    );
  });

  it('models a screen pop and an unknown Apex action instead of faulting', () => {
    const iv = interview(`
<actionCalls><name>Pop</name><label>Pop</label><actionName>addScreenPop</actionName><actionType>addScreenPop</actionType><storeOutputAutomatically>true</storeOutputAutomatically></actionCalls>
<actionCalls><name>Log</name><label>Log</label><actionName>FlowLogger</actionName><actionType>apex</actionType>
  <outputParameters><assignToReference>out</assignToReference><name>result</name></outputParameters></actionCalls>${variable('out')}`);
    iv.env.modelled = [];
    runActionCall(node(iv, 'Pop', 'actionCall'), iv);
    runActionCall(node(iv, 'Log', 'actionCall'), iv);
    expect(iv.resolve('Pop.routingInteractionInfoList')).toBe('<screen pop (not executed)>');
    expect(iv.vars.get('out')).toBeNull();
    expect(iv.env.modelled.map((m) => m.element)).toEqual(['Pop', 'Log']);
  });
});
