/**
 * The test identity token `handoff smoke --verified` sends as a verified customer: a JWT signed RS256
 * with the vendor's private key, taken from an environment variable (a PEM key or a private JWK),
 * never from a file in the repo and never printed. Claims as Salesforce's user verification checks
 * them (docs/channel.md): `iss` equal to the key set's issuer, `kid` naming a key of the key set,
 * `sub` the customer, `exp` a few minutes ahead.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { UserError } from '../project/errors';

export interface IdentityTokenOptions {
  /** Name of the environment variable holding the private key (PEM or JWK JSON). */
  keyEnv: string;
  env: NodeJS.ProcessEnv;
  /** Key id; defaults to the JWK's `kid`. */
  kid?: string;
  issuer?: string;
  subject: string;
  /** Seconds until the token expires (default 300). */
  lifetimeSeconds?: number;
  /** Seconds since the epoch (tests). */
  now?: number;
}

const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');

function privateKeyOf(name: string, text: string): { key: KeyObject; kid?: string } {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as { kid?: string; kty?: string };
      return { key: createPrivateKey({ key: jwk as never, format: 'jwk' }), kid: jwk.kid };
    }
    return { key: createPrivateKey(trimmed.replace(/\\n/g, '\n')) };
  } catch {
    // The key's text is never echoed: only the variable's name.
    throw new UserError(`The environment variable ${name} does not hold an RSA private key.`, [
      'Put the vendor test key there as PEM (-----BEGIN PRIVATE KEY-----…) or as a private JWK ({"kty":"RSA","kid":…,"d":…}).'
    ]);
  }
}

/** Signs the identity token; every mistake is a UserError naming the variable or flag to fix. */
export function signIdentityToken(o: IdentityTokenOptions): string {
  const text = o.env[o.keyEnv];
  if (!text)
    throw new UserError(`The environment variable ${o.keyEnv} (named by --jwt-key) is not set.`, [
      `Export the private key of the key set's test key as ${o.keyEnv}, e.g. export ${o.keyEnv}="$(cat vendor-test-key.pem)".`
    ]);
  const { key, kid: jwkKid } = privateKeyOf(o.keyEnv, text);
  if (key.asymmetricKeyType !== 'rsa')
    throw new UserError(
      `The key in ${o.keyEnv} is ${key.asymmetricKeyType ?? 'not asymmetric'}; user verification takes RS256 or RS512 keys.`,
      ['Use an RSA key.']
    );
  const kid = o.kid ?? jwkKid;
  if (!kid)
    throw new UserError('The identity token needs a key id (kid) and the key has none.', [
      'Pass --jwt-kid KID (the kid of the key in the key set), or give the key as a JWK with "kid".'
    ]);
  const now = o.now ?? Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', typ: 'JWT', kid });
  const claims = b64({
    ...(o.issuer ? { iss: o.issuer } : {}),
    sub: o.subject,
    iat: now,
    nbf: now,
    exp: now + (o.lifetimeSeconds ?? 300)
  });
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), key).toString('base64url');
  return `${header}.${claims}.${signature}`;
}
