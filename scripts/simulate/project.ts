/**
 * Loads what will be deployed, once: the deployment (pre-chat form), its messaging channel, the
 * channel's routing flow (compiled), the queues, the custom fields and the End Conversation settings
 * record, all from a force-app folder. Every later payload runs against this without touching disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CALLOUT_CREDENTIAL, SETTINGS_TYPE } from '../contract';
import { UserError } from '../project/errors';
import { listFilesUnder } from '../project/files';
import { displayPath } from '../project/paths';
import { child, children, parseXml, textOf, XmlSyntaxError, type XmlNode } from '../xml/read';
import { loadFlow } from './flow/load';
import type { CompiledFlow } from './flow/model';
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
  deployment: Deployment;
  channel: Channel;
  flow: CompiledFlow;
  queues: { developerName: string; label: string }[];
  schema: Schema;
  settings?: { endpoint?: string; organisationId?: string };
  /** The org every payload starts from: the queues, nothing else. */
  baseOrg: Org;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.sfdx', '.sf', 'lwc', 'aura', 'staticresources']);

function readXml(file: string): XmlNode {
  try {
    return parseXml(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new UserError(`${displayPath(file)}: malformed XML: ${e.message}`);
    throw e;
  }
}

const baseName = (file: string, suffix: string): string => path.basename(file).slice(0, -suffix.length);
const bool = (n: XmlNode, name: string): boolean => textOf(n, name) === 'true';

/** The metadata folder for `dir`: its force-app when it is a project root, else the folder itself. */
export function sourceDirFor(dir: string): string {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory())
    throw new UserError(`${displayPath(abs)} is not a folder. Give a project root or its force-app folder`);
  const fa = path.join(abs, 'force-app');
  return fs.existsSync(fa) ? fa : abs;
}

function readChannel(file: string): Channel {
  const r = readXml(file);
  const mappings = (n: XmlNode): string[] =>
    children(n, 'actionParameterMappings').map((m) => textOf(m, 'actionParameterName') ?? '');
  return {
    developerName: baseName(file, '.messagingChannel-meta.xml'),
    file,
    sessionHandlerType: textOf(r, 'sessionHandlerType') ?? '',
    sessionHandlerFlow: textOf(r, 'sessionHandlerFlow'),
    sessionHandlerQueue: textOf(r, 'sessionHandlerQueue'),
    customParameters: children(r, 'customParameters').map((p) => {
      const max = textOf(p, 'maxLength');
      return {
        name: textOf(p, 'name') ?? '',
        externalParameterName: child(p, 'externalParameterName')?.text ?? '',
        maxLength: max !== undefined && max !== '' ? Number(max) : undefined,
        dataType: textOf(p, 'parameterDataType') ?? 'String',
        mappings: mappings(p)
      };
    }),
    standardParameters: children(r, 'standardParameters').map((p) => ({
      type: textOf(p, 'parameterType') ?? '',
      mappings: mappings(p)
    }))
  };
}

function readDeployment(file: string): Deployment {
  const r = readXml(file);
  const mc = child(r, 'embeddedServiceMessagingChannel');
  return {
    developerName: baseName(file, '.EmbeddedServiceConfig-meta.xml'),
    file,
    channel: (mc && textOf(mc, 'messagingChannel')) ?? '',
    forms: children(r, 'embeddedServiceForms').map((f) => ({
      displayContext: textOf(f, 'displayContext') ?? '',
      isActive: bool(f, 'isActive'),
      fields: children(f, 'embeddedServiceFormFields').map((ff) => ({
        formField: textOf(ff, 'formField') ?? '',
        parameterType: textOf(ff, 'messagingChannelParameterType') ?? '',
        isHidden: bool(ff, 'isHidden'),
        isRequired: bool(ff, 'isRequired')
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

/** Loads and compiles the project under `dir` (a project root or a force-app folder). */
export function loadProject(dir: string, opts: { deployment?: string } = {}): SimProject {
  const sourceDir = sourceDirFor(dir);
  const files = listFilesUnder(sourceDir, (name) => SKIP_DIRS.has(name)).filter((f) => f.endsWith('-meta.xml'));
  const bySuffix = (suffix: string): string[] => files.filter((f) => f.endsWith(suffix));

  const deployments = bySuffix('.EmbeddedServiceConfig-meta.xml').map(readDeployment);
  const deployment = pick(
    deployments,
    opts.deployment,
    'EmbeddedServiceConfig (deployment)',
    sourceDir,
    '--deployment'
  );
  const channels = bySuffix('.messagingChannel-meta.xml').map(readChannel);
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
  const flowFile = bySuffix('.flow-meta.xml').find((f) => baseName(f, '.flow-meta.xml') === channel.sessionHandlerFlow);
  if (!flowFile)
    throw new UserError(
      `${displayPath(channel.file)}: the channel's routing flow "${channel.sessionHandlerFlow}" is not in ${displayPath(sourceDir)}`
    );
  const flow = loadFlow(fs.readFileSync(flowFile, 'utf8'), displayPath(flowFile));

  const queues = bySuffix('.queue-meta.xml').map((f) => ({
    developerName: baseName(f, '.queue-meta.xml'),
    label: textOf(readXml(f), 'name') ?? ''
  }));

  const custom = new Map<string, { name: string; type: string; length?: number; required?: boolean }[]>();
  for (const f of bySuffix('.field-meta.xml')) {
    const parts = f.split(path.sep);
    const at = parts.lastIndexOf('fields');
    if (at < 2 || parts[at - 2] !== 'objects') continue;
    const obj = parts[at - 1];
    const x = readXml(f);
    const len = textOf(x, 'length');
    const list = custom.get(obj) ?? [];
    list.push({
      name: baseName(f, '.field-meta.xml'),
      type: textOf(x, 'type') ?? 'Text',
      length: len ? Number(len) : undefined,
      required: bool(x, 'required')
    });
    custom.set(obj, list);
  }
  const schema = buildSchema(custom);

  // Settings: the channel's own record, else Default (HandoffEndConversationSettings.forChannel).
  let settings: SimProject['settings'];
  const settingsFiles = bySuffix('.md-meta.xml').filter((f) =>
    path.basename(f).startsWith(`${SETTINGS_TYPE.objectName.replace(/__mdt$/, '')}.`)
  );
  const settingsFor = (record: string) =>
    settingsFiles.find(
      (f) => path.basename(f) === `${SETTINGS_TYPE.objectName.replace(/__mdt$/, '')}.${record}.md-meta.xml`
    );
  const sf = settingsFor(channel.developerName) ?? settingsFor(SETTINGS_TYPE.defaultRecord);
  if (sf) {
    const x = readXml(sf);
    const value = (field: string): string | undefined => {
      const v = children(x, 'values').find((n) => textOf(n, 'field') === field);
      const val = v && child(v, 'value');
      return val && val.attrs['xsi:nil'] !== 'true' ? val.text.trim() : undefined;
    };
    settings = { organisationId: value(SETTINGS_TYPE.fields.organisationId) };
  }
  // The endpoint is the Named Credential's URL (the callout goes to `callout:<name>`).
  const credentialFile = bySuffix('.namedCredential-meta.xml').find(
    (f) => baseName(f, '.namedCredential-meta.xml') === CALLOUT_CREDENTIAL.namedCredential
  );
  if (credentialFile) {
    const url = children(readXml(credentialFile), 'namedCredentialParameters').find(
      (n) => textOf(n, 'parameterType') === 'Url'
    );
    const endpoint = url && textOf(url, 'parameterValue');
    if (endpoint) settings = { ...settings, endpoint };
  }

  const baseOrg = new Org(schema);
  for (const q of queues) baseOrg.seed('Group', { Name: q.label, DeveloperName: q.developerName, Type: 'Queue' });
  return { sourceDir, deployment, channel, flow, queues, schema, settings, baseOrg };
}
