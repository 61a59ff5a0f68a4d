/**
 * The read model of a source-format project, loaded once: the package directories of
 * sfdx-project.json are walked (less what .forceignore excludes, as sf deploys them), every `-meta.xml` file parsed with line numbers (scripts/xml/read.ts)
 * and typed through SDR's registry (./registry.ts), every Apex class kept as text. Validate,
 * simulate, doctor and deploy read the project through this; the typed views (./views) parse each
 * component once on top of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, parseXmlPieces, XmlSyntaxError, type TextPool, type XmlNode } from '../xml/read';
import { xmlFilePieces } from './xmlPieces';
import { listFilesUnder } from '../project/files';
import { forceIgnoreAt } from './forceIgnore';
import { packageDirectories } from '../project/sfdxProject';
import { metaSuffix, registryFor, sourceTypeOf } from './registry';

export interface MetadataFile {
  /** Project-relative path, forward slashes. */
  path: string;
  abs: string;
  /** The metadata type SDR's registry gives the file; undefined for a file it does not know. */
  type?: string;
  /** The component's API name: the file name without its suffix (`Object.Field__c` for fields). */
  name: string;
  /** Parsed document; absent when the file is not well-formed XML (see xmlError). */
  xml?: XmlNode;
  xmlError?: XmlSyntaxError;
  /** The line of the file's first `<!--`, when it has one (deployable metadata should hold no comments). */
  commentLine?: number;
}

/** A metadata file that parsed. */
export type ParsedFile = MetadataFile & { xml: XmlNode };

export interface ApexSource {
  path: string;
  abs: string;
  text: string;
  /** Class name: the file name without `.cls`. */
  name: string;
}

const SKIP_DIRS = new Set(['node_modules', '__tests__', '.sfdx', '.sf', '.git']);
/** The folders loadProject does not enter (tool folders, tests, anything hidden). */
export const skipSourceDir = (name: string): boolean => SKIP_DIRS.has(name) || name.startsWith('.');

export class SourceProject {
  readonly metadata: MetadataFile[] = [];
  readonly apex: ApexSource[] = [];
  /** Every file path under the package directories (project-relative), for existence checks. */
  readonly allFiles = new Set<string>();
  /** Files under the package directories that .forceignore excludes (absolute, sorted): listed here, read nowhere. */
  readonly forceIgnored: string[] = [];
  private readonly byTypeMap = new Map<string, MetadataFile[]>();
  /** Per type, built on first lookup so every rule's lookups are constant time (issue 15). */
  private readonly indexes = new Map<string, TypeIndex>();
  private apexByName?: Map<string, ApexSource>;
  private apexIndexed = 0;

  constructor(
    readonly root: string,
    /** Package directories of sfdx-project.json, project-relative, forward slashes. */
    readonly packageDirs: string[]
  ) {}

  add(file: MetadataFile): void {
    this.metadata.push(file);
    if (file.type) {
      const list = this.byTypeMap.get(file.type) ?? [];
      list.push(file);
      this.byTypeMap.set(file.type, list);
      this.indexes.delete(file.type);
    }
  }

  private index(type: string): TypeIndex {
    let index = this.indexes.get(type);
    if (index) return index;
    index = { parsed: [], byName: new Map(), byLowerName: new Map(), names: new Set() };
    for (const f of this.allOfType(type)) {
      index.names.add(f.name);
      if (!f.xml) continue;
      const parsed = f as ParsedFile;
      index.parsed.push(parsed);
      // The first in path order wins, as a scan would find it.
      if (!index.byName.has(f.name)) index.byName.set(f.name, parsed);
      const lower = f.name.toLowerCase();
      if (!index.byLowerName.has(lower)) index.byLowerName.set(lower, parsed);
    }
    this.indexes.set(type, index);
    return index;
  }

  /** Every file of one metadata type, well-formed or not, in path order. */
  allOfType(type: string): MetadataFile[] {
    return this.byTypeMap.get(type) ?? [];
  }

  /** Well-formed files of one metadata type, in path order (the same array every call: do not modify it). */
  ofType(type: string): ParsedFile[] {
    return this.index(type).parsed;
  }

  /** The well-formed component of a type with this exact API name. */
  find(type: string, name: string): ParsedFile | undefined {
    return this.index(type).byName.get(name);
  }

  /** Whether a component of this type and exact name has a file, well-formed or not (a broken file is xml/well-formed's finding, not "missing"). */
  has(type: string, name: string): boolean {
    return this.index(type).names.has(name);
  }

  /** The files .forceignore excludes under `dir`, a folder inside a package directory (absolute, sorted). */
  forceIgnoredUnder(dir: string): string[] {
    const prefix = path.resolve(dir) + path.sep;
    return this.forceIgnored.filter((f) => f.startsWith(prefix));
  }

  /** Same as find, ignoring case: to tell "missing" from "differs by case" in messages. */
  findIgnoringCase(type: string, name: string): ParsedFile | undefined {
    return this.index(type).byLowerName.get(name.toLowerCase());
  }

  /** The Apex class with this name (Apex names are case-insensitive). */
  apexClass(name: string): ApexSource | undefined {
    if (!this.apexByName || this.apexIndexed !== this.apex.length) {
      this.apexByName = new Map();
      for (const a of this.apex)
        if (!this.apexByName.has(a.name.toLowerCase())) this.apexByName.set(a.name.toLowerCase(), a);
      this.apexIndexed = this.apex.length;
    }
    return this.apexByName.get(name.toLowerCase());
  }
}

interface TypeIndex {
  parsed: ParsedFile[];
  byName: Map<string, ParsedFile>;
  byLowerName: Map<string, ParsedFile>;
  names: Set<string>;
}

export interface LoadOptions {
  /**
   * The package directories (relative to `root`) instead of sfdx-project.json's: `['.']` reads a
   * bare source folder (simulate accepts a force-app folder of its own).
   */
  packageDirs?: string[];
  /**
   * Only files of these metadata types (and Apex only with `ApexClass`) are read and parsed; every
   * other file is listed in `allFiles` alone. Simulate reads seven types of a project: parsing the
   * permission sets, objects and the rest was a sixth of a replay's start-up (issue 15).
   */
  types?: ReadonlySet<string>;
}

/** Loads the project at `root` (the folder holding sfdx-project.json, unless `packageDirs` are given). */
export function loadProject(root: string, options: LoadOptions = {}): SourceProject {
  const project = new SourceProject(root, options.packageDirs ?? packageDirectories(root));
  const registry = registryFor(root);
  const ignored = forceIgnoreAt(root);
  const files: string[] = [];
  for (const dir of project.packageDirs)
    for (const abs of listFilesUnder(path.join(root, dir), skipSourceDir))
      (ignored?.(abs) ? project.forceIgnored : files).push(abs);
  files.sort();
  project.forceIgnored.sort();
  const pool: TextPool = new Map();
  for (const abs of files) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    project.allFiles.add(rel);
    if (rel.endsWith('.cls')) {
      if (options.types && !options.types.has('ApexClass')) continue;
      project.apex.push({ path: rel, abs, text: fs.readFileSync(abs, 'utf8'), name: path.basename(rel, '.cls') });
      continue;
    }
    const suffix = metaSuffix(rel);
    if (!suffix) continue;
    const typed = sourceTypeOf(rel, registry);
    if (options.types && !(typed && options.types.has(typed.type))) continue;
    const name = typed?.name ?? path.posix.basename(rel).slice(0, -`.${suffix}-meta.xml`.length);
    const file: MetadataFile = { path: rel, abs, type: typed?.type, name };
    // Read in pieces, so no file is one string (issue 15); the whole text only when they do not parse.
    const xml = parseXmlPieces(noticingComments(xmlFilePieces(abs), file), pool);
    if (xml) file.xml = xml;
    else parseWhole(file, fs.readFileSync(abs, 'utf8'), pool);
    project.add(file);
  }
  return project;
}

/** Parses a file's whole text: for the exact error, or a document the pieces could not be cut in. */
function parseWhole(file: MetadataFile, text: string, pool: TextPool): void {
  // The pieces read so far are the start of the text: a comment they showed is its first one.
  const comment = file.commentLine === undefined ? text.indexOf('<!--') : -1;
  if (comment >= 0) file.commentLine = lineAt(text, comment);
  try {
    file.xml = parseXml(text, pool);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    file.xmlError = e;
  }
}

/** The pieces as they are, noting the line of the first `<!--` (every piece after the first starts at a `<`, so none is split). */
function* noticingComments(pieces: Iterable<string>, file: MetadataFile): Generator<string> {
  let lines = 0;
  for (const piece of pieces) {
    if (file.commentLine === undefined) {
      const at = piece.indexOf('<!--');
      if (at >= 0) file.commentLine = lines + lineAt(piece, at);
      else lines += lineAt(piece, piece.length) - 1;
    }
    yield piece;
  }
}

/** The 1-based line of offset `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
