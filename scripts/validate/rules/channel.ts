/** The channel's own references: handler flow, fallback queue, the objects that queue takes, the deployment's channel. */
import { children, textOf } from '../../xml/read';
import { channelView, flowView, queueObjects, routingFlows } from '../../source';
import { queueKnown } from '../project';
import { queueNames } from './flow';
import type { Rule } from '../types';

export const rules: Rule[] = [
  {
    id: 'channel/handler-flow-exists',
    description: "The channel's session handler flow (sessionHandlerType Flow) exists in the project.",
    fix: 'Set sessionHandlerFlow to the API name of the routing flow in flows/, or add the flow.',
    check({ project, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        if (ch.handlerType?.value !== 'Flow') {
          report(
            { file: f.path, line: ch.handlerType?.line ?? f.xml.line },
            `Channel ${ch.name} has sessionHandlerType ${ch.handlerType?.value ?? '(none)'}: sessions bypass the routing flow`,
            'Set <sessionHandlerType>Flow</sessionHandlerType> and name the flow in sessionHandlerFlow.'
          );
          continue;
        }
        const name = ch.handlerFlow?.value;
        if (!name) {
          report({ file: f.path, line: f.xml.line }, `Channel ${ch.name} has no sessionHandlerFlow`);
        } else if (!project.has('Flow', name)) {
          const near = project.findIgnoringCase('Flow', name);
          report(
            { file: f.path, line: ch.handlerFlow!.line },
            near
              ? `sessionHandlerFlow "${name}" differs by case from the flow ${near.name}`
              : `sessionHandlerFlow "${name}" is not a flow in the project`
          );
        }
      }
    }
  },
  {
    id: 'channel/fallback-queue-exists',
    description:
      "The channel's fallback queue (sessionHandlerQueue) exists in the project or is declared in handoff.validate.json.",
    fix: 'Set sessionHandlerQueue to a queue in queues/, or list it in handoff.validate.json "existingQueues".',
    check({ project, settings, report }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const name = ch.handlerQueue?.value;
        if (!name)
          report(
            { file: f.path, line: f.xml.line },
            `Channel ${ch.name} has no sessionHandlerQueue: a conversation the flow cannot route is lost`
          );
        else if (!queueKnown(project, settings, name))
          report(
            { file: f.path, line: ch.handlerQueue!.line },
            `sessionHandlerQueue "${name}" is not a queue in the project`
          );
      }
    }
  },
  {
    id: 'channel/queue-objects',
    description:
      'Routing queues take MessagingSession; the fallback queue also takes Case when the handler flow creates Cases.',
    fix: 'Add <queueSobject><sobjectType>OBJECT</sobjectType></queueSobject> to the queue.',
    check({ project, report }) {
      const need = new Map<string, Set<string>>();
      const add = (queue: string, object: string): void => {
        const s = need.get(queue) ?? new Set<string>();
        s.add(object);
        need.set(queue, s);
      };
      for (const f of project.ofType('MessagingChannel')) {
        const ch = channelView(f);
        const queue = ch.handlerQueue?.value;
        if (!queue) continue;
        add(queue, 'MessagingSession');
        const flowFile = ch.handlerFlow ? project.find('Flow', ch.handlerFlow.value) : undefined;
        if (flowFile && children(flowFile.xml, 'recordCreates').some((c) => textOf(c, 'object') === 'Case'))
          add(queue, 'Case');
      }
      for (const flow of routingFlows(project))
        for (const q of queueNames(flowView(flow.file))) add(q.value, 'MessagingSession');
      for (const [queue, objects] of need) {
        const file = project.find('Queue', queue);
        if (!file) continue; // existence is reported by the rules that name the queue
        const has = new Set(queueObjects(file));
        for (const o of objects) {
          if (!has.has(o)) {
            report(
              { file: file.path, line: file.xml.line },
              `Queue ${queue} does not take ${o}${o === 'Case' ? ': the handler flow creates Cases for it' : ': it cannot hold messaging sessions'}`
            );
          }
        }
      }
    }
  },
  {
    id: 'channel/deployment-channel',
    description: "The Embedded Service deployment's messagingChannel is a channel in the project.",
    fix: 'Set embeddedServiceMessagingChannel/messagingChannel to the channel DeveloperName.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig')) {
        const mc = d.xml.children.find((c) => c.local === 'embeddedServiceMessagingChannel');
        const name = mc ? textOf(mc, 'messagingChannel') : undefined;
        if (name === undefined) continue; // schema/required-element
        if (!project.has('MessagingChannel', name)) {
          const line = mc!.children.find((c) => c.local === 'messagingChannel')?.line ?? mc!.line;
          const near = project.findIgnoringCase('MessagingChannel', name);
          report(
            { file: d.path, line },
            near
              ? `messagingChannel "${name}" differs by case from the channel ${near.name}`
              : `messagingChannel "${name}" is not a channel in the project`
          );
        }
      }
    }
  }
];
