/**
 * One MessagingSession custom field per attribute: where the flow's Update Records writes the
 * pre-chat value so the agent sees it. Children follow the WSDL's CustomField order; the file keeps
 * `fullName` because retrieved field files do.
 */
import type { ResolvedAttribute } from '../model/types';
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

export const generate: ProjectGenerator = (model) =>
  model.attributes.map((attr): GeneratedFile => ({
    path: `objects/${MESSAGING_SESSION}/fields/${attr.field.apiName}.field-meta.xml`,
    content: fieldXml(attr)
  }));
