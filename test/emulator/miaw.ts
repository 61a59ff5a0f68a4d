/**
 * The MIAW REST API an AI vendor calls (docs/architecture.md, "The MIAW REST API"), on the emulator's port: unauthenticated access
 * token (serving the *published* pre-chat form), conversation, message, close. Plus the publish step
 * (`publishDeployment`, and the Connect endpoint reported for it) that snapshots the deployment.
 *
 * Flow-less simplification: instead of running the Omni-Channel flow, the first message creates the
 * MessagingSession and walks the naming chain with the org's own metadata: routing attribute →
 * published pre-chat field → channel parameter (externalParameterName or name; standard ones by type)
 * → its actionParameterMappings → an input variable of the channel's *active* flow version → the
 * field that flow's Update Records on MessagingSession assigns from it → a field that exists and that
 * some permission set may edit; the value is cut to the parameter's maxLength. Any broken link drops
 * the value silently, as the platform does. Then routing.ts runs the active flow to pick the queue
 * (and any Case) and offers the work to an entitled member of that queue.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { OrgEmulator } from './server';
import { json, type EmuRequest, type EmuResponse, type HandlerContext } from './router';
import type { OrgState, SObjectRecord } from './state';
import { children, child, parseXml, textOf, type XmlNode } from '../../scripts/xml/read';
import { syncFromMetadata, xmlOf } from './restSync';
import { routeSession, syncRouting } from './routing';
import { verifiedTokens, verifyIdentityToken } from './miawVerified';

interface Conversation {
  id: string;
  esDeveloperName: string;
  routingAttributes: Record<string, unknown>;
  sessionId?: string;
  closed: boolean;
  /** The verified subject (JWT `sub`) of the token that started it (miawVerified.ts); undefined for guests. */
  verifiedSubject?: string;
}

interface MiawState {
  /** Deployment → the EmbeddedServiceConfig XML as it was when last published. */
  published: Map<string, string>;
  /** Names whose snapshot was taken from the core's `state.published` set (see syncPublished). */
  adopted: Set<string>;
  tokens: Map<string, string>;
  conversations: Map<string, Conversation>;
}

const miawStates = new WeakMap<OrgState, MiawState>();

export function miawState(state: OrgState): MiawState {
  let s = miawStates.get(state);
  if (!s)
    miawStates.set(
      state,
      (s = { published: new Map(), adopted: new Set(), tokens: new Map(), conversations: new Map() })
    );
  syncPublished(state, s);
  return s;
}

/** The emulator core's own publish flag (setup.ts), when the core has one: a set of DeveloperNames. */
function corePublished(state: OrgState): Set<string> | undefined {
  const p = (state as unknown as { published?: unknown }).published;
  return p instanceof Set ? (p as Set<string>) : undefined;
}

/**
 * Follows the core's publish flag: a deployment the core marks published is snapshotted the first
 * time MIAW looks (so an edit made between the publish and that moment counts as published: a
 * simplification), and dropped when the core unpublishes it.
 */
function syncPublished(state: OrgState, s: MiawState): void {
  const core = corePublished(state);
  if (!core) return;
  for (const name of core) {
    if (s.published.has(name)) continue;
    const c = state.component('EmbeddedServiceConfig', name);
    if (c) {
      s.published.set(name, c.xml);
      s.adopted.add(name);
    }
  }
  for (const name of s.adopted) {
    if (!core.has(name)) {
      s.published.delete(name);
      s.adopted.delete(name);
    }
  }
}

/** Publishes the deployment as it is now (what Setup's Publish button does). False when it does not exist. */
export function publishDeployment(state: OrgState, developerName: string): boolean {
  const c = state.component('EmbeddedServiceConfig', developerName);
  if (!c) return false;
  const s = miawState(state);
  s.published.set(developerName, c.xml);
  s.adopted.delete(developerName);
  corePublished(state)?.add(developerName);
  return true;
}

/** Takes the deployment back to "never published" (in the core's flag too). */
export function unpublishDeployment(state: OrgState, developerName: string): void {
  corePublished(state)?.delete(developerName);
  const s = miawState(state);
  s.published.delete(developerName);
  s.adopted.delete(developerName);
}

/** Activates or deactivates a messaging channel record (the post-deploy step). */
export function setChannelActive(state: OrgState, developerName: string, active: boolean): void {
  syncFromMetadata(state);
  const rec = state.find('MessagingChannel', { DeveloperName: developerName })[0];
  if (!rec) throw new Error(`emulator: no MessagingChannel ${developerName}`);
  rec.IsActive = active;
}

interface PublishedField {
  formField: string;
  isHidden: boolean;
  type: string;
  parameterType: string;
}

function publishedForm(xml: string): PublishedField[] {
  const root = parseXml(xml);
  const form = children(root, 'embeddedServiceForms').find((f) => textOf(f, 'isActive') === 'true');
  if (!form) return [];
  return children(form, 'embeddedServiceFormFields').map((f) => ({
    formField: textOf(f, 'formField') ?? '',
    isHidden: textOf(f, 'isHidden') === 'true',
    type: textOf(f, 'formFieldType') ?? 'Text',
    parameterType: textOf(f, 'messagingChannelParameterType') ?? 'Custom'
  }));
}

const BASE = '/iamessage/api/v2';
const problem = (status: number, message: string): EmuResponse => json(status, { message, code: status });

function bearer(req: EmuRequest): string | undefined {
  const h = req.headers.authorization;
  return h && /^Bearer /i.test(h) ? h.slice(7).trim() : undefined;
}

function accessToken(req: EmuRequest, state: OrgState, verified = false): EmuResponse {
  const body = req.json<{
    orgId?: string;
    esDeveloperName?: string;
    authorizationType?: string;
    customerIdentityToken?: string;
  }>();
  if (body.orgId !== state.orgId) return problem(400, 'Invalid orgId');
  const name = body.esDeveloperName ?? '';
  const xml = miawState(state).published.get(name);
  if (!xml) return problem(400, `No published Embedded Service deployment ${name}`);
  let subject: string | undefined;
  if (verified) {
    if (body.authorizationType !== 'JWT' || !body.customerIdentityToken)
      return problem(400, 'authorizationType JWT and a customerIdentityToken are required');
    const channelXml = channelFor(state, name);
    const result = channelXml
      ? verifyIdentityToken(state, channelXml, body.customerIdentityToken, Math.floor(Date.now() / 1000))
      : { refused: 'the deployment has no messaging channel' };
    if ('refused' in result) return problem(401, `User verification failed: ${result.refused}`);
    subject = result.subject;
  }
  const token = `miaw.${randomBytes(18).toString('base64url')}`;
  miawState(state).tokens.set(token, name);
  if (subject) verifiedTokens(state).set(token, subject);
  const fields = publishedForm(xml);
  return json(200, {
    accessToken: token,
    lastEventId: '0',
    context: {
      configuration: {
        embeddedServiceConfig: {
          name,
          forms: [
            {
              formType: 'PreChat',
              formFields: fields.map((f, i) => ({
                name: f.formField,
                isHidden: f.isHidden,
                type: f.type,
                order: i + 1,
                required: false
              }))
            }
          ]
        }
      }
    }
  });
}

function channelFor(state: OrgState, deployment: string): XmlNode | undefined {
  const d = state.component('EmbeddedServiceConfig', deployment);
  const name = d && textOf(child(xmlOf(d), 'embeddedServiceMessagingChannel') ?? xmlOf(d), 'messagingChannel');
  const c = name ? state.component('MessagingChannel', name) : undefined;
  return c ? xmlOf(c) : undefined;
}

/** The chain from a routing attribute to a MessagingSession field (see the header comment). */
function deliver(state: OrgState, conv: Conversation, attrs: Record<string, unknown>): SObjectRecord | undefined {
  syncFromMetadata(state);
  const channelXml = channelFor(state, conv.esDeveloperName);
  const deploymentXml = miawState(state).published.get(conv.esDeveloperName);
  if (!channelXml || !deploymentXml) return undefined;
  const channelName = state.components('MessagingChannel').find((c) => xmlOf(c) === channelXml)?.fullName;
  const channelRec = state.find('MessagingChannel', { DeveloperName: channelName })[0];
  if (!channelRec?.IsActive) return undefined; // an inactive channel takes no conversations
  let convRec = state.find('Conversation', { ConversationIdentifier: conv.id })[0];
  convRec ??= state.insert('Conversation', { ConversationIdentifier: conv.id, CreatedDate: new Date().toISOString() });
  const session = state.insert('MessagingSession', {
    ConversationId: convRec.Id,
    MessagingChannelId: channelRec.Id,
    Status: 'Waiting',
    Origin: 'InboundInitiated',
    CreatedDate: new Date().toISOString()
  });
  if (conv.verifiedSubject) {
    // A verified customer is one messaging user per subject on the channel (key format unverified: docs/channel.md).
    const endUser =
      state.find('MessagingEndUser', {
        MessagingPlatformKey: conv.verifiedSubject,
        MessagingChannelId: channelRec.Id
      })[0] ??
      state.insert('MessagingEndUser', {
        MessagingPlatformKey: conv.verifiedSubject,
        MessagingChannelId: channelRec.Id,
        MessageType: 'EmbeddedMessaging',
        Name: conv.verifiedSubject
      });
    session.MessagingEndUserId = endUser.Id;
  }

  const published = new Map(publishedForm(deploymentXml).map((f) => [f.formField, f]));
  const flowName = textOf(channelXml, 'sessionHandlerFlow');
  const def = flowName ? state.find('FlowDefinition', { DeveloperName: flowName })[0] : undefined;
  const flow = def?.ActiveVersionId ? state.table('Flow').get(String(def.ActiveVersionId)) : undefined;
  const meta = (flow?.Metadata ?? {}) as {
    variables?: Array<{ name: string; isInput?: string }>;
    recordUpdates?: Array<Record<string, unknown>>;
  };
  const inputs = new Set((meta.variables ?? []).filter((v) => v.isInput === 'true').map((v) => v.name));
  const assigns = new Map<string, string>();
  for (const u of meta.recordUpdates ?? []) {
    if (u.object !== 'MessagingSession') continue;
    const list =
      u.inputAssignments === undefined
        ? []
        : Array.isArray(u.inputAssignments)
          ? u.inputAssignments
          : [u.inputAssignments];
    for (const a of list as Array<{ field: string; value?: { elementReference?: string } }>) {
      if (a.value?.elementReference) assigns.set(a.value.elementReference, a.field);
    }
  }
  const fields = new Set(state.find('FieldDefinition').map((f) => f.QualifiedApiName as string));
  const editable = new Set(
    state
      .find('FieldPermissions')
      .filter((p) => p.PermissionsEdit)
      .map((p) => p.Field as string)
  );

  const flowInputs = new Map<string, string>();
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value !== 'string' || value === '') continue;
    const param = parameterFor(channelXml, key);
    if (!param || !published.has(param.formField)) continue;
    for (const variable of param.mappings) {
      if (!inputs.has(variable)) continue;
      flowInputs.set(variable, param.maxLength ? value.slice(0, param.maxLength) : value);
      const field = assigns.get(variable);
      if (!field || !fields.has(field) || !editable.has(`MessagingSession.${field}`)) continue;
      session[field] = param.maxLength ? value.slice(0, param.maxLength) : value;
    }
  }
  syncRouting(state);
  routeSession(state, session, flowName, textOf(channelXml, 'sessionHandlerQueue'), flowInputs);
  return session;
}

function parameterFor(
  channel: XmlNode,
  key: string
): { formField: string; mappings: string[]; maxLength?: number } | undefined {
  const mappings = (p: XmlNode): string[] =>
    children(p, 'actionParameterMappings').map((m) => textOf(m, 'actionParameterName') ?? '');
  for (const p of children(channel, 'customParameters')) {
    if (textOf(p, 'externalParameterName') === key || textOf(p, 'name') === key) {
      return {
        formField: textOf(p, 'name') ?? '',
        mappings: mappings(p),
        maxLength: Number(textOf(p, 'maxLength') ?? '') || undefined
      };
    }
  }
  for (const p of children(channel, 'standardParameters')) {
    const type = textOf(p, 'parameterType') ?? '';
    if (`_${type}`.toLowerCase() === key.toLowerCase()) return { formField: `_${type}`, mappings: mappings(p) };
  }
  return undefined;
}

async function miawHandler(req: EmuRequest, { state }: HandlerContext): Promise<EmuResponse | undefined> {
  if (!req.path.startsWith(BASE)) return undefined;
  const rest = req.path.slice(BASE.length);
  if (rest === '/authorization/unauthenticated/access-token' && req.method === 'POST') return accessToken(req, state);
  if (rest === '/authorization/authenticated/access-token' && req.method === 'POST')
    return accessToken(req, state, true);
  const ms = miawState(state);
  const token = bearer(req);
  const deployment = token ? ms.tokens.get(token) : undefined;
  if (!deployment) return problem(401, 'Invalid or expired access token');
  if (rest === '/conversation' && req.method === 'POST') {
    const body = req.json<{
      conversationId?: string;
      esDeveloperName?: string;
      routingAttributes?: Record<string, unknown>;
    }>();
    if (!body.conversationId || !/^[0-9a-f-]{36}$/i.test(body.conversationId))
      return problem(400, 'conversationId must be a UUID');
    if (ms.conversations.has(body.conversationId)) return problem(400, 'Conversation exists');
    ms.conversations.set(body.conversationId, {
      id: body.conversationId,
      esDeveloperName: body.esDeveloperName ?? deployment,
      routingAttributes: body.routingAttributes ?? {},
      closed: false,
      verifiedSubject: verifiedTokens(state).get(token!)
    });
    return json(201, {});
  }
  const msg = /^\/conversation\/([0-9a-fA-F-]{36})\/message$/.exec(rest);
  if (msg && req.method === 'POST') {
    const conv = ms.conversations.get(msg[1].toLowerCase()) ?? ms.conversations.get(msg[1]);
    if (!conv || conv.closed) return problem(404, 'Conversation not found');
    const body = req.json<{ isNewMessagingSession?: boolean; routingAttributes?: Record<string, unknown> }>();
    if (!conv.sessionId || body.isNewMessagingSession) {
      const session = deliver(
        state,
        conv,
        body.isNewMessagingSession ? (body.routingAttributes ?? {}) : conv.routingAttributes
      );
      conv.sessionId = session?.Id;
    }
    return json(202, { id: randomUUID() });
  }
  const close = /^\/conversation\/([0-9a-fA-F-]{36})$/.exec(rest);
  if (close && req.method === 'DELETE') {
    const conv = ms.conversations.get(close[1]);
    if (!conv) return problem(404, 'Conversation not found');
    conv.closed = true;
    if (conv.sessionId) state.update('MessagingSession', conv.sessionId, { Status: 'Ended' });
    return { status: 204 };
  }
  return undefined;
}

/**
 * The Connect publish call reported for recent API versions (unverified against a real org). When the
 * core registers its own publish route (setup.ts) that one answers first and this is a fallback.
 */
function publishHandler(req: EmuRequest, { state }: HandlerContext): EmuResponse | undefined {
  const m = /^\/services\/data\/v[\d.]+\/connect\/embeddedservice\/embeddedserviceconfig\/publish\/(\w+)$/.exec(
    req.path
  );
  if (!m || req.method !== 'POST') return undefined;
  syncFromMetadata(state);
  const rec =
    state.table('EmbeddedServiceConfig').get(m[1]) ?? state.find('EmbeddedServiceConfig', { DeveloperName: m[1] })[0];
  if (!rec || !publishDeployment(state, String(rec.DeveloperName)))
    return json(404, [{ errorCode: 'NOT_FOUND', message: 'No such deployment' }]);
  return json(200, { success: true });
}

export function registerMiaw(emu: OrgEmulator): void {
  emu.router.register('miaw', miawHandler, { public: true });
  emu.router.register('miaw-publish', publishHandler);
}
