/**
 * Environment for every Node test file. @salesforce/core's logger writes through a pino worker
 * thread that outlives a test file in a reused jest worker; a test that points the home folder at a
 * temporary directory would leave it writing into a deleted folder. Tests need no log file.
 */
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

// Node 22 defines Symbol.dispose itself (as Symbol(nodejs.dispose)) in its main realm only; jest runs each
// test file in a vm context where it is undefined, and undici 8 calls
// `events.addAbortListener(...)[Symbol.dispose]` on every fetch ("removeAbortListener is not a
// function"). Hand the context the realm's symbol. Node 24 has it natively (V8), so nothing happens there.
if ((Symbol as { dispose?: symbol }).dispose === undefined) {
  const events = require('node:events') as typeof import('node:events');
  const disposable = events.addAbortListener(new AbortController().signal, () => undefined);
  const symbol = Object.getOwnPropertySymbols(disposable)[0];
  if (symbol) Object.defineProperty(Symbol, 'dispose', { value: symbol });
}
