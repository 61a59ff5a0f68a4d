/**
 * Doctor's rules: each a named check over a snapshot of the org (read in a constant number of calls
 * by doctor.ts), with a message and the fix. Pure, so every break in the chain is unit-tested.
 */
import type { HandoffModel } from '../model/types';
import { SETTINGS_TYPE } from '../contract';

export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface Check {
  id: string;
  group: string;
  status: CheckStatus;
  message: string;
  /** What to do about it; empty when the check passed. */
  fix: string;
}

export interface ChannelSnapshot {
  exists: boolean;
  /** MessagingChannel.IsActive; undefined when the record was not found. */
  isActive?: boolean;
  sessionHandlerFlow?: string;
  customParameters: Array<{ name: string; externalParameterName: string; maxLength?: number; mappings: string[] }>;
  standardParameters: Array<{ parameterType: string; mappings: string[] }>;
}

export interface DeploymentSnapshot {
  exists: boolean;
  forms: Array<{ isActive: boolean; fields: Array<{ formField: string; isHidden: boolean; parameterType: string }> }>;
  /** The pre-chat fields the MIAW API serves (what is published), or why they could not be read. */
  published: { formFields: string[] } | { unavailable: string };
}

export interface FlowShape {
  inputVariables: string[];
  elements: string[];
}

export interface FlowSnapshot {
  exists: boolean;
  activeVersion?: number;
  latestVersion?: number;
  active?: FlowShape;
  /** The project's flow file, or why it could not be read. */
  project: FlowShape | { unavailable: string };
}

export interface OrgSnapshot {
  channel: ChannelSnapshot;
  deployment: DeploymentSnapshot;
  flow: FlowSnapshot;
  /** QualifiedApiName of every MessagingSession field the org has. */
  fields: Set<string>;
  /** `MessagingSession.X__c` → permission set name → read/edit. */
  fieldPermissions: Map<string, Map<string, { read: boolean; edit: boolean }>>;
  queues: Array<{ developerName: string; routingConfigId?: string | null; sobjects: string[] }>;
  /** The settings record's values, or undefined when the record does not exist. */
  settings?: Partial<Record<string, string>>;
  remoteSite?: { url: string; isActive: boolean };
  /** End Conversation failures of the last days, newest first; undefined when the object is missing. */
  failures?: Array<{ id: string; createdDate: string }>;
  /** Channel and deployment settings as `metadata.path` → value in the org and in the project (doctorChannelSettings.ts); undefined when the org has no channel. */
  channelSettings?: {
    org: Record<string, string>;
    project: { settings: Record<string, string> } | { unavailable: string };
  };
}

/** How many days back doctor looks for End Conversation failures. */
export const FAILURE_DAYS = 7;

const LIST_MAX = 8;
/** `a, b, c and 4 more`: a long list never floods the checklist. */
export function shortList(items: string[]): string {
  if (items.length <= LIST_MAX) return items.join(', ');
  return `${items.slice(0, LIST_MAX).join(', ')} and ${items.length - LIST_MAX} more`;
}

function check(
  group: string,
  id: string,
  failures: string[],
  ok: string,
  fail: string,
  fix: string,
  status: CheckStatus = 'fail'
): Check {
  return failures.length
    ? { id, group, status, message: `${fail}: ${shortList(failures)}`, fix }
    : { id, group, status: 'pass', message: ok, fix: '' };
}

const DEPLOY_FIX = 'Run `handoff deploy -o <org>`.';

function channelChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const G = 'Messaging channel';
  const name = model.channel.developerName;
  const ch = s.channel;
  if (!ch.exists)
    return [
      {
        id: 'channel.exists',
        group: G,
        status: 'fail',
        message: `Messaging channel ${name} is not in the org`,
        fix: DEPLOY_FIX
      }
    ];
  const out: Check[] = [];
  out.push(
    ch.isActive
      ? { id: 'channel.active', group: G, status: 'pass', message: `${name} is active`, fix: '' }
      : {
          id: 'channel.active',
          group: G,
          status: 'fail',
          message:
            ch.isActive === undefined ? `${name} has no MessagingChannel record to activate` : `${name} is inactive`,
          fix: 'Activate it: Setup → Messaging Settings → the channel → Activate (or `handoff deploy` runs the activation step).'
        }
  );
  out.push(
    ch.sessionHandlerFlow === model.flow.apiName
      ? { id: 'channel.flow', group: G, status: 'pass', message: `Routes with flow ${model.flow.apiName}`, fix: '' }
      : {
          id: 'channel.flow',
          group: G,
          status: 'fail',
          message: `The channel routes with ${ch.sessionHandlerFlow ? `flow ${ch.sessionHandlerFlow}` : 'no flow'}, not ${model.flow.apiName}`,
          fix: DEPLOY_FIX
        }
  );
  const custom = model.attributes.filter((a) => !a.standard);
  const byExternal = new Map(ch.customParameters.map((p) => [p.externalParameterName, p]));
  const missing: string[] = [];
  const renamed: string[] = [];
  const emptyMapping: string[] = [];
  for (const a of custom) {
    const p = byExternal.get(a.key);
    if (!p) missing.push(a.key);
    else if (p.name !== a.name) renamed.push(`${a.key} (org: ${p.name}, project: ${a.name})`);
    else if (!p.mappings.includes(a.name))
      emptyMapping.push(p.mappings.length ? `${a.key} (maps to ${p.mappings.join('/')})` : a.key);
  }
  out.push(
    check(
      G,
      'channel.parameters',
      [...missing, ...renamed],
      `${custom.length} custom parameters present`,
      'Custom parameters missing or renamed',
      DEPLOY_FIX
    )
  );
  const stdByType = new Map(ch.standardParameters.map((p) => [p.parameterType, p]));
  for (const a of model.attributes.filter((x) => x.standard)) {
    const p = stdByType.get(a.standard!);
    if (!p || !p.mappings.includes(a.name)) emptyMapping.push(`${a.key} (standard ${a.standard})`);
  }
  out.push(
    check(
      G,
      'channel.mappings',
      emptyMapping,
      'Every parameter maps to its flow input',
      'Parameter mappings missing or empty',
      'Redeploy the channel after the flow is active (`handoff deploy`), then retrieve it to confirm the mappings are filled.'
    )
  );
  return out;
}

function deploymentChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const G = 'Pre-chat (deployment)';
  const name = model.deployment.developerName;
  const d = s.deployment;
  if (!d.exists)
    return [
      {
        id: 'deployment.exists',
        group: G,
        status: 'fail',
        message: `Embedded Service deployment ${name} is not in the org`,
        fix: DEPLOY_FIX
      }
    ];
  const out: Check[] = [];
  const active = d.forms.find((f) => f.isActive);
  out.push(
    active
      ? { id: 'prechat.active', group: G, status: 'pass', message: 'Pre-chat is active', fix: '' }
      : {
          id: 'prechat.active',
          group: G,
          status: 'fail',
          message: `Pre-chat is not active on ${name}`,
          fix: `${DEPLOY_FIX} (the generated deployment turns pre-chat on), then publish ${name}.`
        }
  );
  const fields = new Map((active ?? d.forms[0])?.fields.map((f) => [f.formField, f]) ?? []);
  const hiddenWanted = model.attributes.filter((a) => a.hidden && !a.standard);
  const notHidden: string[] = [];
  for (const a of hiddenWanted) {
    const f = fields.get(a.formField);
    if (!f) notHidden.push(a.formField);
    else if (!f.isHidden) notHidden.push(`${a.formField} (not hidden)`);
  }
  out.push(
    check(
      G,
      'prechat.hiddenFields',
      notHidden,
      `${hiddenWanted.length} hidden pre-chat fields present`,
      'Hidden pre-chat fields missing',
      `${DEPLOY_FIX} Then publish ${name}.`
    )
  );
  if ('unavailable' in d.published) {
    out.push({
      id: 'deployment.published',
      group: G,
      status: 'warn',
      message: `Could not read the published pre-chat form: ${d.published.unavailable}`,
      fix: 'Pass --scrt-url https://<my-domain>.my.salesforce-scrt.com to check publishing.'
    });
  } else {
    const published = new Set(d.published.formFields);
    const unpublished = [...fields.keys()].filter((f) => !published.has(f));
    out.push(
      check(
        G,
        'deployment.published',
        unpublished,
        'The published pre-chat form matches the deployment',
        `${name} was changed and not published since; these fields are dropped`,
        `Publish it: Setup → Embedded Service Deployments → ${name} → Publish.`
      )
    );
  }
  return out;
}

function flowChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const G = 'Flow';
  const f = s.flow;
  const name = model.flow.apiName;
  if (!f.exists)
    return [
      { id: 'flow.active', group: G, status: 'fail', message: `Flow ${name} is not in the org`, fix: DEPLOY_FIX }
    ];
  if (f.activeVersion === undefined || !f.active) {
    return [
      {
        id: 'flow.active',
        group: G,
        status: 'fail',
        message: `Flow ${name} has no active version${f.latestVersion !== undefined ? ` (latest is version ${f.latestVersion})` : ''}`,
        fix: `Activate it: Setup → Flows → ${name} → Activate (or \`handoff deploy\`).`
      }
    ];
  }
  const out: Check[] = [
    { id: 'flow.active', group: G, status: 'pass', message: `Version ${f.activeVersion} is active`, fix: '' }
  ];
  if ('unavailable' in f.project) {
    out.push({
      id: 'flow.version',
      group: G,
      status: 'warn',
      message: `Cannot compare with the project: ${f.project.unavailable}`,
      fix: 'Run `handoff build`.'
    });
    return out;
  }
  const diff: string[] = [];
  const orgInputs = new Set(f.active.inputVariables);
  const projInputs = new Set(f.project.inputVariables);
  for (const v of projInputs) if (!orgInputs.has(v)) diff.push(`input ${v} missing in the org`);
  for (const v of orgInputs) if (!projInputs.has(v)) diff.push(`input ${v} not in the project`);
  const orgEls = new Set(f.active.elements);
  const projEls = new Set(f.project.elements);
  const elDiff = [...projEls].filter((e) => !orgEls.has(e)).length + [...orgEls].filter((e) => !projEls.has(e)).length;
  if (elDiff) diff.push(`${elDiff} element(s) differ`);
  const newer =
    f.latestVersion !== undefined && f.latestVersion !== f.activeVersion
      ? ` (version ${f.latestVersion} exists but is not active)`
      : '';
  out.push(
    diff.length
      ? {
          id: 'flow.version',
          group: G,
          status: 'fail',
          message: `Active version ${f.activeVersion} differs from the project${newer}: ${shortList(diff)}`,
          fix: `Run \`handoff deploy\` and activate the new version of ${name}.`
        }
      : {
          id: 'flow.version',
          group: G,
          status: 'pass',
          message: `Active version ${f.activeVersion} matches the project${newer}`,
          fix: ''
        }
  );
  return out;
}

function fieldChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const G = 'MessagingSession fields';
  const agent = model.permissionSets.agent.name;
  const flowUser = model.permissionSets.flow.name;
  const missing: string[] = [];
  const noRead: string[] = [];
  const noEdit: string[] = [];
  for (const a of model.attributes) {
    const api = a.field.apiName;
    if (!s.fields.has(api)) {
      missing.push(api);
      continue;
    }
    const perms = s.fieldPermissions.get(`MessagingSession.${api}`);
    if (!perms?.get(agent)?.read) noRead.push(api);
    if (!perms?.get(flowUser)?.edit) noEdit.push(api);
  }
  return [
    check(
      G,
      'fields.exist',
      missing,
      `${model.attributes.length} fields present`,
      'Fields missing on MessagingSession',
      DEPLOY_FIX
    ),
    check(
      G,
      'fields.agentAccess',
      noRead,
      `${agent} can read every field`,
      `${agent} cannot read`,
      `${DEPLOY_FIX} (the generated ${agent} grants read access).`
    ),
    check(
      G,
      'fields.flowAccess',
      noEdit,
      `${flowUser} can edit every field`,
      `${flowUser} (the flow's running user) cannot edit`,
      `${DEPLOY_FIX} (the generated ${flowUser} grants edit access).`
    )
  ];
}

function queueChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const G = 'Queues';
  const byName = new Map(s.queues.map((q) => [q.developerName, q]));
  const missing: string[] = [];
  const noSession: string[] = [];
  const noRouting: string[] = [];
  for (const q of model.queues) {
    const org = byName.get(q.developerName);
    if (!org) missing.push(q.developerName);
    else {
      if (!org.sobjects.includes('MessagingSession')) noSession.push(q.developerName);
      if (!org.routingConfigId) noRouting.push(q.developerName);
    }
  }
  return [
    check(G, 'queues.exist', missing, `${model.queues.length} queues present`, 'Queues missing', DEPLOY_FIX),
    check(
      G,
      'queues.messagingSession',
      noSession,
      'Every queue takes MessagingSession',
      'Queues that do not take MessagingSession',
      `${DEPLOY_FIX} (or add MessagingSession to the queue's supported objects).`
    ),
    check(
      G,
      'queues.routingConfig',
      noRouting,
      'Every queue has a routing configuration',
      'Queues without a routing configuration',
      `${DEPLOY_FIX} (or set the queue's Routing Configuration in Setup).`
    )
  ];
}

function endConversationChecks(model: HandoffModel, s: OrgSnapshot): Check[] {
  const end = model.endConversation;
  if (!end) return [];
  const G = 'End Conversation';
  const F = SETTINGS_TYPE.fields;
  const out: Check[] = [];
  const rec = `${SETTINGS_TYPE.objectName}.${SETTINGS_TYPE.defaultRecord}`;
  if (!s.settings) {
    out.push({
      id: 'settings.complete',
      group: G,
      status: 'fail',
      message: `Settings record ${rec} is missing`,
      fix: `Run \`handoff seed -o <org>\` with ${end.tokenEnv} set.`
    });
  } else {
    const problems: string[] = [];
    if (!s.settings[F.endpoint]) problems.push(`${F.endpoint} blank`);
    else if (s.settings[F.endpoint] !== end.endpoint)
      problems.push(`${F.endpoint} is ${s.settings[F.endpoint]}, config says ${end.endpoint}`);
    if (!s.settings[F.organisationId]) problems.push(`${F.organisationId} blank`);
    // Only whether the token is blank: its value is never read into a message.
    if (!s.settings[F.escalationToken]?.trim()) problems.push(`${F.escalationToken} blank`);
    out.push(
      check(
        G,
        'settings.complete',
        problems,
        `Settings record ${rec} is complete`,
        `Settings record ${rec} is incomplete`,
        `Run \`handoff seed -o <org>\` with ${end.tokenEnv} set.`
      )
    );
  }
  const site = model.remoteSite!;
  const want = new URL(site.url);
  if (!s.remoteSite) {
    out.push({
      id: 'remoteSite',
      group: G,
      status: 'fail',
      message: `Remote site ${site.name} is missing`,
      fix: DEPLOY_FIX
    });
  } else {
    let host = '';
    try {
      host = new URL(s.remoteSite.url).host;
    } catch {
      host = s.remoteSite.url;
    }
    const problems: string[] = [];
    if (!s.remoteSite.isActive) problems.push('inactive');
    if (host.toLowerCase() !== want.host.toLowerCase())
      problems.push(`for ${host || 'no host'}, the endpoint is on ${want.host}`);
    out.push(
      check(
        G,
        'remoteSite',
        problems,
        `Remote site ${site.name} allows ${want.host}`,
        `Remote site ${site.name}`,
        DEPLOY_FIX
      )
    );
  }
  if (s.failures === undefined) {
    out.push({
      id: 'failures.recent',
      group: G,
      status: 'warn',
      message: 'The failure object is not in the org',
      fix: DEPLOY_FIX
    });
  } else if (s.failures.length) {
    out.push({
      id: 'failures.recent',
      group: G,
      status: 'fail',
      message: `${s.failures.length} End Conversation failure(s) in the last ${FAILURE_DAYS} days, latest ${s.failures[0].createdDate} (${s.failures[0].id})`,
      fix: 'Open the Handoff Callout Failure records for the status and message; check the endpoint, the token and the vendor side.'
    });
  } else {
    out.push({
      id: 'failures.recent',
      group: G,
      status: 'pass',
      message: `No End Conversation failures in the last ${FAILURE_DAYS} days`,
      fix: ''
    });
  }
  return out;
}

/** Every check, grouped in the order of the chain. */
export function runChecks(model: HandoffModel, snapshot: OrgSnapshot): Check[] {
  return [
    ...channelChecks(model, snapshot),
    ...deploymentChecks(model, snapshot),
    ...flowChecks(model, snapshot),
    ...fieldChecks(model, snapshot),
    ...queueChecks(model, snapshot),
    ...endConversationChecks(model, snapshot)
  ];
}
