import * as path from 'node:path';
import { checkDrift } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';

// Metadata as Salesforce writes it on retrieve: Flow Builder's empty Route Work parameters, its
// processMetadataValues, canvas coordinates, go-to connectors, formulas with merge fields, a queue with
// public-group members, custom metadata with xsi:nil, an org-only queue declared in handoff.validate.json.
const RETRIEVED = path.resolve(__dirname, '../fixtures/validate/retrieved');

test('realistic retrieved metadata gives no finding', async () => {
  const result = await validate({ root: RETRIEVED, checkDrift });
  expect(result.findings).toEqual([]);
  expect(result.files).toBe(8);
  // No config in a retrieved project: the build check says so instead of failing.
  expect(result.notices).toEqual([
    { rule: 'freshness/build-current', message: 'not checked: no handoff.config.json in the project' }
  ]);
});
