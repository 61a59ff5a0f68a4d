/**
 * The Connect REST API's Credential resource (`/services/data/vXX.X/named-credentials/credential`):
 * GET with externalCredential, principalName and principalType; POST creates, PUT replaces (Connect
 * REST API Developer Guide, "Credential", available since 56.0). The org keeps the principal's
 * credentials encrypted and the emulator never answers a value (the masking of GET answers is not
 * verified against an org: the kit only asks whether a parameter is present). Unverified and kept as
 * one named setting each: the answer for a principal with no credential (`missingAnswer`) and for a
 * second POST (`duplicateCode`).
 */
import type { Handler } from './router';
import { json, restError } from './router';
import type { OrgState } from './state';
import { children, parseXml, textOf } from '../../scripts/xml/read';

export interface CredentialSettings {
  /** GET of a principal with no credential: 404 NOT_FOUND, or 200 with an empty credentials map. */
  missingAnswer: 'not-found' | 'empty';
  /** errorCode of a POST for a principal that already has a credential. */
  duplicateCode: string;
}

/** `externalCredential|principalName` → parameter name → value (test-visible; never answered). */
export type CredentialStore = Map<string, Map<string, string>>;

const PATH = /^\/services\/data\/v[\d.]+\/named-credentials\/credential$/;

interface CredentialInput {
  externalCredential?: string;
  principalName?: string;
  principalType?: string;
  authenticationProtocol?: string;
  credentials?: Record<string, { value?: string; encrypted?: boolean }>;
}

function namedPrincipals(state: OrgState, externalCredential: string): string[] | undefined {
  const c = state.component('ExternalCredential', externalCredential);
  if (!c) return undefined;
  return children(parseXml(c.xml), 'externalCredentialParameters')
    .filter((p) => textOf(p, 'parameterType') === 'NamedPrincipal')
    .map((p) => textOf(p, 'parameterName') ?? '');
}

export function credentialHandler(settings: CredentialSettings, store: CredentialStore): Handler {
  return (req, { state }) => {
    if (!PATH.test(req.path)) return undefined;
    if (req.method === 'GET') {
      const ext = req.query.get('externalCredential') ?? '';
      const principal = req.query.get('principalName') ?? '';
      if (!namedPrincipals(state, ext)?.includes(principal))
        return restError(404, 'NOT_FOUND', `No principal ${principal} on external credential ${ext}`);
      const stored = store.get(`${ext}|${principal}`);
      if (!stored && settings.missingAnswer === 'not-found')
        return restError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const credentials = Object.fromEntries(
        [...(stored ?? new Map<string, string>()).keys()].map((k) => [k, { encrypted: true, value: null }])
      );
      return json(200, {
        externalCredential: ext,
        principalName: principal,
        principalType: 'NamedPrincipal',
        credentials
      });
    }
    if (req.method !== 'POST' && req.method !== 'PUT') return undefined;
    const input = req.json<CredentialInput>();
    const ext = input.externalCredential ?? '';
    const principal = input.principalName ?? '';
    if (!namedPrincipals(state, ext)?.includes(principal) || input.principalType !== 'NamedPrincipal')
      return restError(400, 'INVALID_INPUT', `No named principal ${principal} on external credential ${ext}`);
    const key = `${ext}|${principal}`;
    if (req.method === 'POST' && store.has(key))
      return restError(400, settings.duplicateCode, `The principal ${principal} already has a credential`);
    if (req.method === 'PUT' && !store.has(key))
      return restError(404, 'NOT_FOUND', `The principal ${principal} has no credential to replace`);
    store.set(key, new Map(Object.entries(input.credentials ?? {}).map(([k, v]) => [k, String(v.value ?? '')])));
    return json(req.method === 'POST' ? 201 : 200, {
      externalCredential: ext,
      principalName: principal,
      principalType: 'NamedPrincipal'
    });
  };
}
