/**
 * The Case the flow creates (`fallback.case`): the Description lists attributes, each mapped Case
 * field is one the flow may fill from an attribute that fits in it.
 */
import { closest } from '../closest';
import type { AttributeConfig } from '../types';
import { fieldLength } from '../../platform/fieldLengths';
import { FLOW_SET_CASE_FIELDS, MAPPABLE_CASE_FIELDS } from '../../platform/caseFields';
import { checkAttributeReference, type ConfigRule, type ConfigRuleContext } from './context';

/** The characters a value of the attribute can have once the channel truncated it. */
function attributeLength(a: AttributeConfig): number {
  return a.maxLength ?? fieldLength(a.type ?? 'Text', a.length);
}

/** The vendor Case fields by API name (`Name__c`) with the characters each holds. */
function ownCaseFields(ctx: ConfigRuleContext): Map<string, number> {
  const own = new Map<string, number>();
  for (const f of Array.isArray(ctx.config.caseFields) ? ctx.config.caseFields : []) {
    if (!f || typeof f.name !== 'string') continue;
    const type = f.type ?? 'LongTextArea';
    own.set(`${f.name}__c`, fieldLength(type, f.length ?? (type === 'LongTextArea' ? 131072 : undefined)));
  }
  return own;
}

function checkDescription(ctx: ConfigRuleContext, description: unknown): void {
  if (!Array.isArray(description)) return;
  const seen = new Map<string, number>();
  description.forEach((key, n) => {
    const at = ['fallback', 'case', 'description', n];
    checkAttributeReference(ctx, at, key, 'list keys of "attributes"');
    if (typeof key !== 'string') return;
    const first = seen.get(key);
    if (first !== undefined) ctx.add(at, `"${key}" repeats description[${first}]`, 'list each attribute once');
    else seen.set(key, n);
  });
}

function checkField(ctx: ConfigRuleContext, field: string, key: unknown, own: Map<string, number>): void {
  const c = ctx.config;
  const at = ['fallback', 'case', 'fields', field];
  if (FLOW_SET_CASE_FIELDS.some((f) => f.toLowerCase() === field.toLowerCase())) {
    ctx.add(
      at,
      `the flow sets Case.${field} itself`,
      field.toLowerCase() === 'description'
        ? 'list the attribute in fallback.case.description instead'
        : `remove "${field}"`
    );
    return;
  }
  const fixed = c.fallback?.case ?? {};
  for (const [name, setBy] of [
    ['Subject', 'subject'],
    ['Priority', 'priority']
  ] as const)
    if (field === name && typeof fixed[setBy] === 'string')
      ctx.add(
        at,
        `Case.${name} is also set by fallback.case.${setBy}`,
        `remove fallback.case.${setBy} (the attribute's value wins) or this mapping`
      );
  const standard = Object.prototype.hasOwnProperty.call(MAPPABLE_CASE_FIELDS, field);
  if (!standard && !own.has(field)) {
    const candidates = [...own.keys(), ...Object.keys(MAPPABLE_CASE_FIELDS)];
    const hint = closest(field, candidates) ?? (own.has(`${field}__c`) ? `${field}__c` : undefined);
    ctx.add(
      at,
      `"${field}" is neither a field of caseFields${own.size ? ` (${[...own.keys()].join(', ')})` : ''} nor a standard Case field the flow may fill (${Object.keys(MAPPABLE_CASE_FIELDS).join(', ')})`,
      hint ? `did you mean "${hint}"?` : 'add the field to "caseFields"'
    );
    return;
  }
  checkAttributeReference(ctx, at, key, 'use the key of an attribute');
  const holds = standard ? MAPPABLE_CASE_FIELDS[field] : own.get(field);
  const list = Array.isArray(c.attributes) ? c.attributes : [];
  const n = list.findIndex((a) => a && a.key === key);
  if (holds === undefined || n < 0) return;
  const carries = attributeLength(list[n]);
  if (carries > holds)
    ctx.add(
      at,
      `Case.${field} holds ${holds} characters, but attribute "${String(key)}" may carry ${carries}: a longer value fails the Create Case element`,
      `set attributes[${n}].maxLength to ${holds} or less, or map another attribute`
    );
}

export const check: ConfigRule = (ctx) => {
  const template = ctx.config.fallback?.case;
  if (!template || typeof template !== 'object') return;
  checkDescription(ctx, template.description);
  const fields = template.fields;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return;
  const own = ownCaseFields(ctx);
  for (const [field, key] of Object.entries(fields)) checkField(ctx, field, key, own);
};
