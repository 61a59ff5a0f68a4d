/**
 * Contact matching: the email attribute is the key of an attribute.
 */
import { checkAttributeReference, type ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  if (c.contactMatching)
    checkAttributeReference(
      ctx,
      ['contactMatching', 'emailAttribute'],
      c.contactMatching.emailAttribute,
      'use the key of the attribute holding the email, e.g. "_email"'
    );
};
