/**
 * The `handoff` CLI: global flags, dispatch to one module per command, exit codes and error output.
 * Commands load lazily (typed dynamic imports TypeScript follows) so `handoff build` never pays for jsforce.
 */
import type { Command } from './command';
import { createOutput, printJson } from './output';
import { UserError, UsageError } from '../project/errors';
import { findProjectRoot } from '../project/paths';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  init: () => import('../commands/init'),
  build: () => import('../commands/build'),
  validate: () => import('../commands/validate'),
  simulate: () => import('../commands/simulate'),
  deploy: () => import('../commands/deploy'),
  seed: () => import('../commands/seed'),
  doctor: () => import('../commands/doctor'),
  smoke: () => import('../commands/smoke'),
  resend: () => import('../commands/resend'),
  explain: () => import('../commands/explain')
};

async function loadCommand(name: string): Promise<Command | undefined> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return load ? (await load()).command : undefined;
}

async function help(): Promise<string> {
  const lines = ['Usage: handoff <command> [flags]', '', 'Commands:'];
  for (const name of Object.keys(COMMANDS)) {
    const cmd = await loadCommand(name);
    if (cmd) lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Every command takes --json (one JSON document on stdout) and --help.');
  lines.push('Exit codes: 0 ok, 1 findings or failure, 2 usage.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const out = createOutput(json);
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write((await help()) + '\n');
      return name ? 0 : 2;
    }
    if (name === '--version') {
      process.stdout.write(`${require('../../package.json').version}\n`);
      return 0;
    }
    const command = await loadCommand(name);
    if (!command) throw new UsageError(`Unknown command "${name}". Run \`handoff --help\` for the list.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.usage.trimEnd() + '\n');
      return 0;
    }
    const { exitCode, result } = await command.run({
      argv: rest.filter((a) => a !== '--json'),
      out,
      root: findProjectRoot()
    });
    if (json) printJson({ status: exitCode, result });
    return exitCode;
  } catch (e) {
    if (e instanceof UserError) {
      if (json) printJson({ status: e.exitCode, name: e.name, message: e.message, details: e.details });
      else {
        process.stderr.write(`Error: ${e.message}\n`);
        for (const d of e.details) process.stderr.write(`  - ${d}\n`);
      }
      return e.exitCode;
    }
    // A bug, not a user mistake: say so plainly, with the stack for the bug report.
    const err = e as Error;
    if (json) printJson({ status: 1, name: 'InternalError', message: err.message });
    process.stderr.write(`Internal error (please report it): ${err.stack ?? err.message}\n`);
    return 1;
  }
}
