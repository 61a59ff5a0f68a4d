/**
 * Which metadata type a file in a metadata-format zip holds, from @salesforce/source-deploy-retrieve's
 * registry (the one `sf project deploy` converts with), not a table of the emulator's own: a folder
 * and a suffix (`flows/X.flow` → Flow). Several types share a folder (reports, dashboards, email,
 * their *Folder types): the suffix decides. Types whose content is a file of its own (ApexClass:
 * `X.cls` plus `X.cls-meta.xml`) are marked, and bundles (lwc, aura) live in their strict folder.
 */
import { RegistryAccess, type MetadataType } from '@salesforce/source-deploy-retrieve';

export interface ZipType {
  type: string;
  dir: string;
  suffix: string;
  /** The component is a content file plus its `-meta.xml` (ApexClass, ApexTrigger, …). */
  hasContent: boolean;
}

let byDir: Map<string, ZipType[]> | undefined;
let byType: Map<string, ZipType> | undefined;

function index(): { byDir: Map<string, ZipType[]>; byType: Map<string, ZipType> } {
  if (!byDir || !byType) {
    byDir = new Map();
    byType = new Map();
    for (const t of Object.values(new RegistryAccess().getRegistry().types) as MetadataType[]) {
      if (!t.suffix || !t.directoryName) continue;
      const entry: ZipType = {
        type: t.name,
        dir: t.directoryName,
        suffix: t.suffix,
        hasContent: t.strategies?.adapter === 'matchingContentFile'
      };
      byDir.set(t.directoryName, [...(byDir.get(t.directoryName) ?? []), entry]);
      byType.set(t.name, entry);
    }
    // The longest suffix first, so `X.dashboardFolder` is not taken for a `.dashboard`.
    for (const list of byDir.values()) list.sort((a, b) => b.suffix.length - a.suffix.length);
  }
  return { byDir, byType };
}

/** The types the registry files in this folder (most specific suffix first); empty when none. */
export function typesInFolder(dir: string): readonly ZipType[] {
  return index().byDir.get(dir) ?? [];
}

/** The type of `dir/name` by its suffix: the component file, or (content types) the body or its -meta.xml. */
export function zipTypeOf(dir: string, name: string): (ZipType & { part: 'file' | 'body' | 'meta' }) | undefined {
  for (const t of typesInFolder(dir)) {
    if (t.hasContent && name.endsWith(`.${t.suffix}-meta.xml`)) return { ...t, part: 'meta' };
    if (name.endsWith(`.${t.suffix}`)) return { ...t, part: t.hasContent ? 'body' : 'file' };
  }
  return undefined;
}

/** Where a component of this type goes in a zip (retrieve), or undefined for a type the registry files nowhere. */
export function zipPlaceOf(type: string): ZipType | undefined {
  return index().byType.get(type);
}

/** The root element of a component file: the type, except Settings (`Omni.settings` holds `<OmniSettings>`). */
export function rootElementOf(type: string, fullName: string): string {
  return type === 'Settings' ? `${fullName}Settings` : type;
}

/**
 * The child types a parent's metadata-format file holds (CustomObject: `<fields>`, `<fieldSets>`,
 * `<listViews>`…), from SDR's registry: a decomposed child's element is its source folder's name
 * unless the registry names another (`xmlElementName`), which is how SDR itself recomposes `X.object`.
 * Evidence: the WSDL's CustomObject carries fields, fieldSets, listViews… as child elements, and a
 * package.xml names them as their own types (FieldSet: `Case.X`). Read once per parent type.
 */
const childTypes = new Map<string, readonly { type: string; element: string }[]>();

export function childTypesOf(parent: string): readonly { type: string; element: string }[] {
  let known = childTypes.get(parent);
  if (!known) {
    const parentType = new RegistryAccess().getRegistry().types[parent.toLowerCase()];
    known = Object.values(parentType?.children?.types ?? {}).map((c) => ({
      type: c.name,
      element: c.xmlElementName ?? c.directoryName ?? c.name
    }));
    childTypes.set(parent, known);
  }
  return known;
}
