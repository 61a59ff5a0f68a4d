/**
 * Behaviour of the generated Omni-Channel flow, read back from the XML it writes: inputs, the
 * connector graph, fault handling, routing rules, actions and naming, on the example and variants.
 */
import { BUSINESS_HOURS, END_CONVERSATION } from '../../../scripts/contract';
import {
  FLOW_ELEMENTS as E,
  FLOW_INTERNAL_PREFIX,
  FLOW_VARIABLES as V,
  RECORD_ID
} from '../../../scripts/generate/flow/names';
import { generate } from '../../../scripts/generate/flow';
import { child, children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { flowOf, reachable, VARIANTS, type FlowView } from './variants';

const FAULTABLE = ['recordLookups', 'recordUpdates', 'recordCreates', 'actionCalls'];
/** Elements of the fallback path itself: their faults end in the terminal element. */
const FALLBACK_PATH: string[] = [E.getFallbackQueue, E.fallbackQueueFound, E.routeToFallback, E.leaveToChannelFallback];

function valueOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const v = node.children[0];
  return v ? `${v.name}:${v.text}` : undefined;
}

function inputsOf(view: FlowView, name: string): Map<string, string | undefined> {
  const e = view.elements.get(name);
  if (!e) throw new Error(`no element ${name}`);
  return new Map(children(e.node, 'inputParameters').map((p) => [textOf(p, 'name') ?? '', valueOf(child(p, 'value'))]));
}

describe.each(VARIANTS)('generated flow: $name', ({ config }) => {
  const view = flowOf(config);

  it('is written to flows/<apiName>.flow-meta.xml as an active RoutingFlow of API 66.0', () => {
    expect(view.path).toBe(`flows/${view.model.flow.apiName}.flow-meta.xml`);
    expect(textOf(view.root, 'processType')).toBe('RoutingFlow');
    expect(textOf(view.root, 'status')).toBe('Active');
    expect(textOf(view.root, 'apiVersion')).toBe('66.0');
    expect(view.xml).not.toContain('<!--');
  });

  it('has recordId and one String input per attribute, named as the attribute', () => {
    for (const name of [RECORD_ID, ...view.model.attributes.map((a) => a.name)]) {
      const v = view.variables.get(name);
      expect(v).toBeDefined();
      expect(textOf(v!, 'dataType')).toBe('String');
      expect(textOf(v!, 'isInput')).toBe('true');
      expect(textOf(v!, 'isCollection')).toBe('false');
    }
    const inputs = [...view.variables.values()].filter((v) => textOf(v, 'isInput') === 'true');
    expect(inputs).toHaveLength(view.model.attributes.length + 1);
  });

  it('names every element and internal variable with the HK_ prefix, as valid API names of at most 80 characters', () => {
    const attributeNames = new Set([RECORD_ID, ...view.model.attributes.map((a) => a.name)]);
    const internal = [
      ...view.elements.keys(),
      ...[...view.variables.keys()].filter((n) => !attributeNames.has(n)),
      ...[...view.elements.values()].flatMap((e) => children(e.node, 'rules').map((r) => textOf(r, 'name') ?? ''))
    ];
    for (const name of internal) {
      expect(name.startsWith(FLOW_INTERNAL_PREFIX)).toBe(true);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/);
    }
    expect(new Set(internal.map((n) => n.toLowerCase())).size).toBe(internal.length);
  });

  it('connects every target to an existing element and reaches every element from start', () => {
    expect(view.elements.has(view.start)).toBe(true);
    for (const e of view.elements.values())
      for (const t of [...e.next, ...(e.fault ? [e.fault] : [])]) expect(view.elements.has(t)).toBe(true);
    expect([...reachable(view, view.start)].sort()).toEqual([...view.elements.keys()].sort());
  });

  it('has no cycle and ends only by routing work or in the terminal element that leaves the session to the channel fallback', () => {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string): void => {
      expect(state.get(n)).not.toBe('open');
      if (state.get(n) === 'done') return;
      state.set(n, 'open');
      const e = view.elements.get(n)!;
      for (const t of [...e.next, ...(e.fault ? [e.fault] : [])]) visit(t);
      state.set(n, 'done');
    };
    visit(view.start);
    const sinks = [...view.elements.values()].filter((e) => e.next.length === 0);
    for (const s of sinks) {
      const isRoute = s.kind === 'actionCalls' && textOf(s.node, 'actionType') === 'routeWork';
      expect(isRoute || s.name === E.leaveToChannelFallback).toBe(true);
    }
    expect(textOf(view.elements.get(E.leaveToChannelFallback)!.node, 'description')).toMatch(/fallback/i);
  });

  it('gives every lookup, update, create and action a fault path that reaches the fallback Route Work', () => {
    const faultable = [...view.elements.values()].filter((e) => FAULTABLE.includes(e.kind));
    expect(faultable.length).toBeGreaterThan(0);
    for (const e of faultable) {
      expect(e.fault).toBeDefined();
      if (FALLBACK_PATH.includes(e.name)) {
        expect(e.fault).toBe(E.leaveToChannelFallback);
      } else {
        expect(e.fault).toBe(E.getFallbackQueue);
        expect(reachable(view, e.fault!).has(E.routeToFallback)).toBe(true);
      }
    }
    const fallbackRoute = inputsOf(view, E.routeToFallback);
    expect(fallbackRoute.get('queueId')).toBe(`elementReference:${E.getFallbackQueue}.Id`);
    const lookup = view.elements.get(E.getFallbackQueue)!.node;
    const filters = children(lookup, 'filters').map(
      (f) => `${textOf(f, 'field')} ${textOf(f, 'operator')} ${valueOf(child(f, 'value'))}`
    );
    expect(filters).toEqual([
      `DeveloperName EqualTo stringValue:${view.model.fallback.queue}`,
      'Type EqualTo stringValue:Queue'
    ]);
  });

  it('writes no org-specific Id: no 15/18-character Id-like literal, queues looked up by DeveloperName', () => {
    const idLike = /\b[a-zA-Z0-9]{5}0[a-zA-Z0-9]{9}(?:[a-zA-Z0-9]{3})?\b/;
    const texts: string[] = [];
    const walk = (n: XmlNode): void => {
      if (n.children.length === 0 && n.text) texts.push(n.text);
      n.children.forEach(walk);
    };
    walk(view.root);
    expect(texts.filter((t) => idLike.test(t))).toEqual([]);
    expect(view.xml).not.toMatch(/>0(0G|N9)[A-Za-z0-9]{12}/);
    for (const e of view.elements.values()) {
      if (e.kind !== 'recordLookups' || textOf(e.node, 'object') !== 'Group') continue;
      const fields = children(e.node, 'filters').map((f) => textOf(f, 'field'));
      expect(fields).toEqual(['DeveloperName', 'Type']);
      expect(textOf(e.node, 'getFirstRecordOnly')).toBe('true');
    }
  });

  it('updates the session by recordId from every input variable', () => {
    const update = view.elements.get(E.updateSession)!;
    expect(textOf(update.node, 'object')).toBe('MessagingSession');
    expect(children(update.node, 'filters').map((f) => `${textOf(f, 'field')}=${valueOf(child(f, 'value'))}`)).toEqual([
      `Id=elementReference:${RECORD_ID}`
    ]);
    const assigned = children(update.node, 'inputAssignments').map((a) => [
      textOf(a, 'field'),
      valueOf(child(a, 'value'))
    ]);
    expect(assigned).toEqual(view.model.attributes.map((a) => [a.field.apiName, `elementReference:${a.name}`]));
  });

  it('turns the routing rules into decision outcomes in config order, each choosing its queue', () => {
    const rules = view.model.rules;
    const decision = view.elements.get(E.routingRules);
    if (rules.length === 0) {
      expect(decision).toBeUndefined();
      return;
    }
    const outcomes = children(decision!.node, 'rules');
    expect(outcomes.map((r) => textOf(r, 'name'))).toEqual(rules.map((r) => r.name));
    rules.forEach((rule, i) => {
      const o = outcomes[i];
      const conds = children(o, 'conditions').map((c) => [
        textOf(c, 'leftValueReference'),
        textOf(c, 'operator'),
        valueOf(child(c, 'rightValue'))
      ]);
      const left = rule.attribute.name;
      if (rule.operator === 'equals') expect(conds).toEqual([[left, 'EqualTo', `stringValue:${rule.values[0]}`]]);
      if (rule.operator === 'contains') expect(conds).toEqual([[left, 'Contains', `stringValue:${rule.values[0]}`]]);
      if (rule.operator === 'isBlank') expect(conds).toEqual([[left, 'IsBlank', 'booleanValue:true']]);
      if (rule.operator === 'in') {
        expect(textOf(o, 'conditionLogic')).toBe('or');
        expect(conds).toEqual(rule.values.map((v) => [left, 'EqualTo', `stringValue:${v}`]));
      }
      const setQueue = view.elements.get(target(o)!)!;
      expect(
        children(setQueue.node, 'assignmentItems').map((a) => [
          textOf(a, 'assignToReference'),
          valueOf(child(a, 'value'))
        ])
      ).toEqual([[V.queueDevName, `stringValue:${rule.queue}`]]);
    });
    const def = view.elements.get(textOf(child(decision!.node, 'defaultConnector')!, 'targetReference')!)!;
    expect(valueOf(child(child(def.node, 'assignmentItems')!, 'value'))).toBe(`stringValue:${view.model.defaultQueue}`);
  });

  it('routes with Route Work (QueueBased, messaging channel by setup reference, queue from the lookup)', () => {
    const inputs = inputsOf(view, E.routeToQueue);
    expect(inputs.get('recordId')).toBe(`elementReference:${RECORD_ID}`);
    expect(inputs.get('routingType')).toBe('stringValue:QueueBased');
    expect(inputs.get('queueId')).toBe(`elementReference:${E.getQueue}.Id`);
    expect(inputs.get('isQueueVariable')).toBe('booleanValue:true');
    const channel = children(view.elements.get(E.routeToQueue)!.node, 'inputParameters').find(
      (p) => textOf(p, 'name') === 'serviceChannelId'
    )!;
    expect(textOf(child(channel, 'value')!, 'setupReference')).toBe('sfdc_livemessage');
    expect(textOf(child(channel, 'value')!, 'setupReferenceType')).toBe('ServiceChannel');
    expect(textOf(view.elements.get(E.routeToQueue)!.node, 'versionString')).toBe('2.0.0');
  });

  it('calls Apex actions by their contract names and inputs', () => {
    const apex = [...view.elements.values()].filter((e) => textOf(e.node, 'actionType') === 'apex');
    const contracts: Record<string, readonly string[]> = {
      [END_CONVERSATION.className]: Object.values(END_CONVERSATION.inputs),
      [BUSINESS_HOURS.className]: Object.values(BUSINESS_HOURS.inputs)
    };
    for (const a of apex) {
      const name = textOf(a.node, 'actionName')!;
      expect(Object.keys(contracts)).toContain(name);
      expect([...inputsOf(view, a.name).keys()].sort()).toEqual([...contracts[name]].sort());
    }
    expect(apex.some((a) => textOf(a.node, 'actionName') === BUSINESS_HOURS.className)).toBe(
      view.model.businessHours !== undefined
    );
  });

  it('applies the no-agent and closed fallbacks as configured', () => {
    const m = view.model;
    const hasCase = m.fallback.whenNoAgent === 'case' || m.businessHours?.whenClosed === 'case';
    expect(view.elements.has(E.createCase)).toBe(hasCase);
    expect(view.elements.has(E.endConversation)).toBe(hasCase);
    expect(view.elements.has(E.checkAvailability)).toBe(m.fallback.whenNoAgent === 'case');
    if (m.fallback.whenNoAgent === 'case') {
      const decision = view.elements.get(E.agentsAvailable)!;
      const cond = child(child(decision.node, 'rules')!, 'conditions')!;
      expect([
        textOf(cond, 'leftValueReference'),
        textOf(cond, 'operator'),
        valueOf(child(cond, 'rightValue'))
      ]).toEqual([V.onlineAgentsCount, 'GreaterThan', 'numberValue:0.0']);
      expect(target(child(decision.node, 'rules')!)).toBe(E.routeToQueue);
      expect(textOf(child(decision.node, 'defaultConnector')!, 'targetReference')).toBe(E.setReasonNoAgent);
    }
    if (m.businessHours) {
      const isOpen = view.elements.get(E.isOpen)!;
      const closed = textOf(child(isOpen.node, 'defaultConnector')!, 'targetReference');
      expect(closed).toBe(m.businessHours.whenClosed === 'case' ? E.setReasonClosed : E.routeToQueue);
    }
    if (hasCase) {
      const end = inputsOf(view, E.endConversation);
      expect(end.get(END_CONVERSATION.inputs.messagingSessionId)).toBe(`elementReference:${RECORD_ID}`);
      expect(end.get(END_CONVERSATION.inputs.caseId)).toBe(`elementReference:${V.caseId}`);
      expect(end.get(END_CONVERSATION.inputs.reason)).toBe(`elementReference:${V.endReason}`);
      // After telling the vendor, the session is still routed to the fallback queue: never lost.
      expect(reachable(view, E.endConversation).has(E.routeToFallback)).toBe(true);
      const create = view.elements.get(E.createCase)!;
      const fields = new Map(
        children(create.node, 'inputAssignments').map((a) => [textOf(a, 'field'), valueOf(child(a, 'value'))])
      );
      const mapped = new Map(m.fallback.caseFieldValues.map((v) => [v.field, `elementReference:${v.attribute.name}`]));
      expect(fields.get('Subject')).toBe(mapped.get('Subject') ?? `stringValue:${m.fallback.caseSubject}`);
      for (const [field, value] of mapped) expect(fields.get(field)).toBe(value);
      expect(fields.get('Origin')).toBe(`stringValue:${m.fallback.caseOrigin}`);
      expect(fields.get('OwnerId')).toBe(`elementReference:${E.getCaseQueue}.Id`);
      expect(fields.get('Description')).toBe(`elementReference:${V.caseDescription}`);
      const email = m.attributes.find((a) => a.standard === 'Email');
      expect(fields.get('SuppliedEmail')).toBe(email ? `elementReference:${email.name}` : undefined);
    }
  });
});

function target(rule: XmlNode): string | undefined {
  const c = child(rule, 'connector');
  return c ? textOf(c, 'targetReference') : undefined;
}

describe('generated flow: specifics of the example', () => {
  const view = flowOf(VARIANTS[0].config);

  it("builds the Case description as 'Label: value' lines with Assign/Add only", () => {
    const items = children(view.elements.get(E.buildCaseDescription)!.node, 'assignmentItems');
    let text = '';
    for (const item of items) {
      expect(textOf(item, 'assignToReference')).toBe(V.caseDescription);
      const op = textOf(item, 'operator');
      expect(['Assign', 'Add']).toContain(op);
      const v = child(item, 'value')!.children[0];
      const piece = v.name === 'stringValue' ? v.text : `<${v.text}>`;
      text = op === 'Assign' ? piece : text + piece;
    }
    expect(text.split('\n')).toEqual(view.model.attributes.map((a) => `${a.label}: <${a.name}>`));
  });

  it('lists only the attributes of fallback.case.description, in that order', () => {
    const v = flowOf(VARIANTS.find((x) => x.name === 'case-template')!.config);
    const items = children(v.elements.get(E.buildCaseDescription)!.node, 'assignmentItems');
    const pieces = items.map((item) => child(item, 'value')!.children[0].text);
    const byKey = (k: string) => v.model.attributes.find((a) => a.key === k)!;
    expect(pieces).toEqual([
      `${byKey('_subject').label}: `,
      byKey('_subject').name,
      `\n${byKey('user_full_name').label}: `,
      byKey('user_full_name').name
    ]);
  });

  it('restores each blank input from the earliest other session of the conversation', () => {
    const lookup = view.elements.get(E.getEarlierSession)!.node;
    const filters = children(lookup, 'filters').map(
      (f) => `${textOf(f, 'field')} ${textOf(f, 'operator')} ${valueOf(child(f, 'value'))}`
    );
    expect(filters).toEqual([
      `ConversationId EqualTo elementReference:${E.getCurrentSession}.ConversationId`,
      `Id NotEqualTo elementReference:${RECORD_ID}`
    ]);
    expect([textOf(lookup, 'sortField'), textOf(lookup, 'sortOrder')]).toEqual(['CreatedDate', 'Asc']);
    for (const a of view.model.attributes) {
      const assignment = view.elements.get(`HK_Restore_${a.name}`)!;
      expect(valueOf(child(child(assignment.node, 'assignmentItems')!, 'value'))).toBe(
        `elementReference:${E.getEarlierSession}.${a.field.apiName}`
      );
    }
    expect(view.start).toBe(E.getCurrentSession);
  });

  it('matches a Contact by the email attribute and links it through EndUserContactId on a verified channel', () => {
    expect(view.model.contactMatching).toBeUndefined();
    const verified = flowOf(VARIANTS.find((v) => v.name === 'verified-contact-matching')!.config);
    const email = verified.model.contactMatching!.emailAttribute;
    const check = verified.elements.get(E.hasEmail)!;
    const cond = child(child(check.node, 'rules')!, 'conditions')!;
    expect([textOf(cond, 'leftValueReference'), textOf(cond, 'operator'), valueOf(child(cond, 'rightValue'))]).toEqual([
      email.name,
      'IsBlank',
      'booleanValue:false'
    ]);
    const link = verified.elements.get(E.linkContact)!;
    expect(textOf(child(link.node, 'inputAssignments')!, 'field')).toBe('EndUserContactId');
    expect(verified.elements.has(E.createContact)).toBe(false);
  });

  it("stores End Conversation's accepted and message on the session, its fault going to the fallback path", () => {
    const end = view.elements.get(E.endConversation)!;
    expect(
      children(end.node, 'outputParameters').map((o) => [textOf(o, 'name'), textOf(o, 'assignToReference')])
    ).toEqual([
      ['accepted', V.endAccepted],
      ['message', V.endMessage]
    ]);
    expect(textOf(child(end.node, 'connector')!, 'targetReference')).toBe(E.storeEndOutcome);
    const store = view.elements.get(E.storeEndOutcome)!;
    expect(
      children(store.node, 'inputAssignments').map((a) => [textOf(a, 'field'), valueOf(child(a, 'value'))])
    ).toEqual([
      ['HK_End_Accepted__c', `elementReference:${V.endAccepted}`],
      ['HK_End_Message__c', `elementReference:${V.endMessage}`]
    ]);
    expect(textOf(child(store.node, 'faultConnector')!, 'targetReference')).toBe(E.getFallbackQueue);
    expect(textOf(child(store.node, 'connector')!, 'targetReference')).toBe(E.getFallbackQueue);
  });

  it('is deterministic', () => {
    const again = generate(view.model)[0].content;
    expect(again).toBe(view.xml);
  });

  it('counts its elements (reported in docs/flow.md)', () => {
    const counts: Record<string, number> = {};
    for (const e of view.elements.values()) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    const attrs = view.model.attributes.length; // 24: one restore decision + assignment each
    expect(counts).toEqual({
      actionCalls: 5,
      assignments: attrs + 7,
      decisions: attrs + 8,
      recordCreates: 1,
      recordLookups: 5,
      recordUpdates: 3
    });
    expect(view.variables.size).toBe(attrs + 1 + 9);
  });
});

describe('generated flow: variants', () => {
  it('starts at the session update without continuation', () => {
    expect(flowOf(VARIANTS.find((v) => v.name === 'no-continuation')!.config).start).toBe(E.updateSession);
  });

  it('creates a Contact with a LastName that is never blank when contact creation is on', () => {
    const view = flowOf(VARIANTS.find((v) => v.name === 'contact-creation')!.config);
    const create = view.elements.get(E.createContact)!;
    const fields = new Map(
      children(create.node, 'inputAssignments').map((a) => [textOf(a, 'field'), valueOf(child(a, 'value'))])
    );
    expect(fields.get('LastName')).toBe(`elementReference:${V.contactLastName}`);
    expect(textOf(create.node, 'assignRecordIdToReference')).toBe(V.contactId);
    const prepare = view.elements.get(E.prepareContact)!;
    expect(valueOf(child(child(prepare.node, 'assignmentItems')!, 'value'))).toBe(
      `elementReference:${view.model.contactMatching!.emailAttribute.name}`
    );
  });
});
