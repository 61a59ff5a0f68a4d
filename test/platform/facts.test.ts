import * as fs from 'node:fs';
import * as path from 'node:path';
import { FLOW_NODE_KINDS, FLOW_RESOURCE_KINDS, isFlowNodeKind } from '../../scripts/platform/flowElements';
import { ROUTING, ROUTING_ACTION_INPUTS } from '../../scripts/platform/routing';
import {
  isStandardFormField,
  STANDARD_PARAMETERS,
  standardFormField,
  standardParameterFor
} from '../../scripts/platform/standardParameters';
import { loadFacts, Schema } from '../../scripts/validate/wsdl/schema';
import { children, parseXml, textOf } from '../../scripts/xml/read';

const schema = new Schema(loadFacts());
const ROOT = path.resolve(__dirname, '../..');

describe('standard parameters', () => {
  test('are exactly the WSDL MessagingChannelStandardParameterType values', () => {
    expect([...STANDARD_PARAMETERS].sort()).toEqual(
      [...schema.enumValues('MessagingChannelStandardParameterType')!].sort()
    );
  });

  it.each([
    ['_firstName', 'FirstName'],
    ['_FirstName', 'FirstName'],
    ['_LASTNAME', 'LastName'],
    ['_email', 'Email'],
    ['_subject', 'Subject'],
    ['firstName', undefined],
    ['user_email', undefined],
    ['_phone', undefined]
  ])('vendor key %s → %s', (key, param) => {
    expect(standardParameterFor(key)).toBe(param);
  });

  test('pre-chat form fields are `_` + the type, case-exact', () => {
    expect(STANDARD_PARAMETERS.map(standardFormField)).toEqual(['_FirstName', '_LastName', '_Email', '_Subject']);
    expect(isStandardFormField('_Email')).toBe(true);
    expect(isStandardFormField('_email')).toBe(false);
    expect(isStandardFormField('Email')).toBe(false);
  });
});

describe('flow element kinds', () => {
  const flow = schema.type('Flow')!;
  const chainOf = (element: string): string[] => schema.type(flow.byName.get(element)!.type)?.chain ?? [];

  test('every node kind is a Flow element whose type is a FlowNode', () => {
    for (const kind of FLOW_NODE_KINDS)
      expect([kind, chainOf(kind)]).toEqual([kind, expect.arrayContaining(['FlowNode'])]);
  });

  test('the FlowNode elements left out are the ones no connector names (start) or that only group nodes', () => {
    const nodes = flow.elements.filter((e) => schema.type(e.type)?.chain.includes('FlowNode')).map((e) => e.name);
    expect(nodes.filter((n) => !FLOW_NODE_KINDS.includes(n)).sort()).toEqual(['experiments', 'groups', 'start']);
  });

  test('every resource kind is a named FlowElement that is not a node', () => {
    for (const kind of FLOW_RESOURCE_KINDS) {
      expect([kind, chainOf(kind)]).toEqual([kind, expect.arrayContaining(['FlowElement'])]);
      expect(isFlowNodeKind(kind)).toBe(false);
    }
  });
});

describe('routing actions', () => {
  test('the empty Route Work inputs are inputs the routing actions take', () => {
    for (const n of ROUTING.emptyRouteWorkInputs) expect(ROUTING_ACTION_INPUTS).toContain(n);
    expect(new Set(ROUTING_ACTION_INPUTS).size).toBe(ROUTING_ACTION_INPUTS.length);
  });

  test('the generated flow passes the routing actions only inputs they take', () => {
    const flow = parseXml(
      fs.readFileSync(path.join(ROOT, 'force-app/generated/flows/Handoff_Routing.flow-meta.xml'), 'utf8')
    );
    const calls = children(flow, 'actionCalls').filter((a) =>
      [ROUTING.routeWork, ROUTING.checkAvailability].includes(textOf(a, 'actionType') as never)
    );
    expect(new Set(calls.map((a) => textOf(a, 'actionType')))).toEqual(
      new Set([ROUTING.checkAvailability, ROUTING.routeWork])
    );
    for (const a of calls)
      for (const p of children(a, 'inputParameters')) expect(ROUTING_ACTION_INPUTS).toContain(textOf(p, 'name'));
  });
});
