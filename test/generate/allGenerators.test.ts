import { GENERATOR_FILES } from './generators';
import { exampleModel, modelOf } from './helpers';
import { parseXml } from '../../scripts/xml/read';

describe('the metadata generators together', () => {
  const model = exampleModel();
  const files = GENERATOR_FILES.flatMap((g) => g(model));

  it('are deterministic: byte-identical output from a freshly resolved model', () => {
    const again = GENERATOR_FILES.flatMap((g) => g(exampleModel()));
    expect(again).toEqual(files);
  });

  it('never write the same path twice and use source-format suffixes', () => {
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    for (const f of files) expect(f.path).toMatch(/^[A-Za-z]+\/[^\\]+-meta\.xml$/);
  });

  it('write well-formed XML in the Metadata API namespace with no comments', () => {
    for (const f of [...files, ...GENERATOR_FILES.flatMap((g) => g(modelOf()))]) {
      expect(f.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
      expect(f.content).not.toContain('<!--');
      expect(parseXml(f.content).attrs.xmlns).toBe('http://soap.sforce.com/2006/04/metadata');
    }
  });

  it('never embed org-specific record Ids', () => {
    for (const f of files) expect(f.content).not.toMatch(/>(00G|0N9|00D|005|0Mw|0J0)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?</);
  });
});
