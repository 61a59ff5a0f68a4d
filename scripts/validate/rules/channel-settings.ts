/**
 * The channel and deployment settings an admin sets in Setup (docs/channel.md): a verified channel
 * names the key set its JWTs are checked against, and a visible custom pre-chat field carries the
 * label the customer reads.
 */
import { child, children, textOf } from '../../xml/read';
import { channelView } from '../../source';
import type { Rule } from '../types';

const STANDARD_FORM_FIELDS = new Set(['_FirstName', '_LastName', '_Email', '_Subject']);

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
            if (STANDARD_FORM_FIELDS.has(name)) continue;
            const label = children(field, 'embeddedServiceCustomLabels').find((l) => !!textOf(l, 'customLabel'));
            if (!label)
              report(
                { file: d.path, line: child(field, 'formField')?.line ?? field.line },
                `Visible pre-chat field ${name || '(unnamed)'} has no label: the customer sees an unlabelled box`
              );
          }
      }
    }
  }
];
