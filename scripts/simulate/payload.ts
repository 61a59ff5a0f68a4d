/**
 * Reading a vendor's hand-off payload: bytes → strict UTF-8 → JSON → its keys in order and their raw
 * values. Keys are only ever read as own keys (Object.keys) and values copied into Maps, never into
 * plain objects, so `__proto__`, `constructor` and friends stay ordinary keys and a hostile payload
 * cannot touch any prototype. Values are not judged here (non-strings are the messaging layer's
 * business) so the trace can say what happened to each key.
 */
import { UserError } from '../project/errors';
import { JsonSyntaxError, parseJson } from '../project/json';

/** A payload larger than this is refused: the MIAW API would refuse it long before. */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

export interface Payload {
  /** Where it came from, for messages: a file path, `<stdin>`, or `file.jsonl:12`. */
  source: string;
  /** Vendor keys in the order sent, with their raw JSON values. */
  entries: Map<string, unknown>;
  /** Set when the file was a captured request body: `{ routingAttributes: {…} }`. */
  envelope?: { esDeveloperName?: string; conversationId?: string };
}

/** A payload that cannot be read at all (bad bytes, bad JSON, not an object). */
export class PayloadError extends UserError {
  constructor(
    readonly source: string,
    readonly reason: string
  ) {
    super(`${source}: ${reason}`);
    this.name = 'PayloadError';
  }
}

/** The byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped), naming the first bad byte's offset. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_PAYLOAD_BYTES) {
    throw new PayloadError(
      source,
      `the payload is ${bytes.length} bytes; the simulator reads at most ${MAX_PAYLOAD_BYTES} bytes`
    );
  }
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new PayloadError(
      source,
      `not valid UTF-8: invalid byte sequence at byte offset ${bad} (bytes ${hex}). Save the file as UTF-8; the MIAW API only takes UTF-8 JSON`
    );
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses payload JSON text into a Payload, or throws PayloadError naming the line and column. With
 * `line` (a line of a JSON Lines file), the source is `source:line`.
 */
export function parsePayloadText(text: string, source: string, line?: number): Payload {
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new PayloadError(
        sourceAt(source, line),
        `malformed JSON: ${e.reason} (line ${e.line}, column ${e.column})`
      );
    throw e;
  }
  return payloadFromValue(doc, source, line);
}

/** `file` or `file:line`. */
function sourceAt(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

/** A JSON value's kind, for messages: `null`, `an array`, `a number`… */
export function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * A payload read from JSON keeps the parsed object: its Map of entries is made only when asked for,
 * as a replay never does (a Map per payload was a tenth of a replay's own work, issue 15).
 */
class JsonPayload implements Payload {
  /** Object.keys sees own keys only; JSON.parse makes `__proto__` an own data property, never a prototype. */
  readonly keys: readonly string[];
  private map?: Map<string, unknown>;
  constructor(
    private readonly file: string,
    /** The line of a JSON Lines file: `file:line` is made when asked for, as a replay never does (issue 15). */
    private readonly line: number | undefined,
    readonly attrs: Readonly<Record<string, unknown>>,
    readonly envelope?: Payload['envelope']
  ) {
    this.keys = Object.keys(attrs);
  }
  get source(): string {
    return sourceAt(this.file, this.line);
  }
  get entries(): Map<string, unknown> {
    if (!this.map) {
      this.map = new Map();
      for (const k of this.keys) this.map.set(k, this.attrs[k]);
    }
    return this.map;
  }
}

/** A payload's keys in the order sent. */
export function keysOf(p: Payload): readonly string[] {
  return p instanceof JsonPayload ? p.keys : [...p.entries.keys()];
}

/** The parsed object behind a payload read from JSON (keysOf(p) are its own keys), else undefined. */
export function attrsOf(p: Payload): Readonly<Record<string, unknown>> | undefined {
  return p instanceof JsonPayload ? p.attrs : undefined;
}

/** The raw value of one of keysOf(p), given attrsOf(p) (looked up once per payload, not per key). */
export function valueOf(p: Payload, attrs: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
  return attrs ? attrs[key] : p.entries.get(key);
}

/**
 * Turns a parsed JSON value into a Payload (a top-level object, or a `{ routingAttributes }` request
 * body); with `line`, its source is `source:line`.
 */
export function payloadFromValue(doc: unknown, source: string, line?: number): Payload {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PayloadError(
      sourceAt(source, line),
      `the payload must be a JSON object of routing attributes ({"key": "value", …}), not ${kindOf(doc)}`
    );
  }
  const obj = doc as Record<string, unknown>;
  let attrs = obj;
  let envelope: Payload['envelope'];
  // A captured POST /iamessage/api/v2/conversation body: its routingAttributes are the payload.
  if (Object.prototype.hasOwnProperty.call(obj, 'routingAttributes')) {
    const ra = obj.routingAttributes;
    if (ra === null || typeof ra !== 'object' || Array.isArray(ra)) {
      throw new PayloadError(sourceAt(source, line), `"routingAttributes" must be a JSON object, not ${kindOf(ra)}`);
    }
    attrs = ra as Record<string, unknown>;
    envelope = {
      esDeveloperName: typeof obj.esDeveloperName === 'string' ? obj.esDeveloperName : undefined,
      conversationId: typeof obj.conversationId === 'string' ? obj.conversationId : undefined
    };
  }
  return new JsonPayload(source, line, attrs, envelope);
}

/** Bytes → Payload. */
export function parsePayloadBytes(bytes: Uint8Array, source: string): Payload {
  return parsePayloadText(decodeUtf8(bytes, source), source);
}
