/**
 * The Metadata API schema facts the validator needs, extracted once from the official WSDL by
 * extract.ts and committed as facts.json, so `handoff validate` needs neither the network nor the
 * shared WSDL at run time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One element of a type's xsd:sequence: [name, type, occurs, nillable?]. Types keep `xsd:` for built-ins. */
export type ElementFact = [name: string, type: string, occurs: Occurs, nillable?: 'nillable'];
/** minOccurs..maxOccurs, written the UML way: "1", "0..1", "0..*", "1..*". */
export type Occurs = '1' | '0..1' | '0..*' | '1..*';

export interface ComplexTypeFact {
  /** The xsd:extension base, whose elements come first. */
  base?: string;
  /** This type's own elements, in sequence order. */
  elements: ElementFact[];
}

export interface MetadataFacts {
  source: string;
  apiVersion: string;
  /** The metadata types the kit writes or reads (root elements of source-format files). */
  roots: string[];
  complexTypes: Record<string, ComplexTypeFact>;
  /** Enumerated simple types: the allowed values, in WSDL order. */
  enums: Record<string, string[]>;
}

/** A complex type with its base chain flattened: base elements first, as the schema orders them. */
export interface FlatType {
  name: string;
  /** The type and its bases, most derived first. */
  chain: string[];
  elements: { name: string; type: string; min: number; max: number; nillable: boolean; index: number }[];
  byName: Map<string, FlatType['elements'][number]>;
}

export const FACTS_FILE = 'facts.json';

let cached: MetadataFacts | undefined;

/** The committed facts, found beside this module in the sources or from the compiled dist/ tree. */
export function loadFacts(): MetadataFacts {
  if (cached) return cached;
  const candidates = [
    path.join(__dirname, FACTS_FILE),
    path.resolve(__dirname, '../../../../scripts/validate/wsdl', FACTS_FILE)
  ];
  for (const file of candidates) {
    if (fs.existsSync(file)) {
      cached = JSON.parse(fs.readFileSync(file, 'utf8')) as MetadataFacts;
      return cached;
    }
  }
  throw new Error(`internal: the metadata facts file is missing (looked in ${candidates.join(', ')})`);
}

export function occursBounds(o: Occurs): { min: number; max: number } {
  switch (o) {
    case '1':
      return { min: 1, max: 1 };
    case '0..1':
      return { min: 0, max: 1 };
    case '0..*':
      return { min: 0, max: Infinity };
    case '1..*':
      return { min: 1, max: Infinity };
  }
}

/** Looks up complex types with their base chains flattened, memoised per facts object. */
export class Schema {
  private readonly flat = new Map<string, FlatType | undefined>();
  constructor(readonly facts: MetadataFacts) {}

  type(name: string): FlatType | undefined {
    if (this.flat.has(name)) return this.flat.get(name);
    const own = this.facts.complexTypes[name];
    let result: FlatType | undefined;
    if (own) {
      const base = own.base ? this.type(own.base) : undefined;
      const elements = [...(base?.elements ?? [])];
      for (const [n, t, o, nil] of own.elements) {
        const { min, max } = occursBounds(o);
        elements.push({ name: n, type: t, min, max, nillable: nil === 'nillable', index: elements.length });
      }
      result = {
        name,
        chain: [name, ...(base?.chain ?? [])],
        elements,
        byName: new Map(elements.map((e) => [e.name, e]))
      };
    }
    this.flat.set(name, result);
    return result;
  }

  enumValues(type: string): string[] | undefined {
    return this.facts.enums[type];
  }
}
