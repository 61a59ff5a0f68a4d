/**
 * Reads a project's metadata once into an index that every rule shares: each package directory of
 * sfdx-project.json is walked, every `-meta.xml` file parsed with line numbers (scripts/xml/read.ts)
 * and typed by its source-format suffix, every Apex source kept as text. Rules never touch the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, XmlSyntaxError, type XmlNode } from '../xml/read';
import { UserError } from '../project/errors';
import { listFilesUnder } from '../project/files';
import { packageDirectories } from '../project/sfdxProject';
import { readJsonFile } from '../project/json';
import { ApexParseCache, invocableInfo, type ApexSyntaxProblem, type InvocableInfo } from './apexInfo';

/** Source-format suffix (`<name>.<suffix>-meta.xml`) → metadata type. */
export const SUFFIX_TYPES: Record<string, string> = {
  cls: 'ApexClass',
  trigger: 'ApexTrigger',
  field: 'CustomField',
  labels: 'CustomLabels',
  md: 'CustomMetadata',
  object: 'CustomObject',
  tab: 'CustomTab',
  EmbeddedServiceConfig: 'EmbeddedServiceConfig',
  externalCredential: 'ExternalCredential',
  flexipage: 'FlexiPage',
  flow: 'Flow',
  js: 'LightningComponentBundle',
  messagingChannel: 'MessagingChannel',
  namedCredential: 'NamedCredential',
  permissionset: 'PermissionSet',
  presenceUserConfig: 'PresenceUserConfig',
  queue: 'Queue',
  queueRoutingConfig: 'QueueRoutingConfig',
  remoteSite: 'RemoteSiteSetting',
  serviceChannel: 'ServiceChannel',
  servicePresenceStatus: 'ServicePresenceStatus'
};

export interface MetadataFile {
  /** Project-relative path, forward slashes. */
  path: string;
  abs: string;
  text: string;
  /** The metadata type its suffix stands for; undefined for a suffix the validator does not know. */
  type?: string;
  /** The component's API name: the file name without its suffix (`Object.Field__c` for fields). */
  name: string;
  /** Parsed document; absent when the file is not well-formed XML (see xmlError). */
  xml?: XmlNode;
  xmlError?: XmlSyntaxError;
}

export interface ApexSource {
  path: string;
  abs: string;
  text: string;
  /** Class name: the file name without `.cls`. */
  name: string;
}

/** Optional `handoff.validate.json`: facts about the org the files cannot show. */
export interface ValidateSettings {
  /** Queues (DeveloperName) that exist in the org but not in the project. */
  existingQueues: string[];
  /** Apex classes that exist in the org but not in the project. */
  existingApexClasses: string[];
  /** Custom fields (`Object.Field__c`) and objects that exist in the org but not in the project. */
  existingFields: string[];
}

export const VALIDATE_SETTINGS_FILE = 'handoff.validate.json';

const SKIP_DIRS = new Set(['node_modules', '__tests__', '.sfdx', '.sf', '.git']);

export class ProjectIndex {
  readonly metadata: MetadataFile[] = [];
  readonly apex: ApexSource[] = [];
  /** Every file path under the package directories (project-relative), for existence checks. */
  readonly allFiles = new Set<string>();
  private readonly byTypeMap = new Map<string, MetadataFile[]>();
  private readonly invocables = new Map<string, InvocableInfo | undefined>();
  /** Cache Apex parse verdicts on disk (set by the runner). */
  useCache = true;
  apexCache?: ApexParseCache;

  constructor(
    readonly root: string,
    readonly packageDirs: string[],
    readonly settings: ValidateSettings
  ) {}

  add(file: MetadataFile): void {
    this.metadata.push(file);
    if (file.type) {
      const list = this.byTypeMap.get(file.type) ?? [];
      list.push(file);
      this.byTypeMap.set(file.type, list);
    }
  }

  /** Well-formed files of one metadata type, in path order. */
  ofType(type: string): (MetadataFile & { xml: XmlNode })[] {
    return (this.byTypeMap.get(type) ?? []).filter((f): f is MetadataFile & { xml: XmlNode } => !!f.xml);
  }

  /** The well-formed component of a type with this exact API name. */
  find(type: string, name: string): (MetadataFile & { xml: XmlNode }) | undefined {
    return this.ofType(type).find((f) => f.name === name);
  }

  /** Whether a component of this type and exact name has a file, well-formed or not (a broken file is xml/well-formed's finding, not "missing"). */
  has(type: string, name: string): boolean {
    return (this.byTypeMap.get(type) ?? []).some((f) => f.name === name);
  }

  /** Syntax problems of an Apex class (cached by content hash). */
  apexSyntax(src: ApexSource): ApexSyntaxProblem[] {
    this.apexCache ??= ApexParseCache.forProject(this.root, this.useCache);
    return this.apexCache.syntaxProblems(src.text);
  }

  /** The Apex class with this name (Apex names are case-insensitive). */
  apexClass(name: string): ApexSource | undefined {
    const lower = name.toLowerCase();
    return this.apex.find((a) => a.name.toLowerCase() === lower);
  }

  /** The invocable action a class offers, if any. */
  invocable(src: ApexSource): InvocableInfo | undefined {
    if (!this.invocables.has(src.path)) this.invocables.set(src.path, invocableInfo(src.name, src.text));
    return this.invocables.get(src.path);
  }

  /** Same, ignoring case: to tell "missing" from "differs by case" in messages. */
  findIgnoringCase(type: string, name: string): (MetadataFile & { xml: XmlNode }) | undefined {
    const lower = name.toLowerCase();
    return this.ofType(type).find((f) => f.name.toLowerCase() === lower);
  }
}

function componentName(rel: string, suffix: string): string {
  const base = path.posix.basename(rel).slice(0, -`.${suffix}-meta.xml`.length);
  if (suffix === 'field') {
    // objects/<Object>/fields/<Field>.field-meta.xml
    const parts = rel.split('/');
    const object = parts.length >= 3 ? parts[parts.length - 3] : '';
    return `${object}.${base}`;
  }
  return base;
}

function readSettings(root: string): ValidateSettings {
  const file = path.join(root, VALIDATE_SETTINGS_FILE);
  if (!fs.existsSync(file)) return { existingQueues: [], existingApexClasses: [], existingFields: [] };
  const raw = readJsonFile(file) as Record<string, unknown>;
  const list = (key: keyof ValidateSettings, example: string): string[] => {
    const v = raw && typeof raw === 'object' ? (raw[key] ?? []) : [];
    if (!Array.isArray(v) || v.some((q) => typeof q !== 'string'))
      throw new UserError(`${VALIDATE_SETTINGS_FILE} $.${key} must be a list of names, e.g. ${example}`);
    return v as string[];
  };
  return {
    existingQueues: list('existingQueues', '["Support_Tier1"]'),
    existingApexClasses: list('existingApexClasses', '["MyOrgController"]'),
    existingFields: list('existingFields', '["Case.Legacy_Id__c"]')
  };
}

const SUFFIX = /\.([A-Za-z]+)-meta\.xml$/;

/** Loads the project at `root` (the folder holding sfdx-project.json). */
export function loadProject(root: string): ProjectIndex {
  const project = new ProjectIndex(root, packageDirectories(root), readSettings(root));
  const skipDir = (name: string): boolean => SKIP_DIRS.has(name) || name.startsWith('.');
  const files = project.packageDirs.flatMap((dir) => listFilesUnder(path.join(root, dir), skipDir)).sort();
  for (const abs of files) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    project.allFiles.add(rel);
    if (rel.endsWith('.cls')) {
      project.apex.push({ path: rel, abs, text: fs.readFileSync(abs, 'utf8'), name: path.basename(rel, '.cls') });
      continue;
    }
    const m = SUFFIX.exec(rel);
    if (!m) continue;
    const text = fs.readFileSync(abs, 'utf8');
    const file: MetadataFile = { path: rel, abs, text, type: SUFFIX_TYPES[m[1]], name: componentName(rel, m[1]) };
    try {
      file.xml = parseXml(text);
    } catch (e) {
      if (!(e instanceof XmlSyntaxError)) throw e;
      file.xmlError = e;
    }
    project.add(file);
  }
  return project;
}
