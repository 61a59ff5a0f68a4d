/**
 * What metadata cannot do, after a successful deploy: activate the messaging channel, publish the
 * Embedded Service deployment (hidden pre-chat fields are dropped until it is published), then
 * read the channel back and fail on any custom parameter whose mapping came back empty (seen when
 * mappings were saved before an active routing flow existed). Each API step that the org refuses
 * becomes exact Setup instructions instead.
 */
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { SourceProject } from '../source/project';
import { channelView } from '../source/views/channel';
import { textOf } from '../xml/read';
import type { OrgSession } from './connect';
import { deployPackageOf } from './deployPackage';
import { soqlString } from './doctorSoql';
import { UserError } from '../project/errors';
import { classify, errorCodeOf } from './resilience';
import { deploymentFingerprint, PUBLISH_STATE_FILE, recordPublish } from './publishState';

/**
 * Unverified against a real org: which API accepts `MessagingChannel.IsActive`, and the Connect
 * path that publishes a deployment. Each is one setting here so a finding changes one line.
 */
export const POST_DEPLOY_APIS = {
  channelActivation: 'rest' as 'rest' | 'tooling',
  publishPath: (configId: string) => `/connect/embeddedservice/embeddedserviceconfig/publish/${configId}`,
  /** The publish call is reported to answer 404 below v67.0 (docs/architecture.md, "Publishing"): never call it lower. */
  minPublishVersion: '67.0'
};

/** The connection's version, or v67.0 when that is lower: publishing does not follow the project's version. */
export function publishApiVersion(connectionVersion: string): string {
  return Number(connectionVersion) >= Number(POST_DEPLOY_APIS.minPublishVersion)
    ? connectionVersion
    : POST_DEPLOY_APIS.minPublishVersion;
}

export type StepStatus = 'done' | 'already' | 'manual' | 'failed';

export interface PostDeployStep {
  step: 'activate-channel' | 'publish-deployment' | 'verify-mappings';
  target: string;
  status: StepStatus;
  message: string;
  /** Setup click-path or fix, when the step needs a person. */
  instructions: string[];
}

export interface PostDeployResult {
  steps: PostDeployStep[];
  /** Custom parameters whose mapping came back empty, per channel. */
  emptyMappings: Array<{ channel: string; parameter: string }>;
  /** False when a check failed (exit 1); manual steps alone do not fail the command. */
  success: boolean;
}

interface Named {
  name: string;
  label: string;
  /** A channel's custom parameters that the source maps to a flow input, by name. */
  mapped: string[];
}

/** The deployed components of `type` (`deployed`: what SDR sends, .forceignore applied), read through the source model. */
function namedOf(
  project: SourceProject,
  deployed: SourceComponent[],
  type: 'MessagingChannel' | 'EmbeddedServiceConfig'
): Named[] {
  return deployed
    .filter((c) => c.type.name === type && c.xml)
    .map((c) => {
      // A file that is not well-formed was refused by the deploy already; a label is only for messages.
      const file = project.find(type, c.fullName);
      const mapped =
        file && type === 'MessagingChannel'
          ? channelView(file)
              .custom.filter((p) => p.mappings.some((m) => m.value))
              .map((p) => p.name)
          : [];
      return { name: c.fullName, label: (file && textOf(file.xml, 'masterLabel')) || c.fullName, mapped };
    });
}

export interface PostDeployOptions {
  /** Project root: when set, each publish is recorded in its PUBLISH_STATE_FILE (publishState.ts). */
  root?: string;
}

export async function postDeploy(
  session: OrgSession,
  project: SourceProject,
  progress: (line: string) => void = () => undefined,
  options: PostDeployOptions = {}
): Promise<PostDeployResult> {
  const steps: PostDeployStep[] = [];
  const emptyMappings: PostDeployResult['emptyMappings'] = [];
  const deployed = deployPackageOf(project).all.getSourceComponents().toArray();
  const channels = namedOf(project, deployed, 'MessagingChannel');
  for (const channel of channels) {
    steps.push(await activateChannel(session, channel));
    progress(`  activate channel ${channel.name}: ${steps[steps.length - 1].status}`);
  }
  for (const deployment of namedOf(project, deployed, 'EmbeddedServiceConfig')) {
    const step = await publishDeployment(session, deployment);
    if (step.status === 'done' && options.root) await recordPublished(session, options.root, deployment.name, step);
    steps.push(step);
    progress(`  publish deployment ${deployment.name}: ${steps[steps.length - 1].status}`);
  }
  for (const channel of channels) {
    const step = await verifyMappings(session, channel, emptyMappings);
    steps.push(step);
    progress(`  verify mappings of ${channel.name}: ${step.status}`);
  }
  return { steps, emptyMappings, success: steps.every((s) => s.status !== 'failed') };
}

/** A refusal by the org (not a network or session problem, which `call` already retried or explained). */
function refusal(e: unknown): string {
  if (e instanceof UserError || classify(e) !== 'fatal') throw e;
  return `${errorCodeOf(e) || 'error'}: ${String((e as Error).message ?? e)}`;
}

async function activateChannel(session: OrgSession, channel: Named): Promise<PostDeployStep> {
  const api = POST_DEPLOY_APIS.channelActivation;
  const manual = [`Setup → Messaging Settings → ${channel.label} → Activate (accept the terms if asked).`];
  const base = { step: 'activate-channel' as const, target: channel.name };
  try {
    const soql = `SELECT Id, DeveloperName, IsActive FROM MessagingChannel WHERE DeveloperName = ${soqlString(channel.name)}`;
    const result = await session.call(`find channel ${channel.name}`, (conn) =>
      api === 'tooling'
        ? conn.tooling.query<{ Id: string; IsActive: boolean }>(soql)
        : conn.query<{ Id: string; IsActive: boolean }>(soql)
    );
    const record = result.records[0];
    if (!record)
      return {
        ...base,
        status: 'manual',
        message: `The org has no MessagingChannel ${channel.name} after the deploy.`,
        instructions: manual
      };
    if (record.IsActive)
      return { ...base, status: 'already', message: `Channel ${channel.name} is already active.`, instructions: [] };
    await session.call(`activate channel ${channel.name}`, (conn) =>
      api === 'tooling'
        ? conn.tooling.sobject('MessagingChannel').update({ Id: record.Id, IsActive: true })
        : conn.sobject('MessagingChannel').update({ Id: record.Id, IsActive: true })
    );
    return {
      ...base,
      status: 'done',
      message: `Channel ${channel.name} activated (${api === 'tooling' ? 'Tooling' : 'REST'} API).`,
      instructions: []
    };
  } catch (e) {
    return {
      ...base,
      status: 'manual',
      message: `The org did not let the API activate ${channel.name} (${refusal(e)}).`,
      instructions: manual
    };
  }
}

async function publishDeployment(session: OrgSession, deployment: Named): Promise<PostDeployStep> {
  const manual = [
    `Setup → Embedded Service Deployments → ${deployment.label} → Publish.`,
    "Until it is published, the hidden pre-chat fields are dropped and the vendor's values arrive empty."
  ];
  const base = { step: 'publish-deployment' as const, target: deployment.name };
  let version = publishApiVersion(session.conn.version);
  try {
    const found = await session.call(`find deployment ${deployment.name}`, (conn) =>
      conn.query<{ Id: string }>(
        `SELECT Id FROM EmbeddedServiceConfig WHERE DeveloperName = ${soqlString(deployment.name)}`
      )
    );
    const id = found.records[0]?.Id;
    if (!id)
      return {
        ...base,
        status: 'manual',
        message: `The org has no EmbeddedServiceConfig ${deployment.name} to publish.`,
        instructions: manual
      };
    version = publishApiVersion(session.conn.version);
    await session.call(`publish deployment ${deployment.name}`, (conn) =>
      conn.request({
        method: 'POST',
        url: `/services/data/v${version}${POST_DEPLOY_APIS.publishPath(id)}`,
        body: '{}',
        headers: { 'content-type': 'application/json' }
      })
    );
    return {
      ...base,
      status: 'done',
      message: `Deployment ${deployment.name} published through the Connect API at v${version}.`,
      instructions: []
    };
  } catch (e) {
    return {
      ...base,
      status: 'manual',
      message: `Not published: the org refused the Connect publish call at v${version} (${refusal(e)}); publish it in Setup.`,
      instructions: manual
    };
  }
}

/** Records what was just published (one Metadata read and one Organization query), so doctor can tell a later change. */
async function recordPublished(session: OrgSession, root: string, name: string, step: PostDeployStep): Promise<void> {
  try {
    const meta = await session.call(`read deployment ${name}`, (conn) =>
      conn.metadata.read('EmbeddedServiceConfig' as never, name)
    );
    const org = await session.call('query Organization', (conn) =>
      conn.query<{ Id: string }>('SELECT Id FROM Organization LIMIT 1')
    );
    recordPublish(root, org.records[0]?.Id ?? 'unknown', name, {
      fingerprint: deploymentFingerprint(meta),
      publishedAt: new Date().toISOString(),
      apiVersion: publishApiVersion(session.conn.version)
    });
    step.message += ` Recorded in ${PUBLISH_STATE_FILE}.`;
  } catch (e) {
    step.message += ` (Not recorded for doctor: ${(e as Error).message}.)`;
  }
}

interface ReadParameter {
  name?: string;
  actionParameterMappings?: { actionParameterName?: string } | Array<{ actionParameterName?: string }>;
}

async function verifyMappings(
  session: OrgSession,
  channel: Named,
  empty: PostDeployResult['emptyMappings']
): Promise<PostDeployStep> {
  const base = { step: 'verify-mappings' as const, target: channel.name };
  const expected = channel.mapped;
  const read = (await session.call(`read channel ${channel.name}`, (conn) =>
    conn.metadata.read('MessagingChannel' as never, channel.name)
  )) as unknown as {
    fullName?: string;
    customParameters?: ReadParameter | ReadParameter[];
  };
  if (!read?.fullName) {
    return {
      ...base,
      status: 'failed',
      message: `Reading MessagingChannel ${channel.name} back found nothing.`,
      instructions: ['Deploy again; if it persists, check the channel in Setup → Messaging Settings.']
    };
  }
  const params =
    read.customParameters === undefined
      ? []
      : Array.isArray(read.customParameters)
        ? read.customParameters
        : [read.customParameters];
  const byName = new Map(params.map((p) => [String(p.name ?? ''), p]));
  const missing = expected.filter((name) => {
    const p = byName.get(name);
    const maps =
      p?.actionParameterMappings === undefined
        ? []
        : Array.isArray(p.actionParameterMappings)
          ? p.actionParameterMappings
          : [p.actionParameterMappings];
    return !maps.some((m) => String(m?.actionParameterName ?? '').trim());
  });
  for (const parameter of missing) empty.push({ channel: channel.name, parameter });
  if (!missing.length)
    return {
      ...base,
      status: 'done',
      message: `All ${expected.length} parameter mappings of ${channel.name} came back filled.`,
      instructions: []
    };
  return {
    ...base,
    status: 'failed',
    message: `${missing.length} of ${expected.length} parameter mappings of ${channel.name} came back empty: ${missing.join(', ')}.`,
    instructions: [
      'Mappings saved before an active routing flow existed come back empty. Make sure the flow is active, then run `handoff deploy` again.',
      `Or map each by hand: Setup → Messaging Settings → ${channel.label} → Parameter Mappings → map ${missing[0]}${missing.length > 1 ? ' (and the others)' : ''} to the flow variable of the same name.`
    ]
  };
}
