/**
 * JSON parsing that reports where input is malformed (line and column), for any file a user hands
 * the kit: the config, payloads, replay lines.
 */
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

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // V8 says "... in JSON at position N" (sometimes with "(line L column C)"); end of input has no position.
    const at = /at position (\d+)/.exec(msg);
    const offset = at ? Number(at[1]) : text.length;
    const reason = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/,? ?"[^"]*" is not valid JSON$/, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '')
      .trim();
    const { line, column } = positionOf(text, offset);
    throw new JsonSyntaxError(reason || 'Invalid JSON', line, column);
  }
}
