/**
 * Choice-list pre-chat fields: `choices` make a visible field the customer picks from, so they need
 * a visible custom Text attribute; values are unique and fit the parameter, and at most one is the default.
 */
import { fieldLength } from '../../platform/fieldLengths';
import { standardParameterFor } from '../../platform/standardParameters';
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const attrs = Array.isArray(ctx.config.attributes) ? ctx.config.attributes : [];
  attrs.forEach((a, i) => {
    if (!a || typeof a !== 'object' || !Array.isArray(a.choices)) return;
    const at = (...rest: (string | number)[]): (string | number)[] => ['attributes', i, ...rest];
    if (typeof a.key === 'string' && standardParameterFor(a.key)) {
      ctx.add(
        at('choices'),
        `"${a.key}" is a standard pre-chat field, which cannot be a choice list`,
        'remove "choices", or use a custom key'
      );
      return;
    }
    if (a.hidden !== false)
      ctx.add(
        at('choices'),
        'a choice list is a field the customer sees, but this attribute is hidden (hidden defaults to true)',
        'add "hidden": false, or remove "choices"'
      );
    if (a.type !== undefined && a.type !== 'Text')
      ctx.add(
        at('type'),
        `a choice list holds Text values, not ${a.type}`,
        'remove "type" (Text), or remove "choices"'
      );
    const max = typeof a.maxLength === 'number' ? a.maxLength : fieldLength('Text', a.length);
    const seen = new Map<string, number>();
    let defaults = 0;
    a.choices.forEach((c, j) => {
      if (!c || typeof c.value !== 'string') return;
      const first = seen.get(c.value);
      if (first !== undefined)
        ctx.add(
          at('choices', j, 'value'),
          `"${c.value}" is listed twice (first at $.attributes[${i}].choices[${first}])`,
          'remove one of them'
        );
      else seen.set(c.value, j);
      if (Array.from(c.value).length > max)
        ctx.add(
          at('choices', j, 'value'),
          `"${c.value}" is longer than the parameter's maxLength ${max}: the flow would get it cut`,
          `shorten the value, or raise "maxLength" to at least ${Array.from(c.value).length}`
        );
      if (c.default === true && ++defaults === 2)
        ctx.add(
          at('choices', j, 'default'),
          'a second default choice; the form preselects one',
          'keep "default": true on one choice'
        );
    });
  });
};
