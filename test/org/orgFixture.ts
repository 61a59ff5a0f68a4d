/**
 * Shared set-up for the seed, doctor, smoke and story tests: an emulator with the REST and MIAW
 * handlers, the project's generated metadata put straight into its state (what a deploy stores),
 * a session through the real connection layer, and configs of any size.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OrgEmulator } from '../emulator/server';
import { registerRest, isWrite } from '../emulator/rest';
import { syncFromMetadata } from '../emulator/restSync';
import { publishDeployment, registerMiaw, setChannelActive } from '../emulator/miaw';
import { generateAll } from '../../scripts/generate/index';
import { resolveModel } from '../../scripts/model/resolve';
import type { HandoffConfig } from '../../scripts/config/types';
import type { HandoffModel } from '../../scripts/model/types';
import { connect, type OrgSession } from '../../scripts/org/connect';
import { resolveAgents } from '../../scripts/model/resolve';
import { runDoctor } from '../../scripts/org/doctor';
import { runSeed } from '../../scripts/org/seed';
import { deploymentFingerprint, recordPublish } from '../../scripts/org/publishState';

// From test/org, or from dist-bench/test/org when the bench runs it compiled.
export const ROOT = fs.existsSync(path.resolve(__dirname, '../../sfdx-project.json'))
  ? path.resolve(__dirname, '../..')
  : path.resolve(__dirname, '../../..');

export function exampleConfig(): HandoffConfig {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'handoff.config.json'), 'utf8')) as HandoffConfig;
}

/** The example config with `n` plain attributes instead of its own (for call-count tests). */
export function configWithAttributes(n: number): HandoffConfig {
  const c = exampleConfig();
  c.attributes = Array.from({ length: n }, (_, i) => ({ key: `attr_${i + 1}`, label: `Attr ${i + 1}` }));
  c.routing = { defaultQueue: c.routing!.defaultQueue };
  delete c.contactMatching;
  return c;
}

export function model(config: HandoffConfig = exampleConfig()): HandoffModel {
  return resolveModel(config);
}

export async function startOrg(): Promise<OrgEmulator> {
  return OrgEmulator.start({ plugins: [registerRest, registerMiaw] });
}

/** Metadata type and full name of a generated source-format file. */
export function componentOf(file: string): { type: string; fullName: string } | undefined {
  const rules: Array<[RegExp, string, (m: RegExpExecArray) => string]> = [
    [/^objects\/(\w+)\/fields\/(\w+)\.field-meta\.xml$/, 'CustomField', (m) => `${m[1]}.${m[2]}`],
    [/^objects\/(\w+)\/\w+\.object-meta\.xml$/, 'CustomObject', (m) => m[1]],
    [/^permissionsets\/(\w+)\.permissionset-meta\.xml$/, 'PermissionSet', (m) => m[1]],
    [/^queues\/(\w+)\.queue-meta\.xml$/, 'Queue', (m) => m[1]],
    [/^queueRoutingConfigs\/(\w+)\.queueRoutingConfig-meta\.xml$/, 'QueueRoutingConfig', (m) => m[1]],
    [/^servicePresenceStatuses\/(\w+)\.servicePresenceStatus-meta\.xml$/, 'ServicePresenceStatus', (m) => m[1]],
    [/^presenceUserConfigs\/(\w+)\.presenceUserConfig-meta\.xml$/, 'PresenceUserConfig', (m) => m[1]],
    [/^messagingChannels\/(\w+)\.messagingChannel-meta\.xml$/, 'MessagingChannel', (m) => m[1]],
    [/^EmbeddedServiceConfig\/(\w+)\.EmbeddedServiceConfig-meta\.xml$/, 'EmbeddedServiceConfig', (m) => m[1]],
    [/^flows\/(\w+)\.flow-meta\.xml$/, 'Flow', (m) => m[1]],
    [/^PublicKeyCertificateSet\/(\w+)\.PublicKeyCertificateSet-meta\.xml$/, 'PublicKeyCertificateSet', (m) => m[1]],
    [/^externalCredentials\/(\w+)\.externalCredential-meta\.xml$/, 'ExternalCredential', (m) => m[1]],
    [/^namedCredentials\/(\w+)\.namedCredential-meta\.xml$/, 'NamedCredential', (m) => m[1]],
    [/^customMetadata\/([\w.]+)\.md-meta\.xml$/, 'CustomMetadata', (m) => m[1]],
    [/^externalClientApps\/(\w+)\.eca-meta\.xml$/, 'ExternalClientApplication', (m) => m[1]],
    [/^extlClntAppOauthSettings\/(\w+)\.ecaOauth-meta\.xml$/, 'ExtlClntAppOauthSettings', (m) => m[1]],
    [/^extlClntAppGlobalOauthSets\/(\w+)\.ecaGlblOauth-meta\.xml$/, 'ExtlClntAppGlobalOauthSettings', (m) => m[1]],
    [/^extlClntAppOauthPolicies\/(\w+)\.ecaOauthPlcy-meta\.xml$/, 'ExtlClntAppOauthConfigurablePolicies', (m) => m[1]]
  ];
  for (const [re, type, name] of rules) {
    const m = re.exec(file);
    if (m) return { type, fullName: name(m) };
  }
  return undefined;
}

/** The generated files doctor reads from the project side. */
const PROJECT_TYPES = new Set(['Flow', 'MessagingChannel', 'EmbeddedServiceConfig']);

/**
 * Puts the project's generated metadata into the org, as a successful deploy would, plus the failure
 * object; then (by default) activates the channel and publishes the deployment, the two post-deploy
 * steps. Returns a project root holding the generated flow, channel and deployment files, for doctor's comparisons.
 */
export function installModel(
  emu: OrgEmulator,
  m: HandoffModel,
  opts: { activate?: boolean; publish?: boolean } = {}
): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-org-'));
  // doctor reads the project's flow, channel and deployment through its package directories (scripts/source).
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '66.0' })
  );
  for (const f of generateAll(m)) {
    const c = componentOf(f.path);
    if (!c) continue;
    emu.state.putComponent({ type: c.type, fullName: c.fullName, xml: f.content });
    if (PROJECT_TYPES.has(c.type)) {
      const file = path.join(root, 'force-app/generated', f.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.content);
    }
  }
  emu.state.putComponent({
    type: 'CustomObject',
    fullName: 'Handoff_Callout_Failure__c',
    xml: '<CustomObject><label>Failure</label></CustomObject>'
  });
  if (opts.activate ?? true) setChannelActive(emu.state, m.channel.developerName, true);
  if (opts.publish ?? true) publishDeployment(emu.state, m.deployment.developerName);
  return root;
}

/** Replaces a component's XML by editing it (a fault in the org). */
export function editComponent(emu: OrgEmulator, type: string, fullName: string, edit: (xml: string) => string): void {
  const c = emu.state.component(type, fullName);
  if (!c) throw new Error(`test: no ${type} ${fullName}`);
  const xml = edit(c.xml);
  if (xml === c.xml) throw new Error(`test: the edit of ${type} ${fullName} changed nothing`);
  emu.state.putComponent({ type, fullName, xml });
}

/**
 * What `handoff seed --integration-user` leaves in the org: an active user holding the integration
 * permission set, named as the Run-As user in the app's OAuth policies. Returns the user's Id.
 */
export function installRunAsUser(emu: OrgEmulator, m: HandoffModel, username = 'vendor@example.com'): string {
  const user = emu.state.insert('User', { Username: username, IsActive: true, Name: username });
  syncFromMetadata(emu.state);
  const ps = emu.state.find('PermissionSet', { Name: m.permissionSets.integration.name })[0];
  emu.state.insert('PermissionSetAssignment', { AssigneeId: user.Id, PermissionSetId: ps.Id });
  editComponent(emu, 'ExtlClntAppOauthConfigurablePolicies', `${m.integration!.appName}_oauthPlcy`, (x) =>
    x.replace(
      '<commaSeparatedPermissionSet>',
      `<clientCredentialsFlowUser>${username}</clientCredentialsFlowUser><commaSeparatedPermissionSet>`
    )
  );
  return user.Id;
}

export function addUsers(emu: OrgEmulator, usernames: string[]): void {
  for (const Username of usernames) emu.state.insert('User', { Username, IsActive: true, Name: Username });
}

/** A session through the real connection layer (access-token route), with no waiting on retries. */
export function openSession(emu: OrgEmulator): Promise<OrgSession> {
  return connect({
    env: { SF_INSTANCE_URL: emu.url, SF_ACCESS_TOKEN: emu.issueToken() },
    policy: { sleep: async () => undefined, timeoutMs: 10_000 }
  });
}

/** Write requests logged since the last reset (REST POST/PATCH/DELETE, Metadata API writes). */
export function writes(emu: OrgEmulator): number {
  return emu.requests.filter(isWrite).length;
}

/**
 * Makes `username` an agent who can take every queue's work, as `handoff seed` would (licence, queue
 * membership, agent permission set, presence configuration), and records the deployment as
 * published by the kit, as `handoff deploy` would: what doctor needs to call an org complete.
 */
export async function staff(
  emu: OrgEmulator,
  session: OrgSession,
  m: HandoffModel,
  root: string,
  username = 'agent@example.com'
): Promise<void> {
  addUsers(emu, [username]);
  const seeded = await runSeed(session, m, {
    agents: resolveAgents([username], m.queues),
    dryRun: false,
    env: {}
  });
  if (seeded.agents.failed.length || seeded.assignments.failed.length) throw new Error('test: staffing failed');
  const meta = await session.call('read', (c) =>
    c.metadata.read('EmbeddedServiceConfig' as never, m.deployment.developerName)
  );
  recordPublish(root, emu.state.orgId, m.deployment.developerName, {
    fingerprint: deploymentFingerprint(meta),
    publishedAt: new Date().toISOString(),
    apiVersion: '67.0'
  });
}

/**
 * An emulated org with the example installed, reached by the CLI as a user's shell would: through
 * SF_INSTANCE_URL and SF_ACCESS_TOKEN. `stop` restores the environment and stops the org.
 */
export async function startOrgInEnvironment(): Promise<{ emu: OrgEmulator; stop: () => Promise<void> }> {
  const saved = { ...process.env };
  const emu = await startOrg();
  installModel(emu, model());
  process.env.SF_INSTANCE_URL = emu.url;
  process.env.SF_ACCESS_TOKEN = emu.issueToken();
  return {
    emu,
    stop: async () => {
      process.env = saved;
      await emu.stop();
    }
  };
}

/** doctor's API calls against a fresh emulated org for a config of `attributes` attributes (a count, not a time). */
export async function doctorCalls(attributes: number): Promise<number> {
  const e = await startOrg();
  try {
    const m = model(configWithAttributes(attributes));
    const root = installModel(e, m);
    const session = await openSession(e);
    installRunAsUser(e, m);
    e.resetCounters();
    await runDoctor(session, m, { root, orgId: e.state.orgId, scrtUrl: e.url });
    return e.count();
  } finally {
    await e.stop();
  }
}
