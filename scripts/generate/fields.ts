/**
 * One MessagingSession custom field per attribute: where the flow's Update Records writes the
 * pre-chat value so the agent sees it. Children follow the WSDL's CustomField order; the file keeps
 * `fullName` because retrieved field files do.
 */
import type { OutcomeField, ResolvedAttribute } from '../model/types';
import { takesLength } from '../platform/fieldLengths';
import { leaf, renderXml, root } from '../xml/write';
import type { GeneratedFile, ProjectGenerator } from './types';
import { fitText, GENERATED_BY } from './values';

export const MESSAGING_SESSION = 'MessagingSession';
const MAX_FIELD_LABEL = 40;
const MAX_DESCRIPTION = 1000;

/** Plain-text field description naming the vendor key (the one thing an admin needs to trace a field). */
export function fieldDescription(attr: ResolvedAttribute): string {
  return fitText(
    `Hand-off attribute: the AI vendor sends it as routingAttributes key "${attr.key}". ${GENERATED_BY}`,
    MAX_DESCRIPTION
  );
}

function fieldXml(attr: ResolvedAttribute): string {
  const { apiName, type, length, visibleLines } = attr.field;
  // Only Text and LongTextArea take a length; Email, Phone and Url have a fixed one and reject it.
  const hasLength = takesLength(type);
  // unique applies to Text and Email; LongTextArea, Phone and Url cannot be unique.
  const canBeUnique = type === 'Text' || type === 'Email';
  return renderXml(
    root('CustomField', [
      leaf('fullName', apiName),
      leaf('description', fieldDescription(attr)),
      leaf('externalId', false),
      leaf('label', fitText(attr.label, MAX_FIELD_LABEL)),
      hasLength && leaf('length', length),
      leaf('required', false),
      leaf('type', type),
      canBeUnique && leaf('unique', false),
      type === 'LongTextArea' && leaf('visibleLines', visibleLines ?? 3)
    ])
  );
}

/** A field the flow writes End Conversation's outcome into; a Checkbox must have a default (WSDL: defaultValue). */
function outcomeFieldXml(f: OutcomeField): string {
  return renderXml(
    root('CustomField', [
      leaf('fullName', f.apiName),
      f.type === 'Checkbox' && leaf('defaultValue', false),
      leaf('description', `${f.description} ${GENERATED_BY}`),
      leaf('externalId', false),
      leaf('label', fitText(f.label, MAX_FIELD_LABEL)),
      f.type === 'Text' && leaf('length', f.length ?? 255),
      f.type === 'Text' && leaf('required', false),
      leaf('type', f.type),
      f.type === 'Text' && leaf('unique', false)
    ])
  );
}

const fileOf = (apiName: string, content: string): GeneratedFile => ({
  path: `objects/${MESSAGING_SESSION}/fields/${apiName}.field-meta.xml`,
  content
});

export const generate: ProjectGenerator = (model) => [
  ...model.attributes.map((attr) => fileOf(attr.field.apiName, fieldXml(attr))),
  ...(model.endOutcome ? [model.endOutcome.accepted, model.endOutcome.message] : []).map((f) =>
    fileOf(f.apiName, outcomeFieldXml(f))
  )
];
