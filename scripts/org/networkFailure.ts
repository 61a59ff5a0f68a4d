/**
 * Why a request to a URL got no answer at all, in words a user can act on, from what fetch (undici,
 * which jsforce uses) or Node's network layer raised. fetch raises one TypeError "fetch failed" for
 * every such failure; what happened is its `cause` (a `code`, or for a refused port only a message).
 */
import { errorCodeOf } from './resilience';

/** Network and TLS codes that mean the address is wrong or unreachable, said as the code itself. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
]);

/**
 * The reason `url` could not be reached, or undefined when `e` is not a failure to reach it (an answer
 * from the server, or a bug).
 */
export function unreachableReason(e: unknown, url: string): string | undefined {
  const code = errorCodeOf(e);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (UNREACHABLE_CODES.has(code)) return code;
  // undici's HTTPParserError (an SSH banner, say); undici 8 leaves its llhttp code (HPE_…) unset.
  if (code.startsWith('HPE_') || causeName(e) === 'HTTPParserError') return 'what answers there does not speak HTTP';
  // OpenSSL's ERR_SSL_WRONG_VERSION_NUMBER is what an https:// request to a plain-http server gets.
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER')
    return `the TLS handshake failed (${code}): what answers there is not an https:// server`;
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') return `the TLS handshake failed (${code})`;
  if (isBadPort(e)) {
    const port = portOf(url);
    return `fetch refuses to connect to port ${port} (a port the Fetch standard blocks: https://fetch.spec.whatwg.org/#port-blocking)`;
  }
  return undefined;
}

function causeName(e: unknown): unknown {
  return (e as { cause?: { name?: unknown } })?.cause?.name;
}

/** undici's fetch answers a blocked port with makeNetworkError('bad port'): a cause with that message and no code. */
function isBadPort(e: unknown): boolean {
  const err = e as { message?: unknown; cause?: { message?: unknown } };
  return err?.message === 'fetch failed' && err.cause?.message === 'bad port';
}

function portOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port || (u.protocol === 'http:' ? '80' : '443');
  } catch {
    return 'given';
  }
}
