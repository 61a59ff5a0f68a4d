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
  if (typeof a === 'string' && typeof b === 'string')
    return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
  return a === b;
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

/** Evaluates `left <operator> right`. `soql` selects record-filter semantics. */
export function compare(
  operator: string,
  left: FlowValue | undefined,
  right: FlowValue | undefined,
  soql = false
): boolean {
  switch (operator) {
    case 'EqualTo':
      if (Array.isArray(left)) return left.some((x) => equal(x, right, soql));
      return equal(left, right, soql);
    case 'NotEqualTo':
      return !compare('EqualTo', left, right, soql);
    case 'Contains': {
      if (Array.isArray(left)) return left.some((x) => equal(x, right, soql));
      const l = text(left, soql);
      const r = text(right, soql);
      return l !== undefined && r !== undefined && l.includes(r);
    }
    case 'StartsWith': {
      const l = text(left, soql);
      const r = text(right, soql);
      return l !== undefined && r !== undefined && l.startsWith(r);
    }
    case 'EndsWith': {
      const l = text(left, soql);
      const r = text(right, soql);
      return l !== undefined && r !== undefined && l.endsWith(r);
    }
    case 'IsNull':
      return (left === null || left === undefined) === (right === true || right === 'true');
    case 'IsBlank':
    case 'IsEmpty':
      return isBlank(left) === (right === true || right === 'true');
    case 'In':
      return asList(right).some((x) => equal(left, x, soql));
    case 'NotIn':
      return !asList(right).some((x) => equal(left, x, soql));
    case 'GreaterThan': {
      const o = order(left, right);
      return o !== undefined && o > 0;
    }
    case 'LessThan': {
      const o = order(left, right);
      return o !== undefined && o < 0;
    }
    case 'GreaterThanOrEqualTo': {
      const o = order(left, right);
      return o !== undefined && o >= 0;
    }
    case 'LessThanOrEqualTo': {
      const o = order(left, right);
      return o !== undefined && o <= 0;
    }
    default:
      throw new UnsupportedOperatorError(operator);
  }
}
