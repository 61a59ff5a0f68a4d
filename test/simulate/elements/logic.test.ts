/** Compiled condition logic (decisions and record filters of untraced runs) agrees with evalLogic, laziness included. */
import { compileLogic, evalLogic, parseLogic } from '../../../scripts/simulate/flow/logic';

/** Runs logic both ways over `values`, recording which conditions each evaluated, in order. */
function bothWays(logic: string, values: boolean[]) {
  const tree = parseLogic(logic, values.length);
  const interpreted: number[] = [];
  const byTree = evalLogic(tree, (i) => (interpreted.push(i), values[i]));
  const compiledOrder: number[] = [];
  const tests = values.map((v, i) => (order: number[]) => (order.push(i), v));
  const byClosure = compileLogic(tree, tests)(compiledOrder);
  return { byTree, byClosure, interpreted, compiledOrder };
}

describe('compileLogic', () => {
  it.each([
    ['1 AND (2 OR 3)', [true, false, true], true, [0, 1, 2]],
    ['1 AND (2 OR 3)', [false, true, true], false, [0]],
    ['NOT 1 OR 2', [true, false, false], false, [0, 1]],
    ['(1 OR 2) AND NOT 3', [false, true, false], true, [0, 1, 2]],
    ['or', [false, true, true], true, [0, 1]],
    ['and', [true, false, true], false, [0, 1]],
    ['1', [true], true, [0]]
  ])('%s with %j is %s, evaluating only conditions %j', (logic, values, expected, evaluated) => {
    const r = bothWays(logic, values);
    expect([r.byClosure, r.compiledOrder]).toEqual([expected, evaluated]);
    expect([r.byTree, r.interpreted]).toEqual([expected, evaluated]);
  });
});
