/**
 * unreachableReason over errors shaped as undici's fetch raises them (TypeError "fetch failed" with
 * the cause); the loopback cases it was built for run for real in connect.test.ts and the
 * connect-errors corpus.
 */
import { unreachableReason } from '../../scripts/org/networkFailure';

const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });

test.each([
  ['a refused connection', fetchFailed({ code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
  ['a host that does not resolve', fetchFailed({ code: 'ENOTFOUND' }), 'the host name does not resolve'],
  [
    'a blocked port (named from the URL: 80 for http: without one)',
    fetchFailed({ message: 'bad port' }),
    'fetch refuses to connect to port 80 (a port the Fetch standard blocks: https://fetch.spec.whatwg.org/#port-blocking)'
  ],
  [
    'https:// to plain http',
    fetchFailed({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
    'the TLS handshake failed (ERR_SSL_WRONG_VERSION_NUMBER): what answers there is not an https:// server'
  ],
  [
    'another TLS failure',
    fetchFailed({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' }),
    'the TLS handshake failed (ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION)'
  ],
  ['an answer that is not HTTP', fetchFailed({ name: 'HTTPParserError' }), 'what answers there does not speak HTTP'],
  [
    'an answer from the org',
    Object.assign(new Error('Session expired'), { errorCode: 'INVALID_SESSION_ID' }),
    undefined
  ],
  ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')"), undefined],
  ['fetch failed for a reason not known here', fetchFailed({ message: 'something else' }), undefined]
])('%s', (_name, error, reason) => {
  expect(unreachableReason(error, 'http://acme.example')).toBe(reason);
});
