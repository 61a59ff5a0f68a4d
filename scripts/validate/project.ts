/**
 * What the validator adds to the read model (scripts/source): the optional handoff.validate.json
 * (facts about the org the files cannot show) and the Apex analysis with its on-disk parse cache.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../project/errors';
import type { ApexSource, SourceProject } from '../source/project';
import { ApexParseCache, invocableInfo, type ApexSyntaxProblem, type InvocableInfo } from './apexInfo';

/** Optional `handoff.validate.json`: facts about the org the files cannot show. */
export interface ValidateSettings {
  /** Queues (DeveloperName) that exist in the org but not in the project. */
  existingQueues: string[];
}

export const VALIDATE_SETTINGS_FILE = 'handoff.validate.json';

export function readValidateSettings(root: string): ValidateSettings {
  const file = path.join(root, VALIDATE_SETTINGS_FILE);
  if (!fs.existsSync(file)) return { existingQueues: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${VALIDATE_SETTINGS_FILE} is not valid JSON: ${(e as Error).message}`);
  }
  const queues = (raw as { existingQueues?: unknown }).existingQueues ?? [];
  if (!Array.isArray(queues) || queues.some((q) => typeof q !== 'string')) {
    throw new UserError(
      `${VALIDATE_SETTINGS_FILE} $.existingQueues must be a list of queue DeveloperNames, e.g. ["Support_Tier1"]`
    );
  }
  return { existingQueues: queues as string[] };
}

/** Apex facts the rules ask for, computed once a class: syntax problems (cached on disk) and invocable actions. */
export class ApexAnalysis {
  private readonly invocables = new Map<string, InvocableInfo | undefined>();
  private cache?: ApexParseCache;

  constructor(
    private readonly root: string,
    private readonly useCache: boolean
  ) {}

  /** Syntax problems of an Apex class (cached by content hash). */
  syntax(src: ApexSource): ApexSyntaxProblem[] {
    this.cache ??= ApexParseCache.forProject(this.root, this.useCache);
    return this.cache.syntaxProblems(src.text);
  }

  /** The invocable action a class offers, if any. */
  invocable(src: ApexSource): InvocableInfo | undefined {
    if (!this.invocables.has(src.path)) this.invocables.set(src.path, invocableInfo(src.name, src.text));
    return this.invocables.get(src.path);
  }

  /** Writes the parse cache, when anything was parsed. */
  save(): void {
    this.cache?.save();
  }
}

/** Whether a queue exists: in the project, or declared in handoff.validate.json as existing in the org. */
export function queueKnown(project: SourceProject, settings: ValidateSettings, name: string): boolean {
  return project.has('Queue', name) || settings.existingQueues.includes(name);
}
