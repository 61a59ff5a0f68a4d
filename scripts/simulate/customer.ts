/**
 * What the customer meets along the simulated path, from the channel file: the automated responses
 * (MessagingChannel `automatedResponses`) in the order the path reaches them, and what a file upload
 * would do (`embeddedConfig` attachment settings; the vendor re-sends its routing attributes with an
 * upload, as Fin does). When each response fires is read from its Setup name (Initial, Agent Engaged,
 * Agent End Engagement, End User Idle / Inactive): docs/channel.md says so, no org was watched.
 */
import { child, children, textOf, type XmlNode } from '../xml/read';
import type { KeyVerdict } from './messaging';
import type { Outcome } from './simulate';
import type { Scenario } from './flow/actions';

export interface ChannelAutoResponse {
  /** MessagingAutoResponseType (InitialResponse …). */
  type: string;
  language: string;
  text: string;
  timeoutMinutes?: number;
}

export interface ChannelCustomerSettings {
  autoResponses: ChannelAutoResponse[];
  /** `isAttachmentUploadEnabled`; undefined when the file leaves it to the platform. */
  attachmentsEnabled?: boolean;
  fileTypes?: string[];
  anyFileType?: boolean;
  maxFileSizeMB?: number;
}

/** The customer-facing settings of a MessagingChannel file. */
export function customerSettingsOf(channel: XmlNode): ChannelCustomerSettings {
  const ec = child(channel, 'embeddedConfig');
  const bool = (name: string): boolean | undefined => {
    const t = ec && textOf(ec, name);
    return t === undefined ? undefined : t === 'true';
  };
  const types = ec && textOf(ec, 'allowedFileTypes');
  const size = ec && textOf(ec, 'maxFileSize');
  return {
    autoResponses: children(channel, 'automatedResponses')
      .filter((r) => (textOf(r, 'autoResponseContentType') ?? 'TextResponse') === 'TextResponse')
      .map((r) => {
        const timeout = textOf(r, 'responseTimeoutInMins');
        return {
          type: textOf(r, 'type') ?? '',
          language: textOf(r, 'language') ?? '',
          text: textOf(r, 'response') ?? '',
          ...(timeout !== undefined ? { timeoutMinutes: Number(timeout) } : {})
        };
      }),
    attachmentsEnabled: bool('isAttachmentUploadEnabled'),
    fileTypes: types ? types.split(',').map((t) => t.trim()) : undefined,
    anyFileType: bool('isFileAttachmentExtUnrestricted'),
    maxFileSizeMB: size !== undefined && /^\d+$/.test(size) ? Number(size) : undefined
  };
}

export interface CustomerMoment {
  /** When, in the customer's terms. */
  when: string;
  /** The responses sent then, one per language; empty when the channel has none for it. */
  responses: { type: string; language: string; text: string }[];
  /** The response type the moment would send (for "none configured"). */
  type: string;
}

export interface FileUploadView {
  allowed: boolean;
  /** Why not, or which files. */
  detail: string;
  /** The keys the vendor re-sends with the upload that the channel accepts, with the value the flow gets. */
  resent: { key: string; value: string; flowInputs: string[] }[];
  /** Re-sent keys the channel drops (as at the start). */
  dropped: string[];
}

export interface CustomerView {
  moments: CustomerMoment[];
  fileUpload: FileUploadView;
}

function moment(settings: ChannelCustomerSettings, type: string, when: string): CustomerMoment {
  const responses = settings.autoResponses
    .filter((r) => r.type === type)
    .map((r) => ({ type: r.type, language: r.language, text: r.text }));
  return { when, responses, type };
}

/** The automated responses the path reaches, in order, and what a file upload would re-send. */
export function customerView(
  settings: ChannelCustomerSettings,
  outcome: Outcome,
  scenario: Scenario,
  keys: KeyVerdict[]
): CustomerView {
  const moments: CustomerMoment[] = [moment(settings, 'InitialResponse', 'the conversation starts')];
  if (outcome.kind === 'routed') {
    const online = scenario.agents.get(outcome.queue) ?? scenario.defaultAgents;
    if (online > 0) {
      moments.push(moment(settings, 'AgentEngagedResponse', `an agent of queue ${outcome.queue} accepts the work`));
      moments.push(moment(settings, 'AgentEndEngagementResponse', 'the agent ends the conversation'));
    } else
      moments.push({
        when: `no agent of queue ${outcome.queue} is online: the customer waits, and no engaged response comes until one accepts`,
        responses: [],
        type: ''
      });
  } else if (outcome.kind === 'case')
    moments.push({
      when: `Case ${outcome.caseNumber || outcome.caseId} is created and the conversation goes back to the vendor (End Conversation): no agent joins, so no engaged response`,
      responses: [],
      type: ''
    });
  else moments.push({ when: 'the session is dropped: nothing more is sent', responses: [], type: '' });
  for (const r of settings.autoResponses.filter(
    (x) => x.type === 'EndUserIdleResponse' || x.type === 'EndUserInactiveResponse'
  ))
    moments.push({
      when: `the customer is silent for ${r.timeoutMinutes ?? "the platform's default"} minutes`,
      responses: [{ type: r.type, language: r.language, text: r.text }],
      type: r.type
    });
  return { moments, fileUpload: fileUpload(settings, keys) };
}

function fileUpload(settings: ChannelCustomerSettings, keys: KeyVerdict[]): FileUploadView {
  if (settings.attachmentsEnabled !== true)
    return {
      allowed: false,
      detail:
        settings.attachmentsEnabled === false
          ? 'file uploads are off on the channel (isAttachmentUploadEnabled false): the customer cannot send a file, so nothing is re-sent'
          : "the channel does not set isAttachmentUploadEnabled: the platform's default applies (unknown to the kit), so no re-send is shown",
      resent: [],
      dropped: []
    };
  const types = settings.anyFileType
    ? 'any file type'
    : settings.fileTypes?.join(', ') || "the platform's default types";
  const size = settings.maxFileSizeMB !== undefined ? `, up to ${settings.maxFileSizeMB} MB` : '';
  return {
    allowed: true,
    detail: `file uploads are on (${types}${size}); the vendor re-sends its routing attributes with each upload; they reach the flow only when the upload starts a new messaging session (isNewMessagingSession), after the earlier one ended`,
    resent: keys.filter((k) => k.accepted).map((k) => ({ key: k.key, value: k.value ?? '', flowInputs: k.flowInputs })),
    dropped: keys.filter((k) => !k.accepted).map((k) => k.key)
  };
}

/** Trace lines for the customer's side. */
export function customerLines(view: CustomerView): string[] {
  const out: string[] = ['What the customer reads:'];
  for (const m of view.moments) {
    if (!m.type) {
      out.push(`  when ${m.when}`);
      continue;
    }
    if (!m.responses.length) out.push(`  when ${m.when}: no ${m.type} on the channel`);
    for (const r of m.responses) out.push(`  when ${m.when}: ${r.type} (${r.language}) "${r.text}"`);
  }
  const f = view.fileUpload;
  out.push(`File upload: ${f.detail}`);
  if (f.allowed) {
    out.push(
      `  re-sent and accepted: ${f.resent.length ? f.resent.map((r) => `${r.key} → ${r.flowInputs.join(', ')}`).join('; ') : 'none'}`
    );
    if (f.dropped.length) out.push(`  re-sent and dropped again: ${f.dropped.join(', ')}`);
  }
  return out;
}
