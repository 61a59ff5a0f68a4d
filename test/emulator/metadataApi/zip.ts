/**
 * A deploy's zip as the org reads it: package.xml at the root (or in the one folder), each file
 * typed by the SDR registry's folders and suffixes (types.ts), parsed (errors with line and column),
 * object files split into the object and its fields, label files into labels, Apex bodies joined to
 * their -meta.xml, bundles gathered, and the manifest and the files checked against each other.
 */
import type JSZip from 'jszip';
import { children, parseXml, textOf, XmlSyntaxError } from '../../../scripts/xml/read';
import type { DeployComponent } from '../deployRules';
import type { ComponentFailure } from '../state';
import { innerXml, wrap } from './componentXml';
import { failure } from './results';
import { childTypesOf, rootElementOf, typesInFolder, zipTypeOf } from './types';

function commonFolder(names: string[]): string {
  const withManifest = names.find((n) => /^[^/]+\/package\.xml$/.test(n));
  return withManifest ? withManifest.slice(0, withManifest.indexOf('/') + 1) : '';
}

function parsePackageXml(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const root = parseXml(xml);
  for (const t of children(root, 'types')) {
    const name = textOf(t, 'name') ?? '';
    const set = out.get(name) ?? new Set<string>();
    for (const m of children(t, 'members')) set.add(m.text.trim());
    out.set(name, set);
  }
  return out;
}

function parseComponent(
  type: string,
  fullName: string,
  fileName: string,
  xml: string,
  failures: ComponentFailure[],
  rootName: string
): DeployComponent {
  const c: DeployComponent = { type, fullName, fileName, xml };
  try {
    c.root = parseXml(xml);
    if (c.root.local !== rootName) {
      failures.push(
        failure(
          type,
          fullName,
          fileName,
          `Expected the root element <${rootName}>, found <${c.root.local}>`,
          c.root.line,
          c.root.column
        )
      );
    }
  } catch (e) {
    const err = e as XmlSyntaxError;
    failures.push(failure(type, fullName, fileName, `Error parsing file: ${err.message}`, err.line, err.column));
  }
  return c;
}

/**
 * An object file holds the object itself (when declared) and its children (fields, field sets, list
 * views…), each its own component: the child types and their elements come from SDR's registry.
 */
function splitObject(
  objectName: string,
  fileName: string,
  xml: string,
  declared: Map<string, Set<string>>,
  failures: ComponentFailure[]
): DeployComponent[] {
  const whole = parseComponent('CustomObject', objectName, fileName, xml, failures, 'CustomObject');
  if (!whole.root) return [whole];
  const childTypes = new Map(childTypesOf('CustomObject').map((c) => [c.element, c.type]));
  const out: DeployComponent[] = [];
  for (const node of whole.root.children) {
    const type = childTypes.get(node.local);
    if (!type) continue;
    const name = textOf(node, 'fullName') ?? '';
    out.push({
      type,
      fullName: `${objectName}.${name}`,
      fileName,
      xml: wrap(type, innerXml(xml, node)),
      root: node
    });
  }
  const ownContent = whole.root.children.some((n) => !childTypes.has(n.local));
  if (ownContent || declared.get('CustomObject')?.has(objectName)) {
    let own = xml;
    for (const element of childTypes.keys())
      own = own.replace(new RegExp(`<${element}>[\\s\\S]*?</${element}>\\s*`, 'g'), '');
    out.push({ ...whole, xml: own });
  }
  return out;
}

function splitLabels(
  fileName: string,
  xml: string,
  failures: ComponentFailure[],
  declared: Map<string, Set<string>>
): DeployComponent[] {
  const whole = parseComponent('CustomLabels', 'CustomLabels', fileName, xml, failures, 'CustomLabels');
  if (!whole.root) return [whole];
  return [
    ...(declared.get('CustomLabels')?.has('CustomLabels') ? [whole] : []),
    ...children(whole.root, 'labels').map((l) => ({
      type: 'CustomLabel',
      fullName: textOf(l, 'fullName') ?? '',
      fileName,
      xml: wrap('CustomLabel', innerXml(xml, l)),
      root: l
    }))
  ];
}

/** The package as the org reads it, before any rule: what it names, what it holds, what already failed. */
export type ReadPackage =
  { error: string } | { manifestVersion?: string; accepted: DeployComponent[]; failures: ComponentFailure[] };

export async function readPackage(zip: JSZip, singlePackage: boolean): Promise<ReadPackage> {
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const prefix = singlePackage ? '' : commonFolder(entries.map((f) => f.name));
  const manifestEntry = zip.file(`${prefix}package.xml`);
  if (!manifestEntry)
    return {
      error: singlePackage
        ? 'No package.xml found at the root of the zip (singlePackage is true)'
        : 'No package.xml found'
    };
  const manifestXml = await manifestEntry.async('string');
  const declared = parsePackageXml(manifestXml);
  const found: DeployComponent[] = [];
  const failures: ComponentFailure[] = [];
  const bodies = new Map<string, Buffer>();
  /** Lightning web component bundles: name → files (by zip path). */
  const bundles = new Map<string, Record<string, Buffer>>();
  for (const entry of entries) {
    const rel = entry.name.slice(prefix.length);
    if (rel === 'package.xml' || /^destructiveChanges(Pre|Post)?\.xml$/.test(rel)) continue;
    const content = await entry.async('nodebuffer');
    const bundle = /^(lwc|aura)\/([^/]+)\/(.+)$/.exec(rel);
    if (bundle) {
      bundles.set(bundle[2], { ...(bundles.get(bundle[2]) ?? {}), [rel]: content });
      continue;
    }
    const m = /^([^/]+)\/([^/]+)$/.exec(rel);
    const kind = m ? zipTypeOf(m[1], m[2]) : undefined;
    if (!m || !kind) {
      const inFolder = m ? typesInFolder(m[1])[0] : undefined;
      failures.push(
        inFolder
          ? failure(
              inFolder.type,
              m![2],
              rel,
              `The file ${rel} does not have the ${inFolder.type} suffix .${inFolder.suffix}`
            )
          : failure('Unknown', rel, rel, `Unknown metadata type for file ${rel}`)
      );
      continue;
    }
    const name = m[2];
    if (kind.part === 'body') {
      bodies.set(rel, content);
      continue;
    }
    const ending = kind.part === 'meta' ? `.${kind.suffix}-meta.xml` : `.${kind.suffix}`;
    const fullName = name.slice(0, -ending.length);
    const xml = content.toString('utf8');
    if (kind.type === 'CustomObject') found.push(...splitObject(fullName, rel, xml, declared, failures));
    else if (kind.type === 'CustomLabels') found.push(...splitLabels(rel, xml, failures, declared));
    else found.push(parseComponent(kind.type, fullName, rel, xml, failures, rootElementOf(kind.type, fullName)));
  }
  for (const [name, files] of bundles) {
    const metaPath = `lwc/${name}/${name}.js-meta.xml`;
    const meta = files[metaPath];
    if (!meta) {
      failures.push(
        failure('LightningComponentBundle', name, `lwc/${name}`, `The bundle ${name} has no ${name}.js-meta.xml`)
      );
      continue;
    }
    const c = parseComponent(
      'LightningComponentBundle',
      name,
      metaPath,
      meta.toString('utf8'),
      failures,
      'LightningComponentBundle'
    );
    c.files = files;
    found.push(c);
  }
  // A content file belongs to its -meta.xml component; a body without one (or the reverse) fails.
  for (const c of found) {
    if (!c.fileName.endsWith('-meta.xml') || c.type === 'LightningComponentBundle') continue;
    const bodyPath = c.fileName.replace(/-meta\.xml$/, '');
    const code = bodies.get(bodyPath);
    if (!code) failures.push(failure(c.type, c.fullName, c.fileName, `No body file ${bodyPath} for ${c.fullName}`));
    else {
      c.files = { [bodyPath]: code };
      bodies.delete(bodyPath);
    }
  }
  for (const orphan of bodies.keys())
    failures.push(
      failure(
        zipTypeOf(orphan.split('/')[0], orphan.split('/')[1])!.type,
        orphan,
        orphan,
        `No -meta.xml file for ${orphan}`
      )
    );
  return {
    manifestVersion: textOf(parseXml(manifestXml), 'version'),
    accepted: agreeWithManifest(found, declared, failures),
    failures
  };
}

/** The manifest and the files must agree, both ways: what is in both is accepted. */
function agreeWithManifest(
  found: DeployComponent[],
  declared: Map<string, Set<string>>,
  failures: ComponentFailure[]
): DeployComponent[] {
  const inZip = new Set(found.map((c) => `${c.type}:${c.fullName}`));
  for (const [type, members] of declared) {
    for (const member of members) {
      if (member === '*' || inZip.has(`${type}:${member}`)) continue;
      if (type === 'CustomObject' && found.some((c) => c.type === 'CustomField' && c.fullName.startsWith(`${member}.`)))
        continue;
      failures.push(
        failure(
          type,
          member,
          'package.xml',
          `An object '${member}' of type ${type} was named in package.xml, but was not found in zipped directory`
        )
      );
    }
  }
  const listed = (c: DeployComponent) => declared.get(c.type)?.has(c.fullName) || declared.get(c.type)?.has('*');
  const accepted: DeployComponent[] = [];
  for (const c of found) {
    if (listed(c)) accepted.push(c);
    else
      failures.push(
        failure(c.type, c.fullName, c.fileName, `${c.type} ${c.fullName} is in the zip but not named in package.xml`)
      );
  }
  return accepted;
}
