/** `handoff seed --agents` with a queue the config does not list: a usage error before any org is asked. */
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const ORG_ENV = ['SF_INSTANCE_URL', 'SF_ACCESS_TOKEN', 'SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_LOGIN_URL'];

describe('seed --agents naming an unknown queue', () => {
  const saved = ORG_ENV.map((k) => [k, process.env[k]] as const);
  beforeAll(() => ORG_ENV.forEach((k) => delete process.env[k]));
  afterAll(() => saved.forEach(([k, v]) => (v === undefined ? delete process.env[k] : (process.env[k] = v))));

  it('exits 2 with the known queues and the nearest one, without connecting (no org is configured)', async () => {
    const run = await runCli(['seed', '--dry-run', '--agents', 'agent1@acme.com:Handoff_Generl'], ROOT);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr:
        "Error: handoff seed: --agents names queue Handoff_Generl, which is not in the config's queues (Handoff_General, Handoff_Priority, Handoff_DACH). Did you mean Handoff_General?\n"
    });
  });
});
