/**
 * Connection mistakes are user errors (test/fixtures/connect-errors/expected.json): the variable or
 * alias, what is wrong and the fix; exit 1 (2 for a flag mistake); no stack trace. The compiled CLI runs as a user runs it;
 * no case needs an org (each fails before, or on, the first call).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runBuiltCli } from '../support/builtCli';

interface Case {
  name: string;
  argv: string[];
  env: Record<string, string>;
  sfdxProject?: unknown;
  /** Files written into the project folder: name → text. */
  files?: Record<string, string>;
  build?: boolean;
  code: number;
  stderr: string;
}

const { cases } = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/connect-errors/expected.json'), 'utf8')
) as { cases: Case[] };

const DEFAULT_PROJECT = {
  packageDirectories: [{ path: 'force-app', default: true }],
  sfdcLoginUrl: 'https://login.salesforce.com',
  sourceApiVersion: '66.0'
};
const PROGRESS = /^(Connected to |Reading |Check-only deploy of ).*\n/gm;

/** A loopback port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The connection settings of whoever runs the tests must not leak into a case.
const inherited = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => /^(SF_|SFDX_|FORCE_SFDC_)/.test(k))
    .map((k) => [k, undefined])
);

test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const port = String(await closedPort());
  const fill = (s: string) => s.replaceAll('{closedPort}', port);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-connect-'));
  try {
    fs.copyFileSync(path.join(REPO_ROOT, 'handoff.config.json'), path.join(dir, 'handoff.config.json'));
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify(c.sfdxProject ?? DEFAULT_PROJECT));
    fs.mkdirSync(path.join(dir, 'force-app'));
    for (const [name, text] of Object.entries(c.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
    if (c.build) expect(runBuiltCli(['build'], dir).code).toBe(0);
    const env = {
      ...inherited,
      HOME: dir,
      SF_DISABLE_TELEMETRY: 'true',
      // Node's warning about http: on a loopback URL is not the kit's output.
      NODE_NO_WARNINGS: '1',
      ...(c.argv.includes('-o') ? {} : { SF_ACCESS_TOKEN: 'x' }),
      ...Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, fill(v)]))
    };
    const run = runBuiltCli(c.argv, dir, 30_000, env);
    expect({ code: run.code, stderr: run.stderr.replace(PROGRESS, '') }).toEqual({
      code: c.code,
      stderr: fill(c.stderr)
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
