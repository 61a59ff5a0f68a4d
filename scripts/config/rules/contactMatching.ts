/**
 * Contact matching: the email attribute is the key of an attribute.
 */
import { closest } from '../closest';
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  if (
    c.contactMatching &&
    typeof c.contactMatching.emailAttribute === 'string' &&
    ctx.attributeKeys.length &&
    !ctx.attributeKeys.includes(c.contactMatching.emailAttribute)
  ) {
    const hint = closest(c.contactMatching.emailAttribute, ctx.attributeKeys);
    ctx.add(
      ['contactMatching', 'emailAttribute'],
      `"${c.contactMatching.emailAttribute}" is not the key of any attribute`,
      hint ? `did you mean "${hint}"?` : 'use the key of the attribute holding the email, e.g. "_email"'
    );
  }
};
