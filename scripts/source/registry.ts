/**
 * Which metadata type a source-format file holds, and the component's name, from
 * @salesforce/source-deploy-retrieve's registry (the same registry `sf project deploy` and
 * `handoff deploy` use) rather than a table of our own: top-level suffixes
 * (`Foo.flow-meta.xml` → Flow), child types under their parent's folder
 * (`objects/Case/fields/X__c.field-meta.xml` → CustomField `Case.X__c`) and bundles in their strict
 * folder (`lwc/foo/foo.js-meta.xml` → LightningComponentBundle `foo`).
 *
 * The registry is SDR's own data file, read directly: requiring SDR's index loads @salesforce/core,
 * jsforce and a logging worker thread (≈1,200 modules), which offline commands must not pay for.
 * Only a project whose sfdx-project.json customises the registry (registryCustomizations,
 * registryPresets, sourceBehaviorOptions) goes through SDR's RegistryAccess, which applies them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MetadataRegistry, MetadataType } from '@salesforce/source-deploy-retrieve';

export interface SourceType {
  /** Metadata API type name, e.g. `Flow`. */
  type: string;
  /** The component's API name (`Object.Field__c` for fields, the bundle folder for bundles). */
  name: string;
}

/** A registry with the lookups sourceTypeOf needs, built once per registry. */
export interface TypeRegistry {
  data: MetadataRegistry;
  /** Child types that live in files of their own, by suffix (decomposed parents' children). */
  childTypesBySuffix: Map<string, { type: MetadataType; parent: MetadataType }[]>;
}

function indexRegistry(data: MetadataRegistry): TypeRegistry {
  const childTypesBySuffix = new Map<string, { type: MetadataType; parent: MetadataType }[]>();
  for (const parent of Object.values(data.types)) {
    // A non-decomposed parent's children (CustomLabel) share its file.
    if (parent.strategies?.adapter !== 'decomposed') continue;
    for (const type of Object.values(parent.children?.types ?? {})) {
      if (!type.suffix) continue;
      const list = childTypesBySuffix.get(type.suffix) ?? [];
      list.push({ type, parent });
      childTypesBySuffix.set(type.suffix, list);
    }
  }
  return { data, childTypesBySuffix };
}

let standard: TypeRegistry | undefined;

/** SDR's standard registry (its metadataRegistry.json), without loading SDR. */
export function standardRegistry(): TypeRegistry {
  standard ??= indexRegistry(
    require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json') as MetadataRegistry
  );
  return standard;
}

const REGISTRY_VARIANT_KEYS = ['registryCustomizations', 'registryPresets', 'sourceBehaviorOptions'];

/** The registry SDR would use for the project at `root`: the standard one unless sfdx-project.json customises it. */
export function registryFor(root: string): TypeRegistry {
  let project: Record<string, unknown> = {};
  try {
    project = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // packageDirectories reports a missing or broken sfdx-project.json; here the standard registry stands.
  }
  if (!REGISTRY_VARIANT_KEYS.some((k) => project[k] !== undefined)) return standardRegistry();
  const { RegistryAccess } =
    require('@salesforce/source-deploy-retrieve') as typeof import('@salesforce/source-deploy-retrieve');
  return indexRegistry(new RegistryAccess(undefined, root).getRegistry());
}

/** SDR's getTypeByName: case-insensitive, child types and aliases resolved; undefined when unknown. */
function typeByName(registry: TypeRegistry, name: string): MetadataType | undefined {
  const { data } = registry;
  const lower = name.toLowerCase().trim();
  const parentId = data.childTypes[lower];
  if (parentId) return data.types[parentId]?.children?.types[lower];
  const type = data.types[lower];
  return type?.aliasFor ? data.types[type.aliasFor] : type;
}

const META_SUFFIX = /\.([A-Za-z]+)-meta\.xml$/;

/** The suffix of a `<name>.<suffix>-meta.xml` file, if it is one. */
export function metaSuffix(file: string): string | undefined {
  return META_SUFFIX.exec(file)?.[1];
}

/**
 * The type and component name of a `-meta.xml` file at `rel` (forward slashes, any prefix), or
 * undefined when the registry knows no type for it.
 */
export function sourceTypeOf(rel: string, registry: TypeRegistry = standardRegistry()): SourceType | undefined {
  const suffix = metaSuffix(rel);
  if (!suffix) return undefined;
  const parts = rel.split('/');
  const base = parts[parts.length - 1].slice(0, -`.${suffix}-meta.xml`.length);
  const dir = (up: number): string | undefined => parts[parts.length - 1 - up];

  // A bundle's -meta.xml sits in <strict folder>/<bundle>/ (lwc/foo/foo.js-meta.xml).
  const bundleFolder = dir(2);
  const bundle = bundleFolder ? registry.data.strictDirectoryNames[bundleFolder] : undefined;
  if (bundle) {
    const type = typeByName(registry, bundle);
    if (type?.strategies?.adapter === 'bundle') return { type: type.name, name: dir(1)! };
  }
  // A child type sits in its own folder under the parent component's folder (objects/Case/fields/).
  const child = registry.childTypesBySuffix.get(suffix)?.find((c) => c.type.directoryName === dir(1));
  if (child) return { type: child.type.name, name: `${dir(2) ?? ''}.${base}` };

  const typeId = registry.data.suffixes[suffix];
  const type = typeId ? typeByName(registry, typeId) : undefined;
  return type ? { type: type.name, name: base } : undefined;
}
