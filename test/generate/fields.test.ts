import { fieldDescription, generate } from '../../scripts/generate/fields';
import { child, exampleModel, modelOf, parsedFile, textOf } from './helpers';

describe('fields generator', () => {
  const model = exampleModel();
  const files = generate(model);

  it("writes one MessagingSession field per attribute, named by the model, then End Conversation's two outcome fields", () => {
    expect(files.map((f) => f.path)).toEqual(
      [...model.attributes.map((a) => a.field.apiName), 'HK_End_Accepted__c', 'HK_End_Message__c'].map(
        (n) => `objects/MessagingSession/fields/${n}.field-meta.xml`
      )
    );
    const accepted = parsedFile(files, 'objects/MessagingSession/fields/HK_End_Accepted__c.field-meta.xml');
    expect([textOf(accepted, 'type'), textOf(accepted, 'defaultValue')]).toEqual(['Checkbox', 'false']);
    const message = parsedFile(files, 'objects/MessagingSession/fields/HK_End_Message__c.field-meta.xml');
    expect([textOf(message, 'type'), textOf(message, 'length')]).toEqual(['Text', '255']);
    for (const a of model.attributes) {
      const doc = parsedFile(files, `objects/MessagingSession/fields/${a.field.apiName}.field-meta.xml`);
      expect(doc.name).toBe('CustomField');
      expect(textOf(doc, 'fullName')).toBe(a.field.apiName);
      expect(textOf(doc, 'label')).toBe(a.label);
      expect(textOf(doc, 'type')).toBe('Text');
      expect(textOf(doc, 'length')).toBe('255');
      expect(textOf(doc, 'required')).toBe('false');
      expect(textOf(doc, 'externalId')).toBe('false');
    }
  });

  it('names the vendor key verbatim in a plain-text description without comments', () => {
    const a = model.attributes.find((x) => x.key === 'conversation_custom_data_Fin AI Agent: Preview')!;
    const doc = parsedFile(files, `objects/MessagingSession/fields/${a.field.apiName}.field-meta.xml`);
    expect(textOf(doc, 'description')).toContain('"conversation_custom_data_Fin AI Agent: Preview"');
    for (const f of files) {
      expect(f.content).not.toContain('<!--');
      expect(textOf(parsedFile(files, f.path), 'description')).not.toMatch(/[\n<>]/);
    }
  });

  it('writes length only for Text and LongTextArea, visibleLines only for LongTextArea, unique only where allowed', () => {
    const m = modelOf({
      attributes: [
        { key: 'notes', type: 'LongTextArea' },
        { key: 'mail', type: 'Email' },
        { key: 'phone', type: 'Phone' },
        { key: 'site', type: 'Url' },
        { key: 'short', type: 'Text', length: 20 }
      ]
    });
    const out = generate(m);
    const doc = (name: string) => parsedFile(out, `objects/MessagingSession/fields/${name}__c.field-meta.xml`);
    expect(textOf(doc('notes'), 'length')).toBe('32768');
    expect(textOf(doc('notes'), 'visibleLines')).toBe('5');
    expect(child(doc('notes'), 'unique')).toBeUndefined();
    expect(textOf(doc('short'), 'length')).toBe('20');
    expect(child(doc('short'), 'visibleLines')).toBeUndefined();
    expect(textOf(doc('mail'), 'unique')).toBe('false');
    for (const n of ['mail', 'phone', 'site']) expect(child(doc(n), 'length')).toBeUndefined();
    for (const n of ['phone', 'site']) expect(child(doc(n), 'unique')).toBeUndefined();
    expect(textOf(doc('site'), 'type')).toBe('Url');
  });

  it('applies the field prefix and cuts labels longer than 40 characters deterministically', () => {
    const long = 'A label that is much longer than forty characters in total';
    const m = modelOf({
      fieldPrefix: 'Hand_',
      attributes: [{ key: 'plan', label: long }]
    });
    const [file] = generate(m);
    expect(file.path).toBe('objects/MessagingSession/fields/Hand_plan__c.field-meta.xml');
    const label = textOf(parsedFile([file], file.path), 'label')!;
    expect(label).toBe(long.slice(0, 40).trimEnd());
    expect(generate(m)[0].content).toBe(file.content);
  });

  it('escapes XML-special characters of the key in the description', () => {
    const a = modelOf({ attributes: [{ key: 'a<b>&"c\'' }] }).attributes[0];
    expect(fieldDescription(a)).toContain('"a<b>&"c\'"');
    const [file] = generate(modelOf({ attributes: [{ key: 'a<b>&"c\'' }] }));
    expect(textOf(parsedFile([file], file.path), 'description')).toBe(fieldDescription(a));
  });
});
