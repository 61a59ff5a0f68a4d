/**
 * A small client for the MIAW REST API as an AI vendor calls it (docs/architecture.md): an access
 * token for a deployment (unauthenticated, or for a verified customer's JWT), conversations, messages, closing. Every call has a timeout; 401
 * re-fetches the token once; 429 and 5xx back off a bounded number of times. No token is ever logged.
 */
import { randomUUID } from 'node:crypto';
import { unreachableReason } from './networkFailure';

export class MiawError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
    this.name = 'MiawError';
  }
}

export interface MiawOptions {
  /** `https://<my-domain>.my.salesforce-scrt.com` (no trailing slash needed). */
  baseUrl: string;
  orgId: string;
  esDeveloperName: string;
  /** Per-request timeout in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Retries after 429 or 5xx (default 3). */
  maxRetries?: number;
  /** First backoff delay in milliseconds, doubled each retry (default 500). */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /**
   * A verified customer's identity JWT (verifiedJwt.ts): the token then comes from the authenticated
   * access-token endpoint (`authorizationType: "JWT"`), and a 401 re-fetch sends it again.
   */
  customerIdentityToken?: string;
}

/** The pre-chat fields the published deployment serves. */
export interface PublishedForm {
  formFields: string[];
}

const API = '/iamessage/api/v2';

/** Derives the MIAW host from a My Domain instance URL (`acme.my.salesforce.com` → `acme.my.salesforce-scrt.com`). */
export function scrtUrlFromInstance(instanceUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(instanceUrl).host;
  } catch {
    return undefined;
  }
  const m = /^(.+)\.my\.salesforce\.com$/.exec(host);
  return m ? `https://${m[1]}.my.salesforce-scrt.com` : undefined;
}

/** Field names out of `context.configuration.embeddedServiceConfig.forms[]` (formFields and hiddenFormFields). */
export function formFieldsOf(body: unknown): string[] {
  const forms = (body as { context?: { configuration?: { embeddedServiceConfig?: { forms?: unknown[] } } } })?.context
    ?.configuration?.embeddedServiceConfig?.forms;
  const out: string[] = [];
  for (const f of Array.isArray(forms) ? forms : []) {
    const form = f as { formFields?: unknown[]; hiddenFormFields?: unknown[] };
    for (const field of [...(form.formFields ?? []), ...(form.hiddenFormFields ?? [])]) {
      const name =
        (field as { name?: string; formField?: string })?.name ?? (field as { formField?: string })?.formField;
      if (typeof name === 'string' && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

export class MiawClient {
  private token?: string;
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  /** HTTP calls made, for reports. */
  calls = 0;

  constructor(private readonly opts: MiawOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '') + API;
    this.fetchFn = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Gets a token for the deployment (as a guest, or as the verified customer) and returns its published pre-chat form. */
  async authorize(): Promise<PublishedForm> {
    const base = {
      orgId: this.opts.orgId,
      esDeveloperName: this.opts.esDeveloperName,
      capabilitiesVersion: '1',
      platform: 'Web'
    };
    const identity = this.opts.customerIdentityToken;
    const res = identity
      ? await this.send(
          'POST',
          '/authorization/authenticated/access-token',
          { ...base, authorizationType: 'JWT', customerIdentityToken: identity },
          false
        )
      : await this.send('POST', '/authorization/unauthenticated/access-token', base, false);
    const body = (await res.json()) as { accessToken?: string };
    if (!body.accessToken) throw new MiawError('The access-token answer has no accessToken', res.status);
    this.token = body.accessToken;
    return { formFields: formFieldsOf(body) };
  }

  async createConversation(
    routingAttributes: Record<string, string>,
    conversationId: string = randomUUID()
  ): Promise<string> {
    await this.send('POST', '/conversation', {
      conversationId,
      esDeveloperName: this.opts.esDeveloperName,
      routingAttributes
    });
    return conversationId;
  }

  /**
   * Sends a text message. On 417 (no messaging session: it ended or never started) resends once with
   * isNewMessagingSession and the routing attributes, as docs/architecture.md says.
   */
  async sendMessage(
    conversationId: string,
    text: string,
    routingAttributes: Record<string, string>
  ): Promise<{ newSession: boolean }> {
    const message = (extra: object) => ({
      message: { id: randomUUID(), messageType: 'StaticContentMessage', staticContent: { formatType: 'Text', text } },
      esDeveloperName: this.opts.esDeveloperName,
      ...extra
    });
    try {
      await this.send('POST', `/conversation/${conversationId}/message`, message({}));
      return { newSession: false };
    } catch (e) {
      if (!(e instanceof MiawError) || e.status !== 417) throw e;
      await this.send(
        'POST',
        `/conversation/${conversationId}/message`,
        message({ isNewMessagingSession: true, routingAttributes })
      );
      return { newSession: true };
    }
  }

  async closeConversation(conversationId: string): Promise<void> {
    await this.send(
      'DELETE',
      `/conversation/${conversationId}?esDeveloperName=${encodeURIComponent(this.opts.esDeveloperName)}`
    );
  }

  /** Why a request got no answer: a timeout, a reason fetch's cause gives (networkFailure.ts), else its message. */
  private noAnswer(e: unknown): string {
    const err = e as Error;
    if (err.name === 'TimeoutError') return 'timed out';
    const why = unreachableReason(e, this.opts.baseUrl);
    return why ? `cannot reach ${this.opts.baseUrl.replace(/\/+$/, '')}: ${why}` : err.message;
  }

  private async send(method: string, path: string, body?: unknown, authed = true): Promise<Response> {
    const maxRetries = this.opts.maxRetries ?? 3;
    let delay = this.opts.backoffMs ?? 500;
    let reauthorised = false;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (authed) {
        if (!this.token) await this.authorize();
        headers.authorization = `Bearer ${this.token}`;
      }
      this.calls++;
      let res: Response;
      try {
        res = await this.fetchFn(this.base + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000)
        });
      } catch (e) {
        if (attempt >= maxRetries) throw new MiawError(`${method} ${path.split('?')[0]}: ${this.noAnswer(e)}`, 0);
        await this.sleep(delay);
        delay *= 2;
        continue;
      }
      if (res.ok) return res;
      if (res.status === 401 && authed && !reauthorised) {
        // The token expired: get a new one once, then repeat the call.
        reauthorised = true;
        this.token = undefined;
        await res.text();
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && attempt < maxRetries) {
        const retryAfter = Number(res.headers.get('retry-after'));
        await res.text();
        await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : delay);
        delay *= 2;
        continue;
      }
      const text = await res.text();
      let message = text.slice(0, 300);
      try {
        const parsed = JSON.parse(text) as { message?: string } | Array<{ message?: string }>;
        message = (Array.isArray(parsed) ? parsed[0]?.message : parsed.message) ?? message;
      } catch {
        /* not JSON: keep the text */
      }
      throw new MiawError(`${method} ${path.split('?')[0]} answered ${res.status}: ${message}`, res.status);
    }
  }
}
