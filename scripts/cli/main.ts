/**
 * The `handoff` CLI: global flags, dispatch to one module per command, exit codes and error output.
 * Commands load lazily (typed dynamic imports TypeScript follows): `--help` and `--version` load no
 * command module, `handoff build` never pays for jsforce.
 */
import type { Command } from './command';
import { dropOutputOnBrokenPipe } from './brokenPipe';
import { createOutput, printJson } from './output';
import { UserError, UsageError } from '../project/errors';
import { kitVersion } from '../project/kitRoot';
import { findProjectRoot } from '../project/paths';

/**
 * Every command: its one-line summary (what --help lists, so help loads no command module) and a
 * lazy import of its module, so a command loads only what it runs (issue 15; the module-loading
 * boundaries are asserted in test/architecture/startup.test.ts). A new command is one line here.
 */
const COMMANDS: Record<
  string,
  {
    summary: string;
    load: () => Promise<{ command: Command }>;
    /** Talks to an org (jsforce, @salesforce/core). */ org?: true;
  }
> = {
  init: {
    summary: "Adopt the project: handoff.config.json, sfdx-project.json and the kit's platform code",
    load: () => import('../commands/init')
  },
  upgrade: {
    summary: "Update the kit's platform code in the project, keeping files you edited",
    load: () => import('../commands/upgrade')
  },
  build: {
    summary: 'Generate the Salesforce metadata from handoff.config.json',
    load: () => import('../commands/build')
  },
  validate: {
    summary: 'Check every package directory offline: schema, naming chain, flow, queues, Apex, settings',
    load: () => import('../commands/validate')
  },
  simulate: {
    summary: 'Dry-run a vendor payload through the channel, deployment and routing flow',
    load: () => import('../commands/simulate')
  },
  deploy: {
    summary: 'Deploy the project to an org in phases, then activate, publish and verify',
    load: () => import('../commands/deploy'),
    org: true
  },
  seed: {
    summary: 'Write settings, permission set assignments and presence access to the org (idempotent)',
    load: () => import('../commands/seed'),
    org: true
  },
  doctor: {
    summary: 'Check the live org for every break in the hand-off chain, with fixes',
    load: () => import('../commands/doctor'),
    org: true
  },
  smoke: {
    summary: 'Play the AI vendor over MIAW and check which attributes land on the MessagingSession',
    load: () => import('../commands/smoke'),
    org: true
  },
  resend: {
    summary: 'Resend failed End Conversation notifications (same eventId)',
    load: () => import('../commands/resend'),
    org: true
  },
  explain: {
    summary: 'Draw the chain, the routing flow, payload paths and changes as an HTML page or markdown',
    load: () => import('../commands/explain')
  }
};

/** Every command's name, in --help order (the start-up test runs each one's --help). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/**
 * The org libraries' floor: undici 8 (under jsforce and @salesforce/core) needs Node 22.19 and fails at
 * load on older Node with "reading 'bind'" (its own engines field; seen on this project's Node 20).
 */
const ORG_NODE_FLOOR = [22, 19] as const;

export function checkNodeForOrg(name: string, version: string = process.versions.node): void {
  const [major, minor] = version.split('.').map(Number);
  if (major > ORG_NODE_FLOOR[0] || (major === ORG_NODE_FLOOR[0] && minor >= ORG_NODE_FLOOR[1])) return;
  throw new UserError(
    `handoff ${name} needs Node ${ORG_NODE_FLOOR.join('.')} or newer to talk to an org; this is Node ${version}.`,
    [
      'Install Node 22 or 24 (the LTS versions the sf CLI supports),',
      // The npm package `node` puts a Node 22 binary in node_modules/.bin, first on npx's PATH (how the kit's checkout runs).
      'or give this project its own: `npm install --save-dev node@22`, then run `npx handoff ' + name + '`.'
    ]
  );
}

/** A command's module, loaded on demand (also by the sf plugin's command classes, scripts/plugin). */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return entry ? (await entry.load()).command : undefined;
}

/** A command's one-line summary: `handoff --help` lists it, `sf handoff <name> --help` shows it. */
export function commandSummary(name: string): string {
  if (!Object.hasOwn(COMMANDS, name)) throw new Error(`No handoff command "${name}"`);
  return COMMANDS[name].summary;
}

function help(): string {
  const lines = ['Usage: handoff <command> [flags]', '', 'Commands:'];
  for (const [name, { summary }] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Every command takes --json (one JSON document on stdout) and --help.');
  lines.push('Exit codes: 0 ok, 1 findings or failure, 2 usage.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // handoff never writes the sf CLI's log file; without this, merely loading SDR or @salesforce/core
  // starts pino's logging worker thread. Set SF_DISABLE_LOG_FILE=false to have sf's log anyway.
  process.env.SF_DISABLE_LOG_FILE ??= 'true';
  dropOutputOnBrokenPipe();
  const json = argv.includes('--json');
  const out = createOutput(json);
  // `handoff help build` is `handoff build --help`; `handoff help` alone is the command list.
  const [name, ...rest] = argv[0] === 'help' && argv[1] && !argv[1].startsWith('-') ? [argv[1], '--help'] : argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(help() + '\n');
      return name ? 0 : 2;
    }
    if (name === '--version') {
      process.stdout.write(`${kitVersion()}\n`);
      return 0;
    }
    if (COMMANDS[name]?.org && !(rest.includes('--help') || rest.includes('-h'))) checkNodeForOrg(name);
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
