/**
 * Routing flows of real orgs' retrieves (test/fixtures/retrieved, each README names the public
 * files it follows), simulated with `--flow` semantics: no handoff.config.json, no kit files.
 * Each run is asserted to end where the flow's own elements send it.
 */
import * as path from 'node:path';
import { Org } from '../../scripts/simulate/flow/org';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import type { Simulator } from '../../scripts/simulate/simulate';
import { ROOT, run, scenario } from './helpers';

const RETRIEVED = path.join(ROOT, 'test/fixtures/retrieved');
const simFor = (fixture: string, flow: string): Simulator =>
  simulatorFor(loadSimProject(path.join(RETRIEVED, fixture), { flow }));

describe('ubiquity-web-messaging: Copilot routing with a fallback queue per pre-chat role', () => {
  const sim = simFor('ubiquity-web-messaging', 'Route_Messages_to_Queues');

  it('finds the channel and deployment that use the flow', () => {
    expect(sim.project.channel?.developerName).toBe('Web_Messaging');
    expect(sim.project.deployment?.developerName).toBe('Web_Messaging');
  });

  it('routes an Advisor to the Agentforce agent with the Web Advisor queue (a literal Group Id) as fallback', () => {
    const r = run(sim, { Role: 'Advisor', _email: 'a@b.com', _firstName: 'Ada', _lastName: 'L' });
    expect(r.run.outcome).toMatchObject({
      kind: 'routed',
      by: 'flow',
      element: 'Route_Advisors',
      queue: 'Web_Advisor',
      target: { type: 'Copilot', id: '0Xx5e000000A001AAA', label: 'Web Service Agent' }
    });
    expect(r.run.session.fields).toMatchObject({ Role__c: 'Advisor', Email__c: 'a@b.com', First_Name__c: 'Ada' });
  });

  it('routes "Employee" roles by Contains and everyone else by the default outcome', () => {
    expect(run(sim, { Role: 'Plan Employee' }).run.outcome).toMatchObject({
      element: 'Route_Employees',
      queue: 'Web_Saver'
    });
    expect(run(sim, {}).run.outcome).toMatchObject({ element: 'Route_Others', queue: 'Web_Support' });
  });

  it('drops _subject: the form has it but the channel has no Subject standard parameter (as in the public retrieve)', () => {
    const k = run(sim, { _subject: 'Help' }).run.keys[0];
    expect(k).toMatchObject({ accepted: false, code: 'no-parameter' });
  });

  it('links the messaging user to an existing Contact found by email', () => {
    const r = run(sim, { _email: 'known@b.com' }, { contactEmail: 'known@b.com' });
    const upd = r.run.steps.find((s) => s.element === 'Link_Contact');
    expect(upd).toMatchObject({ type: 'update', object: 'MessagingEndUser', ids: ['0PASIM000000001AAA'] });
  });
});

describe('ubiquity-sms-onboarding: formula, assignment, screen pop and Agent routing, no channel in the retrieve', () => {
  const sim = simFor('ubiquity-sms-onboarding', 'Route_SMS_to_Onboarding');

  it('runs without a channel or deployment and routes an unknown number to the onboarding queue', () => {
    expect(sim.project.channel).toBeUndefined();
    const r = run(sim, {}, { platformKey: '+14155550100' });
    expect(r.run.outcome).toMatchObject({ kind: 'routed', element: 'Route_to_Queue', queue: 'Client_Onboarding' });
    expect(r.run.outcome).not.toHaveProperty('target');
  });

  it('routes a known client to the owner of its implementation (formula on the end user key, screen pop modelled)', () => {
    const org = sim.project.baseOrg.fork();
    const acct = org.seed('Account', { Name: 'Acme' });
    org.seed('Contact', { LastName: 'Client', MobilePhone: '4155550100', AccountId: acct.Id });
    org.seed('Implementation__c', { Name: 'Acme 401k', Account__c: acct.Id, OwnerId: '005SIM000000001AAA' });
    const s = { ...sim, project: { ...sim.project, baseOrg: org } };
    const r = run(s, {}, { platformKey: '+14155550100' });
    expect(r.run.outcome).toMatchObject({
      kind: 'routed',
      element: 'Route_to_Owner',
      queue: 'Client_Onboarding',
      target: { type: 'Agent', id: '005SIM000000001AAA' }
    });
    expect(r.run.steps.find((st) => st.element === 'Add_Implementation_Record')).toMatchObject({
      type: 'action',
      modelled: expect.stringContaining('screen pop not executed')
    });
    expect(r.run.warnings.join('\n')).toContain('Add_Implementation_Record (addScreenPop) was not executed');
  });
});

describe('minlopro-digex: queue found by Get Records on Group, Apex logger on the fault path', () => {
  const sim = simFor('minlopro-digex', 'Route_Site_Messaging_Requests');

  it('reads the package directory of sfdx-project.json and a flow in a subfolder', () => {
    expect(sim.project.channel?.developerName).toBe('Site_Messaging_Channel');
    expect(sim.project.flow.file).toContain('flows/omni/');
  });

  it('routes to the queue the lookup finds', () => {
    expect(run(sim, {}).run.outcome).toMatchObject({
      kind: 'routed',
      by: 'flow',
      element: 'Route_Request',
      queue: 'Site_Messaging_Requests'
    });
  });

  it('a Route Work fault caught by the logger ends where the channel fallback queue takes the session', () => {
    // No queue to find: FindQueue returns nothing, Route Work refuses a blank queueId and faults.
    const empty = { ...sim, project: { ...sim.project, baseOrg: new Org(sim.project.schema) } };
    const r = run(empty, {}, { scenario: scenario() });
    expect(r.run.steps.map((s) => s.type)).toEqual(['lookup', 'fault', 'action']);
    expect(r.run.steps[2]).toMatchObject({
      element: 'Capture_Error_And_Log',
      modelled: expect.stringContaining('FlowLogger')
    });
    expect(r.run.outcome).toMatchObject({ kind: 'routed', by: 'channel-fallback', queue: 'Site_Messaging_Requests' });
  });
});

describe('coral-resort-agent: Route Work as Flow Builder 62 writes it (nameSegment, versionSegment), no fault path', () => {
  it("routes the deployment's channel to the Agentforce agent, the resort queue as fallback", () => {
    const sim = simFor('coral-resort-agent', 'Route_to_Resort_Agent');
    expect(sim.project.channel?.developerName).toBe('Resort_Chat');
    expect(sim.project.deployment?.developerName).toBe('Resort_Web');
    const r = run(sim, {});
    expect(r.run.steps.map((s) => s.element)).toEqual(['Get_Messaging_Session', 'Route_to_Agent']);
    expect(r.run.outcome).toMatchObject({
      kind: 'routed',
      by: 'flow',
      element: 'Route_to_Agent',
      queue: 'Resort_Messaging',
      target: { type: 'Copilot', id: '0Xx5e000000A101AAA', label: 'Resort Service Agent' }
    });
  });

  it('a flow no channel names: creates a Case for the default Contact, puts it on the session, routes to the queue', () => {
    const sim = simFor('coral-resort-agent', 'Route_to_Resort_Queue');
    expect(sim.project.channel).toBeUndefined();
    const org = sim.project.baseOrg.fork();
    const guest = org.seed('Contact', { FirstName: 'Resort', LastName: 'Guest', Name: 'Resort Guest' });
    const r = run({ ...sim, project: { ...sim.project, baseOrg: org } }, {});
    const created = r.run.steps.find((s) => s.element === 'Create_Case');
    expect(created).toMatchObject({ type: 'create', object: 'Case', fields: { ContactId: guest.Id, Origin: 'Web' } });
    const caseId = (created as { id: string }).id;
    expect(r.run.session.fields).toMatchObject({ CaseId: caseId });
    expect(r.run.outcome).toMatchObject({ kind: 'routed', element: 'Route_to_Queue', queue: 'Resort_Messaging' });
  });
});
