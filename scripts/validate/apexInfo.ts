/**
 * What the validator needs from Apex sources: syntax errors (from @apexdevtools/apex-parser) and the
 * invocable actions a class offers (its @InvocableMethod and the @InvocableVariable names of the
 * request class). The full parse costs ~0.1–0.5 s a class cold, so verdicts are cached by content
 * hash under node_modules/.cache; the invocable scan needs only the lexer (a few ms).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { apexParser, parseApex as parseApexSource } from '../apex/parse';

export interface ApexSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface InvocableInfo {
  /** The class that holds the @InvocableMethod. */
  className: string;
  /** The request class (the element type of the method's List parameter), when it is a class. */
  requestClass?: string;
  /** @InvocableVariable names of the request class, with their `required` flag. */
  inputs: { name: string; required: boolean }[];
}

/** Where the validator caches verdicts that are slow to compute. */
export function cacheDir(root: string): string {
  const modules = path.join(root, 'node_modules');
  if (fs.existsSync(modules)) return path.join(modules, '.cache', 'handoff-validate');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `handoff-validate-${uid}`);
}

const CACHE_VERSION = 'apex-parser-5.2/2';

/** A content-hash → syntax problems cache, read once and written back when it changed. */
export class ApexParseCache {
  private entries: Record<string, ApexSyntaxProblem[]> = {};
  private dirty = false;
  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      try {
        const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
          version?: string;
          entries?: Record<string, ApexSyntaxProblem[]>;
        };
        if (raw.version === CACHE_VERSION && raw.entries) this.entries = raw.entries;
      } catch {
        // A corrupt cache is just a cold cache.
      }
    }
  }

  /** node_modules/.cache of the project when it has one, else a per-user folder in the system temp dir. */
  static forProject(root: string, enabled: boolean): ApexParseCache {
    return new ApexParseCache(enabled ? path.join(cacheDir(root), 'apex-syntax.json') : undefined);
  }

  syntaxProblems(source: string, trigger = false): ApexSyntaxProblem[] {
    const key = createHash('sha256')
      .update(trigger ? 'T' : 'C')
      .update(source)
      .digest('hex');
    const hit = this.entries[key];
    if (hit) return hit;
    const problems = parseApex(source, trigger);
    this.entries[key] = problems;
    this.dirty = true;
    return problems;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // Write then rename: two validators sharing the cache never read half a file.
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, entries: this.entries }));
      fs.renameSync(tmp, this.file);
    } catch {
      // Caching is an optimisation: a read-only tree still validates.
    }
  }
}

/** Syntax errors of one source, through the kit's shared parser wrapper (columns made 1-based here). */
export function parseApex(source: string, trigger = false): ApexSyntaxProblem[] {
  return parseApexSource(source, trigger ? 'trigger' : 'class').map((p) => ({ ...p, column: p.column + 1 }));
}

interface Tok {
  text: string;
  lower: string;
  line: number;
}

function tokens(source: string): Tok[] {
  const lexer = apexParser().ApexParserFactory.createLexer(source);
  return lexer
    .getAllTokens()
    .filter((t) => t.channel === 0)
    .map((t) => ({ text: t.text, lower: t.text.toLowerCase(), line: t.line }));
}

/** Index just past the annotation argument list starting at `i` (pointing at `(`), or `i` when none. */
function skipParens(toks: Tok[], i: number): number {
  if (toks[i]?.text !== '(') return i;
  let depth = 0;
  for (let k = i; k < toks.length; k++) {
    if (toks[k].text === '(') depth++;
    else if (toks[k].text === ')' && --depth === 0) return k + 1;
  }
  return toks.length;
}

/**
 * Finds the @InvocableMethod of a class and the @InvocableVariable fields of its request class,
 * from tokens: Apex is case-insensitive, so names are compared in lower case but reported as written.
 */
export function invocableInfo(className: string, source: string): InvocableInfo | undefined {
  const toks = tokens(source);
  let requestType: string | undefined;
  let found = false;
  // Fields per class body: the class name in effect for each brace depth.
  const variables = new Map<string, { name: string; required: boolean }[]>();
  const classAtDepth: string[] = [];
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '{') {
      depth++;
      continue;
    }
    if (t.text === '}') {
      depth--;
      classAtDepth.length = Math.min(classAtDepth.length, depth + 1);
      continue;
    }
    if (t.lower === 'class' && toks[i + 1]) classAtDepth[depth + 1] = toks[i + 1].lower;
    if (t.text !== '@' || !toks[i + 1]) continue;
    const annotation = toks[i + 1].lower;
    if (annotation === 'invocablemethod') {
      found = true;
      // Method signature: … name ( List < Type > param )
      let k = skipParens(toks, i + 2);
      while (k < toks.length && toks[k].text !== '(') k++;
      if (toks[k + 1]?.lower === 'list' && toks[k + 2]?.text === '<') requestType = toks[k + 3]?.text;
    } else if (annotation === 'invocablevariable') {
      const argsStart = i + 2;
      const argsEnd = skipParens(toks, argsStart);
      const args = toks.slice(argsStart, argsEnd).map((x) => x.lower);
      const requiredAt = args.indexOf('required');
      const required = requiredAt >= 0 && args[requiredAt + 1] === '=' && args[requiredAt + 2] === 'true';
      // Field declaration: modifiers type name (; | = | {)
      let k = argsEnd;
      while (k < toks.length && ![';', '=', '{'].includes(toks[k].text)) k++;
      const name = toks[k - 1]?.text;
      const owner = classAtDepth[depth] ?? className.toLowerCase();
      if (name) {
        const list = variables.get(owner) ?? [];
        list.push({ name, required });
        variables.set(owner, list);
      }
    }
  }
  if (!found) return undefined;
  const requestKey = requestType?.toLowerCase();
  return { className, requestClass: requestType, inputs: (requestKey && variables.get(requestKey)) || [] };
}
