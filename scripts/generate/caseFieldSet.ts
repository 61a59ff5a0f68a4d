/**
 * The Case field set `Handoff_Case_Context` (CustomObject `fieldSets`): the Case fields the vendor and
 * the flow fill, which `handoffContext` shows on Case pages. A field set rather than a layout, so the
 * org's own Case layouts are never overwritten. Children follow the WSDL's FieldSet order.
 */
import { leaf, el, renderXml, root } from '../xml/write';
import type { ProjectGenerator } from './types';
import { GENERATED_BY } from './values';

export const generate: ProjectGenerator = (model) => {
  const set = model.caseFieldSet;
  // No field to show: no field set (the component then shows the session's attributes only).
  if (!set.fields.length) return [];
  return [
    {
      path: `objects/Case/fieldSets/${set.name}.fieldSet-meta.xml`,
      content: renderXml(
        root('FieldSet', [
          leaf('fullName', set.name),
          leaf(
            'description',
            `Case fields the AI vendor and the hand-off flow fill, shown by Hand-off Context on Case pages. ${GENERATED_BY}`
          ),
          ...set.fields.map((field) =>
            el('displayedFields', leaf('field', field), leaf('isFieldManaged', false), leaf('isRequired', false))
          ),
          leaf('label', set.label)
        ])
      )
    }
  ];
};
