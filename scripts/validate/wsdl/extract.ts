/**
 * Extracts the schema facts the validator needs from the official Metadata API WSDL: for every
 * complex type reachable from the metadata types the kit writes, its base type and its ordered
 * elements (type, occurrence, nillable); for every enumerated simple type reachable, its values.
 *
 *   node dist/scripts/validate/wsdl/extract.js [WSDL] [OUT]
 *
 * defaults: ../shared/salesforce/metadata-v66.wsdl → scripts/validate/wsdl/facts.json. A test keeps
 * the committed file equal to a fresh extraction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, type XmlNode } from '../../xml/read';
import type { ComplexTypeFact, ElementFact, MetadataFacts, Occurs } from './schema';

/** Root metadata types of the files the kit writes, plus the ones an admin adds next to them. */
export const ROOT_TYPES = [
  'ApexClass',
  'ChoiceList',
  'CspTrustedSite',
  'CustomField',
  'CustomLabels',
  'CustomMetadata',
  'CustomObject',
  'CustomPermission',
  'CustomTab',
  'EmbeddedServiceConfig',
  'ExternalClientApplication',
  'ExternalCredential',
  'ExtlClntAppGlobalOauthSettings',
  'ExtlClntAppOauthConfigurablePolicies',
  'ExtlClntAppOauthSettings',
  'FlexiPage',
  'Flow',
  'LightningComponentBundle',
  'MessagingChannel',
  'NamedCredential',
  'PermissionSet',
  'PresenceUserConfig',
  'PublicKeyCertificateSet',
  'Queue',
  'QueueRoutingConfig',
  'QuickAction',
  'RemoteSiteSetting',
  'ServiceChannel',
  'ServicePresenceStatus'
];

const localName = (qname: string): string => (qname.startsWith('tns:') ? qname.slice(4) : qname);

function occurs(el: XmlNode): Occurs {
  const min = el.attrs.minOccurs ?? '1';
  const max = el.attrs.maxOccurs ?? '1';
  if (max === 'unbounded') return min === '0' ? '0..*' : '1..*';
  if (max !== '1') throw new Error(`unsupported maxOccurs="${max}" on element ${el.attrs.name}`);
  return min === '0' ? '0..1' : '1';
}

export function extractFacts(
  wsdl: string,
  roots: string[] = ROOT_TYPES,
  sourceName = 'metadata-v66.wsdl'
): MetadataFacts {
  const doc = parseXml(wsdl);
  const types = doc.children.find((c) => c.local === 'types');
  const schema = types?.children.find((c) => c.local === 'schema');
  if (!schema) throw new Error('the WSDL has no types/schema');
  const complex = new Map<string, XmlNode>();
  const simple = new Map<string, XmlNode>();
  for (const c of schema.children) {
    if (c.local === 'complexType' && c.attrs.name) complex.set(c.attrs.name, c);
    else if (c.local === 'simpleType' && c.attrs.name) simple.set(c.attrs.name, c);
  }
  const version = /Metadata API version ([0-9.]+)/.exec(wsdl)?.[1] ?? '';

  const complexTypes: Record<string, ComplexTypeFact> = {};
  const enums: Record<string, string[]> = {};
  const queue = [...roots];
  const seen = new Set<string>();
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const node = complex.get(name);
    if (node) {
      const ext = node.children
        .find((c) => c.local === 'complexContent')
        ?.children.find((c) => c.local === 'extension');
      const seq = (ext ?? node).children.find((c) => c.local === 'sequence');
      const elements: ElementFact[] = [];
      for (const e of seq?.children ?? []) {
        if (e.local !== 'element') continue;
        const type = localName(e.attrs.type ?? 'xsd:anyType');
        const fact: ElementFact = [e.attrs.name, type, occurs(e)];
        if (e.attrs.nillable === 'true') fact.push('nillable');
        elements.push(fact);
        if (!type.startsWith('xsd:')) queue.push(type);
      }
      const fact: ComplexTypeFact = { elements };
      if (ext) {
        fact.base = localName(ext.attrs.base);
        queue.push(fact.base);
      }
      complexTypes[name] = fact;
      continue;
    }
    const st = simple.get(name);
    if (st) {
      const values = (st.children.find((c) => c.local === 'restriction')?.children ?? [])
        .filter((c) => c.local === 'enumeration')
        .map((c) => c.attrs.value);
      if (values.length) enums[name] = values;
      continue;
    }
    if (roots.includes(name)) throw new Error(`the WSDL has no type ${name}`);
  }
  const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]])
    );
  return {
    source: sourceName,
    apiVersion: version,
    roots: [...roots],
    complexTypes: sortKeys(complexTypes),
    enums: sortKeys(enums)
  };
}

/** One type per line-ish, so diffs of the committed file stay readable. */
export function renderFacts(facts: MetadataFacts): string {
  return JSON.stringify(facts, null, 2) + '\n';
}

if (require.main === module) {
  const projectRoot = path.resolve(
    __dirname,
    __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../..' : '../../..'
  );
  const wsdlPath = process.argv[2] ?? path.resolve(projectRoot, '../shared/salesforce/metadata-v66.wsdl');
  const out = process.argv[3] ?? path.join(projectRoot, 'scripts/validate/wsdl/facts.json');
  const facts = extractFacts(fs.readFileSync(wsdlPath, 'utf8'), ROOT_TYPES, path.basename(wsdlPath));
  fs.writeFileSync(out, renderFacts(facts));
  process.stderr.write(
    `wrote ${out}: ${Object.keys(facts.complexTypes).length} complex types, ${Object.keys(facts.enums).length} enums\n`
  );
}
