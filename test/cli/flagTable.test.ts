/**
 * The flag tables (scripts/cli/flags/<command>.ts) and what cli/args.ts makes of them: the parser's
 * options and the usage text's flag lines. The sf side (plugin/flags.mts) is checked through the real
 * classes in test/package/sfPlugin.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flagLines, parseFlags, usageText, type FlagTable } from '../../scripts/cli/args';
import { COMMAND_NAMES } from '../../scripts/cli/main';
import { UsageError } from '../../scripts/project/errors';

const TABLE = {
  'target-org': { kind: 'org', char: 'o', helpValue: 'ALIAS', summary: 'The org.', usage: 'the org (else SF_*)' },
  rule: { kind: 'multiple', helpValue: 'ID', summary: 'Run only this rule (repeatable).' },
  'fail-on': {
    kind: 'string',
    helpValue: 'error|warning',
    summary: 'The least severe finding that fails.',
    usage: 'the least severe finding that fails\n(default error)'
  },
  strict: { kind: 'boolean', summary: 'Any finding fails.', group: 'more' }
} as const satisfies FlagTable;

describe('parseFlags with a table', () => {
  it('takes the short name, repeats a multiple flag, and types booleans and strings', () => {
    const { values, positionals } = parseFlags(
      'validate',
      ['-o', 'emu', '--rule', 'a', '--rule=b', '--strict', '--fail-on', 'warning', 'x.json'],
      TABLE,
      true
    );
    expect(values).toEqual({ 'target-org': 'emu', rule: ['a', 'b'], strict: true, 'fail-on': 'warning' });
    expect(positionals).toEqual(['x.json']);
  });

  it('rejects a flag the table does not declare, naming the command and its --help', () => {
    expect(() => parseFlags('validate', ['--stric'], TABLE)).toThrow(
      new UsageError("handoff validate: Unknown option '--stric'. See `handoff validate --help`.")
    );
  });

  it('says what a flag takes when its value starts with a dash, not node\'s "ambiguous" advice', () => {
    expect(() => parseFlags('deploy', ['--fail-on', '-3'], TABLE)).toThrow(
      new UsageError('handoff deploy: --fail-on takes error|warning, not "-3". See `handoff deploy --help`.')
    );
    expect(() => parseFlags('deploy', ['-o', '--strict'], TABLE)).toThrow(
      new UsageError('handoff deploy: --target-org takes ALIAS, not "--strict". See `handoff deploy --help`.')
    );
  });
});

describe('flagLines', () => {
  it('puts each text at the column, a flag too long for it on a line of its own, continuations indented', () => {
    expect(flagLines(TABLE, { column: 18, json: 'one JSON document' }).split('\n')).toEqual([
      '  -o, --target-org ALIAS',
      '                  the org (else SF_*)',
      '  --rule ID       run only this rule (repeatable)',
      '  --fail-on error|warning',
      '                  the least severe finding that fails',
      '                  (default error)',
      '  --strict        any finding fails',
      '  --json          one JSON document'
    ]);
  });

  it("lists one section's flags with group", () => {
    expect(flagLines(TABLE, { column: 12, group: 'more' })).toBe('  --strict  any finding fails');
  });
});

describe('every command table', () => {
  const tables = COMMAND_NAMES.map((name) => {
    const exports = Object.values(require(path.join('../../scripts/cli/flags', name)) as Record<string, FlagTable>);
    return { name, table: exports[0] };
  });

  it('has one sentence of summary per flag, and a usage text only where it says something else', () => {
    for (const { name, table } of tables)
      for (const [flag, spec] of Object.entries(table)) {
        const where = `${name} --${flag}`;
        expect({ where, summary: /^[A-Z].*\.$/.test(spec.summary) }).toEqual({ where, summary: true });
        if (spec.usage === undefined) continue;
        expect({ where, usage: usageText({ ...spec, usage: undefined }) === spec.usage }).toEqual({
          where,
          usage: false
        });
      }
  });

  it('gives a value placeholder to every flag that takes a value, and none to a boolean', () => {
    for (const { name, table } of tables)
      for (const [flag, spec] of Object.entries(table))
        expect({ flag: `${name} --${flag}`, helpValue: spec.helpValue !== undefined }).toEqual({
          flag: `${name} --${flag}`,
          helpValue: spec.kind !== 'boolean'
        });
  });

  it('is a module of its own that imports neither a command module nor a library', () => {
    const dir = path.join(__dirname, '../../scripts/cli/flags');
    for (const file of fs.readdirSync(dir)) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      const bad = imports.filter((from) => !from.startsWith('.') || from.includes('/commands/'));
      expect({ file, bad }).toEqual({ file, bad: [] });
    }
  });
});
