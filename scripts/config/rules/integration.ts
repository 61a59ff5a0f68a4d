/**
 * Cross-section rules for `integration` and `caseFields` that the schema cannot express.
 */
import type { SyncedObject } from '../types';
import { ALWAYS_ACCESSIBLE, SYNCED_OBJECTS } from '../../platform/fieldSecurity';
import type { ConfigRule } from './context';

export const check: ConfigRule = (ctx) => {
  const c = ctx.config;
  const add = ctx.add;
  const i = c.integration;
  if (i && typeof i === 'object') {
    for (const list of ['syncFields', 'pushFields'] as const) {
      for (const o of SYNCED_OBJECTS) {
        const fields = (i[list] as Partial<Record<SyncedObject, unknown>> | undefined)?.[o];
        if (!Array.isArray(fields)) continue;
        fields.forEach((f, n) => {
          if (typeof f === 'string' && ALWAYS_ACCESSIBLE[o].some((a) => a.toLowerCase() === f.toLowerCase()))
            add(
              ['integration', list, o, n],
              `${o}.${f} has no field-level security (required and system fields come with object access; a permission set naming it fails to deploy)`,
              `remove "${f}"`
            );
        });
      }
    }
  }
  if (!Array.isArray(c.caseFields)) return;
  const seen = new Map<string, number>();
  c.caseFields.forEach((f, n) => {
    if (!f || typeof f.name !== 'string') return;
    const k = f.name.toLowerCase();
    const first = seen.get(k);
    if (first !== undefined)
      add(
        ['caseFields', n, 'name'],
        `"${f.name}" repeats caseFields[${first}].name (Salesforce compares API names case-insensitively)`,
        'give each Case field its own name'
      );
    else seen.set(k, n);
    if (f.type === 'LongTextArea' && typeof f.length === 'number' && f.length < 256)
      add(
        ['caseFields', n, 'length'],
        'a LongTextArea holds 256 to 131072 characters',
        'use a length of at least 256, or type Text'
      );
    if (f.type === 'Text' && typeof f.length === 'number' && f.length > 255)
      add(['caseFields', n, 'length'], 'a Text field holds at most 255 characters', 'use type LongTextArea');
  });
};
