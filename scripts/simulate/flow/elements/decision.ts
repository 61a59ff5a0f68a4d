/** Decision elements: rules in order, each with its condition logic; the default outcome otherwise. */
import { compileLogic, evalLogic } from '../logic';
import type { CompiledFlow, Condition, DecisionNode } from '../model';
import type { Interview } from '../interview';
import { plain } from '../interview';
import { comparison } from '../operators';
import { refReader, valueReader } from '../references';
import type { DecisionRuleTrace } from '../steps';
import { compiledHandler, type ElementCompiler } from './types';

type ConditionTrace = DecisionRuleTrace['conditions'];

/** One condition compiled: evaluates it at its line; with `evaluated`, records what it compared. */
type Test = (iv: Interview, evaluated?: ConditionTrace) => boolean;

function compileCondition(flow: CompiledFlow, c: Condition, index: number): Test {
  const left = refReader(flow, c.left);
  const right = valueReader(flow, c.right);
  const cmp = comparison(c.operator);
  const unsupported = `the operator ${c.operator} is not simulated`;
  const { line } = c;
  return (iv, evaluated) => {
    iv.line = line;
    const l = left(iv);
    const r = right(iv);
    const result = cmp ? cmp(l, r, false) : iv.fail(unsupported);
    if (evaluated)
      evaluated.push({
        index: index + 1,
        left: c.left,
        leftValue: plain(l),
        operator: c.operator,
        right: plain(r),
        result
      });
    return result;
  };
}

export const compileDecision: ElementCompiler<DecisionNode> = (node, flow, tracing) => {
  const rules = node.rules.map((rule) => {
    const tests = rule.conditions.map((c, i) => compileCondition(flow, c, i));
    return { rule, tests, holds: compileLogic<Interview>(rule.logic, tests) };
  });
  if (!tracing) {
    // Read once here: the closure then loads no property of a node or rule (issue 15).
    const untraced = rules.map((r) => ({ holds: r.holds, next: r.rule.next }));
    const { defaultNext } = node;
    return (iv) => {
      for (const r of untraced) if (r.holds(iv)) return r.next;
      return defaultNext;
    };
  }
  return (iv) => {
    const tried: DecisionRuleTrace[] = [];
    for (const { rule, tests } of rules) {
      const evaluated: ConditionTrace = [];
      const matched = evalLogic(rule.logic, (i) => tests[i](iv, evaluated));
      tried.push({ name: rule.name, label: rule.label, logic: rule.logicText, matched, conditions: evaluated });
      if (matched) {
        iv.trace({
          type: 'decision',
          element: node.name,
          label: node.label,
          outcome: rule.name,
          outcomeLabel: rule.label,
          rules: tried
        });
        return rule.next;
      }
    }
    iv.trace({
      type: 'decision',
      element: node.name,
      label: node.label,
      outcome: '',
      outcomeLabel: node.defaultLabel,
      rules: tried
    });
    return node.defaultNext;
  };
};

export const runDecision = compiledHandler(compileDecision);
