/**
 * Infers config attributes from a real hand-off payload: Fin's key families are grouped
 * (`user_*` Customer, `user_geoip_data_*` Location, `conversation_*` Conversation), the standard
 * keys (`_firstName`…) become standard parameters, and long values get a long text field.
 */
import { labelFromKey } from '../naming/naming';
import { standardParameterFor } from '../platform/standardParameters';
import type { AttributeConfig, AttributeGroup } from './types';

const GROUP_PREFIXES: [RegExp, AttributeGroup][] = [
  [/^user_geoip_data_/i, 'Location'],
  [/^user_/i, 'Customer'],
  [/^conversation_/i, 'Conversation']
];

const STANDARD_LABELS: Record<string, string> = {
  FirstName: 'First Name',
  LastName: 'Last Name',
  Email: 'Email',
  Subject: 'Subject'
};

export function groupFor(key: string): AttributeGroup {
  const std = standardParameterFor(key);
  if (std) return std === 'Subject' ? 'Conversation' : 'Customer';
  for (const [re, group] of GROUP_PREFIXES) if (re.test(key)) return group;
  return 'Other';
}

/** A readable label: Fin's `conversation_custom_data_<Label>` keeps the admin's own label. */
export function labelFor(key: string): string {
  const std = standardParameterFor(key);
  if (std) return STANDARD_LABELS[std];
  const custom = /^conversation_custom_data_(.+)$/i.exec(key) ?? /^user_custom_data_(.+)$/i.exec(key);
  const raw = custom ? custom[1] : key.replace(/^user_geoip_data_/i, '').replace(/^user_/i, 'User ');
  return (custom ? raw.trim() : labelFromKey(raw)).slice(0, 40).trimEnd() || labelFromKey(key);
}

export interface InferResult {
  attributes: AttributeConfig[];
  /** Keys left out, with why (non-string values). */
  skipped: { key: string; reason: string }[];
}

export function inferAttributes(payload: Record<string, unknown>): InferResult {
  const attributes: AttributeConfig[] = [];
  const skipped: InferResult['skipped'] = [];
  for (const key of Object.keys(payload)) {
    const value = payload[key];
    if (typeof value !== 'string') {
      skipped.push({
        key,
        reason: `value is ${value === null ? 'null' : typeof value}, and MIAW routing attributes are strings`
      });
      continue;
    }
    const attr: AttributeConfig = { key, label: labelFor(key), group: groupFor(key) };
    if (value.length > 255) {
      attr.type = 'LongTextArea';
      attr.length = 32768;
    }
    attributes.push(attr);
  }
  // Standard parameters first, then the vendor's order: agents read the customer's name first.
  const rank = (a: AttributeConfig): number => (standardParameterFor(a.key) ? 0 : 1);
  attributes.sort((a, b) => rank(a) - rank(b));
  return { attributes, skipped };
}
