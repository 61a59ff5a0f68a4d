/**
 * The sf CLI plugin's one adapter (issue 12 item 5). `sf handoff <name>` runs the very command
 * module `npx handoff <name>` runs (loaded on demand through cli/main.ts's registry): each class in
 * plugin/commands/handoff/ is `handoffClass` of the command's flag table and sf's prose; this base
 * turns the parsed flags back into the command's own argv (same flag names), hands the org sf
 * resolved from `-o` (or its default target-org) to the org code as `CommandContext.org`, and
 * reports through SfCommand: `--json` is sf's envelope `{ status, result, warnings }`, progress a
 * spinner, a user error an SfError with our exit code and fixes as its actions. Nothing here loads
 * a command or org code before `run`, so `sf handoff … --help` and an offline command never load
 * scripts/org or jsforce.
 */
import type { Command, Interfaces } from '@oclif/core';
import { SfError, type Org } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import type { FlagTable } from '../cli/args.js';
import type { Output } from '../cli/output.js';
import { redact } from '../cli/output.js';
import { commandSummary, loadCommand } from '../cli/main.js';
import { UserError } from '../project/errors.js';
import { findProjectRoot } from '../project/paths.js';
import { sfFlags } from './flags.mjs';

/** Flags sf itself owns: handled by SfCommand, never passed to our command's parser. */
const SF_FLAGS = new Set(['json', 'flags-dir', 'target-org']);

/**
 * The parsed flags as the argv our command's parser (cli/args.ts) reads: `--name=value` per value,
 * `--name` for a set boolean; the org as its username. Positionals go after `--`, so a payload file
 * named `-x.json` stays a file; `-` (stdin) is a positional either way.
 */
export function argvFrom(flags: Record<string, unknown>, positionals: string[], org: Org | undefined): string[] {
  const argv: string[] = [];
  for (const [name, value] of Object.entries(flags)) {
    if (SF_FLAGS.has(name) || value === undefined || value === false) continue;
    if (value === true) argv.push(`--${name}`);
    else for (const v of Array.isArray(value) ? value : [value]) argv.push(`--${name}=${String(v)}`);
  }
  const username = org?.getUsername();
  if (username) argv.push(`--target-org=${username}`);
  return positionals.length ? [...argv, '--', ...positionals] : argv;
}

/** `handoff:validate` → `validate`: the class's command id names the handoff command it runs. */
function handoffName(id: string | undefined): string {
  const name = id?.split(/[: ]/).pop();
  if (!name) throw new Error(`Not a handoff command id: ${String(id)}`);
  return name;
}

export abstract class HandoffCommand extends SfCommand<unknown> {
  public async run(): Promise<unknown> {
    const statics = this.ctor as typeof SfCommand;
    const parsed = await this.parse(statics);
    const flags = parsed.flags as Record<string, unknown>;
    const args = parsed.args as Record<string, unknown>;
    const positionals = Object.keys(statics.args ?? {})
      .map((k) => args[k])
      .filter((v): v is string => typeof v === 'string');
    const org = flags['target-org'] as Org | undefined;
    const name = handoffName(this.id);
    const command = await loadCommand(name);
    if (!command) throw new Error(`No handoff command "${name}"`);
    try {
      const { exitCode, result } = await command.run({
        argv: argvFrom(flags, positionals, org),
        out: this.output(name),
        root: findProjectRoot(),
        org
      });
      this.spinner.stop();
      // Findings are exit code 1 with the result, as `sf project deploy validate` reports a failed
      // validation: SfCommand's envelope takes its status from process.exitCode.
      if (exitCode) process.exitCode = exitCode;
      return redact(result);
    } catch (e) {
      if (e instanceof UserError) throw new SfError(e.message, e.name, e.details, e.exitCode);
      throw e;
    }
  }

  /** Our Output on SfCommand's: lines through `log` (silent with --json), progress on the spinner. */
  private output(name: string): Output {
    let spinning = false;
    return {
      json: this.jsonEnabled(),
      log: (line = '') => {
        if (spinning) this.spinner.stop();
        spinning = false;
        this.log(line);
      },
      progress: (line) => {
        if (!spinning) this.spinner.start(`handoff ${name}`);
        spinning = true;
        this.spinner.status = line;
      },
      warn: (line) => {
        this.warn(line);
      },
      // sf's info line: on the terminal, not among the --json envelope's warnings.
      notice: (line) => {
        if (!this.jsonEnabled()) this.logToStderr(`Notice: ${line}`);
      }
    };
  }
}

/** What an sf class says besides its flags: sf's longer description, examples, positional arguments. */
export interface SfProse {
  description: string;
  /** A command line, or one with the sentence sf prints above it. */
  examples?: Command.Example[];
  args?: Interfaces.ArgInput;
}

/**
 * The sf class of handoff command `name` (the default export of plugin/commands/handoff/<name>.mts):
 * its summary is the one `handoff --help` lists (cli/main.ts), its flags the command's table.
 */
export function handoffClass(name: string, table: FlagTable, prose: SfProse): typeof HandoffCommand {
  return class extends HandoffCommand {
    public static override readonly summary = commandSummary(name);
    public static override readonly description = prose.description;
    public static override readonly examples = prose.examples ?? [];
    public static override readonly args = prose.args ?? {};
    public static override readonly flags = sfFlags(table);
  };
}
