/** The flow interpreter and the messaging layer against the hand-written fixture project. */
import * as fs from 'node:fs';
import { loadFlow } from '../../scripts/simulate/flow/load';
import { parseLogic, evalLogic } from '../../scripts/simulate/flow/logic';
import { compare } from '../../scripts/simulate/flow/operators';
import { UserError } from '../../scripts/project/errors';
import { fixtureSimulator, fixtureWithFlow, FIXTURE_FLOW, run, scenario } from './helpers';

const sim = fixtureSimulator();

describe('routing through the fixture flow', () => {
  it('routes by custom condition logic 1 AND (2 OR 3)', () => {
    expect(run(sim, { plan: 'enterprise', _email: 'ceo@bigco.com' }).run.outcome).toMatchObject({
      kind: 'routed',
      queue: 'Fixture_Priority',
      by: 'flow'
    });
    expect(run(sim, { plan: 'enterprise', _email: 'vip@small.org' }).run.outcome).toMatchObject({
      queue: 'Fixture_Priority'
    });
    expect(run(sim, { plan: 'enterprise', _email: 'someone@small.org' }).run.outcome).toMatchObject({
      queue: 'Fixture_General'
    });
    expect(run(sim, { plan: 'Enterprise', _email: 'ceo@bigco.com' }).run.outcome).toMatchObject({
      queue: 'Fixture_General'
    }); // decisions compare case-sensitively
  });

  it('routes by In against a collection built by Add', () => {
    expect(run(sim, { user_geoip_data_country_code2: 'AT' }).run.outcome).toMatchObject({ queue: 'Fixture_DACH' });
    expect(run(sim, { user_geoip_data_country_code2: 'FR' }).run.outcome).toMatchObject({ queue: 'Fixture_General' });
  });

  it('records which rule matched and every condition evaluated', () => {
    const steps = run(sim, { plan: 'enterprise', _email: 'ceo@bigco.com' }).run.steps;
    const d = steps.find((s) => s.type === 'decision' && s.element === 'HK_Routing');
    expect(d).toMatchObject({
      outcome: 'HK_Rule_Enterprise',
      rules: [
        {
          name: 'HK_Rule_Enterprise',
          matched: true,
          conditions: [
            { index: 1, left: 'plan', operator: 'EqualTo', right: 'enterprise', leftValue: 'enterprise', result: true },
            { index: 2, left: 'email', operator: 'EndsWith', right: '@bigco.com', result: true }
          ]
        }
      ]
    });
  });

  it('creates a Case and sends End Conversation when no agent is online, with the body the Apex would send', () => {
    const r = run(
      sim,
      { plan: 'pro', _email: 'ada@example.com', ai_summary: 'Refund' },
      { scenario: scenario({ agents: new Map([['Fixture_General', 0]]) }) }
    );
    const o = r.run.outcome;
    expect(o.kind).toBe('case');
    if (o.kind !== 'case') return;
    expect(JSON.parse(o.endConversation.body)).toEqual({
      event: 'handoff.end_conversation',
      eventId: `sim-${r.run.session.id}`,
      attempt: 1,
      timestamp: '2025-01-06T09:00:00.000Z',
      vendorOrganisationId: '<Handoff_Settings__mdt Organisation_Id__c, set by handoff seed>',
      salesforceOrgId: '00DSIM000000000AAA',
      messagingSessionId: r.run.session.id,
      conversationId: '00000000-0000-4000-8000-000000000001',
      salesforceConversationId: '0dwSIM000000001AAA',
      outcome: 'case_created',
      caseId: o.caseId,
      caseNumber: o.caseNumber,
      reason: 'no_agent_available'
    });
    const create = r.run.steps.find((s) => s.type === 'create');
    expect(create).toMatchObject({
      object: 'Case',
      fields: { Description: 'Plan: pro\nTone: \nSummary: Refund', SuppliedEmail: 'ada@example.com', Origin: 'Chat' }
    });
  });

  it('takes the closed-hours branch with its reason', () => {
    const o = run(sim, { plan: 'pro' }, { scenario: scenario({ hours: 'closed' }) }).run.outcome;
    expect(o.kind === 'case' && JSON.parse(o.endConversation.body).reason).toBe('outside_business_hours');
  });

  it('follows the fault connector when the platform would reject the update (text longer than the field)', () => {
    const r = run(sim, { ai_summary: 'x'.repeat(101) }); // parameter maxLength 255, field length 100
    const fault = r.run.steps.find((s) => s.type === 'fault');
    expect(fault).toMatchObject({
      element: 'HK_Update_Session',
      code: 'STRING_TOO_LONG',
      next: 'HK_Get_Fallback_Queue'
    });
    expect(r.run.outcome).toMatchObject({ kind: 'routed', queue: 'Fixture_General', element: 'HK_Route_Fallback' });
    expect(r.run.session.fields).toEqual({});
  });

  it('routes to the channel fallback queue when a fault has no fault path', () => {
    const dir = fixtureWithFlow((x) =>
      x.replace(/(<name>HK_Update_Session<\/name>[\s\S]*?)<faultConnector>[\s\S]*?<\/faultConnector>/, '$1')
    );
    const r = run(fixtureSimulator(dir), { ai_summary: 'x'.repeat(101) });
    expect(r.run.failure).toMatchObject({ element: 'HK_Update_Session', code: 'STRING_TOO_LONG' });
    expect(r.run.outcome).toEqual({
      kind: 'routed',
      queue: 'Fixture_General',
      queueLabel: 'Fixture General',
      by: 'channel-fallback'
    });
  });

  it('reports a flow that ends without routing as dropped', () => {
    const dir = fixtureWithFlow((x) =>
      x
        .replace('<targetReference>HK_Route</targetReference>', '<targetReference>HK_Set_Default</targetReference>')
        .replace(/(<name>HK_Set_Default<\/name>[\s\S]*?)<connector>[\s\S]*?<\/connector>/, '$1')
    );
    const r = run(fixtureSimulator(dir), {});
    expect(r.run.outcome).toEqual({
      kind: 'dropped',
      reason: 'the flow ended without Route Work and without a Case: the session waits unassigned'
    });
  });

  it('continues an earlier session of the same conversation', () => {
    const r = run(
      sim,
      { plan: 'pro' },
      { earlier: { source: 'earlier.json', entries: new Map([['plan', 'enterprise']]) } }
    );
    expect(r.earlier?.session.fields.plan__c).toBe('enterprise');
    expect(r.run.session.id).not.toBe(r.earlier?.session.id);
  });
});

describe('the messaging layer', () => {
  it('explains every drop reason', () => {
    const r = run(sim, { not_on_form: 'a', unmapped: 'b', _lastName: 'c', nope: 'd' });
    expect(r.run.keys.map((k) => [k.key, k.code, k.reason])).toEqual([
      [
        'not_on_form',
        'not-on-form',
        'channel parameter not_on_form is not a field of the pre-chat form of deployment Fixture_Deployment (no formField "not_on_form")'
      ],
      [
        'unmapped',
        'no-mapping',
        'channel parameter unmapped has no actionParameterMappings, so the value never reaches the flow'
      ],
      [
        '_lastName',
        'not-on-form',
        'the standard field _LastName is not on the pre-chat form of deployment Fixture_Deployment'
      ],
      ['nope', 'no-parameter', 'no channel custom parameter has externalParameterName "nope"']
    ]);
  });

  it('matches vendor keys to externalParameterName and maps them to the flow input by name', () => {
    const r = run(sim, { 'conversation_custom_data_AI Tone of Voice': 'Friendly', _FirstName: 'Ada' });
    expect(r.run.keys.map((k) => [k.key, k.parameter, k.flowInputs])).toEqual([
      ['conversation_custom_data_AI Tone of Voice', 'ai_tone', ['ai_tone']],
      ['_FirstName', 'FirstName', ['firstName']]
    ]);
    expect(r.run.session.fields).toEqual({ ai_tone__c: 'Friendly', firstName__c: 'Ada' });
  });

  it('drops everything when the pre-chat form is inactive', () => {
    const dir = fixtureWithFlow((x) => x);
    const dep = `${dir}/force-app/EmbeddedServiceConfig/Fixture_Deployment.EmbeddedServiceConfig-meta.xml`;
    fs.writeFileSync(
      dep,
      fs.readFileSync(dep, 'utf8').replace('<isActive>true</isActive>', '<isActive>false</isActive>')
    );
    const r = run(fixtureSimulator(dir), { plan: 'enterprise' });
    expect(r.run.keys[0]).toMatchObject({ accepted: false, code: 'form-inactive' });
  });
});

describe('flow problems are clear errors naming the element', () => {
  const inject = (xml: string, element: string) => xml.replace('<apiVersion>', `${element}\n<apiVersion>`);

  const reaching = (element: string) =>
    fixtureWithFlow((x) =>
      inject(x, element).replace(
        '<connector>\n      <targetReference>HK_Update_Session</targetReference>',
        '<connector>\n      <targetReference>HK_Loop</targetReference>'
      )
    );

  it('an unsupported element type reached by the run', () => {
    const dir = reaching('<customErrors><name>HK_Loop</name><label>Error</label></customErrors>');
    expect(() => run(fixtureSimulator(dir), {})).toThrow(
      /Fixture_Routing\.flow-meta\.xml:\d+: the flow reaches <customErrors> HK_Loop, an element type the simulator does not run/
    );
  });

  it('a screen reached by the run: a routing flow has no user to show it to', () => {
    const dir = reaching(
      '<screens><name>HK_Loop</name><label>Screen</label><locationX>0</locationX><locationY>0</locationY></screens>'
    );
    expect(() => run(fixtureSimulator(dir), {})).toThrow(
      /Fixture_Routing\.flow-meta\.xml:\d+: the flow reaches the Screen HK_Loop: a RoutingFlow flow runs with no user/
    );
  });

  it('an Apex action the simulator does not execute', () => {
    const dir = fixtureWithFlow((x) =>
      x.replace(
        '<actionName>HandoffBusinessHours</actionName>\n    <actionType>apex</actionType>',
        '<actionName>SomethingElse</actionName>\n    <actionType>apex</actionType>'
      )
    );
    // Not executed, never a fault: modelled as returning no outputs (isWithin null → closed path), with a warning.
    const r = run(fixtureSimulator(dir), {});
    expect(r.run.warnings).toContain(
      'HK_Check_Hours (apex SomethingElse) was not executed: Apex SomethingElse not executed: modelled as returning no outputs'
    );
    expect(r.run.steps.find((st) => st.element === 'HK_Check_Hours')).toMatchObject({
      type: 'action',
      modelled: 'Apex SomethingElse not executed: modelled as returning no outputs'
    });
  });

  it('a wrong input name on the End Conversation action', () => {
    const dir = fixtureWithFlow((x) => x.replace('<name>reason</name>', '<name>why</name>'));
    expect(() => run(fixtureSimulator(dir), {}, { scenario: scenario({ hours: 'closed' }) })).toThrow(
      'HK_End_Conversation passes input "why" to apex HandoffEndConversation, which takes only: messagingSessionId, caseId, reason'
    );
  });

  it('a loop stops at the step limit', () => {
    const dir = fixtureWithFlow((x) =>
      x.replace(/(<name>HK_Set_Default<\/name>[\s\S]*?<targetReference>)HK_Get_Queue/, '$1HK_Routing')
    );
    expect(() => run(fixtureSimulator(dir), {})).toThrow(
      /the interview ran more than 2000 elements \(a loop\? last elements: .*HK_Routing → HK_Set_Default/
    );
  });

  it('a reference to nothing', () => {
    const dir = fixtureWithFlow((x) =>
      x.replace(
        '<elementReference>HK_DefaultQueue</elementReference>',
        '<elementReference>HK_Missing</elementReference>'
      )
    );
    expect(() => run(fixtureSimulator(dir), {})).toThrow(
      '"HK_Missing" refers to nothing in this flow (no variable, constant or element named HK_Missing)'
    );
  });

  it('a dangling connector, at load time with the line', () => {
    const xml = fs
      .readFileSync(FIXTURE_FLOW, 'utf8')
      .replace('<targetReference>HK_Routing</targetReference>', '<targetReference>HK_Nowhere</targetReference>');
    expect(() => loadFlow(xml, 'f.flow-meta.xml')).toThrow(UserError);
    expect(() => loadFlow(xml, 'f.flow-meta.xml')).toThrow(
      /^f\.flow-meta\.xml:\d+: HK_Update_Session connects to "HK_Nowhere", which is not an element of this flow/
    );
  });

  it('bad condition logic, at load time', () => {
    const xml = fs.readFileSync(FIXTURE_FLOW, 'utf8').replace('1 AND (2 OR 3)', '1 AND (2 OR 4)');
    expect(() => loadFlow(xml, 'f.flow-meta.xml')).toThrow(
      /rule HK_Rule_Enterprise of decision HK_Routing: condition logic "1 AND \(2 OR 4\)": condition 4 does not exist \(there are 3\)/
    );
  });
});

describe('logic and operators', () => {
  it.each([
    ['1 AND (2 OR 3)', [true, false, true], true],
    ['1 AND (2 OR 3)', [true, false, false], false],
    ['NOT 1 OR 2', [true, false, false], false],
    ['(1 OR 2) AND NOT 3', [false, true, false], true],
    ['or', [false, false, true], true],
    ['and', [true, true, false], false]
  ])('%s with %j is %s', (logic, values, expected) => {
    expect(evalLogic(parseLogic(logic, 3), (i) => values[i])).toBe(expected);
  });

  it.each(['1 AND', '(1 OR 2', '1 XOR 2', '0'])('rejects %s', (logic) => {
    expect(() => parseLogic(logic, 2)).toThrow();
  });

  it.each([
    ['EqualTo', 'a', 'a', false, true],
    ['EqualTo', 'A', 'a', false, false],
    ['EqualTo', 'A', 'a', true, true],
    ['EqualTo', 'Handoff_DACH', 'Handoff_General', true, false],
    // Lower-cased, "İ" is two characters ("i" and a combining dot): equal texts of different lengths.
    ['EqualTo', 'İ', 'i\u0307', true, true],
    ['EqualTo', 'ÄRGER', 'ärger', true, true],
    ['EqualTo', null, '', false, true],
    ['EqualTo', '5', 5, false, true],
    ['NotEqualTo', 'a', 'b', false, true],
    ['Contains', 'Hello', 'ell', false, true],
    ['Contains', 'Hello', 'ELL', true, true],
    ['StartsWith', 'Hello', 'He', false, true],
    ['EndsWith', 'Hello', 'lo', false, true],
    ['IsNull', null, true, false, true],
    ['IsNull', '', true, false, false],
    ['IsBlank', '', true, false, true],
    ['IsBlank', 'x', false, false, true],
    ['In', 'AT', ['DE', 'AT'], false, true],
    ['NotIn', 'FR', ['DE', 'AT'], false, true],
    ['GreaterThan', 2, 1, false, true],
    ['GreaterThan', null, 1, false, false],
    ['LessThan', '2025-01-01', '2025-06-01', false, true],
    ['GreaterThanOrEqualTo', 1, 1, false, true],
    ['LessThanOrEqualTo', 2, 1, false, false]
  ])('%s(%j, %j, soql=%s) is %s', (op, left, right, soql, expected) => {
    expect(compare(op as string, left as never, right as never, soql as boolean)).toBe(expected);
  });
});
