/**
 * The config schema's string patterns in words: a regular expression is no fix an admin can act on,
 * so each `pattern` of schemas/handoff.config.schema.json that is not the API-name one has its form
 * and a fix here (keyed by the schema's own pattern text; test/config/patternForms.test.ts fails when
 * the schema gains a pattern this table lacks).
 */

export interface PatternForm {
  /** What the value must be, completing "… is not …". */
  form: string;
  /** How to fix the value given. */
  fix(value: string): string;
}

/** A suggested environment variable name: upper case, other characters as underscores. */
function envName(value: string): string {
  const name = value.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[A-Z_]/.test(name) ? name : `_${name}`;
}

/** An object or field API name: the value with what such a name cannot hold left out. */
const API_NAME: PatternForm = {
  form: 'an API name (letters, digits and underscores, starting with a letter)',
  fix: (v) => {
    const name = v.replace(/[^A-Za-z0-9_]/g, '').replace(/^[^A-Za-z]+/, '');
    return name
      ? `use "${name}" (the API name as Setup shows it)`
      : 'write the API name as Setup shows it, e.g. "Plan__c"';
  }
};

export const PATTERN_FORMS: Record<string, PatternForm> = {
  '^https://': {
    form: 'an https:// URL',
    fix: (v) =>
      v.startsWith('http://') ? `use "https://${v.slice('http://'.length)}"` : 'write a URL starting with https://'
  },
  '^[A-Za-z][A-Za-z0-9_]*$': API_NAME,
  '^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$)).+$': {
    form: 'a folder relative to the project root (no leading / or drive letter, no ..)',
    fix: () => 'write the folder from the project root, inside a package directory, e.g. "force-app/generated"'
  },
  '^([A-Za-z][A-Za-z0-9]*_?)?$': {
    form: 'a field prefix (letters and digits, starting with a letter, at most one underscore, at the end)',
    fix: () => 'use a prefix such as "HK_", or remove fieldPrefix'
  },
  '^[A-Z_][A-Z0-9_]*$': {
    form: 'an environment variable name (capital letters, digits and underscores, not starting with a digit)',
    fix: (v) => `use "${envName(v)}"`
  },
  '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$': {
    form: 'an email address',
    fix: () => 'write one address, e.g. "salesforce-admin@example.com"'
  }
};
