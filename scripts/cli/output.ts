/**
 * How every command talks to the user, in the sf CLI's manner: human text on stdout, progress and
 * warnings on stderr, and with --json exactly one JSON document on stdout
 * (`{ status, result }` or `{ status, name, message, details }`).
 */
export interface Output {
  readonly json: boolean;
  /** A line of human output (suppressed with --json). */
  log(line?: string): void;
  /** Progress on long work: stderr, so --json stdout stays clean. */
  progress(line: string): void;
  warn(line: string): void;
  /** Something worth knowing that is not a problem (validate's notices, which --strict does not fail on). */
  notice(line: string): void;
}

export function createOutput(json: boolean, streams = { out: process.stdout, err: process.stderr }): Output {
  return {
    json,
    log(line = '') {
      if (!json) streams.out.write(line + '\n');
    },
    progress(line) {
      if (!json) streams.err.write(line + '\n');
    },
    warn(line) {
      streams.err.write(`Warning: ${line}\n`);
    },
    notice(line) {
      streams.err.write(`Notice: ${line}\n`);
    }
  };
}

/** Patterns of values that must never be printed (tokens, secrets, session ids). */
const SECRET_KEYS = /token|secret|password|authorization|session(_?id)?$|^sid$|refresh/i;

/** Replaces values of secret-looking keys, recursively, before anything is printed as JSON. */
export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redact(v)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.test(k) && typeof v === 'string' && v ? '[redacted]' : redact(v);
    }
    return out as T;
  }
  return value;
}

export function printJson(doc: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(JSON.stringify(redact(doc), null, 2) + '\n');
}
