/** Builds one interview over a flow written inline, so each element handler is tested on its own. */
import type { ActionEnv } from '../../../scripts/simulate/flow/actions';
import { Interview } from '../../../scripts/simulate/flow/interview';
import { loadFlow } from '../../../scripts/simulate/flow/load';
import type { FlowNode, FlowValue } from '../../../scripts/simulate/flow/model';
import { buildSchema, Org } from '../../../scripts/simulate/flow/org';

/** `body` is the inside of <Flow>: elements and variables. */
export function interview(body: string, org = new Org(buildSchema(new Map()))): Interview {
  const flow = loadFlow(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</Flow>\n`,
    'inline.flow-meta.xml'
  );
  const env: ActionEnv = {
    org,
    scenario: { agents: new Map(), defaultAgents: 1, hours: 'open' },
    channelDeveloperName: 'Inline',
    vendorConversationId: 'conv-1',
    routed: [],
    endConversations: []
  };
  const iv = new Interview(flow, org, env, true);
  for (const v of flow.variables.values()) iv.vars.set(v.name, v.isCollection ? [] : null);
  return iv;
}

export function node<K extends FlowNode['kind']>(iv: Interview, name: string, kind: K): Extract<FlowNode, { kind: K }> {
  const n = iv.flow.nodes.get(name);
  if (!n || n.kind !== kind) throw new Error(`no ${kind} ${name}`);
  return n as Extract<FlowNode, { kind: K }>;
}

export const variable = (name: string, dataType = 'String', extra = ''): string =>
  `<variables><name>${name}</name><dataType>${dataType}</dataType><isCollection>false</isCollection><isInput>true</isInput>${extra}</variables>`;

export const collection = (name: string, dataType = 'String'): string =>
  `<variables><name>${name}</name><dataType>${dataType}</dataType><isCollection>true</isCollection><isInput>false</isInput></variables>`;

export const value = (v: FlowValue | { ref: string }): string =>
  typeof v === 'object' && v !== null && 'ref' in v
    ? `<value><elementReference>${String(v.ref)}</elementReference></value>`
    : typeof v === 'number'
      ? `<value><numberValue>${v}</numberValue></value>`
      : typeof v === 'boolean'
        ? `<value><booleanValue>${v}</booleanValue></value>`
        : `<value><stringValue>${String(v)}</stringValue></value>`;
