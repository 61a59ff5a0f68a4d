/**
 * The bad-input corpus: every config in test/fixtures/config/invalid must fail to load with exactly
 * the messages in expected.json (message, then one line per problem with JSON path and fix).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../scripts/config/load';
import { UserError } from '../../scripts/project/errors';

const dir = path.join(__dirname, '..', 'fixtures', 'config', 'invalid');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, string[]>;
const fixtures = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('invalid config corpus', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(dir));
  afterAll(() => process.chdir(cwd));

  it('has at least 25 fixtures, each with an expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s fails with the exact expected messages', (name) => {
    let thrown: unknown;
    try {
      loadConfig(`${name}.json`);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    const err = thrown as UserError;
    expect([err.message, ...err.details]).toEqual(expected[name]);
  });
});

describe('loadConfig', () => {
  it('accepts the shipped example', () => {
    const config = loadConfig(path.join(__dirname, '..', '..', 'handoff.config.json'));
    expect(config.attributes!.length).toBeGreaterThan(20);
  });

  it('names the missing file and how to create it', () => {
    expect(() => loadConfig('/nonexistent/handoff.config.json')).toThrow(/does not exist\. Run `handoff init --vendor/);
  });
});
