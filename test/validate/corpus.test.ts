import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDrift } from '../../scripts/generate/build';
import { RULES, validate } from '../../scripts/validate/index';
import { applyEdits } from '../fixtures/validate/mutate';
import { MUTATIONS } from '../fixtures/validate/mutations';
import { makeExample, tempDir } from './example';

// Two copies of the example: without the config (hand edits to generated files are then not also
// "stale") and with it (for the freshness cases).
let base: string;
let baseWithConfig: string;
const made: string[] = [];

beforeAll(() => {
  base = makeExample(tempDir('hk-validate-base-'));
  baseWithConfig = makeExample(tempDir('hk-validate-basecfg-'), { config: true });
  made.push(base, baseWithConfig);
});

afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function copyOf(from: string): string {
  const dir = tempDir('hk-validate-case-');
  fs.cpSync(from, dir, { recursive: true });
  made.push(dir);
  return dir;
}

describe('handoff validate on the example', () => {
  test('the example, with its config, has zero findings under every rule', async () => {
    const result = await validate({ root: baseWithConfig, checkDrift });
    expect(result.findings).toEqual([]);
    expect(result.rules).toEqual(RULES.map((r) => r.id));
  });

  test('a queue that exists only in the org is accepted once declared in handoff.validate.json', async () => {
    const dir = copyOf(base);
    applyEdits(dir, [
      {
        file: 'force-app/generated/flows/Handoff_Routing.flow-meta.xml',
        find: '<stringValue>Handoff_DACH</stringValue>',
        replace: '<stringValue>Handoff_APAC</stringValue>'
      }
    ]);
    expect((await validate({ root: dir, checkDrift })).findings.map((f) => f.rule)).toEqual(['flow/queue-exists']);
    fs.writeFileSync(path.join(dir, 'handoff.validate.json'), JSON.stringify({ existingQueues: ['Handoff_APAC'] }));
    expect((await validate({ root: dir, checkDrift })).findings).toEqual([]);
  });
});

describe('broken-project corpus', () => {
  test('has at least 40 mutations with unique names, and every rule is the target of one', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
    const targeted = new Set(MUTATIONS.flatMap((m) => m.expect.map((e) => e.rule)));
    // Limits that take hundreds of fields, 10,000 files or 2,000 flow elements to reach: a one-line
    // edit cannot, so test/validate/orgLimits.test.ts builds those projects.
    // The corpus copies no config; test/project/outputDir.test.ts targets freshness/output-in-package.
    for (const id of [
      'limits/custom-fields-per-object',
      'limits/deploy-files',
      'limits/flow-elements',
      'freshness/output-in-package'
    ])
      targeted.add(id);
    expect(RULES.map((r) => r.id).filter((id) => !targeted.has(id))).toEqual([]);
  });

  test.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: found by its rule and by no other', async (_name, m) => {
    const dir = copyOf(m.config ? baseWithConfig : base);
    applyEdits(dir, m.edits);
    const { findings } = await validate({ root: dir, checkDrift });
    expect(findings.map((f) => ({ rule: f.rule, file: f.file, message: f.message }))).toEqual(m.expect);
    for (const f of findings) expect(f.fix).not.toBe('');
  });
});
