/**
 * A cheap Apex tokenizer: identifiers, numbers, string literals and single-character punctuation,
 * with comments and whitespace dropped, and the line of each token. It is enough to find
 * annotations and declarations (the validator's invocable facts) in a few milliseconds a class,
 * where loading @apexdevtools/apex-parser alone costs more than the rest of an offline validate.
 * It returns undefined for text it cannot tokenize with certainty (an unterminated comment or
 * string, a character Apex does not have): callers then fall back to the parser's lexer.
 */
import { apexParser } from './parse';

export interface ApexToken {
  text: string;
  lower: string;
  line: number;
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const PUNCTUATION = new Set([...'(){}[]<>;,.=@!?:+-*/%&|^~']);

/** Tokens of an Apex source, or undefined when the cheap scan cannot be sure of them. */
export function scanApexTokens(source: string): ApexToken[] | undefined {
  const toks: ApexToken[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  const push = (text: string): void => {
    toks.push({ text, lower: text.toLowerCase(), line });
  };
  while (i < n) {
    const c = source[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\uFEFF') {
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      for (let k = i; k < end; k++) if (source[k] === '\n') line++;
      i = end + 2;
    } else if (c === "'") {
      // Apex strings are single-quoted, backslash escapes, never span lines.
      let k = i + 1;
      while (k < n && source[k] !== "'") {
        if (source[k] === '\n') return undefined;
        k += source[k] === '\\' ? 2 : 1;
      }
      if (k >= n) return undefined;
      push(source.slice(i, k + 1));
      i = k + 1;
    } else if (IDENT_START.test(c)) {
      let k = i + 1;
      while (k < n && IDENT_PART.test(source[k])) k++;
      push(source.slice(i, k));
      i = k;
    } else if (c >= '0' && c <= '9') {
      let k = i + 1;
      while (k < n && /[0-9A-Za-z._]/.test(source[k])) k++;
      push(source.slice(i, k));
      i = k;
    } else if (PUNCTUATION.has(c)) {
      push(c);
      i++;
    } else {
      return undefined;
    }
  }
  return toks;
}

/** Tokens from the parser's lexer (the fallback; loads @apexdevtools/apex-parser). */
export function lexApexTokens(source: string): ApexToken[] {
  const lexer = apexParser().ApexParserFactory.createLexer(source);
  return lexer
    .getAllTokens()
    .filter((t) => t.channel === 0)
    .map((t) => ({ text: t.text, lower: t.text.toLowerCase(), line: t.line }));
}
