/**
 * The emulator's router: an ordered registry of handlers. Each handler looks at a request and
 * either answers it or returns undefined to let the next one try, so rest.ts and miaw.ts plug in
 * with `emulator.router.register(...)` without editing server.ts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OrgState } from './state';
import { escapeXml } from '../../scripts/xml/write';

export interface EmuRequest {
  method: string;
  /** Path without the query string, e.g. `/services/data/v66.0/query`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body as text ('' when none). */
  body: string;
  /** The SOAP operation (`deploy`, `checkDeployStatus`…) for SOAP calls; undefined otherwise. */
  soapOperation?: string;
  /** The session presented: a Bearer token, or the SOAP SessionHeader's sessionId. */
  sessionId?: string;
  /** `METHOD /path` plus ` <soapOperation>` for SOAP: what faults and counters match against. */
  label: string;
  /** The body parsed as JSON (throws on invalid JSON: the server answers 400). */
  json<T = unknown>(): T;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else is sent as JSON. */
  body?: unknown;
}

/** What every handler receives besides the request. */
export interface HandlerContext {
  state: OrgState;
  /** The emulator's own base URL (`http://127.0.0.1:PORT`). */
  baseUrl: string;
}

export type Handler = (
  req: EmuRequest,
  ctx: HandlerContext
) => EmuResponse | undefined | Promise<EmuResponse | undefined>;

export interface RouteOptions {
  /** Public routes (OAuth, MIAW with its own tokens) skip the org session check. */
  public?: boolean;
}

interface Route {
  name: string;
  handler: Handler;
  options: RouteOptions;
}

export class Router {
  private readonly routes: Route[] = [];

  /** Adds a handler; handlers are tried in registration order. Re-registering a name replaces it. */
  register(name: string, handler: Handler, options: RouteOptions = {}): this {
    const at = this.routes.findIndex((r) => r.name === name);
    const route = { name, handler, options };
    if (at >= 0) this.routes[at] = route;
    else this.routes.push(route);
    return this;
  }

  names(): string[] {
    return this.routes.map((r) => r.name);
  }

  /** Runs the handlers in order; the first answer wins. `authorised` says whether private routes may answer. */
  async handle(
    req: EmuRequest,
    ctx: HandlerContext,
    authorised: boolean
  ): Promise<{ response: EmuResponse; route: string } | undefined> {
    for (const route of this.routes) {
      if (!authorised && !route.options.public) continue;
      const response = await route.handler(req, ctx);
      if (response) return { response, route: route.name };
    }
    return undefined;
  }
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return {
    status,
    body,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers }
  };
}

/** The REST API's error shape: `[{ errorCode, message }]`. */
export function restError(status: number, errorCode: string, message: string): EmuResponse {
  return json(status, [{ errorCode, message }]);
}

/** Escapes text for XML content and attribute values: the kit's own XML writer's escaping. */
export const xmlEscape = escapeXml;

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP answer whose body is `<{operation}Response>` with the given inner XML, in the Metadata namespace. */
export function soapResponse(operation: string, innerXml: string): EmuResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" ` +
      `xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<soapenv:Body><${operation}Response>${innerXml}</${operation}Response></soapenv:Body></soapenv:Envelope>`
  };
}

/** A SOAP fault, as Salesforce sends it: HTTP 500 with `sf:<CODE>` as the faultcode. */
export function soapFault(code: string, message: string): EmuResponse {
  return {
    status: 500,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:sf="urn:fault.partner.soap.sforce.com">` +
      `<soapenv:Body><soapenv:Fault><faultcode>sf:${xmlEscape(code)}</faultcode><faultstring>${xmlEscape(code)}: ${xmlEscape(message)}</faultstring>` +
      `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  };
}
