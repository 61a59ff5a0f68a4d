/**
 * `handoff doctor`: reads the live org in a fixed number of calls (batched queries: the count does not
 * grow with the number of attributes) and runs doctorChecks.ts over it.
 *
 * Calls: 4 Metadata API reads (channel, deployment, settings record, remote site), 1 REST query per
 * MessagingChannel, Group, QueueSobject, FieldPermissions and failure records, 3 Tooling queries
 * (FieldDefinition, FlowDefinition, the active Flow version), and 1 MIAW access-token call to see the
 * published pre-chat form. A result beyond 2,000 rows adds one call per further page.
 */
import type { HandoffModel } from '../model/types';
import { FAILURE_OBJECT } from '../contract';
import { FLOW_NODE_KINDS } from '../platform/flowElements';
import { UserError } from '../project/errors';
import { loadProject, SourceProject } from '../source/project';
import { generatedFolder } from '../project/outputDir';
import { flowView, type FlowView } from '../source/views/flow';
import { asArray, asBool, asText, queryAll, readMeta, soqlList, soqlString, type OrgCaller } from './doctorSoql';
import { FAILURE_DAYS, runChecks, type Check, type FlowShape, type OrgSnapshot } from './doctorChecks';
import { integrationChecks } from './doctorIntegration';
import { channelSettingsChecks, orgChannelSettings, projectChannelSettings } from './doctorChannelSettings';
import { MiawClient } from './miawClient';
import { agentChecks, readAgentSnapshot } from './doctorAgentChecks';
import { credentialChecks, readCredentialSnapshot } from './doctorCredential';
import { publishRecordCheck } from './doctorPublishCheck';
import { settingsFullName } from './seedPlan';

export interface DoctorOptions {
  /** Project root: the flow file is read through its package directories. */
  root: string;
  /** MIAW base URL; when undefined the published-form check is a warning. */
  scrtUrl?: string;
  orgId: string;
  progress?: (line: string) => void;
}

export interface DoctorReport {
  checks: Check[];
  passed: number;
  failed: number;
  warnings: number;
}

type Meta = Record<string, unknown>;

/** Input variables and element names of a flow in Metadata API JSON (Tooling `Flow.Metadata`). */
export function flowShapeFromJson(meta: Meta): FlowShape {
  const variables = asArray(meta.variables as Meta[] | Meta | undefined);
  return {
    inputVariables: variables.filter((v) => asBool(v.isInput)).map((v) => String(v.name)),
    elements: FLOW_NODE_KINDS.flatMap((t) =>
      asArray(meta[t] as Meta[] | Meta | undefined).map((e) => `${t}:${String(e.name)}`)
    )
  };
}

/** The same shape from the project's flow file. */
export function flowShapeFromView(flow: FlowView): FlowShape {
  const nodes = [...flow.nodes.entries()];
  return {
    inputVariables: [...flow.variables.values()].filter((v) => v.isInput).map((v) => v.name),
    elements: FLOW_NODE_KINDS.flatMap((t) => nodes.filter(([, n]) => n.local === t).map(([name]) => `${t}:${name}`))
  };
}

/** The project through its package directories, or why it cannot be read (a missing sfdx-project.json). */
function readSource(root: string): SourceProject | { unavailable: string } {
  try {
    return loadProject(root);
  } catch (e) {
    if (e instanceof UserError) return { unavailable: e.message };
    throw e;
  }
}

/** The shape of the project's flow `apiName`, read through the source model, or why it cannot be read. */
function projectFlow(
  project: SourceProject | { unavailable: string },
  apiName: string
): FlowShape | { unavailable: string } {
  if (!(project instanceof SourceProject)) return project;
  const file = project.allOfType('Flow').find((f) => f.name === apiName);
  if (!file)
    return {
      unavailable: `no ${apiName}.flow-meta.xml in the package directories (${project.packageDirs.join(', ')}); \`handoff build\` writes it into ${generatedFolder(project.root, project.packageDirs).rel}`
    };
  if (!file.xml) return { unavailable: `${file.path}: ${file.xmlError?.message ?? 'not well-formed XML'}` };
  return flowShapeFromView(flowView({ ...file, xml: file.xml }));
}

function mappingNames(p: Meta): string[] {
  return asArray(p.actionParameterMappings as Meta[] | Meta | undefined)
    .map((m) => asText(m.actionParameterName) ?? '')
    .filter(Boolean);
}

async function publishedForm(
  opts: DoctorOptions,
  model: HandoffModel
): Promise<OrgSnapshot['deployment']['published']> {
  if (!opts.scrtUrl) return { unavailable: 'no MIAW URL (the instance URL is not a My Domain URL)' };
  try {
    const client = new MiawClient({
      baseUrl: opts.scrtUrl,
      orgId: opts.orgId,
      esDeveloperName: model.deployment.developerName,
      maxRetries: 1
    });
    return await client.authorize();
  } catch (e) {
    return { unavailable: (e as Error).message };
  }
}

/** Reads everything the checks need. Calls are batched: none is made per attribute. */
export async function readSnapshot(org: OrgCaller, model: HandoffModel, opts: DoctorOptions): Promise<OrgSnapshot> {
  const progress = opts.progress ?? (() => undefined);
  progress('Reading the messaging channel and the deployment…');
  const channelMeta = await readMeta(org, 'MessagingChannel', model.channel.developerName);
  const [channelRec] = await queryAll<{ IsActive: boolean }>(
    org,
    `SELECT Id, DeveloperName, IsActive FROM MessagingChannel WHERE DeveloperName = ${soqlString(model.channel.developerName)}`
  );
  const deploymentMeta = await readMeta(org, 'EmbeddedServiceConfig', model.deployment.developerName);
  const published = deploymentMeta ? await publishedForm(opts, model) : { unavailable: 'the deployment is missing' };

  progress('Reading the flow…');
  const [def] = await queryAll<{
    Id: string;
    ActiveVersionId?: string | null;
    ActiveVersion?: { VersionNumber?: number } | null;
    LatestVersion?: { VersionNumber?: number } | null;
  }>(
    org,
    `SELECT Id, ActiveVersionId, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition WHERE DeveloperName = ${soqlString(model.flow.apiName)}`,
    true
  );
  let active: FlowShape | undefined;
  if (def?.ActiveVersionId) {
    // Metadata can only be selected for one row at a time.
    const [version] = await queryAll<{ Metadata?: Meta }>(
      org,
      `SELECT Id, VersionNumber, Metadata FROM Flow WHERE Id = ${soqlString(def.ActiveVersionId)}`,
      true
    );
    if (version?.Metadata) active = flowShapeFromJson(version.Metadata);
  }

  progress('Reading fields and field-level security…');
  const fieldRows = await queryAll<{ QualifiedApiName: string }>(
    org,
    "SELECT QualifiedApiName FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = 'MessagingSession'",
    true
  );
  const psNames = [model.permissionSets.agent.name, model.permissionSets.flow.name];
  const permRows = await queryAll<{
    Field: string;
    PermissionsRead: boolean;
    PermissionsEdit: boolean;
    Parent?: { Name?: string };
  }>(
    org,
    `SELECT Field, PermissionsRead, PermissionsEdit, Parent.Name FROM FieldPermissions WHERE SobjectType = 'MessagingSession' AND Parent.Name IN ${soqlList(psNames)}`
  );
  const fieldPermissions: OrgSnapshot['fieldPermissions'] = new Map();
  for (const p of permRows) {
    let byPs = fieldPermissions.get(p.Field);
    if (!byPs) fieldPermissions.set(p.Field, (byPs = new Map()));
    byPs.set(p.Parent?.Name ?? '', { read: asBool(p.PermissionsRead), edit: asBool(p.PermissionsEdit) });
  }

  progress('Reading queues…');
  const queueNames = model.queues.map((q) => q.developerName);
  const groups = queueNames.length
    ? await queryAll<{ Id: string; DeveloperName: string; QueueRoutingConfigId?: string | null }>(
        org,
        `SELECT Id, DeveloperName, QueueRoutingConfigId FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(queueNames)}`
      )
    : [];
  const queueObjects = queueNames.length
    ? await queryAll<{ QueueId: string; SobjectType: string }>(
        org,
        `SELECT QueueId, SobjectType FROM QueueSobject WHERE Queue.DeveloperName IN ${soqlList(queueNames)}`
      )
    : [];

  let settings: OrgSnapshot['settings'];
  let failures: OrgSnapshot['failures'];
  if (model.endConversation) {
    progress('Reading the End Conversation settings…');
    const rec = await readMeta(org, 'CustomMetadata', settingsFullName());
    if (rec) {
      settings = {};
      for (const v of asArray(rec.values as Meta[] | Meta | undefined)) settings[String(v.field)] = asText(v.value);
    }
    try {
      const rows = await queryAll<{ Id: string; CreatedDate: string }>(
        org,
        `SELECT Id, CreatedDate, Error_Type__c, Status_Code__c FROM ${FAILURE_OBJECT} WHERE CreatedDate = LAST_N_DAYS:${FAILURE_DAYS} ORDER BY CreatedDate DESC LIMIT 200`
      );
      failures = rows.map((r) => ({ id: r.Id, createdDate: r.CreatedDate }));
    } catch (e) {
      if ((e as { errorCode?: string }).errorCode !== 'INVALID_TYPE') throw e;
    }
  }

  const source = readSource(opts.root);
  return {
    channelSettings: channelMeta
      ? {
          org: orgChannelSettings(channelMeta, deploymentMeta),
          project: source instanceof SourceProject ? projectChannelSettings(source, model) : source
        }
      : undefined,
    channel: {
      exists: !!channelMeta,
      isActive: channelRec ? asBool(channelRec.IsActive) : undefined,
      sessionHandlerFlow: channelMeta ? asText(channelMeta.sessionHandlerFlow) : undefined,
      customParameters: asArray(channelMeta?.customParameters as Meta[] | Meta | undefined).map((p) => ({
        name: asText(p.name) ?? '',
        externalParameterName: asText(p.externalParameterName) ?? '',
        maxLength: Number(asText(p.maxLength)) || undefined,
        mappings: mappingNames(p)
      })),
      standardParameters: asArray(channelMeta?.standardParameters as Meta[] | Meta | undefined).map((p) => ({
        parameterType: asText(p.parameterType) ?? '',
        mappings: mappingNames(p)
      }))
    },
    deployment: {
      exists: !!deploymentMeta,
      forms: asArray(deploymentMeta?.embeddedServiceForms as Meta[] | Meta | undefined).map((f) => ({
        isActive: asBool(f.isActive),
        fields: asArray(f.embeddedServiceFormFields as Meta[] | Meta | undefined).map((x) => ({
          formField: asText(x.formField) ?? '',
          isHidden: asBool(x.isHidden),
          parameterType: asText(x.messagingChannelParameterType) ?? ''
        }))
      })),
      published
    },
    flow: {
      exists: !!def,
      activeVersion: def?.ActiveVersion?.VersionNumber ?? undefined,
      latestVersion: def?.LatestVersion?.VersionNumber ?? undefined,
      active,
      project: projectFlow(source, model.flow.apiName)
    },
    fields: new Set(fieldRows.map((f) => f.QualifiedApiName)),
    fieldPermissions,
    queues: groups.map((g) => ({
      developerName: g.DeveloperName,
      routingConfigId: g.QueueRoutingConfigId ?? null,
      sobjects: queueObjects.filter((q) => q.QueueId === g.Id).map((q) => q.SobjectType)
    })),
    settings,
    failures
  };
}

export async function runDoctor(org: OrgCaller, model: HandoffModel, opts: DoctorOptions): Promise<DoctorReport> {
  const snapshot = await readSnapshot(org, model, opts);
  const checks = [
    ...runChecks(model, snapshot),
    ...(snapshot.channelSettings
      ? channelSettingsChecks(snapshot.channelSettings.project, snapshot.channelSettings.org)
      : []),
    ...(model.calloutCredential ? credentialChecks(model, await readCredentialSnapshot(org, model)) : []),
    await publishRecordCheck(org, model, opts.root, opts.orgId),
    ...agentChecks(model, await readAgentSnapshot(org, model)),
    ...(await integrationChecks(org, model))
  ];
  return {
    checks,
    passed: checks.filter((c) => c.status === 'pass').length,
    failed: checks.filter((c) => c.status === 'fail').length,
    warnings: checks.filter((c) => c.status === 'warn').length
  };
}
