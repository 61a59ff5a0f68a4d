/**
 * Condition logic of decision rules and record filters: `and`, `or`, or a custom formula over
 * 1-based condition numbers (`1 AND (2 OR NOT 3)`), parsed once into a tree.
 */
import type { Logic } from './model';

export class LogicSyntaxError extends Error {}

/** Parses `logic` for `count` conditions. Empty or missing logic means AND (the platform default). */
export function parseLogic(text: string | undefined, count: number): Logic {
  const t = (text ?? '').trim();
  const all = (op: 'and' | 'or'): Logic => ({
    op,
    args: Array.from({ length: count }, (_, i) => ({ op: 'ref', index: i }) as Logic)
  });
  if (t === '' || t.toLowerCase() === 'and') return all('and');
  if (t.toLowerCase() === 'or') return all('or');

  const tokens = t.match(/\(|\)|\d+|[A-Za-z]+|\S/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos]?.toUpperCase();
  const fail = (msg: string): never => {
    throw new LogicSyntaxError(`condition logic "${t}": ${msg}`);
  };
  const primary = (): Logic => {
    const tok = peek();
    if (tok === undefined) return fail('ends too early');
    if (tok === 'NOT') {
      pos++;
      return { op: 'not', arg: primary() };
    }
    if (tok === '(') {
      pos++;
      const inner = orExpr();
      if (peek() !== ')') fail('a "(" is never closed');
      pos++;
      return inner;
    }
    if (/^\d+$/.test(tok)) {
      pos++;
      const n = Number(tok);
      if (n < 1 || n > count) fail(`condition ${n} does not exist (there are ${count})`);
      return { op: 'ref', index: n - 1 };
    }
    return fail(`unexpected "${tokens[pos]}"`);
  };
  const andExpr = (): Logic => {
    const args = [primary()];
    while (peek() === 'AND') {
      pos++;
      args.push(primary());
    }
    return args.length === 1 ? args[0] : { op: 'and', args };
  };
  const orExpr = (): Logic => {
    const args = [andExpr()];
    while (peek() === 'OR') {
      pos++;
      args.push(andExpr());
    }
    return args.length === 1 ? args[0] : { op: 'or', args };
  };
  const tree = orExpr();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos]}"`);
  return tree;
}

/** Evaluates logic lazily: `test(i)` is called only for conditions the result depends on. */
export function evalLogic(logic: Logic, test: (index: number) => boolean): boolean {
  switch (logic.op) {
    case 'ref':
      return test(logic.index);
    case 'not':
      return !evalLogic(logic.arg, test);
    case 'and':
      return logic.args.every((a) => evalLogic(a, test));
    case 'or':
      return logic.args.some((a) => evalLogic(a, test));
  }
}

/**
 * Logic compiled once into one function over condition tests (issue 15): the same lazy order as
 * evalLogic, without its per-call closure. `C` is what each test reads (an interview, a record scan).
 */
export function compileLogic<C>(logic: Logic, tests: readonly ((c: C) => boolean)[]): (c: C) => boolean {
  switch (logic.op) {
    case 'ref':
      return tests[logic.index];
    case 'not': {
      const arg = compileLogic(logic.arg, tests);
      return (c) => !arg(c);
    }
    case 'and': {
      const args = logic.args.map((a) => compileLogic(a, tests));
      return (c) => {
        for (const a of args) if (!a(c)) return false;
        return true;
      };
    }
    case 'or': {
      const args = logic.args.map((a) => compileLogic(a, tests));
      return (c) => {
        for (const a of args) if (a(c)) return true;
        return false;
      };
    }
  }
}
