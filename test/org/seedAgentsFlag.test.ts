/** `handoff seed --agents` with a queue the config does not list: a usage error before any org is asked. */
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { withoutOrgEnvironment } from '../support/noOrgEnv';

const ROOT = path.resolve(__dirname, '..', '..');

describe('seed --agents naming an unknown queue', () => {
  withoutOrgEnvironment();

  it('exits 2 with the known queues and the nearest one, without connecting (no org is configured)', async () => {
    const run = await runCli(['seed', '--dry-run', '--agents', 'agent1@acme.com:Handoff_Generl'], ROOT);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr:
        "Error: handoff seed: --agents names queue Handoff_Generl, which is not in the config's queues (Handoff_General, Handoff_Priority, Handoff_DACH). Did you mean Handoff_General?\n"
    });
  });
});
