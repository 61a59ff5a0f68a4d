/**
 * Comparison operators of decisions (Flow semantics) and of record filters (SOQL semantics: text
 * compares case-insensitively). Documented choices where the platform is loosely specified: a null
 * text and an empty text are equal; numbers and numeric text compare as numbers.
 */
import type { FlowValue } from './model';

export class UnsupportedOperatorError extends Error {}

const isBlank = (v: FlowValue | undefined): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function asNumber(v: FlowValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function equal(a: FlowValue | undefined, b: FlowValue | undefined, caseInsensitive: boolean): boolean {
  if (isBlank(a) && isBlank(b) && !Array.isArray(a) && !Array.isArray(b)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== undefined && y !== undefined && x === y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a).toLowerCase() === String(b).toLowerCase();
  // Equal texts need no lower-casing (record filters compare Ids so; issue 15).
  if (typeof a === 'string' && typeof b === 'string') return a === b || (caseInsensitive && sameIgnoringCase(a, b));
  return a === b;
}

/** A character other than printable ASCII, tab and line breaks (any such text takes the lower-casing path). */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/;

/**
 * Texts equal when lower-cased. Lower-casing keeps an ASCII text's length, so ASCII texts of
 * different lengths differ without it: a filter scanning a table (a queue by DeveloperName) then
 * makes no lower-cased copy of every other row's value (issue 15).
 */
function sameIgnoringCase(a: string, b: string): boolean {
  if (a.length !== b.length && !NOT_PLAIN_ASCII.test(a) && !NOT_PLAIN_ASCII.test(b)) return false;
  return a.toLowerCase() === b.toLowerCase();
}

function text(v: FlowValue | undefined, caseInsensitive: boolean): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  const s = String(v);
  return caseInsensitive ? s.toLowerCase() : s;
}

function order(a: FlowValue | undefined, b: FlowValue | undefined): number | undefined {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const asList = (v: FlowValue | undefined): FlowValue[] =>
  Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];

type Operand = FlowValue | undefined;
/** One operator: `left <operator> right`, with record-filter semantics when `soql`. */
export type Comparison = (left: Operand, right: Operand, soql: boolean) => boolean;

const equalTo: Comparison = (left, right, soql) =>
  Array.isArray(left) ? left.some((x) => equal(x, right, soql)) : equal(left, right, soql);

const ordered =
  (holds: (o: number) => boolean): Comparison =>
  (left, right) => {
    const o = order(left, right);
    return o !== undefined && holds(o);
  };

const textTest =
  (holds: (l: string, r: string) => boolean): Comparison =>
  (left, right, soql) => {
    const l = text(left, soql);
    const r = text(right, soql);
    return l !== undefined && r !== undefined && holds(l, r);
  };

const containsText = textTest((l, r) => l.includes(r));

const blank: Comparison = (left, right) => isBlank(left) === (right === true || right === 'true');

/** The operators by name: looked up once per condition when a flow is compiled (issue 15). */
const OPERATORS = new Map<string, Comparison>([
  ['EqualTo', equalTo],
  ['NotEqualTo', (left, right, soql) => !equalTo(left, right, soql)],
  [
    'Contains',
    (left, right, soql) => (Array.isArray(left) ? equalTo(left, right, soql) : containsText(left, right, soql))
  ],
  ['StartsWith', textTest((l, r) => l.startsWith(r))],
  ['EndsWith', textTest((l, r) => l.endsWith(r))],
  ['IsNull', (left, right) => (left === null || left === undefined) === (right === true || right === 'true')],
  ['IsBlank', blank],
  ['IsEmpty', blank],
  ['In', (left, right, soql) => asList(right).some((x) => equal(left, x, soql))],
  ['NotIn', (left, right, soql) => !asList(right).some((x) => equal(left, x, soql))],
  ['GreaterThan', ordered((o) => o > 0)],
  ['LessThan', ordered((o) => o < 0)],
  ['GreaterThanOrEqualTo', ordered((o) => o >= 0)],
  ['LessThanOrEqualTo', ordered((o) => o <= 0)]
]);

/** The operator named `operator`, or undefined when the simulator does not evaluate it. */
export function comparison(operator: string): Comparison | undefined {
  return OPERATORS.get(operator);
}

/** Evaluates `left <operator> right`. `soql` selects record-filter semantics. */
export function compare(operator: string, left: Operand, right: Operand, soql = false): boolean {
  const c = OPERATORS.get(operator);
  if (!c) throw new UnsupportedOperatorError(operator);
  return c(left, right, soql);
}
