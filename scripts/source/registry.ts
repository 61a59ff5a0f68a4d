/**
 * Which metadata type a source-format file holds, and the component's name, from
 * @salesforce/source-deploy-retrieve's registry (the same registry `sf project deploy` and
 * `handoff deploy` use) rather than a table of our own: top-level suffixes
 * (`Foo.flow-meta.xml` → Flow), child types under their parent's folder
 * (`objects/Case/fields/X__c.field-meta.xml` → CustomField `Case.X__c`) and bundles in their strict
 * folder (`lwc/foo/foo.js-meta.xml` → LightningComponentBundle `foo`).
 */
import { RegistryAccess, type MetadataType } from '@salesforce/source-deploy-retrieve';

export interface SourceType {
  /** Metadata API type name, e.g. `Flow`. */
  type: string;
  /** The component's API name (`Object.Field__c` for fields, the bundle folder for bundles). */
  name: string;
}

let access: RegistryAccess | undefined;
const registry = (): RegistryAccess => (access ??= new RegistryAccess());

/**
 * Child types that live in files of their own, by suffix: those of decomposed parents (`field` →
 * CustomField in objects/X/fields/). A non-decomposed parent's children (CustomLabel) share its file.
 */
let childTypes: Map<string, { type: MetadataType; parent: MetadataType }[]> | undefined;
function childTypesBySuffix(): Map<string, { type: MetadataType; parent: MetadataType }[]> {
  if (childTypes) return childTypes;
  childTypes = new Map();
  for (const parent of Object.values(registry().getRegistry().types)) {
    if (parent.strategies?.adapter !== 'decomposed') continue;
    for (const type of Object.values(parent.children?.types ?? {})) {
      if (!type.suffix) continue;
      const list = childTypes.get(type.suffix) ?? [];
      list.push({ type, parent });
      childTypes.set(type.suffix, list);
    }
  }
  return childTypes;
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
export function sourceTypeOf(rel: string): SourceType | undefined {
  const suffix = metaSuffix(rel);
  if (!suffix) return undefined;
  const parts = rel.split('/');
  const base = parts[parts.length - 1].slice(0, -`.${suffix}-meta.xml`.length);
  const dir = (up: number): string | undefined => parts[parts.length - 1 - up];

  // A bundle's -meta.xml sits in <strict folder>/<bundle>/ (lwc/foo/foo.js-meta.xml).
  const bundleFolder = dir(2);
  const bundle = bundleFolder ? registry().getRegistry().strictDirectoryNames[bundleFolder] : undefined;
  if (bundle) {
    const type = registry().getTypeByName(bundle);
    if (type.strategies?.adapter === 'bundle') return { type: type.name, name: dir(1)! };
  }
  // A child type sits in its own folder under the parent component's folder (objects/Case/fields/).
  const child = childTypesBySuffix()
    .get(suffix)
    ?.find((c) => c.type.directoryName === dir(1));
  if (child) return { type: child.type.name, name: `${dir(2) ?? ''}.${base}` };

  const type = registry().getTypeBySuffix(suffix);
  return type ? { type: type.name, name: base } : undefined;
}
