/**
 * Attributes: unique keys and (case-insensitive) names, names the generated flow reserves, field
 * name and length limits per type, and standard parameters that cannot be hidden.
 */
import { FLOW_INTERNAL_PREFIX, RECORD_ID } from '../../naming/flowNames';
import { isValidApiName } from '../../naming/naming';
import { fieldLength, takesLength } from '../../platform/fieldLengths';
import { standardParameterFor } from '../../platform/standardParameters';
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  const seenKeys = new Map<string, number>();
  const seenNames = new Map<string, number>();
  (Array.isArray(c.attributes) ? c.attributes : []).forEach((a, i) => {
    if (!a || typeof a.key !== 'string') return;
    const first = seenKeys.get(a.key);
    if (first !== undefined)
      ctx.add(
        ['attributes', i, 'key'],
        `duplicate key "${a.key}" (also at $.attributes[${first}])`,
        'list each vendor key once'
      );
    else seenKeys.set(a.key, i);
    if (typeof a.name === 'string') {
      const lower = a.name.toLowerCase();
      const other = seenNames.get(lower);
      if (other !== undefined)
        ctx.add(
          ['attributes', i, 'name'],
          `name "${a.name}" is already used at $.attributes[${other}] (API names are case-insensitive)`,
          'choose another name'
        );
      else seenNames.set(lower, i);
      if (lower.startsWith(FLOW_INTERNAL_PREFIX.toLowerCase()) || lower === RECORD_ID.toLowerCase()) {
        ctx.add(
          ['attributes', i, 'name'],
          `name "${a.name}" is reserved by the generated flow`,
          `choose a name that is not "${RECORD_ID}" and does not start with "${FLOW_INTERNAL_PREFIX}"`
        );
      }
      const prefix = typeof c.fieldPrefix === 'string' ? c.fieldPrefix : '';
      if (isValidApiName(a.name) && prefix.length + a.name.length > 40) {
        ctx.add(
          ['attributes', i, 'name'],
          `field "${prefix}${a.name}__c" would exceed 40 characters before __c`,
          `shorten the name to ${40 - prefix.length} characters or fewer`
        );
      }
    }
    const type = a.type ?? 'Text';
    if (typeof a.length === 'number') {
      if (type === 'Text' && a.length > 255)
        ctx.add(
          ['attributes', i, 'length'],
          `Text fields hold at most 255 characters, not ${a.length}`,
          'use "type": "LongTextArea" for longer values, or lower the length'
        );
      else if (type === 'LongTextArea' && a.length < 256)
        ctx.add(
          ['attributes', i, 'length'],
          `LongTextArea fields hold 256 to 131072 characters, not ${a.length}`,
          'raise the length to at least 256, or use "type": "Text"'
        );
      else if (!takesLength(type))
        ctx.add(['attributes', i, 'length'], `${type} fields have a fixed length`, 'remove "length"');
    }
    const holds = fieldLength(type, typeof a.length === 'number' ? a.length : undefined);
    if (typeof a.maxLength === 'number' && a.maxLength > holds) {
      ctx.add(
        ['attributes', i, 'maxLength'],
        `maxLength ${a.maxLength} is longer than the field (${holds} characters): values would fail to save`,
        takesLength(type) ? `lower maxLength to ${holds} or raise "length"` : `lower maxLength to ${holds}`
      );
    }
    const std = standardParameterFor(a.key);
    if (std && a.hidden === true) {
      ctx.add(
        ['attributes', i, 'hidden'],
        `"${a.key}" is the standard ${std} parameter, and standard parameters cannot be hidden pre-chat fields`,
        'remove "hidden"'
      );
    }
  });
};
