/**
 * Environment for every Node test file. @salesforce/core's logger writes through a pino worker
 * thread that outlives a test file in a reused jest worker; a test that points the home folder at a
 * temporary directory would leave it writing into a deleted folder. Tests need no log file.
 */
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

/**
 * Node 22 defines Symbol.dispose and Symbol.asyncDispose on its own realm only (registered symbols
 * `nodejs.dispose`…; V8 has them natively from Node 24), and jest runs each test file in a vm context
 * whose Symbol lacks them. undici 8 (under jsforce and @salesforce/core) indexes the result of
 * `events.addAbortListener` with Symbol.dispose, so without this every HTTP call fails in a test
 * with "removeAbortListener is not a function". Outside jest nothing is missing.
 */
for (const name of ['dispose', 'asyncDispose'] as const) {
  if ((Symbol as unknown as Record<string, symbol | undefined>)[name] === undefined)
    Object.defineProperty(Symbol, name, { value: Symbol.for(`nodejs.${name}`) });
}
