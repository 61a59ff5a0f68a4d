/**
 * The Case fields the vendor writes (`caseFields`: Transcript, Summary…). Children follow the WSDL's
 * CustomField order, like the MessagingSession fields in fields.ts.
 */
import type { ResolvedCaseField } from '../model/types';
import { leaf, renderXml, root } from '../xml/write';
import type { ProjectGenerator } from './types';
import { fitText, GENERATED_BY } from './values';

function caseFieldXml(f: ResolvedCaseField): string {
  return renderXml(
    root('CustomField', [
      leaf('fullName', f.apiName),
      leaf('description', `Written by the AI vendor's integration user. ${GENERATED_BY}`),
      leaf('externalId', false),
      leaf('label', fitText(f.label, 40)),
      f.type !== 'Url' && leaf('length', f.length),
      leaf('required', false),
      leaf('type', f.type),
      f.type === 'Text' && leaf('unique', false),
      f.type === 'LongTextArea' && leaf('visibleLines', 10)
    ])
  );
}

export const generate: ProjectGenerator = (model) =>
  model.caseFields.map((f) => ({ path: `objects/Case/fields/${f.apiName}.field-meta.xml`, content: caseFieldXml(f) }));
