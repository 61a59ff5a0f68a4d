/**
 * The value parts of flow XML, compiled: FlowElementReferenceOrValue elements, connectors, record
 * filters and field assignments. Shared by every element compiler (./nodes.ts).
 */
import { child, children, textOf, type XmlNode } from '../../xml/read';
import type { FieldAssignment, RecordFilter, ValueSpec } from './model';

export const bool = (n: XmlNode, name: string): boolean => textOf(n, name) === 'true';

/** Compiles a FlowElementReferenceOrValue element. Absent or empty → null literal. */
export function compileValue(v: XmlNode | undefined): ValueSpec {
  if (!v) return { kind: 'literal', value: null };
  const ref = textOf(v, 'elementReference');
  if (ref !== undefined) return { kind: 'ref', ref };
  const str = child(v, 'stringValue');
  if (str) return { kind: 'literal', value: str.text }; // untrimmed: spaces are part of a text value
  const num = textOf(v, 'numberValue');
  if (num !== undefined) return { kind: 'literal', value: Number(num) };
  const b = textOf(v, 'booleanValue');
  if (b !== undefined) return { kind: 'literal', value: b === 'true' };
  // Portable references to setup objects (the messaging service channel) evaluate to their developer name.
  const setup = textOf(v, 'setupReference');
  if (setup !== undefined) return { kind: 'literal', value: setup };
  for (const k of ['dateValue', 'dateTimeValue', 'timeValue']) {
    const d = textOf(v, k);
    if (d !== undefined) return { kind: 'literal', value: d };
  }
  const items = children(v, 'collectionElements');
  if (items.length) return { kind: 'collection', items: items.map((i) => compileValue(i)) };
  for (const k of ['formulaExpression', 'apexValue', 'complexValue', 'sobjectValue', 'transformValueReference']) {
    if (child(v, k)) return { kind: 'unsupported', what: k };
  }
  return { kind: 'literal', value: null };
}

export function connectorOf(n: XmlNode, name: string): string | undefined {
  const c = child(n, name);
  return c ? textOf(c, 'targetReference') : undefined;
}

export function filtersOf(n: XmlNode): RecordFilter[] {
  return children(n, 'filters').map((f) => ({
    field: textOf(f, 'field') ?? '',
    operator: textOf(f, 'operator') ?? 'EqualTo',
    value: compileValue(child(f, 'value')),
    line: f.line
  }));
}

export function assignmentsOf(n: XmlNode): FieldAssignment[] {
  return children(n, 'inputAssignments').map((a) => ({
    field: textOf(a, 'field') ?? '',
    value: compileValue(child(a, 'value')),
    line: a.line
  }));
}
