import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem, UserError } from '../project/errors';
import { JsonSyntaxError, parseJson } from '../project/json';
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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${shown} does not exist. Run \`handoff init --vendor fin|fullview|cognigy|generic\` to create one, or pass --config FILE.`
        : `${shown} cannot be read (${code ?? (e as Error).message}).`
    );
  }
  if (text.trim() === '') {
    throw new UserError(
      `${shown} is empty. Run \`handoff init --vendor fin|fullview|cognigy|generic --force\` to write a starting config.`
    );
  }
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      throw new UserError(
        `${shown} is not valid JSON: ${e.reason} at line ${e.line}, column ${e.column}. Fix the syntax there.`
      );
    }
    throw e;
  }
  const problems = validateConfig(data, shown);
  if (problems.length) {
    throw new UserError(
      `${shown} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
      problems.map(formatProblem)
    );
  }
  return data as HandoffConfig;
}
