/**
 * JSON parsing that reports where input is malformed (line and column), for every file a user hands
 * the kit: the config, payloads, replay lines. `JSON.parse` is fast but its messages only sometimes
 * carry a position, so on failure a small scanner re-reads the text to find the first error's line
 * and column. The scanner only locates errors; parsing itself stays with `JSON.parse`.
 */
import * as fs from 'node:fs';
import { UserError } from './errors';
import { displayPath } from './paths';

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Parses JSON text, throwing JsonSyntaxError with a 1-based line and column on malformed input. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { offset, reason } = locateJsonError(text);
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    throw new JsonSyntaxError(reason, line, offset - lineStart + 1);
  }
}

/** Finds the offset of the first syntax error in `text` (a strict RFC 8259 scanner). */
export function locateJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(
      readonly offset: number,
      readonly reason: string
    ) {}
  }
  const stop = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };
  const describe = (at: number): string => (at >= n ? 'end of input' : `"${text[at]}"`);
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) stop('Unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) stop('Control character inside a string (escape it)');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('Invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop('Invalid escape in a string');
      } else i++;
    }
  };
  const num = (): void => {
    const m = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r || r[0] === '-') stop(`Unexpected ${describe(i)}`);
    i += r![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 500) stop('Nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop(`Expected a property name in double quotes, found ${describe(i)}`);
        str();
        ws();
        if (text[i] !== ':') stop(`Expected ":" after a property name, found ${describe(i)}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        stop(`Expected "," or "}" after a property value, found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        stop(`Expected "," or "]" after an array element, found ${describe(i)}`);
      }
    }
    if (c === '"') return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    stop(i >= n ? 'Unexpected end of input' : `Unexpected ${describe(i)}`);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
    ws();
    if (i < n) stop(`Unexpected ${describe(i)} after the JSON value`);
    return { offset: 0, reason: 'Invalid JSON' };
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    throw e;
  }
}

/** What `readJsonFile` may be told about a file's expected state, for its messages. */
export interface JsonFileHints {
  /** What to do when the file does not exist. */
  missing?: string;
  /** What to do when it is empty (an empty file is otherwise a syntax error). */
  empty?: string;
}

/**
 * Reads and parses a JSON file a user named, turning every failure into a UserError that names the
 * file: unreadable, empty (when `hints.empty` says what to do), or malformed at a line and column.
 */
export function readJsonFile(file: string, hints: JsonFileHints = {}): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw jsonReadError(file, e, hints);
  }
  return parseJsonFileText(file, text, hints);
}

/** The UserError for a JSON file that could not be read (`e` is the read's error). */
export function jsonReadError(file: string, e: unknown, hints: JsonFileHints = {}): UserError {
  const shown = displayPath(file);
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR')
    return new UserError(`${shown} is a folder, not a JSON file. Pass the path of the file itself.`);
  return new UserError(
    code === 'ENOENT' && hints.missing
      ? `${shown} does not exist. ${hints.missing}`
      : `${shown} cannot be read (${code ?? (e as Error).message}).`
  );
}

/** Parses the text of the JSON file `file` as readJsonFile does, for a caller that has read it already. */
export function parseJsonFileText(file: string, text: string, hints: JsonFileHints = {}): unknown {
  const shown = displayPath(file);
  // JSON forbids a BOM (RFC 8259 §8.1) and JSON.parse rejects one; editors on Windows add it unseen.
  if (text.charCodeAt(0) === 0xfeff) {
    throw new UserError(
      `${shown} starts with a byte-order mark (BOM), which JSON does not allow. Save it as UTF-8 without BOM (VS Code: "Save with Encoding" → UTF-8).`
    );
  }
  if (hints.empty && text.trim() === '') throw new UserError(`${shown} is empty. ${hints.empty}`);
  try {
    return parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      throw new UserError(
        `${shown} is not valid JSON: ${e.reason} at line ${e.line}, column ${e.column}. Fix the syntax there.`
      );
    }
    throw e;
  }
}
