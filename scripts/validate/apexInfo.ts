/**
 * What the validator needs from Apex sources: syntax errors (from @apexdevtools/apex-parser) and the
 * invocable actions a class offers (its @InvocableMethod and the @InvocableVariable names of the
 * request class). The full parse costs ~0.1–0.5 s a class cold (and loading the parser more than
 * the rest of validate), so verdicts are kept by content hash in the project's handoff.verdicts.json;
 * the invocable facts come from a cheap scan (scripts/apex/scan.ts), the parser's lexer only as fallback.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseApex as parseApexSource } from '../apex/parse';
import { lexApexTokens, scanApexTokens, type ApexToken } from '../apex/scan';

export interface ApexSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface InvocableInfo {
  /** The class that holds the @InvocableMethod. */
  className: string;
  /** The request class (the element type of the method's List parameter), when this source declares it. */
  requestClass?: string;
  /**
   * The element type of the List parameter when this source does not declare it: a primitive or an
   * sObject (`List<Id> ids`), or a class of another file. `parameter` is the parameter's name.
   */
  elementType?: string;
  parameter?: string;
  /** @InvocableVariable names of the request class, with their `required` flag. */
  inputs: { name: string; required: boolean }[];
}

/** Where the validator keeps what it learned about each Apex class: committed with the project. */
export const APEX_VERDICTS_FILE = 'handoff.verdicts.json';

/** Bumped when the parser or the shape of a verdict changes: every entry is then recomputed. */
const VERDICTS_VERSION = 'apex-parser-5.2/4';

/** What validate knows about one Apex source; each part is computed when first asked for. */
interface ApexVerdict {
  /** Syntax problems from the full parser. */
  syntax?: ApexSyntaxProblem[];
  /** The invocable action, from the cheap scan; null when the class has none. */
  invocable?: InvocableInfo | null;
}

/**
 * Apex verdicts keyed by the SHA-256 of the class name and text, in the project's
 * handoff.verdicts.json: committed, so a fresh clone (every CI run) validates an unchanged project
 * without loading the Apex parser; a class whose text is not there is parsed and added. Read once,
 * written back (atomically, only entries of the project's current classes) when it changed.
 */
export class ApexVerdicts {
  private entries: Record<string, ApexVerdict> = {};
  private dirty = false;
  private readonly file?: string;

  /** `enabled` false (--no-cache): every verdict is computed, nothing is read or written. */
  constructor(root: string, enabled: boolean) {
    if (!enabled) return;
    this.file = path.join(root, APEX_VERDICTS_FILE);
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as {
        version?: string;
        classes?: Record<string, ApexVerdict>;
      };
      if (raw.version === VERDICTS_VERSION && raw.classes && typeof raw.classes === 'object')
        this.entries = raw.classes;
    } catch {
      // No file, or a corrupt one: a cold cache.
    }
  }

  static key(name: string, source: string): string {
    return createHash('sha256').update(name).update('\0').update(source).digest('hex');
  }

  private entry(name: string, source: string): ApexVerdict {
    const key = ApexVerdicts.key(name, source);
    return (this.entries[key] ??= {});
  }

  syntaxProblems(name: string, source: string): ApexSyntaxProblem[] {
    const entry = this.entry(name, source);
    if (!entry.syntax) {
      entry.syntax = parseApex(source);
      this.dirty = true;
    }
    return entry.syntax;
  }

  invocable(name: string, source: string): InvocableInfo | undefined {
    const entry = this.entry(name, source);
    if (entry.invocable === undefined) {
      entry.invocable = invocableInfo(name, source) ?? null;
      this.dirty = true;
    }
    return entry.invocable ?? undefined;
  }

  /** Writes the file when a verdict was added or an entry no longer matches a class of the project. */
  save(classes: { name: string; text: string }[]): void {
    if (!this.file) return;
    const keep = new Set(classes.map((c) => ApexVerdicts.key(c.name, c.text)));
    const stale = Object.keys(this.entries).filter((k) => !keep.has(k));
    // Entries created by a lookup and never filled (a rule that stopped early) are not verdicts.
    const empty = Object.keys(this.entries).filter(
      (k) => this.entries[k].syntax === undefined && this.entries[k].invocable === undefined
    );
    if (!this.dirty && !stale.length) return;
    const classesOut: Record<string, ApexVerdict> = {};
    for (const k of Object.keys(this.entries).sort()) {
      if (keep.has(k) && !empty.includes(k)) classesOut[k] = this.entries[k];
    }
    try {
      // Write then rename: two validators sharing the file never read half of it.
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ version: VERDICTS_VERSION, classes: classesOut }, null, 2) + '\n');
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

type Tok = ApexToken;

/** The cheap scan's tokens; the parser's lexer only when the scan cannot be sure of them. */
function tokens(source: string): Tok[] {
  return scanApexTokens(source) ?? lexApexTokens(source);
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
  let parameter: string | undefined;
  let found = false;
  const declaredClasses = new Set<string>();
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
    if (t.lower === 'class' && toks[i + 1] && toks[i - 1]?.text !== '.') {
      classAtDepth[depth + 1] = toks[i + 1].lower;
      declaredClasses.add(toks[i + 1].lower);
    }
    if (t.text !== '@' || !toks[i + 1]) continue;
    const annotation = toks[i + 1].lower;
    if (annotation === 'invocablemethod') {
      found = true;
      // Method signature: … name ( List < Type > param ), Type itself maybe List < … >
      let k = skipParens(toks, i + 2);
      while (k < toks.length && toks[k].text !== '(') k++;
      if (toks[k + 1]?.lower === 'list' && toks[k + 2]?.text === '<') {
        // A qualified name (Outer.Request) is its last part.
        let m = k + 3;
        while (toks[m + 1]?.text === '.' && toks[m + 2]) m += 2;
        requestType = toks[m]?.text;
        for (let open = 1; m < toks.length && open > 0; m++) {
          if (toks[m].text === '<') open++;
          else if (toks[m].text === '>') open--;
          else if (toks[m].text === '>>') open -= 2;
        }
        parameter = toks[m]?.text;
      }
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
  if (requestKey && !declaredClasses.has(requestKey))
    return { className, elementType: requestType, parameter, inputs: [] };
  return { className, requestClass: requestType, inputs: (requestKey && variables.get(requestKey)) || [] };
}
