/**
 * The Metadata API parses every file against its schema before it looks at anything else: an
 * element the type does not define, one out of sequence, a single-valued one repeated, a value
 * outside its enumeration or not of its built-in type fails the component with the parser's
 * message (the first such error in the file: the parse stops there); then every element the schema
 * requires must be present. The schema facts are the ones `handoff validate` extracts from the WSDL
 * (scripts/validate/wsdl/facts.json); types without facts (Settings, Layout, …) are not checked.
 */
import { RegistryAccess } from '@salesforce/source-deploy-retrieve';
import { METADATA_NS } from '../../../scripts/contract';
import type { XmlNode } from '../../../scripts/xml/read';
import { loadFacts, Schema, type FlatType } from '../../../scripts/validate/wsdl/schema';
import type { ComponentRule, DeployComponent, DeployProblem, StrictSettings } from './types';

type ParseKind = 'unknown' | 'order' | 'too-many' | 'enum' | 'value';
interface SchemaIssues {
  /** The first parse error in document order (the parser stops there). */
  parse?: DeployProblem & { kind: ParseKind };
  /** Required elements missing, in document order. */
  required: DeployProblem[];
}

let schemaCache: Schema | undefined;
const schema = (): Schema => (schemaCache ??= new Schema(loadFacts()));

/** Built-in value types and what their lexical space is (XML Schema Part 2). */
const BUILTIN: Record<string, RegExp> = {
  'xsd:boolean': /^(true|false|1|0)$/,
  'xsd:int': /^[+-]?[0-9]+$/,
  'xsd:long': /^[+-]?[0-9]+$/,
  'xsd:double': /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$|^(INF|-INF|NaN)$/
};

/** Child elements that are components of their own (split out of the file and checked as such). */
const OWN_COMPONENTS: Record<string, string> = { CustomObject: 'fields', CustomLabels: 'labels' };
/** A component cut out of its parent's file: the type its root node holds. */
const SPLIT_TYPES = new Set(['CustomField', 'CustomLabel']);
/** LWC bundles keep targetConfigs as free XML: the WSDL does not describe that file. */
const NOT_CHECKED = new Set(['LightningComponentBundle']);

/**
 * Elements of a decomposed type (CustomObject's fields, listViews, …) that SDR recomposes after the
 * parent's own elements: the org accepts them there, since every `sf project deploy` sends them so.
 */
let recomposedCache: Map<string, Set<string>> | undefined;
function recomposed(type: string): ReadonlySet<string> {
  if (!recomposedCache) {
    recomposedCache = new Map();
    for (const parent of Object.values(new RegistryAccess().getRegistry().types)) {
      if (parent.strategies?.adapter !== 'decomposed') continue;
      const names = Object.values(parent.children?.types ?? {}).map((t) => t.directoryName ?? '');
      recomposedCache.set(parent.name, new Set(names));
    }
  }
  return recomposedCache.get(type) ?? new Set();
}

const invalidAt = (node: XmlNode, typeName: string): string =>
  `Error parsing file: Element {${METADATA_NS}}${node.local} invalid at this location in type ${typeName}`;

function walk(
  node: XmlNode,
  type: FlatType,
  out: SchemaIssues,
  accepted: ReadonlySet<string>,
  skipInside?: string
): void {
  const counts = new Map<string, number>();
  const anywhere = recomposed(type.name);
  let furthest = -1;
  const fail = (kind: ParseKind, at: XmlNode, message: string) => {
    out.parse ??= { kind, message, line: at.line, column: at.column };
  };
  for (const c of node.children) {
    if (out.parse) return;
    const el = type.byName.get(c.local);
    if (!el) {
      fail('unknown', c, invalidAt(c, type.name));
      return;
    }
    const seen = (counts.get(el.name) ?? 0) + 1;
    counts.set(el.name, seen);
    if (seen > el.max) return fail('too-many', c, invalidAt(c, type.name));
    if (!anywhere.has(el.name)) {
      if (el.index < furthest) return fail('order', c, invalidAt(c, type.name));
      furthest = el.index;
    }
    if (c.local === skipInside) continue;
    const childType = schema().type(el.type);
    if (childType) {
      walk(c, childType, out, accepted);
      continue;
    }
    if (Object.keys(c.attrs).some((a) => a.endsWith(':nil')) || el.type === 'xsd:anyType') continue;
    const value = c.text.trim();
    const builtin = BUILTIN[el.type];
    if (builtin && !builtin.test(value))
      return fail('value', c, `'${value}' is not a valid value for the type ${el.type}`);
    const values = schema().enumValues(el.type);
    if (values && !values.includes(value))
      return fail('enum', c, `'${value}' is not a valid value for the enum '${el.type}'`);
  }
  for (const el of type.elements) {
    if ((counts.get(el.name) ?? 0) >= el.min) continue;
    if (accepted.has(`${type.name}.${el.name}`)) continue;
    out.required.push({ message: `Required field is missing: ${el.name}`, line: node.line, column: node.column });
  }
}

const memo = new WeakMap<DeployComponent, SchemaIssues>();
function issuesOf(c: DeployComponent, settings: StrictSettings): SchemaIssues {
  const hit = memo.get(c);
  if (hit) return hit;
  const out: SchemaIssues = { required: [] };
  const type = c.root && !NOT_CHECKED.has(c.type) ? schema().type(c.type) : undefined;
  // A field or label is checked inside its own component; its parent's file only for its own elements.
  if (c.root && type && (SPLIT_TYPES.has(c.type) || c.root.local === c.type))
    walk(c.root, type, out, new Set(settings.requiredButAccepted), OWN_COMPONENTS[c.type]);
  memo.set(c, out);
  return out;
}

function parseRule(id: string, kind: ParseKind, evidence: string): ComponentRule {
  return {
    id,
    evidence,
    check(c, org) {
      const p = issuesOf(c, org.settings).parse;
      return p && p.kind === kind ? [{ message: p.message, line: p.line, column: p.column }] : [];
    }
  };
}

export const schemaRules: ComponentRule[] = [
  parseRule(
    'schema/unknown-element',
    'unknown',
    'Public deploy logs: "Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}calloutOptions invalid at this location in type NamedCredential"'
  ),
  parseRule(
    'schema/element-order',
    'order',
    'Same parser message for an element out of its xsd:sequence place (public note on ExpressionSetDefinition: "a SHAPE error: strict child-element order")'
  ),
  parseRule(
    'schema/too-many',
    'too-many',
    'Same parser message for a second single-valued element (WSDL maxOccurs 1; the parser finds it where no element may follow)'
  ),
  parseRule(
    'schema/enum-value',
    'enum',
    `Public deploy logs: "'Inactive' is not a valid value for the enum 'FlowVersionStatus'", "'EqualsCount' is not a valid value for the enum 'FlowAssignmentOperator'"`
  ),
  parseRule(
    'schema/value-type',
    'value',
    'WSDL built-in types (xsd:boolean, xsd:int, xsd:double); message wording follows the enum one (unverified)'
  ),
  {
    id: 'schema/required-element',
    evidence:
      'Public deploy tips (sfdx-hardis deployTipsList): "Required field is missing: sharingOwnerRules"; settings.requiredButAccepted lists what real retrieves omit and still deploy',
    check(c, org) {
      const issues = issuesOf(c, org.settings);
      return issues.parse ? [] : issues.required.slice(0, 1);
    }
  }
];
