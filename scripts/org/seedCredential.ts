/**
 * Sets the End Conversation token on the External Credential's named principal through the Connect
 * REST API's Credential resource (`/services/data/vXX.X/named-credentials/credential`: GET with
 * externalCredential, principalName and principalType; POST creates, PUT replaces; available since
 * 56.0; developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_resources_named_credential.htm).
 * The token goes in as an encrypted credential and is never read back: the org answers with the
 * parameter names (doctor only asks whether one is set). Without `rotate`, a principal that already has
 * a token is left alone, so a second seed writes nothing.
 */
import type { Connection } from 'jsforce';
import { CALLOUT_CREDENTIAL } from '../contract';
import type { OrgCaller } from './doctorSoql';

export const CREDENTIAL_PATH = '/named-credentials/credential';

export interface CredentialState {
  /** True when the principal has a token parameter (its value is never carried). */
  tokenSet: boolean;
  /** True when the org has a credential object for the principal (PUT replaces it, POST creates it). */
  exists: boolean;
}

export interface CredentialSeed {
  externalCredential: string;
  principal: string;
  tokenEnv: string;
  action: 'unchanged' | 'set' | 'rotate' | 'missing';
}

interface CredentialOutput {
  credentials?: Record<string, { value?: string | null; encrypted?: boolean } | undefined>;
}

function url(conn: Connection, query: boolean): string {
  const base = `/services/data/v${conn.version}${CREDENTIAL_PATH}`;
  if (!query) return base;
  const q = new URLSearchParams({
    externalCredential: CALLOUT_CREDENTIAL.externalCredential,
    principalName: CALLOUT_CREDENTIAL.principal,
    principalType: 'NamedPrincipal'
  });
  return `${base}?${q.toString()}`;
}

/** Reads whether the principal has a token. A 404 (no credential yet) reads as "not set". */
export async function readCredential(org: OrgCaller): Promise<CredentialState> {
  try {
    const out = (await org.call('read credential', (conn) =>
      conn.request({ method: 'GET', url: url(conn, true) })
    )) as CredentialOutput;
    // Presence only: whether the org masks or omits an encrypted value in the answer is not relied on.
    const tokenSet = !!out?.credentials && CALLOUT_CREDENTIAL.tokenParameter in out.credentials;
    return { exists: true, tokenSet };
  } catch (e) {
    const err = e as { errorCode?: string; statusCode?: number; name?: string };
    if (err.errorCode === 'NOT_FOUND' || err.statusCode === 404 || err.name === 'NOT_FOUND')
      return { exists: false, tokenSet: false };
    throw e;
  }
}

/** The request body: the token as an encrypted Custom-protocol credential. */
function credentialInput(token: string): string {
  return JSON.stringify({
    externalCredential: CALLOUT_CREDENTIAL.externalCredential,
    authenticationProtocol: 'Custom',
    principalName: CALLOUT_CREDENTIAL.principal,
    principalType: 'NamedPrincipal',
    credentials: { [CALLOUT_CREDENTIAL.tokenParameter]: { value: token, encrypted: true } }
  });
}

/** Plans the token write: set when missing, replace only on request, report when nothing can be done. */
export function planCredential(
  state: CredentialState,
  envToken: string | undefined,
  rotate: boolean
): CredentialSeed['action'] {
  const have = !!envToken && envToken.trim() !== '';
  if (state.tokenSet) return have && rotate ? 'rotate' : 'unchanged';
  return have ? 'set' : 'missing';
}

/** Writes the token (POST when the principal has no credential yet, PUT to replace it). */
export async function writeCredential(org: OrgCaller, state: CredentialState, token: string): Promise<void> {
  await org.call(state.exists ? 'replace credential' : 'create credential', (conn) =>
    conn.request({
      method: state.exists ? 'PUT' : 'POST',
      url: url(conn, false),
      body: credentialInput(token.trim()),
      headers: { 'content-type': 'application/json' }
    })
  );
}
