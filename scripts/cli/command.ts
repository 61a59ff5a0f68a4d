import type { Org } from '@salesforce/core';
import type { Output } from './output';

/** What every command receives. `argv` is what follows the command name, global flags removed. */
export interface CommandContext {
  argv: string[];
  out: Output;
  /** The project root (nearest folder with sfdx-project.json, else the working folder). */
  root: string;
  /**
   * The org `sf handoff …` resolved the sf way (`-o`, else the sf config's target-org): org commands
   * connect to it instead of looking `--target-org` up again. Never set by `npx handoff`.
   */
  org?: Org;
}

/**
 * A command's result: its exit code (0 ok, 1 findings or failure) and the `result` of its --json
 * document. Usage mistakes and user errors are thrown (project/errors.ts), not returned.
 */
export interface CommandResult {
  exitCode: 0 | 1;
  result: unknown;
}

export interface Command {
  name: string;
  usage: string;
  run(ctx: CommandContext): Promise<CommandResult>;
}
