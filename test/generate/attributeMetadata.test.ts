import { ATTRIBUTE_TYPE } from '../../scripts/contract';
import { generate, MAX_RECORD_LABEL } from '../../scripts/generate/attributeMetadata';
import type { XmlNode } from '../../scripts/xml/read';
import { children, exampleModel, modelOf, parsedFile, textOf } from './helpers';

function values(doc: XmlNode): Record<string, { type: string | undefined; text: string }> {
  return Object.fromEntries(
    children(doc, 'values').map((v) => {
      const value = v.children.find((c) => c.name === 'value')!;
      return [textOf(v, 'field')!, { type: value.attrs['xsi:type'], text: value.text }];
    })
  );
}

describe('attribute custom metadata generator', () => {
  const model = exampleModel();
  const files = generate(model);

  it('writes the public custom metadata type with every contract field, developer-controlled', () => {
    const type = parsedFile(files, 'objects/Handoff_Attribute__mdt/Handoff_Attribute__mdt.object-meta.xml');
    expect([textOf(type, 'label'), textOf(type, 'pluralLabel'), textOf(type, 'visibility')]).toEqual([
      'Handoff Attribute',
      'Handoff Attributes',
      'Public'
    ]);
    for (const apiName of Object.values(ATTRIBUTE_TYPE.fields)) {
      const f = parsedFile(files, `objects/Handoff_Attribute__mdt/fields/${apiName}.field-meta.xml`);
      expect(textOf(f, 'fullName')).toBe(apiName);
      expect(textOf(f, 'fieldManageability')).toBe('DeveloperControlled');
    }
    const order = parsedFile(files, 'objects/Handoff_Attribute__mdt/fields/Order__c.field-meta.xml');
    expect([textOf(order, 'type'), textOf(order, 'precision'), textOf(order, 'scale')]).toEqual(['Number', '18', '0']);
    const key = parsedFile(files, 'objects/Handoff_Attribute__mdt/fields/Key__c.field-meta.xml');
    expect([textOf(key, 'type'), textOf(key, 'length')]).toEqual(['Text', '255']);
  });

  it('writes one record per attribute describing the whole naming chain', () => {
    const records = files.filter((f) => f.path.startsWith('customMetadata/'));
    expect(records).toHaveLength(model.attributes.length);
    for (const a of model.attributes) {
      const doc = parsedFile(files, `customMetadata/Handoff_Attribute.${a.name}.md-meta.xml`);
      expect(doc.attrs).toMatchObject({
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema'
      });
      expect(textOf(doc, 'protected')).toBe('false');
      expect(textOf(doc, 'label')).toBe(a.label);
      expect(values(doc)).toEqual({
        Field__c: { type: 'xsd:string', text: a.field.apiName },
        Group__c: { type: 'xsd:string', text: a.group },
        Key__c: { type: 'xsd:string', text: a.key },
        Label__c: { type: 'xsd:string', text: a.label },
        Order__c: { type: 'xsd:double', text: `${a.order}.0` },
        Parameter__c: { type: 'xsd:string', text: a.name }
      });
      expect(Object.keys(values(doc))).toEqual(Object.keys(values(doc)).sort());
    }
  });

  it('keeps record names unique (case-insensitively) and within 40 characters', () => {
    const names = files.filter((f) => f.path.startsWith('customMetadata/')).map((f) => f.path.split('.')[1]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(40);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('cuts long record labels to 40 characters deterministically but keeps the full label in Label__c', () => {
    const long = 'Conversation custom data: preferred tone of the AI answer';
    const m = modelOf({
      attributes: [{ key: 'Tone', label: long }, { key: 'tone' }]
    });
    const out = generate(m);
    const doc = parsedFile(out, `customMetadata/Handoff_Attribute.${m.attributes[0].name}.md-meta.xml`);
    expect(textOf(doc, 'label')).toBe(long.slice(0, MAX_RECORD_LABEL).trimEnd());
    expect(values(doc).Label__c.text).toBe(long);
    expect(generate(m).map((f) => f.content)).toEqual(out.map((f) => f.content));
    // Colliding keys (Tone/tone) still give two distinct record files.
    expect(new Set(out.filter((f) => f.path.startsWith('customMetadata/')).map((f) => f.path.toLowerCase())).size).toBe(
      2
    );
  });
});
