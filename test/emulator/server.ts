/**
 * The loopback org emulator: a node:http server on 127.0.0.1 (a free port) that speaks the parts
 * of Salesforce's REST, SOAP Metadata and OAuth APIs the kit's commands use, keeps the org in
 * memory (state.ts), counts every request and injects faults on request. Tests start one per suite
 * and stop it afterwards. Only test code and benches use it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrgState } from './state';
import { Router, restError, soapFault, type EmuRequest, type EmuResponse, type HandlerContext } from './router';
import { oauthHandler, type OAuthSettings } from './oauth';
import { publishHandler, type PublishSettings } from './setup';
import { resendActionHandler, type ResentLog } from './actions';
import { credentialHandler, type CredentialSettings, type CredentialStore } from './credentials';
import { defaultMetadataSettings, metadataHandler, type MetadataSettings } from './metadata';

/** A fault to inject. It applies to the next `times` requests whose label it matches. */
export interface Fault {
  /**
   * A label prefix (`'POST /services/Soap/m'`, `'GET /services/data'`), a SOAP operation name
   * (`'deploy'`, `'checkDeployStatus'`), a regular expression over the label, or a predicate.
   */
  match: string | RegExp | ((req: EmuRequest) => boolean);
  /** How many matching requests it affects (default 1). */
  times?: number;
  /** Answer with this HTTP status (REST: `[{errorCode,message}]`; SOAP: a fault, HTTP 500). */
  status?: number;
  /** The errorCode / SOAP faultcode to send with `status` (default UNKNOWN_EXCEPTION / SERVER_UNAVAILABLE). */
  errorCode?: string;
  message?: string;
  /** Delay the answer by this many milliseconds (alone, or before the status). */
  latencyMs?: number;
  /** Expire every session before answering: the request (and later ones) fail until re-authorised. */
  expireSession?: boolean;
  /** Destroy the socket without answering (a network error on the client). */
  drop?: boolean;
  /**
   * Let the handler run and commit, then destroy the socket instead of answering: the client sees a
   * network error for a write the org made (its retry then meets what it already wrote).
   */
  dropAfterCommit?: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  label: string;
  soapOperation?: string;
  status: number;
  /** The handler that answered, or `fault`, `auth`, `not-found`. */
  route: string;
}

export interface EmulatorOptions {
  /** Plug-ins that register extra handlers (rest.ts, miaw.ts export one each). */
  plugins?: Array<(emu: OrgEmulator) => void>;
  /** Status polls a deploy takes before it is done (default 1: one "InProgress" answer). */
  deployPolls?: number;
  /** Largest body accepted, in bytes (default 20 MB). */
  maxBodyBytes?: number;
}

export class OrgEmulator {
  readonly state = new OrgState();
  readonly router = new Router();
  readonly faults: Fault[] = [];
  readonly requests: RequestLogEntry[] = [];
  readonly oauth: OAuthSettings = { rejectDomain: false };
  readonly metadataSettings: MetadataSettings;
  /** Whether the Connect API publishes deployments (false: 404, as in an org without the endpoint). */
  readonly publishing: PublishSettings = { supported: true };
  /** Connect API credentials (External Credential principals): the unverified answers, and the store. */
  readonly credentialSettings: CredentialSettings = { missingAnswer: 'not-found', duplicateCode: 'DUPLICATE_VALUE' };
  readonly credentials: CredentialStore = new Map();
  /** Event ids the emulated "Resend End Conversation" action was asked to send. */
  readonly resent: ResentLog = [];
  /** Added to every answer, in milliseconds. */
  latencyMs = 0;
  private server?: http.Server;
  private port = 0;

  private constructor(private readonly options: EmulatorOptions) {
    this.metadataSettings = defaultMetadataSettings(options.deployPolls ?? 1);
    this.router.register('oauth', oauthHandler(this.oauth), { public: true });
    this.router.register('metadata', metadataHandler(this.metadataSettings));
    this.router.register('publish', publishHandler(this.publishing));
    this.router.register('credential', credentialHandler(this.credentialSettings, this.credentials));
    this.router.register('resend-action', resendActionHandler(this.resent));
    for (const plugin of options.plugins ?? []) plugin(this);
  }

  static async start(options: EmulatorOptions = {}): Promise<OrgEmulator> {
    const emu = new OrgEmulator(options);
    await emu.listen();
    return emu;
  }

  /** `http://127.0.0.1:PORT`: the instance URL and the login URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A valid access token, as if the sf CLI or an admin had handed one over. */
  issueToken(): string {
    return this.state.issueSession();
  }

  /** Requests whose label starts with `match` (or whose SOAP operation equals it, or matching a RegExp). */
  count(match?: string | RegExp): number {
    if (match === undefined) return this.requests.length;
    return this.requests.filter((r) => labelMatches(match, r.label, r.soapOperation)).length;
  }

  /** Counts by label, for reports: `{ 'POST /services/Soap/m/66.0 deploy': 3, … }`. */
  counters(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests) out[r.label] = (out[r.label] ?? 0) + 1;
    return out;
  }

  resetCounters(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    const server = http.createServer((req, res) => {
      this.serve(req, res).catch((e: Error) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`emulator bug: ${e.stack ?? e.message}`);
        } else res.destroy();
      });
    });
    server.keepAliveTimeout = 1000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, this.options.maxBodyBytes ?? 20 * 1024 * 1024);
    const request = toEmuRequest(req, body);
    const log = (status: number, route: string): void => {
      this.requests.push({
        method: request.method,
        path: request.path,
        label: request.label,
        soapOperation: request.soapOperation,
        status,
        route
      });
    };
    if (body === undefined) {
      log(413, 'limit');
      return send(res, restError(413, 'REQUEST_TOO_LARGE', 'The request body is too large'));
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    const fault = this.takeFault(request);
    if (fault) {
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (fault.drop) {
        log(0, 'fault');
        req.socket.destroy();
        return;
      }
      if (fault.expireSession) this.state.expireSessions();
      if (fault.status) {
        log(fault.status, 'fault');
        return send(res, faultResponse(request, fault));
      }
    }

    const isPrivate = /^\/services\/(data|Soap)\//.test(request.path);
    const authorised = !isPrivate || this.state.isValidSession(request.sessionId);
    const ctx: HandlerContext = { state: this.state, baseUrl: this.url };
    let answer: { response: EmuResponse; route: string } | undefined;
    try {
      answer = await this.router.handle(request, ctx, authorised);
    } catch (e) {
      if (e instanceof SyntaxError)
        answer = {
          response: restError(400, 'JSON_PARSER_ERROR', e.message),
          route: 'bad-request'
        };
      else throw e;
    }
    if (!answer && !authorised) {
      answer = {
        route: 'auth',
        response: request.soapOperation
          ? soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session')
          : restError(401, 'INVALID_SESSION_ID', 'Session expired or invalid')
      };
    }
    if (!answer) {
      answer = {
        route: 'not-found',
        response: request.soapOperation
          ? soapFault('UNKNOWN_OPERATION', `The emulator does not implement ${request.soapOperation}`)
          : restError(404, 'NOT_FOUND', `The requested resource does not exist: ${request.method} ${request.path}`)
      };
    }
    if (fault?.dropAfterCommit) {
      log(0, 'fault-after-commit');
      req.socket.destroy();
      return;
    }
    log(answer.response.status, answer.route);
    send(res, answer.response);
  }

  private takeFault(req: EmuRequest): Fault | undefined {
    const at = this.faults.findIndex((f) =>
      typeof f.match === 'function' ? f.match(req) : labelMatches(f.match, req.label, req.soapOperation)
    );
    if (at < 0) return undefined;
    const fault = this.faults[at];
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) this.faults.splice(at, 1);
    else fault.times = left;
    return fault;
  }
}

function labelMatches(match: string | RegExp, label: string, soapOperation?: string): boolean {
  if (match instanceof RegExp) return match.test(label);
  return label.startsWith(match) || (soapOperation !== undefined && soapOperation === match);
}

function faultResponse(req: EmuRequest, fault: Fault): EmuResponse {
  const status = fault.status!;
  const code = fault.errorCode ?? (status >= 500 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION');
  const message = fault.message ?? `Injected fault (HTTP ${status})`;
  if (req.soapOperation) return { ...soapFault(code, message), status };
  return restError(status, code, message);
}

const SOAP_OPERATION = /<(?:[A-Za-z0-9_]+:)?Body\b[^>]*>\s*<(?:[A-Za-z0-9_]+:)?([A-Za-z]+)\b/;
const SOAP_SESSION = /<(?:[A-Za-z0-9_]+:)?sessionId>([^<]*)<\/(?:[A-Za-z0-9_]+:)?sessionId>/;

function toEmuRequest(req: http.IncomingMessage, body: string | undefined): EmuRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const text = body ?? '';
  let soapOperation: string | undefined;
  let sessionId: string | undefined;
  if (url.pathname.startsWith('/services/Soap/')) {
    soapOperation = SOAP_OPERATION.exec(text)?.[1];
    sessionId = SOAP_SESSION.exec(text)?.[1];
  }
  const auth = req.headers.authorization;
  if (!sessionId && auth && /^(Bearer|OAuth) /i.test(auth)) sessionId = auth.replace(/^(Bearer|OAuth) /i, '').trim();
  const label = `${method} ${url.pathname}${soapOperation ? ` ${soapOperation}` : ''}`;
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: text,
    soapOperation,
    sessionId,
    label,
    json<T>(): T {
      return JSON.parse(text) as T;
    }
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, r: EmuResponse): void {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json;charset=UTF-8';
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(r.status, headers);
  res.end(body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
