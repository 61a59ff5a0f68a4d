import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../project/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags with node's parseArgs, turning its errors into usage errors (exit 2)
 * that name the command and point at its --help.
 */
export function parseFlags<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false
): {
  values: {
    [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
  };
  positionals: string[];
} {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return parsed as never;
  } catch (e) {
    const msg = (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '');
    throw new UsageError(`handoff ${command}: ${msg}. See \`handoff ${command} --help\`.`);
  }
}

/** Parses a whole number flag, or throws a usage error naming it. */
export function intFlag(
  command: string,
  flag: string,
  raw: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`handoff ${command}: --${flag} takes a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return n;
}
