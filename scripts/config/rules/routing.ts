/**
 * Routing rules: each tests a known attribute with the value(s) its operator needs, and names a
 * listed queue; so does the default queue.
 */
import { checkAttributeReference, checkQueueReference, type ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  const rules = c.routing && Array.isArray(c.routing.rules) ? c.routing.rules : [];
  rules.forEach((r, i) => {
    if (!r || typeof r !== 'object') return;
    const base = ['routing', 'rules', i];
    checkAttributeReference(
      ctx,
      [...base, 'attribute'],
      r.attribute,
      'add the attribute to "attributes" or test another key'
    );
    if ((r.operator === 'equals' || r.operator === 'contains') && typeof r.value !== 'string') {
      ctx.add(base, `operator "${r.operator}" needs "value"`, 'add "value": "<text>"');
    }
    if (r.operator === 'in' && !Array.isArray(r.values))
      ctx.add(base, 'operator "in" needs "values"', 'add "values": ["a", "b"]');
    if (r.operator !== 'in' && r.values !== undefined)
      ctx.add([...base, 'values'], `"values" is only used by operator "in"`, 'use "value" or operator "in"');
    if (r.operator === 'isBlank' && r.value !== undefined)
      ctx.add([...base, 'value'], 'operator "isBlank" takes no value', 'remove "value"');
    if (r.operator === 'in' && r.value !== undefined)
      ctx.add(
        [...base, 'value'],
        'operator "in" takes "values", not "value"',
        'rename "value" to "values" and make it a list'
      );
    checkQueueReference(ctx, [...base, 'queue'], r.queue);
  });
  if (c.routing) checkQueueReference(ctx, ['routing', 'defaultQueue'], c.routing.defaultQueue);
};
