/**
 * Choice-list pre-chat fields: an attribute with `choices` becomes a ChoiceList component and a
 * ChoiceList form field naming it; validate reports a choice-list field whose list is missing or empty.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDrift } from '../../scripts/generate/build';
import { generateAll } from '../../scripts/generate/index';
import { resolveModel } from '../../scripts/model/resolve';
import { children, textOf } from '../../scripts/xml/read';
import { validate } from '../../scripts/validate/index';
import { exampleProjectWith, tempDir } from '../validate/example';
import { childNames, minimalConfig, parsedFile } from './helpers';

const TOPIC = {
  key: 'topic',
  label: 'Topic',
  hidden: false,
  choices: [{ value: 'billing', label: 'Billing', default: true }, { value: 'tech' }]
};

describe('choice-list pre-chat fields', () => {
  const files = generateAll(resolveModel(minimalConfig({ attributes: [{ key: '_email' }, TOPIC] })));

  it('generates the ChoiceList with its values in order, labelled, one default', () => {
    const list = parsedFile(files, 'ChoiceList/topic.ChoiceList-meta.xml');
    expect(childNames(list)).toEqual(['choiceListValue', 'choiceListValue', 'description', 'masterLabel']);
    const values = children(list, 'choiceListValue').map((v) => ({
      value: textOf(v, 'valueName'),
      order: textOf(v, 'order'),
      isDefault: textOf(v, 'isDefaultValue'),
      label: textOf(children(v, 'embeddedServiceCustomLabels')[0], 'customLabel')
    }));
    expect(values).toEqual([
      { value: 'billing', order: '1', isDefault: 'true', label: 'Billing' },
      { value: 'tech', order: '2', isDefault: 'false', label: 'tech' }
    ]);
    expect(textOf(list, 'masterLabel')).toBe('Topic');
  });

  it('makes the form field a ChoiceList naming the list, first in WSDL order', () => {
    const d = parsedFile(files, 'EmbeddedServiceConfig/Edge_Deployment.EmbeddedServiceConfig-meta.xml');
    const field = children(children(d, 'embeddedServiceForms')[0], 'embeddedServiceFormFields').find(
      (f) => textOf(f, 'formField') === 'topic'
    )!;
    expect(childNames(field)[0]).toBe('choiceList');
    expect(textOf(field, 'choiceList')).toBe('topic');
    expect(textOf(field, 'formFieldType')).toBe('ChoiceList');
  });

  it('writes no ChoiceList for attributes without choices', () => {
    const plain = generateAll(resolveModel(minimalConfig()));
    expect(plain.filter((f) => f.path.startsWith('ChoiceList/'))).toEqual([]);
  });
});

describe('validate: deployment/choice-list-exists', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  function project(): string {
    const dir = tempDir('hk-validate-choices-');
    made.push(dir);
    return exampleProjectWith(dir, (config) => config.attributes!.push(TOPIC));
  }
  const run = async (root: string) =>
    (await validate({ root, checkDrift, only: ['deployment/choice-list-exists', 'schema'], cache: false })).findings;

  it('passes the generated project, schema included', async () => {
    expect(await run(project())).toEqual([]);
  });

  it('names the field whose ChoiceList is missing', async () => {
    const root = project();
    fs.rmSync(path.join(root, 'force-app/generated/ChoiceList'), { recursive: true });
    const findings = await run(root);
    expect(findings.map((f) => f.message)).toEqual([
      'Choice-list pre-chat field topic names ChoiceList topic, which is not in the project'
    ]);
  });

  it('names an empty ChoiceList', async () => {
    const root = project();
    const file = path.join(root, 'force-app/generated/ChoiceList/topic.ChoiceList-meta.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<choiceListValue>[\s\S]*<\/choiceListValue>\s*/, ''));
    const findings = await run(root);
    expect(findings.map((f) => f.message)).toContain(
      'ChoiceList topic has no choiceListValue: the customer gets nothing to pick'
    );
  });
});
