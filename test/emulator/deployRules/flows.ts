/**
 * What the platform checks in a flow when it saves it: the service channels its Omni-Channel actions
 * name, the fields its record elements read and write, the resources its conditions refer to, the
 * inputs of the routing actions, and that something follows the Start element.
 */
import { FLOW_NODE_KINDS, FLOW_RESOURCE_KINDS, ROUTING, ROUTING_ACTION_INPUTS } from '../../../scripts/platform';
import { child, children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { serviceChannelExists } from './references';
import type { ComponentRule, DeployProblem } from './types';

const RECORD_ELEMENTS = ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes'];
const ROUTING_ACTIONS = new Set<string>([ROUTING.routeWork, ROUTING.checkAvailability]);
const ROUTING_INPUTS = new Set(ROUTING_ACTION_INPUTS);

const at = (node: XmlNode, message: string): DeployProblem => ({ message, line: node.line, column: node.column });
/** The platform's flow save errors come wrapped as a field integrity exception. */
const integrity = (node: XmlNode, text: string): DeployProblem =>
  at(node, `field integrity exception: unknown (${text})`);

/** Every name a reference in the flow may start with: its elements and resources. */
function flowNames(root: XmlNode): Set<string> {
  const names = new Set<string>();
  for (const kind of [...FLOW_NODE_KINDS, ...FLOW_RESOURCE_KINDS])
    for (const el of children(root, kind)) {
      const name = textOf(el, 'name');
      if (name) names.add(name);
    }
  return names;
}

/** The fields a record element names: filters, queried fields, assignments and sort field. */
function fieldNodes(el: XmlNode): XmlNode[] {
  return [
    ...children(el, 'filters').map((f) => child(f, 'field')),
    ...children(el, 'inputAssignments').map((a) => child(a, 'field')),
    ...children(el, 'outputAssignments').map((a) => child(a, 'field')),
    ...children(el, 'queriedFields'),
    child(el, 'sortField')
  ].filter((n): n is XmlNode => !!n);
}

export const flowRules: ComponentRule[] = [
  {
    id: 'flow/service-channel',
    evidence:
      "Retrieved v66 routing flows pass serviceChannelId as <setupReference>sfdc_livemessage</setupReference> with setupReferenceType ServiceChannel, resolved to the org's channel at deploy (docs/architecture.md, Route Work); message wording unverified",
    types: ['Flow'],
    check(c, org) {
      return children(c.root!, 'actionCalls').flatMap((call) =>
        children(call, 'inputParameters').flatMap((p) => {
          const value = child(p, 'value');
          const ref = value && child(value, 'setupReference');
          const name = ref?.text.trim();
          if (!ref || !name || textOf(value!, 'setupReferenceType') !== 'ServiceChannel') return [];
          return serviceChannelExists(org, name)
            ? []
            : [
                integrity(
                  ref,
                  `The "${textOf(call, 'name')}" element references the service channel "${name}", which doesn't exist.`
                )
              ];
        })
      );
    }
  },
  {
    id: 'flow/field',
    evidence:
      'Public deploy log: field integrity exception: unknown (The field "Crew_Warning_Sent__c" for the object "Installation__c" doesn\'t exist.)',
    types: ['Flow'],
    check(c, org) {
      return RECORD_ELEMENTS.flatMap((kind) =>
        children(c.root!, kind).flatMap((el) => {
          const object = textOf(el, 'object');
          if (!object) return [];
          return fieldNodes(el)
            .filter((n) => !org.hasField(object, n.text.trim()))
            .map((n) => integrity(n, `The field "${n.text.trim()}" for the object "${object}" doesn't exist.`));
        })
      );
    }
  },
  {
    id: 'flow/condition-reference',
    evidence:
      "Public deploy tips (sfdx-hardis deployTipsList): field integrity exception: unknown (A condition has a reference to X, which doesn't exist.)",
    types: ['Flow'],
    check(c) {
      const names = flowNames(c.root!);
      return children(c.root!, 'decisions').flatMap((d) =>
        children(d, 'rules').flatMap((r) =>
          children(r, 'conditions').flatMap((cond) =>
            [child(cond, 'leftValueReference'), child(child(cond, 'rightValue') ?? cond, 'elementReference')]
              .filter((n): n is XmlNode => !!n && n.parent !== undefined)
              .filter((n) => {
                const head = n.text.trim().split('.')[0];
                return head && !head.startsWith('$') && !names.has(head);
              })
              .map((n) => integrity(n, `A condition has a reference to ${n.text.trim()}, which doesn't exist.`))
          )
        )
      );
    }
  },
  {
    id: 'flow/routing-action-input',
    evidence:
      'Public deploy logs for unknown action/component inputs: We can\'t find this input attribute: "min"; Route Work and Check Availability inputs per scripts/platform/routing.ts',
    types: ['Flow'],
    check(c) {
      return children(c.root!, 'actionCalls')
        .filter((call) => ROUTING_ACTIONS.has(textOf(call, 'actionType') ?? ''))
        .flatMap((call) =>
          children(call, 'inputParameters')
            .map((p) => child(p, 'name'))
            .filter((n): n is XmlNode => !!n && !ROUTING_INPUTS.has(n.text.trim()))
            .map((n) => at(n, `We can't find this input attribute: "${n.text.trim()}"`))
        );
    }
  },
  {
    id: 'flow/start-connected',
    evidence:
      'Public deploy log: "The flow can\'t run because nothing is connected to the Start element." (forcedotcom/devops-center-feedback#163)',
    types: ['Flow'],
    check(c) {
      const root = c.root!;
      if (textOf(root, 'status') !== 'Active' || child(root, 'startElementReference')) return [];
      const start = child(root, 'start');
      if (start && (child(start, 'connector') || child(start, 'scheduledPaths'))) return [];
      return [integrity(start ?? root, "The flow can't run because nothing is connected to the Start element.")];
    }
  }
];
