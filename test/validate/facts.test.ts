import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFacts, ROOT_TYPES } from '../../scripts/validate/wsdl/extract';
import { loadFacts, Schema } from '../../scripts/validate/wsdl/schema';

const ROOT = path.resolve(__dirname, '../..');
const WSDL = path.resolve(ROOT, '../shared/salesforce/metadata-v66.wsdl');

describe('WSDL facts', () => {
  const haveWsdl = fs.existsSync(WSDL);
  (haveWsdl ? test : test.skip)('the committed facts equal a fresh extraction from the official WSDL', () => {
    const fresh = extractFacts(fs.readFileSync(WSDL, 'utf8'), ROOT_TYPES);
    expect(loadFacts()).toEqual(fresh);
  });
  if (!haveWsdl)
    test('(skipped: ../shared/salesforce/metadata-v66.wsdl is not present, the facts cannot be re-extracted)', () =>
      undefined);

  test('flattens base types first, with occurrence bounds and enums', () => {
    const schema = new Schema(loadFacts());
    const action = schema.type('FlowActionCall')!;
    expect(action.chain).toEqual(['FlowActionCall', 'FlowNode', 'FlowElement', 'FlowBaseElement']);
    const names = action.elements.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['processMetadataValues', 'description', 'name']);
    expect(names.indexOf('locationX')).toBeLessThan(names.indexOf('actionName'));
    expect(action.byName.get('locationX')).toMatchObject({ min: 1, max: 1 });
    expect(action.byName.get('inputParameters')).toMatchObject({ min: 0, max: Infinity });
    expect(schema.enumValues('FlowProcessType')).toContain('RoutingFlow');
    expect(schema.type('CustomMetadataValue')!.byName.get('value')).toMatchObject({
      type: 'xsd:anyType',
      nillable: true
    });
  });
});
