/**
 * What the validator adds to the read model (scripts/source): the optional handoff.validate.json
 * (facts about the org the files cannot show) and the Apex analysis with its verdicts file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest } from '../config/closest';
import { UserError } from '../project/errors';
import { readJsonFile } from '../project/json';
import type { ApexSource, SourceProject } from '../source/project';
import { ApexVerdicts, type ApexSyntaxProblem, type InvocableInfo } from './apexInfo';

/** Optional `handoff.validate.json`: facts about the org the files cannot show. */
export interface ValidateSettings {
  /** Queues (DeveloperName) that exist in the org but not in the project. */
  existingQueues: string[];
  /** Apex classes that exist in the org but not in the project. */
  existingApexClasses: string[];
  /** Custom objects (`Object__c`) and fields (`Object.Field__c`) that exist in the org but not in the project. */
  existingFields: string[];
}

export const VALIDATE_SETTINGS_FILE = 'handoff.validate.json';

const EXAMPLES: Record<keyof ValidateSettings, string> = {
  existingQueues: 'queue DeveloperNames, e.g. ["Support_Tier1"]',
  existingApexClasses: 'Apex class names, e.g. ["OrgCaseService"]',
  existingFields: 'objects and fields, e.g. ["Case.Legacy_Id__c", "Legacy_Ticket__c"]'
};

export function readValidateSettings(root: string): ValidateSettings {
  const file = path.join(root, VALIDATE_SETTINGS_FILE);
  const settings: ValidateSettings = { existingQueues: [], existingApexClasses: [], existingFields: [] };
  if (!fs.existsSync(file)) return settings;
  const raw = readJsonFile(file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserError(
      `${VALIDATE_SETTINGS_FILE} must hold one JSON object, e.g. {"existingQueues": ["Support_Tier1"]}.`
    );
  const known = Object.keys(EXAMPLES);
  // A misspelt key would leave its queues undeclared, and the findings it was meant to answer unexplained.
  for (const key of Object.keys(raw).filter((k) => !known.includes(k) && !k.startsWith('$'))) {
    const hint = closest(key, known);
    throw new UserError(`${VALIDATE_SETTINGS_FILE} $.${key}: unknown key.`, [
      `${hint ? `Did you mean "${hint}"? ` : ''}The file takes ${known.join(', ')} (docs/validate.md).`
    ]);
  }
  for (const key of known as (keyof ValidateSettings)[]) {
    const list = (raw as Record<string, unknown>)[key] ?? [];
    if (!Array.isArray(list) || list.some((q) => typeof q !== 'string'))
      throw new UserError(`${VALIDATE_SETTINGS_FILE} $.${key} must be a list of ${EXAMPLES[key]}`);
    settings[key] = list as string[];
  }
  return settings;
}

/** Apex facts the rules ask for, each computed once a class and kept in handoff.verdicts.json (apexInfo.ts). */
export class ApexAnalysis {
  private verdicts?: ApexVerdicts;

  constructor(
    private readonly project: SourceProject,
    private readonly useCache: boolean
  ) {}

  private get cache(): ApexVerdicts {
    return (this.verdicts ??= new ApexVerdicts(this.project.root, this.useCache));
  }

  /** Syntax problems of an Apex class (the full parser, only for a class whose verdict is not kept). */
  syntax(src: ApexSource): ApexSyntaxProblem[] {
    return this.cache.syntaxProblems(src.name, src.text);
  }

  /** The invocable action a class offers, if any. */
  invocable(src: ApexSource): InvocableInfo | undefined {
    return this.cache.invocable(src.name, src.text);
  }

  /** Writes the verdicts back, when any was computed. */
  save(): void {
    this.verdicts?.save(this.project.apex);
  }
}

/** Whether a queue exists: in the project, or declared in handoff.validate.json as existing in the org. */
export function queueKnown(project: SourceProject, settings: ValidateSettings, name: string): boolean {
  return project.has('Queue', name) || settings.existingQueues.includes(name);
}
