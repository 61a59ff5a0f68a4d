/**
 * The channel and deployment settings an admin sets in Setup (docs/channel.md): a verified channel
 * names the key set its JWTs are checked against, and a visible custom pre-chat field carries the
 * label the customer reads.
 */
import { child, children, textOf } from '../../xml/read';
import { isStandardFormField } from '../../platform/standardParameters';
import { channelView } from '../../source';
import type { Rule } from '../types';

export const rules: Rule[] = [
  {
    id: 'channel/verified-users',
    description:
      'A channel for verified users (authMode Auth) names a key set in messagingAuthorizations; without Contact matching in its flow, a notice.',
    fix: 'Add <messagingAuthorizations> with <publicKeyCertificateSetName> inside <embeddedConfig>, or set channel.verification.keySet in handoff.config.json.',
    check({ project, report, notice }) {
      for (const f of project.ofType('MessagingChannel')) {
        const ec = child(f.xml, 'embeddedConfig');
        const authMode = ec && child(ec, 'authMode');
        if (!ec || authMode?.text !== 'Auth') continue;
        const keySets = children(ec, 'messagingAuthorizations')
          .map((a) => textOf(a, 'publicKeyCertificateSetName'))
          .filter((n): n is string => !!n);
        const ch = channelView(f);
        if (keySets.length === 0)
          report(
            { file: f.path, line: authMode.line },
            `Channel ${ch.name} is for verified users (authMode Auth) but names no key set: every conversation's JWT is refused`
          );
        const flow = ch.handlerFlow ? project.find('Flow', ch.handlerFlow.value) : undefined;
        if (flow && !children(flow.xml, 'recordLookups').some((l) => textOf(l, 'object') === 'Contact'))
          notice(
            `Channel ${ch.name} verifies its users, but its flow ${flow.name} does not match them to a Contact; set contactMatching in handoff.config.json so agents see who the verified customer is.`
          );
      }
    }
  },
  {
    id: 'deployment/visible-field-label',
    description: 'Every visible custom pre-chat field carries its label (embeddedServiceCustomLabels).',
    fix: 'Give the attribute a "label" in handoff.config.json and rebuild, or add <embeddedServiceCustomLabels> with <customLabel> to the field.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig')) {
        for (const form of children(d.xml, 'embeddedServiceForms'))
          for (const field of children(form, 'embeddedServiceFormFields')) {
            const name = textOf(field, 'formField') ?? '';
            // A standard field (_FirstName…) marked Custom is chain/standard-field-type's finding; Setup labels standard fields itself.
            if (textOf(field, 'isHidden') !== 'false' || textOf(field, 'messagingChannelParameterType') !== 'Custom')
              continue;
            if (isStandardFormField(name)) continue;
            const label = children(field, 'embeddedServiceCustomLabels').find((l) => !!textOf(l, 'customLabel'));
            if (!label)
              report(
                { file: d.path, line: child(field, 'formField')?.line ?? field.line },
                `Visible pre-chat field ${name || '(unnamed)'} has no label: the customer sees an unlabelled box`
              );
          }
      }
    }
  },
  {
    id: 'deployment/choice-list-exists',
    description:
      'A ChoiceList pre-chat field names a ChoiceList (choiceList) that is in the project, with at least one value.',
    fix: 'Give the attribute "choices" in handoff.config.json and rebuild, or add the ChoiceList under ChoiceList/.',
    check({ project, report }) {
      for (const d of project.ofType('EmbeddedServiceConfig'))
        for (const form of children(d.xml, 'embeddedServiceForms'))
          for (const field of children(form, 'embeddedServiceFormFields')) {
            if (textOf(field, 'formFieldType') !== 'ChoiceList') continue;
            const name = textOf(field, 'formField') ?? '(unnamed)';
            const listName = textOf(field, 'choiceList');
            const line = child(field, 'choiceList')?.line ?? field.line;
            const list = listName ? project.find('ChoiceList', listName) : undefined;
            if (!listName)
              report(
                { file: d.path, line },
                `Choice-list pre-chat field ${name} names no choiceList: the customer gets nothing to pick`
              );
            else if (!project.has('ChoiceList', listName))
              report(
                { file: d.path, line },
                `Choice-list pre-chat field ${name} names ChoiceList ${listName}, which is not in the project`
              );
            else if (list && children(list.xml, 'choiceListValue').length === 0)
              report(
                { file: list.path, line: list.xml.line },
                `ChoiceList ${listName} has no choiceListValue: the customer gets nothing to pick`
              );
          }
    }
  }
];
