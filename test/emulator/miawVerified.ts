/**
 * Verified users on the emulator's MIAW API: `POST /iamessage/api/v2/authorization/authenticated/access-token`
 * with `{orgId, esDeveloperName, capabilitiesVersion, platform, authorizationType: "JWT",
 * customerIdentityToken}` (body as public MIAW clients send it; the path is the MIAW REST API's).
 * The JWT is checked against the key sets the deployment's channel names in `messagingAuthorizations`.
 *
 * A JWKS_URL key set's keys are what `vendorJwks(state).set(url, jwks)` says the vendor's URL serves:
 * the emulator never leaves 127.0.0.1. A JWKS key set lists PublicKeyCertificate components whose
 * `jsonWebKey` holds the key. The platform's answer to a refused JWT is unknown (one public client
 * comments that an anonymous token comes back with 200); the emulator answers 401 naming the reason.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { children, child, parseXml, textOf, type XmlNode } from '../../scripts/xml/read';
import type { OrgState } from './state';

export interface Jwks {
  keys: JsonWebKey[];
}

const vendorKeys = new WeakMap<OrgState, Map<string, Jwks>>();
const subjects = new WeakMap<OrgState, Map<string, string>>();

/** What each JWKS URL would serve (url → key set), set by a test in place of the vendor's server. */
export function vendorJwks(state: OrgState): Map<string, Jwks> {
  let m = vendorKeys.get(state);
  if (!m) vendorKeys.set(state, (m = new Map()));
  return m;
}

/** MIAW access token → the verified subject (`sub`) it was issued for. */
export function verifiedTokens(state: OrgState): Map<string, string> {
  let m = subjects.get(state);
  if (!m) subjects.set(state, (m = new Map()));
  return m;
}

/** RS256 and RS512: doc help.salesforce.com `service.miaw_token_based_user_verification_setup` ("We support the RS256 and RS512 algorithms"). */
const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS512: 'sha512' };

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part) return undefined;
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface KeySet {
  name: string;
  issuer?: string;
  keys: JsonWebKey[];
}

function keySetsOf(state: OrgState, channel: XmlNode): KeySet[] {
  const ec = child(channel, 'embeddedConfig');
  if (!ec || textOf(ec, 'authMode') !== 'Auth') return [];
  return children(ec, 'messagingAuthorizations')
    .map((a) => textOf(a, 'publicKeyCertificateSetName') ?? '')
    .map((name): KeySet => {
      const c = state.component('PublicKeyCertificateSet', name);
      if (!c) return { name, keys: [] };
      const x = parseXml(c.xml);
      const url = textOf(x, 'jwksEndPoint');
      const keys =
        textOf(x, 'type') === 'JWKS_URL'
          ? (vendorJwks(state).get(url ?? '')?.keys ?? [])
          : children(x, 'publicKeyCertificateSetKeys').flatMap((k) => {
              const cert = state.component('PublicKeyCertificate', textOf(k, 'publicKeyCertificate') ?? '');
              const jwk = cert ? textOf(parseXml(cert.xml), 'jsonWebKey') : undefined;
              try {
                return jwk ? [JSON.parse(jwk) as JsonWebKey] : [];
              } catch {
                return [];
              }
            });
      return { name, issuer: textOf(x, 'jwtIssuer'), keys };
    });
}

/**
 * Checks a customer identity JWT for the channel: the subject it verifies, or why it is refused.
 * `now` in seconds since the epoch.
 */
export function verifyIdentityToken(
  state: OrgState,
  channel: XmlNode,
  jwt: string,
  now: number
): { subject: string } | { refused: string } {
  const sets = keySetsOf(state, channel);
  // Verified users need the channel's authMode Auth with a key set in messagingAuthorizations (metadata-v66.wsdl, MessagingChannel).
  if (sets.length === 0)
    return { refused: 'the channel is not set up for verified users (authMode Auth with a key set)' };
  const [h, p, s] = jwt.split('.');
  const header = decodePart(h);
  const claims = decodePart(p);
  if (!header || !claims || !s) return { refused: 'the customer identity token is not a JWT' };
  // Only RS256 and RS512 are accepted (Salesforce Help, "Set Up Token-Based User Verification").
  const hash = ALGORITHMS[String(header.alg)];
  if (!hash) return { refused: `JWT algorithm ${String(header.alg)} is not RS256 or RS512` };
  const candidates = sets.flatMap((set) =>
    set.keys.filter((k) => (k as { kid?: string }).kid === header.kid).map((key) => ({ set, key }))
  );
  // The header's kid picks the key in the key set (JWKS, RFC 7517 §4.5; the key set lists keys by kid).
  if (candidates.length === 0)
    return { refused: `no key with kid "${String(header.kid)}" in key set ${sets.map((x) => x.name).join(', ')}` };
  const match = candidates.find(({ key }) => {
    try {
      return verify(
        hash,
        Buffer.from(`${h}.${p}`),
        createPublicKey({ key, format: 'jwk' }),
        Buffer.from(s, 'base64url')
      );
    } catch {
      return false;
    }
  });
  // The signature must verify with that public key (Salesforce Help, "Set Up Token-Based User Verification").
  if (!match) return { refused: 'the JWT signature does not match its key' };
  // The key set's issuer must equal the JWT's iss (Salesforce Help, "Set Up Token-Based User Verification", "an issuer that matches the iss parameter").
  if (match.set.issuer && claims.iss !== match.set.issuer)
    return { refused: `JWT iss "${String(claims.iss)}" is not the key set's issuer "${match.set.issuer}"` };
  // exp and sub are required claims; the subject is the verified customer (Salesforce Help, "Set Up Token-Based User Verification").
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { refused: 'the JWT has expired (exp)' };
  if (typeof claims.sub !== 'string' || !claims.sub) return { refused: 'the JWT names no subject (sub)' };
  return { subject: claims.sub };
}
