/**
 * What the platform checks in a custom field and in names: the length a text field may have, the
 * 40 characters an API name may have, and picklist values that repeat a label.
 */
import { FIELD_LENGTH_RANGE } from '../../../scripts/model/orgLimits';
import { child, children, textOf } from '../../../scripts/xml/read';
import type { ComponentRule } from './types';

/** API names of custom fields and custom metadata records: at most 40 characters before the suffix. */
const API_NAME_MAX = 40;

export const fieldRules: ComponentRule[] = [
  {
    id: 'field/length-range',
    evidence:
      'Salesforce Help, "Custom Field Types": Text 1–255 characters, Long Text Area 256–131,072 (scripts/model/orgLimits.ts); message wording unverified',
    types: ['CustomField'],
    check(c) {
      const type = textOf(c.root!, 'type') ?? '';
      const range = FIELD_LENGTH_RANGE[type];
      const node = child(c.root!, 'length');
      if (!range || !node) return [];
      const length = Number(node.text.trim());
      return length >= range[0] && length <= range[1]
        ? []
        : [{ message: `Length must be between ${range[0]} and ${range[1]}`, line: node.line, column: node.column }];
    }
  },
  {
    id: 'name/api-name-length',
    evidence:
      'Public deploy logs: "Value too long for field: fullName maximum length is:40" and "Type name too long, maximum length is 40" (SFDO-Community/declarative-lookup-rollup-summaries#25)',
    types: ['CustomField', 'CustomMetadata'],
    check(c) {
      const local = c.fullName.split('.').slice(1).join('.').replace(/__c$/, '');
      return local.length > API_NAME_MAX
        ? [{ message: `Value too long for field: fullName maximum length is:${API_NAME_MAX}`, line: c.root?.line }]
        : [];
    }
  },
  {
    id: 'field/picklist-duplicate-label',
    evidence: 'Public deploy tips (sfdx-hardis deployTipsList): "Duplicate label: X" on a picklist field',
    types: ['CustomField'],
    check(c) {
      const definition = child(child(c.root!, 'valueSet') ?? c.root!, 'valueSetDefinition');
      const seen = new Set<string>();
      const out = [];
      for (const v of definition ? children(definition, 'value') : []) {
        const label = textOf(v, 'label') ?? textOf(v, 'fullName') ?? '';
        if (seen.has(label)) out.push({ message: `Duplicate label: ${label}`, line: v.line, column: v.column });
        seen.add(label);
      }
      return out;
    }
  }
];
