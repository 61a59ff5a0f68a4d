/**
 * Loads what will be deployed, once: the deployment (pre-chat form), its messaging channel, the
 * channel's routing flow (compiled), the queues, the custom fields and the End Conversation settings
 * record, all from a force-app folder read through the source model (scripts/source). Every later
 * payload runs against this without touching disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CALLOUT_CREDENTIAL, SETTINGS_TYPE } from '../contract';
import { children, textOf } from '../xml/read';
import { UserError } from '../project/errors';
import { displayPath } from '../project/paths';
import { loadProject, type MetadataFile, type ParsedFile, type SourceProject } from '../source/project';
import { customMetadataValues, fieldView, queueLabel } from '../source/views/access';
import { channelView } from '../source/views/channel';
import { deploymentView } from '../source/views/deployment';
import { customerSettingsOf, type ChannelCustomerSettings } from './customer';
import { compileFlow, FlowLoadError } from './flow/load';
import type { CompiledFlow, ValueSpec } from './flow/model';
import { buildSchema, Org, type Schema } from './flow/org';

export interface ChannelParameter {
  name: string;
  externalParameterName: string;
  maxLength?: number;
  dataType: string;
  /** actionParameterName of each mapping: the flow input variables the value is passed to. */
  mappings: string[];
}

export interface ChannelStandardParameter {
  type: string;
  mappings: string[];
}

export interface Channel {
  developerName: string;
  file: string;
  sessionHandlerType: string;
  sessionHandlerFlow?: string;
  sessionHandlerQueue?: string;
  customParameters: ChannelParameter[];
  standardParameters: ChannelStandardParameter[];
  /** Automated responses and file uploads: what the customer meets (customer.ts). */
  customer: ChannelCustomerSettings;
}

export interface PrechatFormField {
  formField: string;
  parameterType: string;
  isHidden: boolean;
  isRequired: boolean;
}

export interface Deployment {
  developerName: string;
  file: string;
  channel: string;
  forms: { displayContext: string; isActive: boolean; fields: PrechatFormField[] }[];
}

export interface SimProject {
  /** The folder the metadata was read from. */
  sourceDir: string;
  /** Absent with `--flow` when no deployment uses the flow's channel. */
  deployment?: Deployment;
  /** Absent with `--flow` when no channel names the flow as its sessionHandlerFlow. */
  channel?: Channel;
  flow: CompiledFlow;
  queues: { developerName: string; label: string }[];
  schema: Schema;
  settings?: { endpoint?: string; organisationId?: string };
  /** Whether the flow reads a MessagingEndUser (then each session is linked to a simulated one). */
  readsEndUser: boolean;
  /** The org every payload starts from: the queues, nothing else. */
  baseOrg: Org;
  /** Another flow of the project by API name (compiled once, on first use), for subflow elements. */
  subflow?: (apiName: string) => CompiledFlow | undefined;
}

/** The metadata types a simulation reads (loadProject parses no other file). */
const SIMULATED_TYPES: ReadonlySet<string> = new Set([
  'EmbeddedServiceConfig',
  'MessagingChannel',
  'Flow',
  'Queue',
  'CustomField',
  'CustomMetadata',
  'NamedCredential'
]);

/** The well-formed files of a type; a broken one is a user error naming it (the simulation would be wrong). */
function parsedOfType(project: SourceProject, type: string): ParsedFile[] {
  return project.allOfType(type).map(parsed);
}

function parsed(file: MetadataFile): ParsedFile {
  if (!file.xml) throw new UserError(`${displayPath(file.abs)}: malformed XML: ${file.xmlError?.message ?? ''}`);
  return file as ParsedFile;
}

/** The metadata folder for `dir`: its force-app when it is a project root, else the folder itself. */
export function sourceDirFor(dir: string): string {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory())
    throw new UserError(`${displayPath(abs)} is not a folder. Give a project root or its force-app folder`);
  const fa = path.join(abs, 'force-app');
  return fs.existsSync(fa) ? fa : abs;
}

function channelOf(file: ParsedFile): Channel {
  const v = channelView(file);
  return {
    developerName: v.name,
    file: file.abs,
    sessionHandlerType: v.handlerType?.value ?? '',
    sessionHandlerFlow: v.handlerFlow?.value,
    sessionHandlerQueue: v.handlerQueue?.value,
    customParameters: v.custom.map((p) => ({
      name: p.name,
      externalParameterName: p.externalName,
      maxLength: p.maxLength,
      dataType: p.dataType ?? 'String',
      mappings: p.mappings.map((m) => m.value)
    })),
    standardParameters: v.standard.map((p) => ({ type: p.type, mappings: p.mappings.map((m) => m.value) })),
    customer: customerSettingsOf(file.xml)
  };
}

function deploymentOf(file: ParsedFile): Deployment {
  const v = deploymentView(file);
  return {
    developerName: file.name,
    file: file.abs,
    channel: v.channel?.value ?? '',
    forms: v.forms.map((f) => ({
      displayContext: f.context,
      isActive: f.active,
      fields: f.fields.map((ff) => ({
        formField: ff.formField,
        parameterType: ff.parameterType,
        isHidden: ff.hidden,
        isRequired: ff.required
      }))
    }))
  };
}

function pick<T extends { developerName: string }>(
  all: T[],
  wanted: string | undefined,
  what: string,
  sourceDir: string,
  flag: string
): T {
  const names = all.map((x) => x.developerName).sort();
  if (wanted) {
    const hit = all.find((x) => x.developerName === wanted);
    if (!hit)
      throw new UserError(
        `No ${what} named "${wanted}" in ${displayPath(sourceDir)} (found: ${names.join(', ') || 'none'})`
      );
    return hit;
  }
  if (all.length === 1) return all[0];
  if (!all.length) throw new UserError(`No ${what} in ${displayPath(sourceDir)}. Run \`handoff build\` first`);
  throw new UserError(
    `${displayPath(sourceDir)} has ${all.length} ${what}s (${names.join(', ')}); choose one with ${flag}`
  );
}

/**
 * What simulate can say about a project without the MIAW half (vendorFlow without a channel): no
 * conversation reaches Salesforce, so there is nothing to route; the vendor writes Cases itself.
 */
function noMiawHalf(project: SourceProject, sourceDir: string): string {
  const caseFields = project
    .allOfType('CustomField')
    .map((f) => f.name)
    .filter((n) => n.startsWith('Case.'))
    .sort();
  return (
    `${displayPath(sourceDir)} has no deployment, messaging channel or routing flow (mode vendorFlow without "channel"): ` +
    `the vendor creates Cases through the API, so there is no hand-off to simulate. ` +
    `Case fields the vendor may write: ${caseFields.join(', ') || 'none'}. Add the MIAW half to the config to simulate live conversations.`
  );
}

/**
 * The files a simulation reads: under a project root with sfdx-project.json, every package directory
 * it lists (as build, validate and deploy read them); else the folder itself, or its force-app. The
 * source folder that names them in messages is the package directories' deepest common folder.
 */
function loadSimSource(dir: string): { project: SourceProject; sourceDir: string } {
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, 'sfdx-project.json'))) {
    const sourceDir = sourceDirFor(dir);
    return { project: loadProject(sourceDir, { packageDirs: ['.'], types: SIMULATED_TYPES }), sourceDir };
  }
  const project = loadProject(abs, { types: SIMULATED_TYPES });
  return { project, sourceDir: path.join(abs, ...commonFolder(project.packageDirs)) };
}

/** The longest folder path (as segments) every one of these project-relative paths is in. */
function commonFolder(dirs: readonly string[]): string[] {
  const split = dirs.map((d) => d.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; split.length && split.every((d) => i < d.length && d[i] === split[0][i]); i++)
    common.push(split[0][i]);
  return common;
}

/** Loads and compiles the project under `dir` (a project root or a force-app folder). */
export function loadSimProject(dir: string, opts: { deployment?: string; flow?: string } = {}): SimProject {
  if (opts.flow) return loadFlowProject(dir, opts.flow, opts.deployment);
  const { project, sourceDir } = loadSimSource(dir);

  const deployments = parsedOfType(project, 'EmbeddedServiceConfig').map(deploymentOf);
  if (!deployments.length && !project.allOfType('MessagingChannel').length && !project.allOfType('Flow').length)
    throw new UserError(noMiawHalf(project, sourceDir));
  const deployment = pick(
    deployments,
    opts.deployment,
    'EmbeddedServiceConfig (deployment)',
    sourceDir,
    '--deployment'
  );
  const channels = parsedOfType(project, 'MessagingChannel').map(channelOf);
  const channel = channels.find((c) => c.developerName === deployment.channel);
  if (!channel) {
    throw new UserError(
      `${displayPath(deployment.file)}: the deployment uses the messaging channel "${deployment.channel}", which is not in ${displayPath(sourceDir)}`
    );
  }
  if (channel.sessionHandlerType !== 'Flow' || !channel.sessionHandlerFlow) {
    throw new UserError(
      `${displayPath(channel.file)}: the channel's sessionHandlerType is "${channel.sessionHandlerType}", not Flow with a sessionHandlerFlow; there is no routing flow to simulate`
    );
  }
  const flowFile = project.allOfType('Flow').find((f) => f.name === channel.sessionHandlerFlow);
  if (!flowFile)
    throw new UserError(
      `${displayPath(channel.file)}: the channel's routing flow "${channel.sessionHandlerFlow}" is not in ${displayPath(sourceDir)}`
    );
  return assemble(project, sourceDir, compiled(flowFile), channel, deployment);
}

/**
 * `--flow NAME`: any routing flow of a project, with no handoff.config.json and no deployment
 * needed. The project root's sfdx-project.json package directories are read (else the folder
 * itself); the channel naming the flow and a deployment of that channel are used when present.
 */
function loadFlowProject(dir: string, flowName: string, deploymentName?: string): SimProject {
  const { project, sourceDir } = loadSimSource(dir);
  const flows = project.allOfType('Flow');
  const flowFile = flows.find((f) => f.name === flowName);
  if (!flowFile) {
    const routing = flows
      .filter((f) => /<processType>\s*RoutingFlow\s*<\/processType>/.test(fs.readFileSync(f.abs, 'utf8')))
      .map((f) => f.name);
    throw new UserError(
      `No flow named "${flowName}" in ${displayPath(sourceDir)} (routing flows: ${routing.sort().join(', ') || 'none'})`
    );
  }
  const channel = parsedOfType(project, 'MessagingChannel')
    .map(channelOf)
    .find((c) => c.sessionHandlerType === 'Flow' && c.sessionHandlerFlow === flowName);
  const deployments = parsedOfType(project, 'EmbeddedServiceConfig').map(deploymentOf);
  const forChannel = channel ? deployments.filter((d) => d.channel === channel.developerName) : [];
  const deployment = deploymentName
    ? pick(
        forChannel,
        deploymentName,
        `EmbeddedServiceConfig of channel ${channel?.developerName ?? '(none)'}`,
        sourceDir,
        '--deployment'
      )
    : forChannel[0];
  return assemble(project, sourceDir, compiled(flowFile), channel, deployment);
}

function compiled(flowFile: MetadataFile): CompiledFlow {
  if (!flowFile.xml) {
    const e = flowFile.xmlError!;
    throw new FlowLoadError(displayPath(flowFile.abs), e.line, `malformed XML: ${e.message}`);
  }
  return compileFlow(flowFile.xml, displayPath(flowFile.abs));
}

const QUEUE_ID = /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

/**
 * Queue Ids a retrieved flow holds as literals (Flow Builder writes the org's Group Id into Route
 * Work's queueId, as in ubiquity-org-monitoring's Messaging_Route_* flows). Each becomes a queue of
 * the simulated org with that Id: the project queue whose label is the action's queueLabel, else a
 * queue named by the Id itself.
 */
function literalQueues(
  flow: CompiledFlow,
  queues: SimProject['queues']
): { id: string; developerName: string; label: string }[] {
  const out = new Map<string, { id: string; developerName: string; label: string }>();
  const literal = (v: ValueSpec | undefined): string =>
    v && v.kind === 'literal' && typeof v.value === 'string' ? v.value : '';
  for (const node of flow.nodes.values()) {
    if (node.kind !== 'actionCall') continue;
    const id = literal(node.inputs.find((i) => i.name === 'queueId')?.value);
    if (!QUEUE_ID.test(id) || out.has(id)) continue;
    const label = literal(node.inputs.find((i) => i.name === 'queueLabel')?.value);
    const known = label ? queues.find((q) => q.label === label) : undefined;
    out.set(id, { id, developerName: known?.developerName ?? id, label: known?.label ?? (label || id) });
  }
  return [...out.values()];
}

function readsEndUser(flow: CompiledFlow): boolean {
  const uses = (x: unknown): boolean =>
    JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v.values()] : v)).includes('MessagingEndUser');
  return uses(flow.nodes) || uses(flow.resources);
}

/** The queues, schema, settings and base org around a compiled flow. */
function assemble(
  project: SourceProject,
  sourceDir: string,
  flow: CompiledFlow,
  channel: Channel | undefined,
  deployment: Deployment | undefined
): SimProject {
  const queues = parsedOfType(project, 'Queue').map((f) => ({ developerName: f.name, label: queueLabel(f) }));

  const custom = new Map<string, { name: string; type: string; length?: number; required?: boolean }[]>();
  for (const f of parsedOfType(project, 'CustomField')) {
    const { object, ...field } = fieldView(f);
    custom.set(object, [...(custom.get(object) ?? []), field]);
  }
  const schema = buildSchema(custom);

  // Settings: the channel's own record, else Default (HandoffEndConversationSettings.forChannel).
  let settings: SimProject['settings'];
  const settingsType = SETTINGS_TYPE.objectName.replace(/__mdt$/, '');
  const records = project.allOfType('CustomMetadata');
  const settingsFor = (record: string) => records.find((f) => f.name === `${settingsType}.${record}`);
  const sf = (channel ? settingsFor(channel.developerName) : undefined) ?? settingsFor(SETTINGS_TYPE.defaultRecord);
  if (sf) {
    const values = customMetadataValues(parsed(sf));
    settings = { organisationId: values.get(SETTINGS_TYPE.fields.organisationId) };
  }
  // The endpoint is the Named Credential's URL (the callout goes to `callout:<name>`).
  const credentialFile = parsedOfType(project, 'NamedCredential').find(
    (f) => f.name === CALLOUT_CREDENTIAL.namedCredential
  );
  if (credentialFile) {
    const url = children(credentialFile.xml, 'namedCredentialParameters').find(
      (n) => textOf(n, 'parameterType') === 'Url'
    );
    const endpoint = url && textOf(url, 'parameterValue');
    if (endpoint) settings = { ...settings, endpoint };
  }

  const baseOrg = new Org(schema);
  for (const q of queues) baseOrg.seed('Group', { Name: q.label, DeveloperName: q.developerName, Type: 'Queue' });
  for (const q of literalQueues(flow, queues)) {
    baseOrg.seedFixed('Group', { Id: q.id, Name: q.label, DeveloperName: q.developerName, Type: 'Queue' });
    if (!queues.some((x) => x.developerName === q.developerName))
      queues.push({ developerName: q.developerName, label: q.label });
  }
  return {
    sourceDir,
    ...(deployment ? { deployment } : {}),
    ...(channel ? { channel } : {}),
    flow,
    queues,
    schema,
    settings,
    readsEndUser: readsEndUser(flow),
    baseOrg,
    subflow: subflowsOf(project, flow)
  };
}

/** The project's flows by API name, compiled on first use (most routing flows call no subflow). */
function subflowsOf(project: SourceProject, main: CompiledFlow): (apiName: string) => CompiledFlow | undefined {
  const cache = new Map<string, CompiledFlow | undefined>([[main.apiName, main]]);
  return (apiName) => {
    if (!cache.has(apiName)) {
      const file = project.allOfType('Flow').find((f) => f.name === apiName);
      cache.set(apiName, file ? compiled(file) : undefined);
    }
    return cache.get(apiName);
  };
}
