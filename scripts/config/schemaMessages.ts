/**
 * The JSON Schema half of the config check: validates against schemas/handoff.config.schema.json
 * (compiled once, or precompiled: schemaValidator.ts) and turns each ajv error into a problem a person can act on (JSON path, what is wrong, how to fix it).
 */
import type { ErrorObject } from 'ajv';
import type { Problem } from '../project/errors';
import { developerName } from '../naming/naming';
import { closest } from './closest';
import { jsonPath, pointerSegments } from './jsonPath';
import { PATTERN_FORMS } from './patternForms';
import { removedKey } from './removedKeys';
import { schemaValidator } from './schemaValidator';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(root: unknown, segments: (string | number)[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** One ajv error as a problem: JSON path, what is wrong in plain words, and a fix. */
function schemaErrorToProblem(file: string, err: ErrorObject, data: unknown): Problem {
  const segs = pointerSegments(err.instancePath);
  const at = jsonPath(segs);
  const value = valueAt(data, segs);
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return {
        file,
        path: at,
        message: `missing required key "${String(p.missingProperty)}"`,
        fix: `add "${String(p.missingProperty)}" to ${at === '$' ? 'the top level' : at}`
      };
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const removed = removedKey(segs, key);
      if (removed) return { file, path: jsonPath([...segs, key]), ...removed };
      const allowed = Object.keys((err.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {});
      const hint = closest(key, allowed);
      return {
        file,
        path: jsonPath([...segs, key]),
        message: `unknown key "${key}"`,
        fix: hint ? `did you mean "${hint}"?` : `remove it; allowed keys here: ${allowed.join(', ')}`
      };
    }
    case 'type':
      return {
        file,
        path: at,
        message: `must be ${article(String(p.type))}, not ${describe(value)}`,
        fix: `write ${article(String(p.type))}`
      };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        file,
        path: at,
        message: `${describe(value)} is not one of ${allowed.join(', ')}`,
        fix: hint ? `did you mean "${hint}"?` : `use one of ${allowed.join(', ')}`
      };
    }
    case 'pattern':
    case 'maxLength':
      if (
        err.parentSchema &&
        (err.parentSchema as { $ref?: string }).$ref === undefined &&
        isDeveloperNameSchema(err.parentSchema)
      ) {
        const suggestion = typeof value === 'string' ? developerName(value) : undefined;
        return {
          file,
          path: at,
          message: `${describe(value)} is not a valid API name (letters, digits and single underscores, starting with a letter, at most 40 characters)`,
          fix: suggestion ? `use "${suggestion}"` : 'rename it'
        };
      }
      if (err.keyword === 'maxLength') {
        return {
          file,
          path: at,
          message: `is ${String(value).length} characters; at most ${String(p.limit)} are allowed`,
          fix: 'shorten it'
        };
      }
      return patternProblem(file, at, value, String(p.pattern));
    case 'minLength':
      return { file, path: at, message: 'must not be empty', fix: 'give it a value or remove the key' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return {
        file,
        path: at,
        message: `${describe(value)} is ${err.keyword === 'maximum' ? 'above the maximum' : 'below the minimum'} ${String(p.limit)}`,
        fix: `use a value ${err.keyword === 'maximum' ? `up to ${String(p.limit)}` : err.keyword === 'exclusiveMinimum' ? `above ${String(p.limit)}` : `from ${String(p.limit)}`}`
      };
    case 'minItems':
      return {
        file,
        path: at,
        message: `must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
        fix: 'add an entry'
      };
    case 'uniqueItems':
      return {
        file,
        path: at,
        message: `items ${String(p.j)} and ${String(p.i)} are the same`,
        fix: 'remove the duplicate'
      };
    default:
      return { file, path: at, message: err.message ?? 'is invalid', fix: 'see schemas/handoff.config.schema.json' };
  }
}

/** A pattern failure in words (patternForms.ts); a pattern not in the table still names itself. */
function patternProblem(file: string, at: string, value: unknown, pattern: string): Problem {
  const form = PATTERN_FORMS[pattern];
  if (!form)
    return { file, path: at, message: `${describe(value)} does not have the expected form`, fix: `match ${pattern}` };
  return { file, path: at, message: `${describe(value)} is not ${form.form}`, fix: form.fix(String(value)) };
}

function isDeveloperNameSchema(s: unknown): boolean {
  return (
    typeof s === 'object' &&
    s !== null &&
    (s as { pattern?: string }).pattern === '^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$'
  );
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Every JSON Schema problem in a parsed config, in ajv's order. */
export function schemaProblems(data: unknown, file: string): Problem[] {
  const { validate } = schemaValidator();
  if (validate(data)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // ajv reports an enum/type failure once per branch; keep the first per path and keyword.
    // An if/then/else failure is also reported as the branch's own error (the missing key): keep that one.
    if (err.keyword === 'if') continue;
    const id = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(schemaErrorToProblem(file, err, data));
  }
  return problems;
}
