/** Decision elements: rules in order, each with its condition logic; the default outcome otherwise. */
import { evalLogic } from '../logic';
import type { Condition, DecisionNode } from '../model';
import { plain } from '../interview';
import type { DecisionRuleTrace } from '../steps';
import type { ElementHandler } from './types';

export const runDecision: ElementHandler<DecisionNode> = (node, iv) => {
  const tried: DecisionRuleTrace[] = [];
  for (const rule of node.rules) {
    const evaluated: DecisionRuleTrace['conditions'] = [];
    const test = (i: number): boolean => {
      const c: Condition = rule.conditions[i];
      iv.line = c.line;
      const left = iv.resolve(c.left);
      const right = iv.evaluate(c.right);
      const result = iv.compare(c.operator, left, right, false);
      if (iv.tracing)
        evaluated.push({
          index: i + 1,
          left: c.left,
          leftValue: plain(left),
          operator: c.operator,
          right: plain(right),
          result
        });
      return result;
    };
    const matched = evalLogic(rule.logic, test);
    if (iv.tracing)
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
