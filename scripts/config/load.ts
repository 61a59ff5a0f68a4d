import * as path from 'node:path';
import { formatProblem, UserError } from '../project/errors';
import { readJsonFile } from '../project/json';
import { displayPath, PROJECT_FILES } from '../project/paths';
import type { HandoffConfig } from './types';
import { validateConfig } from './validate';

/** The config file to use: an explicit --config, else handoff.config.json in the project root. */
export function configPath(root: string, explicit?: string): string {
  return explicit ? path.resolve(explicit) : path.join(root, PROJECT_FILES.config);
}

/** Reads, parses and validates a config; every problem is reported at once in one UserError. */
export function loadConfig(file: string): HandoffConfig {
  const shown = displayPath(file);
  const data = readJsonFile(file, {
    missing: 'Run `handoff init --vendor fin|fullview|cognigy|generic` to create one, or pass --config FILE.',
    empty: 'Run `handoff init --vendor fin|fullview|cognigy|generic --force` to write a starting config.'
  });
  const problems = validateConfig(data, shown);
  if (problems.length) {
    throw new UserError(
      `${shown} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
      problems.map(formatProblem)
    );
  }
  return data as HandoffConfig;
}
