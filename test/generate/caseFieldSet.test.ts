/**
 * The Case field set `Handoff_Case_Context` and its reader: the generator lists the vendor's Case
 * fields, then those the flow fills; HandoffContextController builds the Case group from the field set
 * of the same name, so a rename on one side only would silently empty the Case group.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generate } from '../../scripts/generate/caseFieldSet';
import { CASE_FIELD_SET } from '../../scripts/model/caseFieldSet';
import { children, modelOf, parsedFile, ROOT, textOf } from './helpers';

const FILE = `objects/Case/fieldSets/${CASE_FIELD_SET.name}.fieldSet-meta.xml`;

describe('Case field set', () => {
  it("lists the vendor's Case fields in config order, then the fields the flow fills, each once", () => {
    const model = modelOf({
      caseFields: [
        { name: 'Handoff_Transcript', label: 'Transcript' },
        { name: 'Handoff_Summary', label: 'Summary' }
      ],
      attributes: [{ key: 'ai_summary', type: 'LongTextArea' }, { key: 'intent' }],
      fallback: {
        queue: 'Edge_Queue',
        whenNoAgent: 'case',
        case: { fields: { Handoff_Summary__c: 'ai_summary', Reason: 'intent' } }
      },
      endConversation: { endpoint: 'https://vendor.example.com/end' }
    });
    const doc = parsedFile(generate(model), FILE);
    expect(children(doc, 'displayedFields').map((f) => textOf(f, 'field'))).toEqual([
      'Handoff_Transcript__c',
      'Handoff_Summary__c',
      'Reason'
    ]);
  });

  it('writes no field set when there is no Case field to show', () => {
    expect(generate(modelOf())).toEqual([]);
  });

  it('is the field set HandoffContextController reads on Case pages', () => {
    const controller = readFileSync(
      path.join(ROOT, 'force-app/main/default/classes/HandoffContextController.cls'),
      'utf8'
    );
    expect(controller).toMatch(new RegExp(`private static String caseFieldSetName = '${CASE_FIELD_SET.name}';`));
  });
});
