import { runScreen } from '../../../scripts/simulate/flow/elements/screen';
import { subflowHandler, SUBFLOW_NOT_IN_PROJECT } from '../../../scripts/simulate/flow/elements/subflow';
import { runWait } from '../../../scripts/simulate/flow/elements/wait';
import { runElement } from '../../../scripts/simulate/flow/elements';
import { loadFlow } from '../../../scripts/simulate/flow/load';
import type { CompiledFlow } from '../../../scripts/simulate/flow/model';
import { OrgFault } from '../../../scripts/simulate/flow/org';
import { interview, node, variable } from './harness';

const runSubflow = subflowHandler(runElement);

const CALLER = `
<subflows><name>Pick</name><label>Pick</label><flowName>Pick_Queue</flowName>
  <inputAssignments><name>topic</name><value><stringValue>billing</stringValue></value></inputAssignments>
  <outputAssignments><assignToReference>queue</assignToReference><name>queueName</name></outputAssignments>
  <storeOutputAutomatically>false</storeOutputAutomatically>
  <connector><targetReference>After</targetReference></connector></subflows>
<assignments><name>After</name><label>After</label></assignments>${variable('queue')}`;

const child = (body: string): CompiledFlow =>
  loadFlow(
    `<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">${body}</Flow>`,
    'Pick_Queue.flow-meta.xml'
  );

const PICK = child(`
<assignments><name>Set</name><label>Set</label>
  <assignmentItems><assignToReference>queueName</assignToReference><operator>Assign</operator><value><elementReference>topic</elementReference></value></assignmentItems>
  <assignmentItems><assignToReference>queueName</assignToReference><operator>Add</operator><value><stringValue>_Queue</stringValue></value></assignmentItems></assignments>
<start><connector><targetReference>Set</targetReference></connector></start>
<variables><name>topic</name><dataType>String</dataType><isCollection>false</isCollection><isInput>true</isInput><isOutput>false</isOutput></variables>
<variables><name>queueName</name><dataType>String</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>true</isOutput></variables>`);

describe('subflow handler', () => {
  it('runs the named flow of the project with the inputs and reads its output variables back', () => {
    const iv = interview(CALLER);
    iv.env.subflow = (name) => (name === 'Pick_Queue' ? PICK : undefined);
    expect(runSubflow(node(iv, 'Pick', 'subflow'), iv)).toBe('After');
    expect(iv.vars.get('queue')).toBe('billing_Queue');
    expect(iv.steps[0]).toMatchObject({ type: 'subflow', flow: 'Pick_Queue', ran: true, steps: 1 });
  });

  it('a flow the project lacks: the documented assumption, outputs null, and a warning', () => {
    const iv = interview(CALLER);
    iv.env.modelled = [];
    iv.vars.set('queue', 'was set');
    expect(runSubflow(node(iv, 'Pick', 'subflow'), iv)).toBe('After');
    expect(iv.vars.get('queue')).toBeNull();
    expect(iv.env.modelled).toEqual([
      { element: 'Pick', action: 'subflow Pick_Queue', outcome: SUBFLOW_NOT_IN_PROJECT }
    ]);
  });

  it('an input the child does not take, or an output it does not give, stops the run naming both', () => {
    const iv = interview(CALLER.replace('<name>topic</name>', '<name>subject</name>'));
    iv.env.subflow = () => PICK;
    expect(() => runSubflow(node(iv, 'Pick', 'subflow'), iv)).toThrow(
      'Pick passes "subject" to Pick_Queue, which has no input variable of that name'
    );
    const out = interview(CALLER.replace('<name>queueName</name>', '<name>topic</name>'));
    out.env.subflow = () => PICK;
    expect(() => runSubflow(node(out, 'Pick', 'subflow'), out)).toThrow('no output variable of that name');
  });

  it('a fault the child does not catch faults the subflow element (it has no fault connector)', () => {
    // Route Work refuses a recordId that is not a MessagingSession: a runtime fault, uncaught in the child.
    const failing = child(`
<actionCalls><name>Route</name><label>Route</label><actionName>routeWork</actionName><actionType>routeWork</actionType>
  <inputParameters><name>recordId</name><value><stringValue>not-a-session</stringValue></value></inputParameters></actionCalls>
<start><connector><targetReference>Route</targetReference></connector></start>
<variables><name>topic</name><dataType>String</dataType><isCollection>false</isCollection><isInput>true</isInput></variables>`);
    const iv = interview(CALLER.replace(/<outputAssignments>.*<\/outputAssignments>/s, ''));
    iv.env.subflow = () => failing;
    iv.vars.set('queue', null);
    expect(() => runSubflow(node(iv, 'Pick', 'subflow'), iv)).toThrow(OrgFault);
  });
});

const WAIT = (events: string) => `
<waits><name>Hold</name><label>Hold</label><defaultConnector><targetReference>Late</targetReference></defaultConnector>
  <defaultConnectorLabel>Timed out</defaultConnectorLabel>${events}</waits>
<assignments><name>Soon</name><label>Soon</label></assignments>
<assignments><name>Late</name><label>Late</label></assignments>`;

describe('wait handler', () => {
  it('never pauses: the first event with a path is assumed to fire, and the assumption is named', () => {
    const iv = interview(
      WAIT(
        '<waitEvents><name>Five_Min</name><label>Five minutes</label><connector><targetReference>Soon</targetReference></connector><eventType>AlarmEvent</eventType></waitEvents>'
      )
    );
    iv.env.modelled = [];
    expect(runWait(node(iv, 'Hold', 'wait'), iv)).toBe('Soon');
    expect(iv.env.modelled[0].outcome).toContain('WAIT_RESUMES_BY = firstEvent');
  });

  it('without events, the default path', () => {
    const iv = interview(WAIT(''));
    expect(runWait(node(iv, 'Hold', 'wait'), iv)).toBe('Late');
    expect(iv.steps[0]).toMatchObject({ type: 'wait', path: 'default "Timed out"' });
  });
});

describe('screen handler', () => {
  it('stops the run: an Omni-Channel flow has no user to show a screen to', () => {
    const iv = interview('<screens><name>Ask</name><label>Ask</label></screens><processType>RoutingFlow</processType>');
    expect(() => runScreen(node(iv, 'Ask', 'screen'), iv)).toThrow(
      /reaches the Screen Ask: a RoutingFlow flow runs with no user to show it to \(Omni-Channel flows cannot contain screens\)/
    );
  });
});
