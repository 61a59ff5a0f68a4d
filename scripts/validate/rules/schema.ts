/**
 * The Metadata API schema, from the committed WSDL facts (wsdl/facts.json): root element and
 * namespace, element names, order (base type's elements first), required elements, repeats,
 * enumeration values, the built-in value types, and xsi:type on CustomMetadata values.
 */
import { METADATA_NS } from '../../contract';
import type { XmlNode } from '../../xml/read';
import type { MetadataFile } from '../../source';
import type { Location, Rule, RuleContext } from '../types';
import { loadFacts, Schema, type FlatType } from '../wsdl/schema';

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** LWC bundles keep targetConfigs as raw XML in source format: the WSDL does not describe that file. */
const NOT_SCHEMA_CHECKED = new Set(['LightningComponentBundle']);

type Issue = { rule: string; at: Location; message: string };

let schemaCache: Schema | undefined;
const schema = (): Schema => (schemaCache ??= new Schema(loadFacts()));

const BOOLEAN = /^(true|false|1|0)$/;
const INT = /^[+-]?[0-9]+$/;
const DOUBLE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$|^(INF|-INF|NaN)$/;
const DATE = /^-?[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const DATETIME = /^-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const TIME = /^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

const BUILTIN: Record<string, { pattern: RegExp; what: string }> = {
  'xsd:boolean': { pattern: BOOLEAN, what: 'true or false' },
  'xsd:int': { pattern: INT, what: 'a whole number' },
  'xsd:long': { pattern: INT, what: 'a whole number' },
  'xsd:double': { pattern: DOUBLE, what: 'a number' },
  'xsd:date': { pattern: DATE, what: 'a date (YYYY-MM-DD)' },
  'xsd:dateTime': { pattern: DATETIME, what: 'a date and time (YYYY-MM-DDThh:mm:ssZ)' },
  'xsd:time': { pattern: TIME, what: 'a time (hh:mm:ss)' }
};

/** The namespace URI a prefix resolves to at this node, walking up the ancestors. */
function namespaceOf(node: XmlNode, prefix: string): string | undefined {
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let n: XmlNode | undefined = node; n; n = n.parent) {
    if (attr in n.attrs) return n.attrs[attr];
  }
  return undefined;
}

function attrByLocal(node: XmlNode, local: string): { name: string; value: string } | undefined {
  for (const [name, value] of Object.entries(node.attrs)) {
    const i = name.indexOf(':');
    if (i > 0 && name.slice(i + 1) === local && namespaceOf(node, name.slice(0, i)) === XSI_NS) return { name, value };
  }
  return undefined;
}

function closest(name: string, type: FlatType): string | undefined {
  const lower = name.toLowerCase();
  return type.elements.find((e) => e.name.toLowerCase() === lower)?.name;
}

function checkLeaf(file: string, node: XmlNode, elType: string, issues: Issue[], path: string): void {
  const at = { file, line: node.line };
  const xsiType = attrByLocal(node, 'type');
  const xsiNil = attrByLocal(node, 'nil');
  if (xsiNil && xsiNil.value === 'true') {
    if (node.text.trim() || node.children.length)
      issues.push({ rule: 'schema/value-type', at, message: `${path} has xsi:nil="true" but also a value` });
    return;
  }
  let type = elType;
  if (xsiType) {
    const [prefix, local] = xsiType.value.includes(':') ? xsiType.value.split(':', 2) : ['', xsiType.value];
    const ns = namespaceOf(node, prefix);
    if (ns !== XSD_NS) {
      issues.push({
        rule: 'schema/value-type',
        at,
        message: `${path} uses the xsi:type prefix "${prefix}", which is not declared (xmlns:${prefix}="${XSD_NS}")`
      });
      return;
    }
    type = `xsd:${local}`;
    if (!BUILTIN[type] && type !== 'xsd:string') {
      issues.push({ rule: 'schema/value-type', at, message: `${path} has an unsupported xsi:type="${xsiType.value}"` });
      return;
    }
  } else if (elType === 'xsd:anyType') {
    if (node.text.trim()) {
      issues.push({
        rule: 'schema/value-type',
        at,
        message: `${path} needs xsi:type (e.g. xsi:type="xsd:string") or xsi:nil="true"`
      });
    }
    return;
  }
  if (node.children.length) {
    issues.push({
      rule: 'schema/value-type',
      at,
      message: `${path} takes a value, not child elements (<${node.children[0].local}>)`
    });
    return;
  }
  const value = node.text.trim();
  const builtin = BUILTIN[type];
  if (builtin) {
    if (!builtin.pattern.test(value))
      issues.push({ rule: 'schema/value-type', at, message: `${path} must be ${builtin.what}, not "${value}"` });
    return;
  }
  const values = schema().enumValues(type);
  if (values && !values.includes(value)) {
    const near = values.find((v) => v.toLowerCase() === value.toLowerCase());
    issues.push({
      rule: 'schema/enum-value',
      at,
      message: near
        ? `${path} is "${value}"; the ${type} value is spelled "${near}"`
        : `${path} is "${value}", not a ${type} value (${values.length > 12 ? `${values.slice(0, 12).join(', ')}, …` : values.join(', ')})`
    });
  }
}

function checkComplex(file: string, node: XmlNode, type: FlatType, issues: Issue[], path: string): void {
  const counts = new Map<string, number>();
  let furthest = -1;
  let furthestName = '';
  for (const c of node.children) {
    const el = type.byName.get(c.local);
    const childPath = `${path}.${c.local}`;
    if (!el) {
      const near = closest(c.local, type);
      issues.push({
        rule: 'schema/unknown-element',
        at: { file, line: c.line },
        message: near
          ? `<${c.local}> is not an element of ${type.name}; the name is spelled <${near}>`
          : `<${c.local}> is not an element of ${type.name} (in ${path})`
      });
      continue;
    }
    counts.set(el.name, (counts.get(el.name) ?? 0) + 1);
    if (el.index < furthest) {
      issues.push({
        rule: 'schema/element-order',
        at: { file, line: c.line },
        message: `<${c.local}> must come before <${furthestName}> in ${path} (${type.name} order)`
      });
    } else if (el.index > furthest) {
      furthest = el.index;
      furthestName = c.local;
    }
    const childType = schema().type(el.type);
    if (childType) checkComplex(file, c, childType, issues, childPath);
    else checkLeaf(file, c, el.type, issues, childPath);
  }
  for (const el of type.elements) {
    const n = counts.get(el.name) ?? 0;
    if (n < el.min) {
      issues.push({
        rule: 'schema/required-element',
        at: { file, line: node.line },
        message: `${path} is missing the required <${el.name}>`
      });
    } else if (n > el.max) {
      const second = node.children.filter((c) => c.local === el.name)[1];
      issues.push({
        rule: 'schema/too-many',
        at: { file, line: second?.line ?? node.line },
        message: `${path} has <${el.name}> ${n} times; it takes at most one`
      });
    }
  }
}

/** Schema issues of one file, all sub-rules at once (memoised per file so each rule reads its share). */
const memo = new WeakMap<MetadataFile, Issue[]>();
function issuesOf(f: MetadataFile): Issue[] {
  const hit = memo.get(f);
  if (hit) return hit;
  const issues: Issue[] = [];
  const root = f.xml!;
  const at = { file: f.path, line: root.line };
  const rootType = schema().type(root.local);
  if (f.type && root.local !== f.type) {
    issues.push({
      rule: 'schema/root',
      at,
      message: `The root element is <${root.name}>; a ${f.path.replace(/^.*\.([A-Za-z]+-meta\.xml)$/, '$1')} file holds <${f.type}>`
    });
  } else if (rootType) {
    if (root.name.includes(':') || namespaceOf(root, '') !== METADATA_NS) {
      issues.push({
        rule: 'schema/root',
        at,
        message: `<${root.name}> must be in the namespace ${METADATA_NS} (xmlns="${METADATA_NS}")`
      });
    }
    checkComplex(f.path, root, rootType, issues, root.local);
  }
  memo.set(f, issues);
  return issues;
}

function schemaRule(id: string, description: string, fix: string): Rule {
  return {
    id,
    description,
    fix,
    check(ctx: RuleContext) {
      const noFacts = new Set<string>();
      for (const f of ctx.project.metadata) {
        if (!f.xml || !f.type || NOT_SCHEMA_CHECKED.has(f.type)) continue;
        // SDR's registry types every file (a retrieved Layout too); only the types with WSDL facts are checked.
        if (!schema().type(f.type)) {
          noFacts.add(f.type);
          continue;
        }
        for (const issue of issuesOf(f)) if (issue.rule === id) ctx.report(issue.at, issue.message);
      }
      if (id === 'schema/root' && noFacts.size)
        ctx.notice(
          `not schema-checked (no WSDL facts): ${[...noFacts].sort().join(', ')}; add a type to ROOT_TYPES in scripts/validate/wsdl/extract.ts to check it`
        );
    }
  };
}

export const rules: Rule[] = [
  schemaRule(
    'schema/root',
    'The root element is the metadata type the file suffix names, in the Metadata API namespace.',
    `Use the type named by the suffix as root, with xmlns="${METADATA_NS}".`
  ),
  schemaRule(
    'schema/unknown-element',
    'Every element is one the Metadata API (WSDL 66.0) defines for its parent.',
    'Remove the element or correct its spelling (names are case-sensitive).'
  ),
  schemaRule(
    'schema/element-order',
    'Child elements follow the WSDL sequence (base type first, then mostly alphabetical).',
    'Move the element to its place in the sequence; Salesforce rejects out-of-order elements.'
  ),
  schemaRule('schema/required-element', 'Every element the WSDL requires is present.', 'Add the missing element.'),
  schemaRule('schema/too-many', 'Single-valued elements appear at most once.', 'Keep one occurrence.'),
  schemaRule(
    'schema/enum-value',
    'Enumerated values are ones the WSDL lists (case-exact).',
    'Use one of the listed values, spelled exactly.'
  ),
  schemaRule(
    'schema/value-type',
    'Booleans, numbers and dates parse; CustomMetadata values carry a declared xsi:type or xsi:nil.',
    'Write the value in the type the schema expects (true/false, digits, …); declare xmlns:xsi and xmlns:xsd on the root.'
  )
];
