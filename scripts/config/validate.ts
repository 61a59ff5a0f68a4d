/**
 * Runtime validation of handoff.config.json: the JSON Schema (shape, types, enums) and the rules a
 * schema cannot express (references between sections, per-type limits). Reports every problem at
 * once, each with its JSON path, what is wrong and how to fix it.
 */
import Ajv, { type ErrorObject } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../project/errors';
import { isValidApiName, developerName } from '../naming/naming';
import { standardParameterFor } from '../platform/standardParameters';
import { FLOW_INTERNAL_PREFIX, RECORD_ID } from '../model/flowNames';
import { fieldLength, takesLength } from '../model/fieldLengths';
import { jsonPath, pointerSegments } from './jsonPath';
import type { HandoffConfig } from './types';

const SCHEMA_FILE = path.join(__dirname, '..', '..', '..', 'schemas', 'handoff.config.schema.json');

type Schema = Record<string, unknown>;
let compiled: { validate: ReturnType<Ajv['compile']>; schema: Schema } | undefined;

function schemaValidator(): { validate: ReturnType<Ajv['compile']>; schema: Schema } {
  if (!compiled) {
    // dist/scripts/config → project root is three levels up; from sources (jest) it is two.
    const file = fs.existsSync(SCHEMA_FILE)
      ? SCHEMA_FILE
      : path.join(__dirname, '..', '..', 'schemas', 'handoff.config.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    compiled = { validate: ajv.compile(schema), schema };
  }
  return compiled;
}

/** Edit distance, for "did you mean" hints on misspelt keys and names. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = distance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

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
      return {
        file,
        path: at,
        message: `${describe(value)} does not have the expected form`,
        fix: `match ${String(p.pattern)}`
      };
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

/** Cross-section rules the schema cannot express. Runs only on parts whose shape is already right. */
function semanticProblems(file: string, c: HandoffConfig): Problem[] {
  const out: Problem[] = [];
  const add = (segs: (string | number)[], message: string, fix: string): void => {
    out.push({ file, path: jsonPath(segs), message, fix });
  };
  const attrs = Array.isArray(c.attributes) ? c.attributes.filter((a) => a && typeof a.key === 'string') : [];
  const keys = attrs.map((a) => a.key);
  const queues = Array.isArray(c.queues)
    ? c.queues.filter((q) => q && typeof q.developerName === 'string').map((q) => q.developerName)
    : [];

  const seenKeys = new Map<string, number>();
  const seenNames = new Map<string, number>();
  (Array.isArray(c.attributes) ? c.attributes : []).forEach((a, i) => {
    if (!a || typeof a.key !== 'string') return;
    const first = seenKeys.get(a.key);
    if (first !== undefined)
      add(
        ['attributes', i, 'key'],
        `duplicate key "${a.key}" (also at $.attributes[${first}])`,
        'list each vendor key once'
      );
    else seenKeys.set(a.key, i);
    if (typeof a.name === 'string') {
      const lower = a.name.toLowerCase();
      const other = seenNames.get(lower);
      if (other !== undefined)
        add(
          ['attributes', i, 'name'],
          `name "${a.name}" is already used at $.attributes[${other}] (API names are case-insensitive)`,
          'choose another name'
        );
      else seenNames.set(lower, i);
      if (lower.startsWith(FLOW_INTERNAL_PREFIX.toLowerCase()) || lower === RECORD_ID.toLowerCase()) {
        add(
          ['attributes', i, 'name'],
          `name "${a.name}" is reserved by the generated flow`,
          `choose a name that is not "${RECORD_ID}" and does not start with "${FLOW_INTERNAL_PREFIX}"`
        );
      }
      const prefix = typeof c.fieldPrefix === 'string' ? c.fieldPrefix : '';
      if (isValidApiName(a.name) && prefix.length + a.name.length > 40) {
        add(
          ['attributes', i, 'name'],
          `field "${prefix}${a.name}__c" would exceed 40 characters before __c`,
          `shorten the name to ${40 - prefix.length} characters or fewer`
        );
      }
    }
    const type = a.type ?? 'Text';
    if (typeof a.length === 'number') {
      if (type === 'Text' && a.length > 255)
        add(
          ['attributes', i, 'length'],
          `Text fields hold at most 255 characters, not ${a.length}`,
          'use "type": "LongTextArea" for longer values, or lower the length'
        );
      else if (type === 'LongTextArea' && a.length < 256)
        add(
          ['attributes', i, 'length'],
          `LongTextArea fields hold 256 to 131072 characters, not ${a.length}`,
          'raise the length to at least 256, or use "type": "Text"'
        );
      else if (!takesLength(type))
        add(['attributes', i, 'length'], `${type} fields have a fixed length`, 'remove "length"');
    }
    const holds = fieldLength(type, typeof a.length === 'number' ? a.length : undefined);
    if (typeof a.maxLength === 'number' && a.maxLength > holds) {
      add(
        ['attributes', i, 'maxLength'],
        `maxLength ${a.maxLength} is longer than the field (${holds} characters): values would fail to save`,
        takesLength(type) ? `lower maxLength to ${holds} or raise "length"` : `lower maxLength to ${holds}`
      );
    }
    const std = standardParameterFor(a.key);
    if (std && a.hidden === true) {
      add(
        ['attributes', i, 'hidden'],
        `"${a.key}" is the standard ${std} parameter, and standard parameters cannot be hidden pre-chat fields`,
        'remove "hidden"'
      );
    }
  });

  const rules = c.routing && Array.isArray(c.routing.rules) ? c.routing.rules : [];
  rules.forEach((r, i) => {
    if (!r || typeof r !== 'object') return;
    const base = ['routing', 'rules', i];
    if (typeof r.attribute === 'string' && keys.length && !keys.includes(r.attribute)) {
      const hint = closest(r.attribute, keys);
      add(
        [...base, 'attribute'],
        `"${r.attribute}" is not the key of any attribute`,
        hint ? `did you mean "${hint}"?` : 'add the attribute to "attributes" or test another key'
      );
    }
    if ((r.operator === 'equals' || r.operator === 'contains') && typeof r.value !== 'string') {
      add(base, `operator "${r.operator}" needs "value"`, 'add "value": "<text>"');
    }
    if (r.operator === 'in' && !Array.isArray(r.values))
      add(base, 'operator "in" needs "values"', 'add "values": ["a", "b"]');
    if (r.operator !== 'in' && r.values !== undefined)
      add([...base, 'values'], `"values" is only used by operator "in"`, 'use "value" or operator "in"');
    if (r.operator === 'isBlank' && r.value !== undefined)
      add([...base, 'value'], 'operator "isBlank" takes no value', 'remove "value"');
    if (r.operator === 'in' && r.value !== undefined)
      add(
        [...base, 'value'],
        'operator "in" takes "values", not "value"',
        'rename "value" to "values" and make it a list'
      );
    if (typeof r.queue === 'string' && queues.length && !queues.includes(r.queue))
      queueProblem(add, [...base, 'queue'], r.queue, queues);
  });
  if (
    c.routing &&
    typeof c.routing.defaultQueue === 'string' &&
    queues.length &&
    !queues.includes(c.routing.defaultQueue)
  ) {
    queueProblem(add, ['routing', 'defaultQueue'], c.routing.defaultQueue, queues);
  }
  if (c.fallback && typeof c.fallback.queue === 'string' && queues.length && !queues.includes(c.fallback.queue)) {
    queueProblem(add, ['fallback', 'queue'], c.fallback.queue, queues);
  }
  // Agents' queues (seed makes them GroupMembers): each must be a listed queue.
  (Array.isArray(c.users?.agents) ? c.users.agents : []).forEach((agent, i) => {
    if (!agent || typeof agent !== 'object' || !Array.isArray(agent.queues)) return;
    agent.queues.forEach((q, j) => {
      if (typeof q === 'string' && queues.length && !queues.includes(q))
        queueProblem(add, ['users', 'agents', i, 'queues', j], q, queues);
    });
  });
  const seenQueues = new Map<string, number>();
  (Array.isArray(c.queues) ? c.queues : []).forEach((q, i) => {
    if (!q || typeof q.developerName !== 'string') return;
    const lower = q.developerName.toLowerCase();
    if (seenQueues.has(lower))
      add(
        ['queues', i, 'developerName'],
        `duplicate queue "${q.developerName}" (also at $.queues[${seenQueues.get(lower)}])`,
        'list each queue once'
      );
    else seenQueues.set(lower, i);
  });

  if (
    c.contactMatching &&
    typeof c.contactMatching.emailAttribute === 'string' &&
    keys.length &&
    !keys.includes(c.contactMatching.emailAttribute)
  ) {
    const hint = closest(c.contactMatching.emailAttribute, keys);
    add(
      ['contactMatching', 'emailAttribute'],
      `"${c.contactMatching.emailAttribute}" is not the key of any attribute`,
      hint ? `did you mean "${hint}"?` : 'use the key of the attribute holding the email, e.g. "_email"'
    );
  }

  const createsCases = c.fallback?.whenNoAgent === 'case' || c.businessHours?.whenClosed === 'case';
  if (createsCases && !c.endConversation) {
    add(
      ['endConversation'],
      'creating a Case calls End Conversation, but no endpoint is configured',
      'add "endConversation": { "endpoint": "https://…" }, or set fallback.whenNoAgent to "wait"'
    );
  }
  if (c.endConversation && typeof c.endConversation.endpoint === 'string') {
    let url: URL | undefined;
    try {
      url = new URL(c.endConversation.endpoint);
    } catch {
      add(
        ['endConversation', 'endpoint'],
        `"${c.endConversation.endpoint}" is not a URL`,
        'write the full URL, e.g. https://vendor.example.com/salesforce/end'
      );
    }
    if (url && url.protocol !== 'https:')
      add(
        ['endConversation', 'endpoint'],
        `the endpoint uses ${url.protocol.replace(':', '')}; Salesforce callouts carrying a token must use HTTPS`,
        'use an https:// URL'
      );
    if (url && (url.username || url.password))
      add(
        ['endConversation', 'endpoint'],
        'the endpoint URL contains credentials',
        'remove them from the URL: the token comes from the environment through handoff seed'
      );
  }
  return out;
}

function queueProblem(
  add: (s: (string | number)[], m: string, f: string) => void,
  segs: (string | number)[],
  name: string,
  queues: string[]
): void {
  const hint = closest(name, queues);
  add(
    segs,
    `queue "${name}" is not listed in "queues"`,
    hint ? `did you mean "${hint}"?` : `add { "developerName": "${name}" } to "queues"`
  );
}

/** Every problem in a parsed config, in document order of the schema check, then cross-section rules. */
export function validateConfig(data: unknown, file: string): Problem[] {
  const { validate } = schemaValidator();
  const problems: Problem[] = [];
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const err of validate.errors ?? []) {
      // ajv reports an enum/type failure once per branch; keep the first per path and keyword.
      const id = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      problems.push(schemaErrorToProblem(file, err, data));
    }
  }
  if (data && typeof data === 'object' && !Array.isArray(data))
    problems.push(...semanticProblems(file, data as HandoffConfig));
  return problems;
}
