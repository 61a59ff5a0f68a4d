/**
 * `handoff deploy` through the real jsforce client against the loopback org emulator: the phased
 * deploy of a small fixture project, the dry run, every injected fault, the post-deploy steps, and
 * that no secret reaches the output. Sleeps are injected (no test waits for a poll).
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOutput, printJson } from '../../scripts/cli/output';
import { runDeploy, type DeployCommandResult } from '../../scripts/commands/deploy';
import { UsageError, UserError } from '../../scripts/project/errors';
import { OrgEmulator } from '../emulator/server';
import { deployZip } from '../emulator/deployZip';
import { connect } from '../../scripts/org/connect';
import { lastPublish, PUBLISH_STATE_FILE } from '../../scripts/org/publishState';
import { registerRest } from '../emulator/rest';

const FIXTURE = path.resolve(__dirname, '../fixtures/org/project');
const SECRET = 'emulator-client-secret';
const PHASES = ['schema', 'apex', 'settings', 'routing', 'permissions', 'flow', 'channel', 'deployment'];

let emu: OrgEmulator;
/** Where deploy records what it published (a temp folder, never the fixture). */
let stateRoot: string;

beforeEach(async () => {
  emu = await OrgEmulator.start({ plugins: [registerRest] });
  stateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-state-'));
});
afterEach(() => emu.stop());

interface Run {
  exitCode: number;
  result: DeployCommandResult;
  stdout: string;
  stderr: string;
}

/** Runs the command as the CLI would, capturing both streams; `json` prints the document as main() does. */
async function deploy(
  argv: string[] = [],
  opts: { json?: boolean; root?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const streams = {
    out: { write: (s: string) => ((stdout += s), true) } as unknown as typeof process.stdout,
    err: { write: (s: string) => ((stderr += s), true) } as unknown as typeof process.stderr
  };
  const out = createOutput(!!opts.json, streams);
  const env = opts.env ?? { SF_CLIENT_ID: 'emulator-client-id', SF_CLIENT_SECRET: SECRET, SF_LOGIN_URL: emu.url };
  const { exitCode, result } = await runDeploy(
    { argv, out, root: opts.root ?? FIXTURE },
    {
      env,
      policy: { sleep: async () => undefined, random: () => 0.5, timeoutMs: 10_000 },
      poll: { initialMs: 1 },
      stateRoot
    }
  );
  if (opts.json) printJson({ status: exitCode, result }, streams.out);
  return { exitCode, result: result as DeployCommandResult, stdout, stderr };
}

describe('a phased deploy', () => {
  test('deploys every phase in order, runs the kit tests with the Apex, activates, publishes and verifies', async () => {
    const r = await deploy();
    expect(r.exitCode).toBe(0);
    expect(r.result.phases.map((p) => p.phase)).toEqual(PHASES);
    expect(r.result.phases.every((p) => p.success && !p.checkOnly)).toBe(true);
    const apex = r.result.phases.find((p) => p.phase === 'apex')!;
    expect(apex).toMatchObject({
      testLevel: 'RunSpecifiedTests',
      runTests: ['HandoffEndConversationTest'],
      testsRun: 2
    });
    expect(apex.coverage).toEqual([
      { name: 'HandoffEndConversation', percent: 100, lines: expect.any(Number), linesNotCovered: 0 }
    ]);
    expect(r.result.phases.filter((p) => p.phase !== 'apex').every((p) => p.testLevel === undefined)).toBe(true);
    expect(r.result.phases[0].members).toEqual([
      'CustomField:MessagingSession.email__c',
      'CustomField:MessagingSession.plan__c',
      'CustomObject:Handoff_Settings__mdt'
    ]);
    // The org now holds the components, one per member.
    expect(emu.state.component('CustomField', 'MessagingSession.plan__c')).toBeDefined();
    expect(emu.state.component('CustomField', 'Handoff_Settings__mdt.Endpoint__c')).toBeDefined();
    expect(emu.state.component('EmbeddedServiceConfig', 'Handoff_Deployment')).toBeDefined();
    // Post-deploy: activated through REST, published through Connect, mappings read back filled.
    expect(r.result.postDeploy!.steps.map((s) => [s.step, s.status])).toEqual([
      ['activate-channel', 'done'],
      ['publish-deployment', 'done'],
      ['verify-mappings', 'done']
    ]);
    expect(emu.state.find('MessagingChannel', { DeveloperName: 'Handoff_Messaging' })[0].IsActive).toBe(true);
    expect(emu.state.published.has('Handoff_Deployment')).toBe(true);
    // Bounded traffic: per phase one deploy and two status checks (the emulator answers InProgress once).
    expect(emu.count('deploy')).toBe(8);
    expect(emu.count('checkDeployStatus')).toBe(16);
    expect(emu.count('POST /services/oauth2/token')).toBe(1);
    expect(r.stdout).toMatch(/✔ deployment: Succeeded, 1\/1 components/);
    expect(r.stderr).toMatch(/\[2\/8\] apex: Apex classes/);
  });

  test('a second deploy succeeds again and changes nothing it need not (idempotent)', async () => {
    await deploy();
    const before = emu.counters();
    const r = await deploy();
    expect(r.exitCode).toBe(0);
    expect(r.result.postDeploy!.steps[0]).toMatchObject({ step: 'activate-channel', status: 'already' });
    // The same calls as the first time, minus the activation PATCH.
    expect(emu.count('deploy')).toBe(2 * before['POST /services/Soap/m/66.0 deploy']);
    expect(emu.requests.filter((q) => q.method === 'PATCH').length).toBe(1);
  });

  test('--dry-run is one check-only deploy of everything, with the tests, saving nothing', async () => {
    const r = await deploy(['--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.result.phases).toHaveLength(1);
    expect(r.result.phases[0]).toMatchObject({
      phase: 'all',
      checkOnly: true,
      success: true,
      testsRun: 2,
      components: 14
    });
    expect(r.result.postDeploy).toBeUndefined();
    expect(emu.state.metadata.size).toBe(0);
    expect(emu.count('deploy')).toBe(1);
  });

  test('the progress line counts components as the org does (each field its own), so it matches the result', async () => {
    const r = await deploy(['--dry-run']);
    const total = r.result.phases[0].components;
    expect(r.stderr).toContain(`Check-only deploy of ${total} components to `);
    expect(r.stderr).toMatch(new RegExp(`all: deploy \\S+ queued \\(${total} components, `));
    expect(r.stdout).toContain(`✔ all: Succeeded, ${total}/${total} components`);
  });

  test('--test-level NoTestRun is passed to every phase; an unknown level is a usage error', async () => {
    const r = await deploy(['--test-level', 'NoTestRun']);
    expect(r.result.phases.every((p) => p.testLevel === 'NoTestRun' && p.testsRun === 0)).toBe(true);
    await expect(deploy(['--test-level', 'RunSome'])).rejects.toBeInstanceOf(UsageError);
    await expect(deploy(['--tests', 'X', '--test-level', 'RunLocalTests'])).rejects.toThrow(/--tests goes with/);
  });
});

describe('faults', () => {
  test('5xx on deploy and on status checks are retried', async () => {
    emu.faults.push({ match: 'deploy', status: 500, times: 2 });
    emu.faults.push({ match: 'checkDeployStatus', status: 503, times: 3 });
    const r = await deploy();
    expect(r.exitCode).toBe(0);
    expect(emu.count('deploy')).toBe(8 + 2);
    expect(emu.count('checkDeployStatus')).toBe(16 + 3);
  });

  test('a deploy the org accepted but whose answer was lost is retried; every phase reports success; a re-run converges', async () => {
    emu.faults.push({ match: 'deploy', dropAfterCommit: true });
    const r = await deploy();
    expect(emu.requests.filter((q) => q.route === 'fault-after-commit')).toHaveLength(1);
    expect(r.exitCode).toBe(0);
    expect(r.result.phases.every((p) => p.success)).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const again = await deploy();
    expect(again.exitCode).toBe(0);
    expect(again.result.phases.map((p) => p.phase)).toEqual(PHASES);
  }, 60_000);

  test('an expired session is renewed once and the deploy goes on', async () => {
    emu.faults.push({ match: 'checkDeployStatus', expireSession: true });
    const r = await deploy();
    expect(r.exitCode).toBe(0);
    expect(emu.count('POST /services/oauth2/token')).toBe(2);
    expect(r.stderr).toMatch(/session expired, signing in again/);
  });

  test('a component failure is reported with its source file and line; the phase rolls back and later phases wait', async () => {
    emu.metadataSettings.failComponents.push({
      type: 'Flow',
      fullName: 'Handoff_Routing',
      problem: 'The element "Route" is missing its connector',
      lineNumber: 12
    });
    const r = await deploy();
    expect(r.exitCode).toBe(1);
    const flow = r.result.phases.find((p) => p.phase === 'flow')!;
    expect(flow.success).toBe(false);
    expect(flow.problems).toEqual([
      {
        type: 'Flow',
        fullName: 'Handoff_Routing',
        file: 'force-app/main/default/flows/Handoff_Routing.flow-meta.xml',
        line: 12,
        column: undefined,
        problem: 'The element "Route" is missing its connector'
      }
    ]);
    expect(r.result.skippedPhases).toEqual(['channel', 'deployment']);
    expect(emu.state.component('Flow', 'Handoff_Routing')).toBeUndefined();
    expect(r.result.postDeploy).toBeUndefined();
    expect(r.stdout).toContain(
      '✖ force-app/main/default/flows/Handoff_Routing.flow-meta.xml:12 Flow Handoff_Routing: The element "Route" is missing its connector'
    );
  });

  test('a field failure points at the field file, not the merged object file', async () => {
    emu.metadataSettings.failComponents.push({
      type: 'CustomField',
      fullName: 'MessagingSession.plan__c',
      problem: 'Field name already used'
    });
    const r = await deploy(['--dry-run']);
    expect(r.exitCode).toBe(1);
    expect(r.result.phases[0].problems[0]).toMatchObject({
      type: 'CustomField',
      file: 'force-app/main/default/objects/MessagingSession/fields/plan__c.field-meta.xml'
    });
  });

  test('a failing Apex test is reported with the class file and line', async () => {
    emu.metadataSettings.failTests.push({
      name: 'HandoffEndConversationTest',
      methodName: 'rejectsNothing',
      message: 'Assertion Failed: Expected: 0, Actual: 1',
      line: 13
    });
    const r = await deploy();
    expect(r.exitCode).toBe(1);
    const apex = r.result.phases.find((p) => p.phase === 'apex')!;
    expect(apex.testFailures).toEqual([
      {
        className: 'HandoffEndConversationTest',
        method: 'rejectsNothing',
        message: 'Assertion Failed: Expected: 0, Actual: 1',
        file: 'force-app/main/default/classes/HandoffEndConversationTest.cls',
        line: 13
      }
    ]);
    expect(r.stdout).toContain(
      '✖ force-app/main/default/classes/HandoffEndConversationTest.cls:13 HandoffEndConversationTest.rejectsNothing'
    );
  });

  test('low coverage is named', async () => {
    emu.metadataSettings.coverage.HandoffEndConversation = 0.5;
    const r = await deploy(['--dry-run']);
    expect(r.result.phases[0].coverage[0].percent).toBeLessThan(75);
    expect(r.stdout).toMatch(/HandoffEndConversation is covered \d+(\.\d)?%: production deploys need 75% per class/);
  });

  test('parameter mappings that come back empty fail the deploy, naming each parameter and the fix', async () => {
    emu.metadataSettings.emptyMappingsOnRead = true;
    const r = await deploy();
    expect(r.exitCode).toBe(1);
    expect(r.result.postDeploy!.emptyMappings).toEqual([
      { channel: 'Handoff_Messaging', parameter: 'plan' },
      { channel: 'Handoff_Messaging', parameter: 'user_email' }
    ]);
    expect(r.stdout).toMatch(/2 of 2 parameter mappings of Handoff_Messaging came back empty: plan, user_email/);
    expect(r.stdout).toMatch(/Setup → Messaging Settings → Handoff Messaging → Parameter Mappings/);
  });

  test('an org that does not publish through the API gets the exact click-path, and the deploy still succeeds', async () => {
    emu.publishing.supported = false;
    const r = await deploy();
    expect(r.exitCode).toBe(0);
    const publish = r.result.postDeploy!.steps.find((s) => s.step === 'publish-deployment')!;
    expect(publish.status).toBe('manual');
    expect(publish.instructions[0]).toBe('Setup → Embedded Service Deployments → Handoff Deployment → Publish.');
    expect(r.stdout).toContain('Setup → Embedded Service Deployments → Handoff Deployment → Publish.');
    expect(publish.message).toMatch(/^Not published: the org refused the Connect publish call at v67\.0 \(NOT_FOUND/);
    expect(lastPublish(stateRoot, emu.state.orgId, 'Handoff_Deployment')).toBeUndefined();
  });

  test('publishes at v67.0 although the project and the connection are at v66.0, and records what it published', async () => {
    const r = await deploy();
    const publish = r.result.postDeploy!.steps.find((s) => s.step === 'publish-deployment')!;
    expect(publish.message).toBe(
      `Deployment Handoff_Deployment published through the Connect API at v67.0. Recorded in ${PUBLISH_STATE_FILE}.`
    );
    expect(
      emu.requests.filter((q) => /publish\//.test(q.label)).map((q) => [q.label.split(' ')[1].split('/')[3], q.status])
    ).toEqual([['v67.0', 201]]);
    expect(lastPublish(stateRoot, emu.state.orgId, 'Handoff_Deployment')).toMatchObject({
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      apiVersion: '67.0'
    });
  });

  test('the emulated org answers the publish call 404 below v67.0, as reported', async () => {
    const session = await connect({
      env: { SF_INSTANCE_URL: emu.url, SF_ACCESS_TOKEN: emu.issueToken() },
      apiVersion: '66.0'
    });
    await deploy();
    const id = emu.state.find('EmbeddedServiceConfig', { DeveloperName: 'Handoff_Deployment' })[0].Id;
    await expect(
      session.conn.request({
        method: 'POST',
        url: `/services/data/v66.0/connect/embeddedservice/embeddedserviceconfig/publish/${id}`,
        body: '{}'
      })
    ).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});

describe('interrupted (Ctrl-C)', () => {
  /** Runs the deploy and raises `signal` once stderr shows `when`; resolves with what stderr said when the command exited. */
  async function interrupt(argv: string[], when: RegExp, signal = 'SIGINT') {
    let stdout = '';
    let stderr = '';
    const signals = new EventEmitter();
    let exited: { code: number; stderr: string } | undefined;
    const streams = {
      out: { write: (t: string) => ((stdout += t), true) } as unknown as typeof process.stdout,
      err: {
        write: (t: string) => {
          stderr += t;
          if (!exited && when.test(t)) signals.emit(signal);
          return true;
        }
      } as unknown as typeof process.stderr
    };
    const done = await runDeploy(
      { argv, out: createOutput(false, streams), root: FIXTURE },
      {
        env: { SF_CLIENT_ID: 'emulator-client-id', SF_CLIENT_SECRET: SECRET, SF_LOGIN_URL: emu.url },
        policy: { sleep: async () => undefined, random: () => 0.5, timeoutMs: 10_000 },
        poll: { initialMs: 1 },
        stateRoot,
        signals,
        exit: (code) => (exited = { code, stderr })
      }
    );
    // The handlers are gone once the command returns.
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
    return { exited, done, stdout };
  }

  test('mid-phase: names what the org saved, the deploy still running there, and what never started; exit 130', async () => {
    const { exited } = await interrupt([], /apex: deploy \w+ queued/);
    const id = /apex: deploy (\w+) queued/.exec(exited!.stderr)![1];
    expect(exited!.code).toBe(130);
    expect(exited!.stderr.slice(exited!.stderr.indexOf('Warning:'))).toBe(
      [
        'Warning: Interrupted: the deploy is half done.',
        '  Deployed (saved in the org): schema.',
        `  Still running in the org: deploy ${id} (apex); it commits or rolls back on its own: follow it in Setup → Deployment Status.`,
        '  Not started: settings, routing, permissions, flow, channel, deployment; nor the post-deploy steps (channel activation, publish, mapping check).',
        '  Run `handoff deploy` again when that deploy has finished: the deployed phases redeploy unchanged.',
        ''
      ].join('\n')
    );
  });

  test('during the post-deploy steps (SIGTERM from a CI runner): says which steps may not have run', async () => {
    const { exited } = await interrupt([], /^Post-deploy steps:/, 'SIGTERM');
    expect(exited!.code).toBe(130);
    expect(exited!.stderr.slice(exited!.stderr.indexOf('Warning:'))).toBe(
      [
        'Warning: Interrupted after every phase was deployed (schema, apex, settings, routing, permissions, flow, channel, deployment), during the post-deploy steps.',
        '  The channel may not be activated, the deployment not published, the mappings not checked: run `handoff deploy` again (the phases redeploy unchanged) or `handoff doctor`.',
        ''
      ].join('\n')
    );
  });

  test('a check-only deploy: nothing is saved', async () => {
    const { exited } = await interrupt(['--dry-run'], /deploy \w+ queued/);
    const id = /deploy (\w+) queued/.exec(exited!.stderr)![1];
    expect(exited!.stderr.slice(exited!.stderr.indexOf('Warning:'))).toBe(
      [
        'Warning: Interrupted: nothing is saved by a check-only deploy.',
        `  The check-only deploy ${id} goes on in the org until it finishes; follow it in Setup → Deployment Status.`,
        ''
      ].join('\n')
    );
  });
});

describe('secrets', () => {
  test('no secret or token in the output, with --json and --verbose, on success and after retries', async () => {
    emu.faults.push({ match: 'checkDeployStatus', status: 503 }, { match: 'checkDeployStatus', expireSession: true });
    const r = await deploy(['--verbose'], { json: true });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).result.auth).toBe('client-credentials');
    const everything = r.stdout + r.stderr;
    expect(everything).not.toContain(SECRET);
    for (const token of emu.state.sessions) expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/00D000000000001EAA!/);
  });

  test('an access token that has expired is not echoed in the error', async () => {
    const token = emu.issueToken();
    emu.state.expireSessions();
    const e = (await deploy([], { env: { SF_INSTANCE_URL: emu.url, SF_ACCESS_TOKEN: token } }).catch(
      (x: unknown) => x
    )) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/SF_ACCESS_TOKEN has expired/);
    expect(JSON.stringify([e.message, e.details])).not.toContain(token);
  });
});

describe('the emulator checks the zip against its package.xml', () => {
  const rawDeploy = (files: Record<string, string>) => deployZip(emu, files);
  const pkg = (types: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Package xmlns="http://soap.sforce.com/2006/04/metadata">${types}<version>66.0</version></Package>`;
  const queue =
    '<?xml version="1.0" encoding="UTF-8"?><QueueRoutingConfig xmlns="http://soap.sforce.com/2006/04/metadata"><label>R</label><routingModel>MOST_AVAILABLE</routingModel><routingPriority>1</routingPriority></QueueRoutingConfig>';

  test('a member without a file, a file without a member and malformed XML each fail', async () => {
    const status = await rawDeploy({
      'package.xml': pkg('<types><members>R</members><members>Ghost</members><name>QueueRoutingConfig</name></types>'),
      'queueRoutingConfigs/R.queueRoutingConfig': queue,
      'queueRoutingConfigs/Extra.queueRoutingConfig': queue,
      'remoteSiteSettings/Broken.remoteSite': '<RemoteSiteSetting><url>x</RemoteSiteSetting>'
    });
    expect(status.success).toBe(false);
    const problems = status.details!.componentFailures!.map((f) => `${f.fullName}: ${f.problem}`).sort();
    expect(problems).toEqual([
      'Broken: Error parsing file: Closing tag </RemoteSiteSetting> does not match <url> opened on line 1 (line 1, column 26)',
      'Broken: RemoteSiteSetting Broken is in the zip but not named in package.xml',
      'Extra: QueueRoutingConfig Extra is in the zip but not named in package.xml',
      "Ghost: An object 'Ghost' of type QueueRoutingConfig was named in package.xml, but was not found in zipped directory"
    ]);
    expect(emu.state.components('QueueRoutingConfig')).toEqual([]); // rolled back
  });

  test('a reference to a component the org does not have fails the referencing component', async () => {
    const status = await rawDeploy({
      'package.xml': pkg('<types><members>Q</members><name>Queue</name></types>'),
      'queues/Q.queue':
        '<?xml version="1.0" encoding="UTF-8"?><Queue xmlns="http://soap.sforce.com/2006/04/metadata"><name>Q</name><queueRoutingConfig>Missing_Routing</queueRoutingConfig></Queue>'
    });
    expect(status.details!.componentFailures![0].problem).toBe(
      'In field: queueRoutingConfig - no QueueRoutingConfig named Missing_Routing found'
    );
  });
});
