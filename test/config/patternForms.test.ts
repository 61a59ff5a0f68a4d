/**
 * Every string pattern of the config schema has its form in words (scripts/config/patternForms.ts),
 * so no problem ends with a regular expression as its fix.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PATTERN_FORMS } from '../../scripts/config/patternForms';

/** The API-name pattern has its own message (schemaMessages.ts isDeveloperNameSchema). */
const DEVELOPER_NAME = '^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$';

function patterns(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => patterns(n, into));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') into.add(v);
      else patterns(v, into);
    }
  return into;
}

describe('PATTERN_FORMS', () => {
  const schema: unknown = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'handoff.config.schema.json'), 'utf8')
  );
  const used = [...patterns(schema, new Set())].filter((p) => p !== DEVELOPER_NAME);

  it('covers every pattern of the schema', () => {
    expect(used.filter((p) => !(p in PATTERN_FORMS))).toEqual([]);
  });

  it('names no pattern the schema no longer has', () => {
    expect(Object.keys(PATTERN_FORMS).filter((p) => !used.includes(p))).toEqual([]);
  });

  it('suggests a value that matches the pattern where it can', () => {
    const env = PATTERN_FORMS['^[A-Z_][A-Z0-9_]*$'];
    expect(env.fix('my-token')).toBe('use "MY_TOKEN"');
    expect(env.fix('1token')).toBe('use "_1TOKEN"');
    expect(PATTERN_FORMS['^https://'].fix('http://vendor.example.com/end')).toBe(
      'use "https://vendor.example.com/end"'
    );
  });
});
