/**
 * Omni-Channel routing in the emulated org: which queue a new MessagingSession goes to (the channel's
 * active routing flow, run by the kit's flow interpreter on the values the channel delivered), and
 * whether an agent there is offered it (an AgentWork record). Work is offered only to a queue member
 * who holds everything Salesforce requires; each rule below names its evidence.
 *
 * Unknown, so one named setting: whether an entitled agent is online. No test logs an agent into
 * Omni-Channel, so `routingSettings(state).entitledAgentsOnline` (default true) stands for "the agent
 * set a presence status"; false makes every queue look unstaffed.
 */
import { AGENT_ACCESS, MESSAGING_SERVICE_CHANNEL } from '../../scripts/contract';
import { runFlow } from '../../scripts/simulate/flow/interpreter';
import { loadFlow } from '../../scripts/simulate/flow/load';
import type { FlowValue } from '../../scripts/simulate/flow/model';
import { buildSchema, Org } from '../../scripts/simulate/flow/org';
import { children, textOf } from '../../scripts/xml/read';
import type { OrgState, SObjectRecord } from './state';
import { activeFlowXml, xmlOf } from './restSync';

/** sObjects routing reads and seed writes (queryable without a deployed definition). */
export const ROUTING_OBJECTS = [
  'GroupMember',
  'PermissionSetLicense',
  'PermissionSetLicenseAssign',
  'PresenceUserConfig',
  'PresenceUserConfigUser',
  'AgentWork',
  'PendingServiceRouting'
];

interface RoutingSettings {
  entitledAgentsOnline: boolean;
  /** Permission set licences the org has bought (DeveloperName). */
  licences: string[];
}
const settings = new WeakMap<OrgState, RoutingSettings>();
export function routingSettings(state: OrgState): RoutingSettings {
  let s = settings.get(state);
  if (!s) settings.set(state, (s = { entitledAgentsOnline: true, licences: [AGENT_ACCESS.licence] }));
  return s;
}

/** Org-provided and metadata-derived rows routing needs: licences, presence configurations, permission flags. */
export function syncRouting(state: OrgState): void {
  for (const name of routingSettings(state).licences)
    if (!state.find('PermissionSetLicense', { DeveloperName: name }).length)
      state.insert('PermissionSetLicense', { DeveloperName: name, MasterLabel: name });
  for (const c of state.components('PresenceUserConfig')) {
    const capacity = Number(textOf(xmlOf(c), 'capacity') ?? 0);
    const rec = state.find('PresenceUserConfig', { DeveloperName: c.fullName })[0];
    if (rec) rec.Capacity = capacity;
    else state.insert('PresenceUserConfig', { DeveloperName: c.fullName, Capacity: capacity });
  }
  // PermissionSet exposes each user permission as a Permissions<Name> field (Object Reference, PermissionSet).
  for (const c of state.components('PermissionSet')) {
    const rec = state.find('PermissionSet', { Name: c.fullName })[0];
    if (!rec) continue;
    for (const k of Object.keys(rec)) if (k.startsWith('Permissions')) rec[k] = false;
    for (const p of children(xmlOf(c), 'userPermissions'))
      rec[`Permissions${textOf(p, 'name') ?? ''}`] = textOf(p, 'enabled') === 'true';
  }
}

const err = (statusCode: string, message: string) => ({
  id: '',
  success: false as const,
  errors: [{ statusCode, message, fields: [] as string[] }]
});

/** Inserts the org refuses on the routing side; undefined when the insert may go ahead. */
export function validateRoutingInsert(state: OrgState, type: string, f: Record<string, unknown>) {
  if (type === 'PermissionSetAssignment') {
    const ps = state.table('PermissionSet').get(String(f.PermissionSetId));
    // Assigning a permission set with Enhanced Chat Rep fails with a licence error when the user lacks
    // the Enhanced Chat User licence (public org setup guide, troubleshooting; message text unverified).
    if (ps?.[`Permissions${AGENT_ACCESS.userPermission}`] && !hasLicence(state, String(f.AssigneeId)))
      return err(
        'FIELD_INTEGRITY_EXCEPTION',
        `The user license doesn't allow the permission: ${AGENT_ACCESS.licenceLabel} (${AGENT_ACCESS.userPermission})`
      );
  }
  if (
    type === 'GroupMember' &&
    state.find('GroupMember', { GroupId: f.GroupId, UserOrGroupId: f.UserOrGroupId }).length
  )
    return err('DUPLICATE_VALUE', 'duplicate value found: UserOrGroupId');
  if (type === 'PermissionSetLicenseAssign') {
    if (!state.table('PermissionSetLicense').has(String(f.PermissionSetLicenseId)))
      return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id: PermissionSetLicenseId');
    if (state.find(type, { AssigneeId: f.AssigneeId, PermissionSetLicenseId: f.PermissionSetLicenseId }).length)
      return err('DUPLICATE_VALUE', 'duplicate value found: AssigneeId');
  }
  // A user belongs to one presence configuration (Salesforce Help, "Create Presence Configurations").
  if (type === 'PresenceUserConfigUser' && state.find(type, { UserId: f.UserId }).length)
    return err('DUPLICATE_VALUE', 'duplicate value found: UserId');
  return undefined;
}

function hasLicence(state: OrgState, userId: string): boolean {
  const psl = state.find('PermissionSetLicense', { DeveloperName: AGENT_ACCESS.licence })[0];
  return (
    !!psl && state.find('PermissionSetLicenseAssign', { AssigneeId: userId, PermissionSetLicenseId: psl.Id }).length > 0
  );
}

/** Why a queue member is not offered work, or undefined when they are entitled. */
export function notEntitled(state: OrgState, user: SObjectRecord): string | undefined {
  // Only active users take work (inactive users cannot log in).
  if (user.IsActive === false) return 'inactive';
  // Enhanced Chat User licence (help.salesforce.com service.miaw_prepare_users).
  if (!hasLicence(state, user.Id)) return `no ${AGENT_ACCESS.licence}`;
  const sets = state
    .find('PermissionSetAssignment', { AssigneeId: user.Id })
    .map((a) => state.table('PermissionSet').get(String(a.PermissionSetId)))
    .filter((p): p is SObjectRecord => !!p);
  // A permission set granting Enhanced Chat Rep (service.miaw_prepare_users).
  if (!sets.some((p) => p[`Permissions${AGENT_ACCESS.userPermission}`])) return `no ${AGENT_ACCESS.userPermission}`;
  // A presence status for the messaging service channel, through a permission set or profile
  // (Salesforce Help, "Give Users Access to Presence Statuses with Permission Sets").
  const messagingStatuses = new Set(
    state
      .components('ServicePresenceStatus')
      .filter((c) =>
        children(xmlOf(c), 'channels').some((ch) => textOf(ch, 'channel') === MESSAGING_SERVICE_CHANNEL.developerName)
      )
      .map((c) => state.find('ServicePresenceStatus', { DeveloperName: c.fullName })[0]?.Id)
  );
  const setIds = new Set(sets.map((p) => p.Id));
  if (
    !state
      .find('SetupEntityAccess')
      .some((a) => setIds.has(String(a.ParentId)) && messagingStatuses.has(String(a.SetupEntityId)))
  )
    return 'no presence status';
  // A presence configuration sets the agent's capacity (Salesforce Help, "Create Presence Configurations").
  if (!state.find('PresenceUserConfigUser', { UserId: user.Id }).length) return 'no presence configuration';
  return undefined;
}

/** The entitled, online members of a queue. */
export function entitledMembers(state: OrgState, queueId: string): SObjectRecord[] {
  if (!routingSettings(state).entitledAgentsOnline) return [];
  return state
    .find('GroupMember', { GroupId: queueId })
    .map((m) => state.table('User').get(String(m.UserOrGroupId)))
    .filter((u): u is SObjectRecord => !!u && notEntitled(state, u) === undefined);
}

/**
 * Runs the channel's active flow for a new session and applies what it decided: the session's owner
 * becomes the queue Route Work chose (or the channel's fallback queue when the flow fails, as the
 * platform does), a Case the flow created is stored, and the first entitled member of that queue is
 * offered the work (AgentWork, status Assigned).
 */
export function routeSession(
  state: OrgState,
  session: SObjectRecord,
  flowName: string | undefined,
  fallbackQueue: string | undefined,
  inputs: Map<string, string>
): void {
  const queues = state.find('Group', { Type: 'Queue' });
  const queueNamed = (n: string | undefined) => queues.find((q) => q.DeveloperName === n);
  const xml = flowName ? activeFlowXml(state, flowName) : undefined;
  let target = queueNamed(fallbackQueue);
  if (xml) {
    const custom = new Map<string, { name: string; type: string; length?: number }[]>([
      [
        'MessagingSession',
        state
          .find('FieldDefinition')
          .filter((f) => String(f.DurableId ?? '').startsWith('MessagingSession.'))
          .map((f) => ({ name: String(f.QualifiedApiName), type: String(f.DataType ?? 'Text') }))
      ]
    ]);
    const org = new Org(buildSchema(custom));
    for (const q of queues)
      org.seed('Group', {
        Name: String(q.Name ?? q.DeveloperName),
        DeveloperName: String(q.DeveloperName),
        Type: 'Queue'
      });
    const simSession = org.seed('MessagingSession', {
      Status: 'Waiting',
      Origin: 'InboundInitiated',
      ChannelType: 'EmbeddedMessaging'
    });
    const flowInputs = new Map<string, FlowValue>([['recordId', String(simSession.Id)], ...inputs]);
    const agents = new Map(queues.map((q) => [String(q.DeveloperName), entitledMembers(state, q.Id).length]));
    const env = {
      org,
      scenario: { agents, defaultAgents: 0, hours: 'open' as const },
      channelDeveloperName: '',
      vendorConversationId: String(session.ConversationId ?? ''),
      routed: [] as Array<{ queue: string }>,
      endConversations: []
    };
    const before = org.sizes();
    try {
      const flow = loadFlow(xml, `${flowName}.flow-meta.xml`);
      const run = runFlow({ flow, org, env: env as never, inputs: flowInputs, tracing: false });
      const routed = env.routed[env.routed.length - 1];
      if (routed) target = queueNamed(routed.queue);
      else if (run.status === 'finished') target = undefined;
    } catch {
      // A flow that fails (here: one the interpreter cannot run) leaves the work with the channel's
      // fallback queue (Salesforce Help, Messaging channel "Fallback Queue": used when the flow fails).
    }
    for (const { object, record } of org.insertedSince(before)) {
      if (object !== 'Case') continue;
      const created = state.insert('Case', { Subject: record.Subject, Origin: record.Origin });
      // The flow links the Case to the session (MessagingSession.CaseId).
      if (org.byId(String(simSession.Id))?.record.CaseId === record.Id) session.CaseId = created.Id;
    }
  }
  if (!target) return;
  session.OwnerId = target.Id;
  const agent = entitledMembers(state, target.Id)[0];
  if (agent)
    state.insert('AgentWork', {
      WorkItemId: session.Id,
      UserId: agent.Id,
      OriginalQueueId: target.Id,
      Status: 'Assigned',
      RoutingType: 'QueueBased',
      CreatedDate: new Date().toISOString()
    });
}
