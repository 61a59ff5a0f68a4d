/**
 * The Embedded Service deployment (custom client, deploymentType API) the vendor connects to. Its
 * pre-chat form must be active and list every custom parameter as a hidden field: keys missing from
 * the published form are silently dropped by MIAW. Standard attributes (`_FirstName`…) and custom
 * attributes configured `hidden: false` are visible fields, numbered in config order.
 * API deployments take false for every Web-only widget option. Children follow the WSDL's order.
 */
import type { HandoffModel, ResolvedAttribute } from '../model/types';
import { el, leaf, renderXml, root, type XmlElement } from '../xml/write';
import {
  CUSTOM_FORM_FIELD_SOURCE,
  FIRST_VISIBLE_DISPLAY_ORDER,
  PRECHAT_CUSTOM_FIELD_LABEL_KEY,
  PRECHAT_DISPLAY_CONTEXT
} from './assumptions';
import type { Generator } from './types';
import { fitText } from './values';

/** displayOrder of a hidden pre-chat field (real samples and the Setup UI use -1). */
export const HIDDEN_DISPLAY_ORDER = -1;
const MAX_DEPLOYMENT_LABEL = 80;

/** The pre-chat formField of an attribute: `_FirstName`… for standard ones, see CUSTOM_FORM_FIELD_SOURCE otherwise. */
export function formFieldOf(attr: ResolvedAttribute): string {
  if (attr.standard) return attr.formField;
  return CUSTOM_FORM_FIELD_SOURCE === 'name' ? attr.formField : attr.key;
}

function formFieldType(attr: ResolvedAttribute): 'Text' | 'Email' | 'Phone' {
  if (attr.hidden) return 'Text';
  if (attr.standard === 'Email' || attr.field.type === 'Email') return 'Email';
  if (attr.field.type === 'Phone') return 'Phone';
  return 'Text';
}

/** A visible custom field shows its label to the customer ("each custom field on the form needs its label"). */
function visibleCustomLabel(attr: ResolvedAttribute): XmlElement | false {
  return (
    !attr.hidden &&
    !attr.standard &&
    el(
      'embeddedServiceCustomLabels',
      leaf('customLabel', attr.label),
      leaf('feature', 'EmbeddedMessaging'),
      leaf('labelKey', PRECHAT_CUSTOM_FIELD_LABEL_KEY)
    )
  );
}

function formFields(model: HandoffModel): XmlElement[] {
  let nextOrder = FIRST_VISIBLE_DISPLAY_ORDER;
  return model.attributes.map((attr) =>
    el(
      'embeddedServiceFormFields',
      leaf('displayOrder', attr.hidden ? HIDDEN_DISPLAY_ORDER : nextOrder++),
      visibleCustomLabel(attr),
      leaf('formField', formFieldOf(attr)),
      leaf('formFieldType', formFieldType(attr)),
      leaf('isHidden', attr.hidden),
      leaf('isRequired', attr.hidden ? false : attr.required),
      leaf('messagingChannelParameterType', attr.standard ? 'Standard' : 'Custom')
    )
  );
}

/** The deployment's messaging channel: business hours and the conversation window's options (WSDL order). */
function messagingChannel(model: HandoffModel): XmlElement {
  const d = model.deploymentSettings;
  return el(
    'embeddedServiceMessagingChannel',
    leaf('businessHours', d.businessHours),
    leaf('isChatInvitationCustomizable', false),
    leaf('isEnabled', true),
    leaf('isInvitationEnabled', false),
    leaf('isSendInvtAllowedAfterAccept', false),
    leaf('isSendInvtAllowedAfterReject', false),
    leaf('messagingChannel', model.channel.developerName),
    leaf('shouldShowAgentforceTagline', false),
    leaf('shouldShowDeliveryReceipts', d.deliveryReceipts),
    leaf('shouldShowEmojiSelection', d.emoji),
    leaf('shouldShowReadReceipts', d.readReceipts),
    leaf('shouldShowTypingIndicators', d.typingIndicators),
    leaf('shouldStartNewLineOnEnter', d.newLineOnEnter)
  );
}

export function deploymentXml(model: HandoffModel): string {
  return renderXml(
    root('EmbeddedServiceConfig', [
      leaf('areGuestUsersAllowed', false),
      leaf('deploymentFeature', 'EmbeddedMessaging'),
      leaf('deploymentType', 'API'),
      model.attributes.length > 0 &&
        el(
          'embeddedServiceForms',
          leaf('displayContext', PRECHAT_DISPLAY_CONTEXT),
          formFields(model),
          leaf('isActive', true)
        ),
      messagingChannel(model),
      leaf('isEnabled', true),
      leaf('isTermsAndConditionsEnabled', false),
      leaf('isTermsAndConditionsRequired', false),
      leaf('masterLabel', fitText(model.deployment.label, MAX_DEPLOYMENT_LABEL)),
      leaf('shouldHideAuthDialog', false)
    ])
  );
}

export const generate: Generator = (model) => [
  {
    path: `EmbeddedServiceConfig/${model.deployment.developerName}.EmbeddedServiceConfig-meta.xml`,
    content: deploymentXml(model)
  }
];
