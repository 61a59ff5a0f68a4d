/**
 * Flow formula resources, evaluated: the expression language of Salesforce formulas as routing
 * flows use it (`TRIM(RIGHT({!Get_Message_Session.MessagingEndUser.MessagingPlatformKey}, 10))`,
 * `BLANKVALUE({!recordId}, {!input_record.Id})` in real retrieves). Merge fields `{!ref}` are
 * resolved by the caller; a function the simulator does not know is a FormulaError naming it.
 */
import type { FlowValue } from './model';

export class FormulaError extends Error {}

type Node =
  | { t: 'lit'; v: FlowValue }
  | { t: 'ref'; ref: string }
  | { t: 'call'; fn: string; args: Node[] }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node };

const TOKEN =
  /\s*(?:(\{![^}]+\})|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<>|!=|<=|>=|==|&&|\|\||[-+*/&=<>(),!^]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new FormulaError(`cannot read the formula at "${src.slice(pos, pos + 12).trim()}"`);
    out.push(m[0].trim());
    pos = TOKEN.lastIndex;
  }
  return out;
}

/** Parses a formula once; evaluate the tree per interview. */
export function parseFormula(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const take = (want?: string): string => {
    const t = toks[i++];
    if (t === undefined || (want !== undefined && t.toUpperCase() !== want))
      throw new FormulaError(`expected ${want ?? 'more'} in the formula, found ${t ?? 'its end'}`);
    return t;
  };
  const LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['=', '==', '<>', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-', '&'],
    ['*', '/'],
    ['^']
  ];
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let a = binary(level + 1);
    while (peek() !== undefined && LEVELS[level].includes(peek()!)) {
      const op = take();
      a = { t: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-' || peek() === '!' || peek() === '+') {
      const op = take();
      return { t: 'un', op, a: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = take();
    if (t === '(') {
      const inner = binary(0);
      take(')');
      return inner;
    }
    if (t.startsWith('{!')) return { t: 'ref', ref: t.slice(2, -1).trim() };
    if (t.startsWith('"') || t.startsWith("'")) return { t: 'lit', v: t.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (/^\d/.test(t)) return { t: 'lit', v: Number(t) };
    const up = t.toUpperCase();
    if (up === 'TRUE' || up === 'FALSE') return { t: 'lit', v: up === 'TRUE' };
    if (up === 'NULL') return { t: 'lit', v: null };
    if (/^[A-Za-z_]/.test(t) && peek() === '(') {
      take('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(binary(0));
        while (peek() === ',') {
          take(',');
          args.push(binary(0));
        }
      }
      take(')');
      return { t: 'call', fn: up, args };
    }
    throw new FormulaError(`unexpected "${t}" in the formula`);
  };
  const tree = binary(0);
  if (i < toks.length) throw new FormulaError(`unexpected "${toks[i]}" in the formula`);
  return tree;
}

const blank = (v: FlowValue): boolean => v === null || v === '';
const str = (v: FlowValue): string => (v === null || typeof v === 'object' ? '' : String(v));
const num = (v: FlowValue): number => (typeof v === 'number' ? v : v === null || v === '' ? 0 : Number(v));

type Fn = (args: Node[], ev: (n: Node) => FlowValue) => FlowValue;
const eager =
  (f: (...a: FlowValue[]) => FlowValue): Fn =>
  (args, ev) =>
    f(...args.map(ev));

/** The functions the simulator evaluates; others are a FormulaError with their name. */
const FUNCTIONS: Record<string, Fn> = {
  IF: (a, ev) => (ev(a[0]) === true ? ev(a[1]) : a.length > 2 ? ev(a[2]) : null),
  AND: (a, ev) => a.every((x) => ev(x) === true),
  OR: (a, ev) => a.some((x) => ev(x) === true),
  NOT: eager((x) => x !== true),
  ISBLANK: eager((x) => blank(x)),
  ISNULL: eager((x) => blank(x)),
  BLANKVALUE: (a, ev) => {
    const v = ev(a[0]);
    return blank(v) ? ev(a[1]) : v;
  },
  NULLVALUE: (a, ev) => {
    const v = ev(a[0]);
    return blank(v) ? ev(a[1]) : v;
  },
  CASE: (a, ev) => {
    const v = ev(a[0]);
    for (let i = 1; i + 1 < a.length; i += 2) if (str(ev(a[i])) === str(v)) return ev(a[i + 1]);
    return a.length % 2 === 0 ? ev(a[a.length - 1]) : null;
  },
  TRIM: eager((x) => str(x).trim()),
  LEFT: eager((x, n) =>
    Array.from(str(x))
      .slice(0, Math.max(0, num(n)))
      .join('')
  ),
  RIGHT: eager((x, n) => {
    const cps = Array.from(str(x));
    return cps.slice(Math.max(0, cps.length - Math.max(0, num(n)))).join('');
  }),
  MID: eager((x, s, n) =>
    Array.from(str(x))
      .slice(num(s) - 1, num(s) - 1 + num(n))
      .join('')
  ),
  LEN: eager((x) => Array.from(str(x)).length),
  UPPER: eager((x) => str(x).toUpperCase()),
  LOWER: eager((x) => str(x).toLowerCase()),
  TEXT: eager((x) => str(x)),
  VALUE: eager((x) => (str(x).trim() === '' ? null : Number(str(x)))),
  CONTAINS: eager((x, y) => str(x).includes(str(y))),
  BEGINS: eager((x, y) => str(x).startsWith(str(y))),
  SUBSTITUTE: eager((x, a, b) => str(x).split(str(a)).join(str(b))),
  FIND: eager((a, x) => str(x).indexOf(str(a)) + 1),
  ISPICKVAL: eager((x, y) => str(x) === str(y)),
  INCLUDES: eager((x, y) => str(x).split(';').includes(str(y))),
  ROUND: eager((x, d) => Math.round(num(x) * 10 ** num(d)) / 10 ** num(d)),
  ABS: eager((x) => Math.abs(num(x))),
  MAX: eager((...xs) => Math.max(...xs.map(num))),
  MIN: eager((...xs) => Math.min(...xs.map(num))),
  CASESAFEID: eager((x) => str(x)),
  HYPERLINK: eager((url, label) => str(label) || str(url))
};

function equalValues(x: FlowValue, y: FlowValue): boolean {
  if (blank(x) && blank(y)) return true;
  if (typeof x === 'number' || typeof y === 'number') return num(x) === num(y);
  return str(x) === str(y);
}

/** Evaluates a parsed formula; `resolve` reads a merge field. */
export function evaluateFormula(tree: Node, resolve: (ref: string) => FlowValue): FlowValue {
  const ev = (n: Node): FlowValue => {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'ref':
        return resolve(n.ref);
      case 'un': {
        const v = ev(n.a);
        return n.op === '!' ? v !== true : n.op === '-' ? -num(v) : num(v);
      }
      case 'bin': {
        if (n.op === '&&') return ev(n.a) === true && ev(n.b) === true;
        if (n.op === '||') return ev(n.a) === true || ev(n.b) === true;
        const a = ev(n.a);
        const b = ev(n.b);
        switch (n.op) {
          case '&':
            return str(a) + str(b);
          case '+':
            return typeof a === 'string' || typeof b === 'string' ? str(a) + str(b) : num(a) + num(b);
          case '-':
            return num(a) - num(b);
          case '*':
            return num(a) * num(b);
          case '/':
            return num(b) === 0 ? null : num(a) / num(b);
          case '^':
            return num(a) ** num(b);
          case '=':
          case '==':
            return equalValues(a, b);
          case '<>':
          case '!=':
            return !equalValues(a, b);
          case '<':
            return num(a) < num(b);
          case '>':
            return num(a) > num(b);
          case '<=':
            return num(a) <= num(b);
          case '>=':
            return num(a) >= num(b);
        }
        throw new FormulaError(`the operator ${n.op} is not simulated`);
      }
      case 'call': {
        const f = FUNCTIONS[n.fn];
        if (!f) throw new FormulaError(`the formula function ${n.fn} is not simulated`);
        return f(n.args, ev);
      }
    }
  };
  return ev(tree);
}

export type FormulaTree = Node;
