/**
 * Integrity of the Omni-Channel routing flows (each channel's handler flow and every RoutingFlow):
 * type, status, the recordId input, connectors and references that resolve, fault paths on Route
 * Work and Apex actions, no org-specific Ids, queues that exist.
 */
import { child, children, textOf, type XmlNode } from '../../xml/read';
import { RECORD_ID } from '../../naming/flowNames';
import { flowView, routingFlows, type FlowView } from '../../source';
import { queueKnown } from '../project';
import type { Rule } from '../types';

const CONNECTORS = new Set([
  'connector',
  'faultConnector',
  'defaultConnector',
  'nextValueConnector',
  'noMoreValuesConnector'
]);
const REFERENCES = new Set([
  'elementReference',
  'leftValueReference',
  'assignToReference',
  'inputReference',
  'outputReference',
  'assignRecordIdToReference',
  'collectionReference',
  'choiceReferences'
]);
/** Salesforce record Ids: 3-character key prefix, pod, reserved "0", 9 characters; 15 or 18 long. */
const RECORD_ID_PATTERN =
  /(?<![A-Za-z0-9_])([a-zA-Z0-9]{3}[a-zA-Z0-9]{2}0[a-zA-Z0-9]{9}(?:[a-zA-Z0-9]{3})?)(?![A-Za-z0-9_])/g;
const MERGE_FIELD = /\{!([^}]+)\}/g;

function walk(node: XmlNode, visit: (n: XmlNode) => void): void {
  for (const c of node.children) {
    if (c.local === 'processMetadataValues') continue; // Flow Builder's own bookkeeping
    visit(c);
    walk(c, visit);
  }
}

/** A value that looks like a record Id: has a digit in the key prefix and mixes digits with letters. */
function looksLikeId(candidate: string): boolean {
  return /[0-9]/.test(candidate.slice(0, 3)) && /[A-Za-z]/.test(candidate) && !/^[0-9]+$/.test(candidate);
}

function hardCodedIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RECORD_ID_PATTERN)) if (looksLikeId(m[1])) out.push(m[1]);
  return out;
}

/**
 * What a hard-coded Id points to, by its key prefix (Salesforce's standard record Id prefixes), and
 * the fix for that kind: real retrieves carry Route Work's serviceChannelId (0N9) and copilotId (0Xx)
 * as literal Ids beside queueId (test/fixtures/retrieved/coral-resort-agent), for which "look up the
 * queue" is the wrong advice.
 */
const ID_KINDS: Record<string, { what: string; fix: string }> = {
  '00G': {
    what: 'a queue or group',
    fix: 'Get Records on Group (Type = Queue) by DeveloperName and reference its Id.'
  },
  '005': { what: 'a user', fix: 'Get Records on User by Username and reference its Id.' },
  '0N9': {
    what: 'a service channel',
    fix: 'Keep serviceChannelDevName beside it and re-select the service channel in Route Work after moving the flow to another org.'
  },
  '0Xx': {
    what: 'an Agentforce agent, a BotDefinition',
    fix: 'Re-select the agent in Route Work after moving the flow to another org (its Id differs per org).'
  }
};

function resolves(flow: FlowView, ref: string): boolean {
  const head = ref.trim().split('.')[0];
  return head.startsWith('$') || flow.resources.has(head);
}

const handlerFlows = (project: Parameters<Rule['check']>[0]['project']): FlowView[] => routingFlows(project);

export const rules: Rule[] = [
  {
    id: 'flow/process-type',
    description: 'A channel handler flow is an Omni-Channel flow (processType RoutingFlow).',
    fix: 'Set <processType>RoutingFlow</processType>; only Omni-Channel flows can be a messaging channel handler.',
    check({ project, report }) {
      for (const flow of handlerFlows(project)) {
        if (flow.processType?.value !== 'RoutingFlow') {
          report(
            { file: flow.file.path, line: flow.processType?.line ?? flow.file.xml.line },
            `Flow ${flow.name} has processType ${flow.processType?.value ?? '(none)'}, not RoutingFlow`
          );
        }
      }
    }
  },
  {
    id: 'flow/status-active',
    description: 'The routing flow is active (status Active).',
    fix: 'Set <status>Active</status>; an inactive flow never runs and sessions wait in the fallback queue.',
    check({ project, report }) {
      for (const flow of handlerFlows(project)) {
        if (flow.status?.value !== 'Active') {
          report(
            { file: flow.file.path, line: flow.status?.line ?? flow.file.xml.line },
            `Flow ${flow.name} is ${flow.status?.value ?? 'without status'}, not Active`
          );
        }
      }
    }
  },
  {
    id: 'flow/record-id-input',
    description:
      'The routing flow has the input variable recordId (String, case-exact) that receives the MessagingSession Id.',
    fix: `Add a String variable named exactly "${RECORD_ID}" with isInput true.`,
    check({ project, report }) {
      for (const flow of handlerFlows(project)) {
        const v = flow.variables.get(RECORD_ID);
        const at = { file: flow.file.path, line: v?.line ?? flow.file.xml.line };
        if (!v) {
          const near = [...flow.variables.keys()].find((n) => n.toLowerCase() === RECORD_ID.toLowerCase());
          report(
            at,
            near
              ? `Flow ${flow.name} names its input "${near}"; the platform sets "${RECORD_ID}" (case-exact)`
              : `Flow ${flow.name} has no "${RECORD_ID}" input variable`
          );
        } else if (!v.isInput || v.dataType !== 'String' || v.isCollection) {
          report(at, `Flow variable "${RECORD_ID}" must be a single String with isInput true`);
        }
      }
    }
  },
  {
    id: 'flow/connector-resolves',
    description: 'Every connector (and the start element) targets an element of the flow.',
    fix: 'Point targetReference at an existing element name, or add the element.',
    check({ project, report }) {
      for (const file of project.ofType('Flow')) {
        const flow = flowView(file);
        const start = child(file.xml, 'startElementReference');
        if (start && !flow.nodes.has(start.text.trim())) {
          report(
            { file: file.path, line: start.line },
            `startElementReference "${start.text.trim()}" names no element`
          );
        }
        walk(file.xml, (n) => {
          if (!CONNECTORS.has(n.local)) return;
          const target = child(n, 'targetReference');
          const name = target?.text.trim() ?? '';
          if (!flow.nodes.has(name))
            report(
              { file: file.path, line: (target ?? n).line },
              `<${n.local}> targets "${name}", which is not an element of ${flow.name}`
            );
        });
      }
    }
  },
  {
    id: 'flow/reference-resolves',
    description: 'Every element and resource reference (and {!merge} field in formulas and text templates) resolves.',
    fix: 'Reference an existing variable, formula, constant or element (names are the first part before a ".").',
    check({ project, report }) {
      for (const file of project.ofType('Flow')) {
        const flow = flowView(file);
        walk(file.xml, (n) => {
          if (REFERENCES.has(n.local) && !n.children.length) {
            const ref = n.text.trim();
            if (ref && !resolves(flow, ref))
              report(
                { file: file.path, line: n.line },
                `<${n.local}> "${ref}" names no resource or element of ${flow.name}`
              );
          } else if (
            (n.local === 'expression' && n.parent?.local === 'formulas') ||
            (n.local === 'text' && n.parent?.local === 'textTemplates')
          ) {
            for (const m of n.text.matchAll(MERGE_FIELD)) {
              if (!resolves(flow, m[1]))
                report({ file: file.path, line: n.line }, `{!${m[1]}} names no resource or element of ${flow.name}`);
            }
          }
        });
      }
    }
  },
  {
    id: 'flow/fault-path',
    description:
      'Every Route Work and Apex action of a routing flow has a fault connector, so a failure still routes the conversation.',
    fix: 'Add a <faultConnector> to the action, leading to the fallback routing.',
    check({ project, report }) {
      // Routing flows only: elsewhere (a record-triggered flow of the project) an unhandled fault is the owner's design.
      for (const { file } of handlerFlows(project)) {
        for (const a of children(file.xml, 'actionCalls')) {
          const type = textOf(a, 'actionType');
          if ((type === 'routeWork' || type === 'apex') && !child(a, 'faultConnector')) {
            report(
              { file: file.path, line: a.line },
              `${type === 'apex' ? 'Apex action' : 'Route Work'} "${textOf(a, 'name')}" has no fault path`
            );
          }
        }
      }
    }
  },
  {
    id: 'flow/no-hardcoded-id',
    description: 'No record Id is written into a flow (Ids differ per org): look records up by DeveloperName.',
    fix: 'Replace the Id with a Get Records on DeveloperName (queues: Group, Type = Queue) and reference its Id.',
    check({ project, report }) {
      for (const file of project.ofType('Flow')) {
        walk(file.xml, (n) => {
          const literal =
            n.local === 'stringValue' ||
            (n.local === 'expression' && n.parent?.local === 'formulas') ||
            (n.local === 'text' && n.parent?.local === 'textTemplates');
          if (!literal || n.children.length) return;
          for (const id of hardCodedIds(n.text)) {
            const kind = ID_KINDS[id.slice(0, 3)];
            if (kind)
              report({ file: file.path, line: n.line }, `Hard-coded record Id "${id}" (${kind.what})`, kind.fix);
            else report({ file: file.path, line: n.line }, `Hard-coded record Id "${id}"`);
          }
        });
      }
    }
  },
  {
    id: 'flow/queue-exists',
    description:
      'Queues the flow looks up by DeveloperName exist in the project or are declared in handoff.validate.json (existingQueues).',
    fix: 'Add the queue (handoff.config.json queues, then handoff build), correct the name, or list it in handoff.validate.json "existingQueues" when it exists only in the org.',
    check({ project, settings, report }) {
      for (const file of project.ofType('Flow')) {
        const flow = flowView(file);
        for (const name of queueNames(flow)) {
          if (!queueKnown(project, settings, name.value)) {
            report(
              { file: file.path, line: name.line },
              `Queue "${name.value}" is looked up by DeveloperName but is not in the project`
            );
          }
        }
      }
    }
  }
];

/** Queue DeveloperNames a flow looks up on Group: literal filter values, or the string values assigned to the filter's variable. */
export function queueNames(flow: FlowView): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  const x = flow.file.xml;
  for (const lookup of children(x, 'recordLookups')) {
    if (textOf(lookup, 'object') !== 'Group') continue;
    for (const f of children(lookup, 'filters')) {
      if (textOf(f, 'field') !== 'DeveloperName') continue;
      const value = child(f, 'value');
      if (!value) continue;
      const literal = child(value, 'stringValue');
      if (literal) out.push({ value: literal.text.trim(), line: literal.line });
      const ref = textOf(value, 'elementReference');
      if (ref) out.push(...stringsAssignedTo(x, ref));
    }
  }
  return out;
}

function stringsAssignedTo(flowXml: XmlNode, variable: string): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  for (const c of flowXml.children) {
    if (c.local === 'assignments') {
      for (const item of children(c, 'assignmentItems')) {
        if (textOf(item, 'assignToReference') !== variable) continue;
        const s = child(item, 'value') && child(child(item, 'value')!, 'stringValue');
        if (s) out.push({ value: s.text.trim(), line: s.line });
      }
    } else if (c.local === 'variables' && textOf(c, 'name') === variable) {
      const s = child(c, 'value') && child(child(c, 'value')!, 'stringValue');
      if (s) out.push({ value: s.text.trim(), line: s.line });
    }
  }
  return out;
}
