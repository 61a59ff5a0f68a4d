/**
 * Property: for any valid config (attribute types and lengths, maxLength, queues, rules, standard
 * keys), what `build` writes passes `validate` with zero error findings. The kit must never report
 * its own output (model/fieldLengths.ts is the one table both sides read).
 */
import { checkDrift } from '../../scripts/generate/build';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { validateConfig } from '../../scripts/config/validate';
import type { AttributeConfig, FieldType, HandoffConfig } from '../../scripts/config/types';
import { build } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';
import { REPO, tempDir } from './example';

const TYPES: FieldType[] = ['Text', 'LongTextArea', 'Email', 'Phone', 'Url'];
const STANDARD_KEYS = ['_firstName', '_lastName', '_email', '_subject'];

const attributeArb: fc.Arbitrary<AttributeConfig> = fc
  .record({
    key: fc.oneof(
      fc.constantFrom(...STANDARD_KEYS),
      fc.stringMatching(/^[a-z][a-z0-9_ :]{0,55}$/),
      fc.constantFrom('conversation_custom_data_Fin AI Agent: Preview', 'user_geoip_data_city_name')
    ),
    type: fc.constantFrom(...TYPES),
    lengthPick: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    maxPick: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })
  })
  .map(({ key, type, lengthPick, maxPick }) => {
    const a: AttributeConfig = { key, type };
    let holds = { Text: 255, LongTextArea: 32768, Email: 80, Phone: 40, Url: 255 }[type];
    if (lengthPick !== undefined && type === 'Text') a.length = holds = 1 + Math.floor(lengthPick * 254);
    if (lengthPick !== undefined && type === 'LongTextArea') a.length = holds = 256 + Math.floor(lengthPick * 130816);
    if (maxPick !== undefined) a.maxLength = 1 + Math.floor(maxPick * (holds - 1));
    return a;
  });

const configArb: fc.Arbitrary<HandoffConfig> = fc
  .record({
    attributes: fc.uniqueArray(attributeArb, { minLength: 1, maxLength: 12, selector: (a) => a.key.toLowerCase() }),
    queueCount: fc.integer({ min: 1, max: 3 }),
    whenNoAgent: fc.constantFrom('wait' as const, 'case' as const),
    ruleSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 10 })), { maxLength: 3 })
  })
  .map(({ attributes, queueCount, whenNoAgent, ruleSeeds }) => {
    const queues = Array.from({ length: queueCount }, (_, i) => ({ developerName: `Queue_${i + 1}` }));
    return {
      vendor: 'generic',
      channel: { developerName: 'Prop_Channel' },
      deployment: { developerName: 'Prop_Deployment' },
      attributes,
      queues,
      routing: {
        defaultQueue: 'Queue_1',
        rules: ruleSeeds.map(([a, q, value]) => ({
          attribute: attributes[a % attributes.length].key,
          operator: 'equals' as const,
          value,
          queue: queues[q % queues.length].developerName
        }))
      },
      fallback: { queue: queues[queues.length - 1].developerName, whenNoAgent },
      ...(whenNoAgent === 'case' ? { endConversation: { endpoint: 'https://vendor.example.com/escalations' } } : {})
    };
  });

describe('build → validate on random valid configs', () => {
  it('gives zero error findings', async () => {
    const dir = tempDir('handoff-prop-');
    fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
    fs.cpSync(path.join(REPO, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
    const configFile = path.join(dir, 'handoff.config.json');
    await fc.assert(
      fc.asyncProperty(configArb, async (config) => {
        expect(validateConfig(config, configFile)).toEqual([]);
        fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
        build(configFile, path.join(dir, 'force-app/generated'));
        // Apex is the same hand-written code on every run: its own tests cover it.
        const result = await validate({ root: dir, skip: ['apex'], cache: false, checkDrift });
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 25 }
    );
  });
});
