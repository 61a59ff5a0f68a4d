/**
 * The flow's test inputs: the example config and variants that switch each optional part off or
 * change a fallback, plus a parsed view of the generated flow (elements, connectors, variables).
 */
import type { HandoffConfig } from '../../../scripts/config/types';
import { generate } from '../../../scripts/generate/flow';
import { resolveModel } from '../../../scripts/model/resolve';
import type { HandoffModel } from '../../../scripts/model/types';
import { child, children, parseXml, textOf, type XmlNode } from '../../../scripts/xml/read';
import { exampleConfig, minimalConfig } from '../helpers';

export type Variant = { name: string; config: HandoffConfig };

function edit(name: string, change: (c: HandoffConfig) => void): Variant {
  const config = exampleConfig();
  change(config);
  return { name, config };
}

export const VARIANTS: Variant[] = [
  { name: 'example', config: exampleConfig() },
  edit('no-continuation', (c) => delete c.continuation),
  // The example's channel verifies nobody, so its flow matches no Contact (docs/flow.md); these two do.
  edit('verified-contact-matching', (c) => (c.channel.verification = { mode: 'verified', keySet: 'Vendor_Keys' })),
  edit(
    'contact-creation',
    (c) => (c.contactMatching = { emailAttribute: '_email', createContact: true, trustUnverifiedEmail: true })
  ),
  edit('no-business-hours', (c) => delete c.businessHours),
  edit('no-agent-wait', (c) => (c.fallback.whenNoAgent = 'wait')),
  edit('closed-wait', (c) => (c.businessHours = { name: 'Support', whenClosed: 'wait' })),
  edit('all-wait', (c) => {
    c.fallback.whenNoAgent = 'wait';
    c.businessHours = { name: 'Support', whenClosed: 'wait' };
  }),
  edit('no-rules', (c) => delete c.routing.rules),
  edit('contains-and-blank-rules', (c) => {
    c.routing.rules = [
      {
        attribute: 'user_email',
        operator: 'contains',
        value: '@bigcorp.example',
        queue: 'Handoff_Priority'
      },
      { attribute: 'plan', operator: 'isBlank', queue: 'Handoff_General' },
      {
        attribute: 'user_geoip_data_country_code2',
        operator: 'in',
        values: ['DE'],
        queue: 'Handoff_DACH'
      }
    ];
  }),
  edit('case-template', (c) => {
    // The customer's own subject instead of the fixed one; the Description lists two attributes only.
    delete c.fallback.case!.subject;
    c.fallback.case!.description = ['_subject', 'user_full_name'];
    c.fallback.case!.fields = { Subject: '_subject', Handoff_Summary__c: 'user_full_name' };
  }),
  { name: 'minimal', config: minimalConfig() }
];

export interface FlowElementView {
  name: string;
  kind: string;
  node: XmlNode;
  /** Normal connectors (connector, decision outcomes, default connector). */
  next: string[];
  fault?: string;
}

export interface FlowView {
  model: HandoffModel;
  xml: string;
  path: string;
  root: XmlNode;
  start: string;
  elements: Map<string, FlowElementView>;
  variables: Map<string, XmlNode>;
}

const NODE_KINDS = ['actionCalls', 'assignments', 'decisions', 'recordCreates', 'recordLookups', 'recordUpdates'];

function target(node: XmlNode | undefined): string | undefined {
  return node ? textOf(node, 'targetReference') : undefined;
}

export function flowOf(config: HandoffConfig): FlowView {
  const model = resolveModel(config);
  const files = generate(model);
  if (files.length !== 1) throw new Error(`expected one file, got ${files.length}`);
  const root = parseXml(files[0].content);
  const elements = new Map<string, FlowElementView>();
  for (const kind of NODE_KINDS) {
    for (const node of children(root, kind)) {
      const name = textOf(node, 'name') ?? '';
      const next: string[] = [];
      const c = target(child(node, 'connector'));
      if (c) next.push(c);
      for (const rule of children(node, 'rules')) {
        const t = target(child(rule, 'connector'));
        if (t) next.push(t);
      }
      const d = target(child(node, 'defaultConnector'));
      if (d) next.push(d);
      elements.set(name, {
        name,
        kind,
        node,
        next,
        fault: target(child(node, 'faultConnector'))
      });
    }
  }
  const variables = new Map(children(root, 'variables').map((v) => [textOf(v, 'name') ?? '', v]));
  return {
    model,
    xml: files[0].content,
    path: files[0].path,
    root,
    start: target(child(child(root, 'start')!, 'connector')) ?? '',
    elements,
    variables
  };
}

/** Every element reachable from `from` (inclusive), following normal and fault connectors. */
export function reachable(view: FlowView, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const e = view.elements.get(n);
    if (!e) continue;
    todo.push(...e.next, ...(e.fault ? [e.fault] : []));
  }
  return seen;
}
