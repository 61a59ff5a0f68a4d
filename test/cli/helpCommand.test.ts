/** `handoff help <command>` is `handoff <command> --help`; `handoff help` alone is the command list. */
import { COMMAND_NAMES } from '../../scripts/cli/main';
import { runCli } from '../support/cli';

describe('handoff help', () => {
  it.each(COMMAND_NAMES.map((name) => [name]))('help %s prints what <command> --help prints', async (name) => {
    const viaHelp = await runCli(['help', name]);
    expect(viaHelp).toEqual(await runCli([name, '--help']));
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: handoff ${name}\\b`));
  });

  it('help alone lists the commands, exit 0', async () => {
    const run = await runCli(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: handoff <command> \[flags\]\n\nCommands:\n/);
  });

  it('help of an unknown command is a usage error naming it', async () => {
    expect(await runCli(['help', 'bulid'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Error: Unknown command "bulid". Run `handoff --help` for the list.\n'
    });
  });
});
