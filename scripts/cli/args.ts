import { parseArgs } from 'node:util';
import { hasAllowedScheme } from '../project/urlScheme';
import { UsageError } from '../project/errors';

/*
 * A command's flags, declared once in its table (cli/flags/<command>.ts) and read by both front
 * doors: `npx handoff` parses with it (parseFlags) and prints its usage lines (flagLines); `sf
 * handoff` builds its oclif flags from it (plugin/flags.mts). One module with the parser, so a
 * command loads nothing more for its table than the table itself (test/architecture/startup.test.ts).
 */

export interface FlagSpec {
  /**
   * `boolean` (present or not), `string` (one value), `multiple` (repeatable, one value each time),
   * `org` (`-o/--target-org`: a string for `npx handoff`, sf's own org flag for `sf handoff`).
   */
  kind: 'boolean' | 'string' | 'multiple' | 'org';
  /** The one-letter alias (`o` for -o). */
  char?: string;
  /** The value's placeholder in help (`FILE`, `QUEUE=N`); none for a boolean. */
  helpValue?: string;
  /** One sentence for `sf handoff <command> --help`. */
  summary: string;
  /**
   * The text of `handoff <command> --help` when it says more than the summary (a default, an
   * example); a `\n` starts a continuation line. Else the summary, lower case and without its stop.
   */
  usage?: string;
  /** For `org`: sf never takes its default target-org (validate, explain add an org step only when named). */
  explicit?: true;
  /** The usage section the flag is listed in, for usage texts with several (simulate's Input, Scenario…). */
  group?: string;
}

export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** What parsing a table gives: a boolean, a string or the strings of a repeated flag, when given. */
export type FlagValues<T extends FlagTable> = {
  [K in keyof T]?: T[K]['kind'] extends 'boolean' ? boolean : T[K]['kind'] extends 'multiple' ? string[] : string;
};

type ParserOption = { type: 'boolean' | 'string'; multiple?: true; short?: string };

/** node:util parseArgs's options for a table. */
function parserOptions(table: FlagTable): Record<string, ParserOption> {
  const options: Record<string, ParserOption> = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = {
      type: spec.kind === 'boolean' ? 'boolean' : 'string',
      ...(spec.kind === 'multiple' ? { multiple: true } : {}),
      ...(spec.char ? { short: spec.char } : {})
    };
  }
  return options;
}

/** The flag's text in `handoff <command> --help`: its usage, else its summary in the usage lines' style. */
export function usageText(spec: FlagSpec): string {
  if (spec.usage !== undefined) return spec.usage;
  const text = spec.summary.replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The flag as `handoff <command> --help` names it: `-o, --target-org ALIAS`, `--rule ID`. */
function label(name: string, spec: FlagSpec): string {
  const flag = `${spec.char ? `-${spec.char}, ` : ''}--${name}`;
  return spec.helpValue ? `${flag} ${spec.helpValue}` : flag;
}

/**
 * A usage text's flag lines: each flag, two spaces in, its text from `column`; a flag too long for
 * the column has its text on the next line. `group` lists only that section's flags; `json` adds
 * the `--json` line (the CLI takes it for every command: cli/main.ts) with that text.
 */
export function flagLines(table: FlagTable, options: { column: number; group?: string; json?: string }): string {
  const rows = Object.entries(table)
    .filter(([, spec]) => options.group === undefined || spec.group === options.group)
    .map(([name, spec]) => [label(name, spec), usageText(spec)]);
  if (options.json) rows.push(['--json', options.json]);
  const indent = ' '.repeat(options.column);
  return rows
    .map(([flag, text]) => {
      const [first, ...more] = text.split('\n').map((line, i) => (i ? indent + line : line));
      const head = `  ${flag}`;
      const lead = head.length + 2 <= options.column ? head.padEnd(options.column) : `${head}\n${indent}`;
      return [lead + first, ...more].join('\n');
    })
    .join('\n');
}

/**
 * Parses a command's flags (its table, cli/flags/<command>.ts) with node's parseArgs, turning its
 * errors into usage errors (exit 2) that name the command and point at its --help.
 */
export function parseFlags<T extends FlagTable>(
  command: string,
  argv: string[],
  table: T,
  allowPositionals = false
): { values: FlagValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: parserOptions(table), allowPositionals, strict: true });
    return parsed as never;
  } catch (e) {
    const raw = (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '');
    const msg = dashValueMessage(argv, table, raw) ?? raw;
    throw new UsageError(`handoff ${command}: ${msg.replace(/\.$/, '')}. See \`handoff ${command} --help\`.`);
  }
}

/**
 * parseArgs refuses a value that starts with a dash (`--wait -3`) as "ambiguous" and suggests
 * `--wait=-XYZ`; no value this CLI takes starts with one, so say what the flag takes instead.
 */
function dashValueMessage(argv: string[], table: FlagTable, message: string): string | undefined {
  const written = /Option '([^']+)' argument is ambiguous/.exec(message)?.[1];
  const entry = Object.entries(table).find(
    ([name, spec]) => written === `--${name}` || (spec.char !== undefined && written === `-${spec.char}`)
  );
  if (!written || !entry) return undefined;
  const [name, spec] = entry;
  // parseArgs says "ambiguous" only when a token follows the flag, so there is one to name.
  return `--${name} takes ${spec.helpValue ?? 'a value'}, not "${argv[argv.indexOf(written) + 1]}"`;
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

/**
 * Parses --scrt-url, or throws a usage error naming it: checked before connecting, so a typo is not
 * first seen as fetch's "Failed to parse URL" after the org login.
 */
export function scrtUrlFlag(command: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !hasAllowedScheme(url)) {
    throw new UsageError(
      `handoff ${command}: --scrt-url takes an https:// URL, e.g. https://<my-domain>.my.salesforce-scrt.com, not "${raw}".`
    );
  }
  return raw;
}
