/**
 * Which URLs may carry a session token or a message: https, or http on the emulator's loopback
 * address. Kept outside scripts/org so commands that never connect (validate) can check a flag's
 * URL without loading any org module.
 */

/** The loopback addresses the emulator listens on (test/emulator): the one place http is allowed. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

/** https, or http on a loopback address: no session token or message crosses a network in clear. */
export function hasAllowedScheme(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
