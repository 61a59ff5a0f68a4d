/**
 * The Case the flow creates (fallback `case`), resolved from `fallback.case`: which attributes make
 * up the Description, in which order, and which Case fields are filled from which attribute.
 */
import type { CaseTemplateConfig } from '../config/types';
import type { ResolvedAttribute, ResolvedCaseFieldValue } from './types';

/** Attribute keys that hold the AI's summary: the default Description starts with them. */
export const SUMMARY_KEY = /summary/i;

/** The configured order, else the summaries first and then every other attribute in config order. */
export function caseDescription(
  template: CaseTemplateConfig | undefined,
  attributes: ResolvedAttribute[]
): ResolvedAttribute[] {
  if (template?.description) {
    const byKey = new Map(attributes.map((a) => [a.key, a]));
    return template.description.map((k) => byKey.get(k)).filter((a): a is ResolvedAttribute => a !== undefined);
  }
  return [...attributes.filter((a) => SUMMARY_KEY.test(a.key)), ...attributes.filter((a) => !SUMMARY_KEY.test(a.key))];
}

export function caseFieldValues(
  template: CaseTemplateConfig | undefined,
  attributes: ResolvedAttribute[]
): ResolvedCaseFieldValue[] {
  const byKey = new Map(attributes.map((a) => [a.key, a]));
  return Object.entries(template?.fields ?? {})
    .flatMap(([field, key]) => {
      const attribute = byKey.get(key);
      return attribute ? [{ field, attribute }] : [];
    })
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
