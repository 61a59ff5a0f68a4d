/**
 * Offline Apex syntax check with @apexdevtools/apex-parser: every `.cls` must parse and have its
 * `.cls-meta.xml` (SDR silently skips a class without one, so a deploy would quietly miss it).
 * The validator reuses `checkApexFolder`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../project/errors';
import { isHiddenOrModules, listFilesUnder } from '../project/files';

/** One syntax error: 1-based line, 0-based column, the parser's message (truncated: ANTLR's can be long). */
export interface ApexSyntaxIssue {
  line: number;
  column: number;
  message: string;
}

const MAX_MESSAGE_LENGTH = 200;
const MAX_ISSUES_PER_FILE = 5;

type ParserModule = typeof import('@apexdevtools/apex-parser');
let parserModule: ParserModule | undefined;
/** The parser package, loaded on first use: loading it costs more than the rest of an offline validate. */
export const apexParser = (): ParserModule => (parserModule ??= require('@apexdevtools/apex-parser') as ParserModule);

type CollectingListener = InstanceType<ParserModule['ApexErrorListener']> & { readonly issues: ApexSyntaxIssue[] };
let CollectingListenerClass: (new () => CollectingListener) | undefined;

function collectingListener(): CollectingListener {
  CollectingListenerClass ??= class extends apexParser().ApexErrorListener {
    readonly issues: ApexSyntaxIssue[] = [];
    apexSyntaxError(line: number, column: number, msg: string): void {
      if (this.issues.length >= MAX_ISSUES_PER_FILE) return;
      const message = msg.length > MAX_MESSAGE_LENGTH ? `${msg.slice(0, MAX_MESSAGE_LENGTH)}…` : msg;
      this.issues.push({ line, column, message });
    }
  };
  return new CollectingListenerClass();
}

/** Parses one Apex source (a class, or a trigger when `kind` is 'trigger'); returns its syntax errors. */
export function parseApex(source: string, kind: 'class' | 'trigger' = 'class'): ApexSyntaxIssue[] {
  const listener = collectingListener();
  const { parser } = apexParser().ApexParserFactory.createLexerAndParser(source, listener);
  if (kind === 'trigger') parser.triggerUnit();
  else parser.compilationUnit();
  return listener.issues;
}

/** Every `.cls` and `.trigger` file under a folder, sorted, skipping node_modules. */
export function findApexFiles(folder: string): string[] {
  return listFilesUnder(folder, isHiddenOrModules).filter(
    (f) => !path.basename(f).startsWith('.') && (f.endsWith('.cls') || f.endsWith('.trigger'))
  );
}

/**
 * Checks every Apex file under `folder`: it parses, and its `-meta.xml` exists.
 * `relativeTo` (the project root) shortens the file names in the problems.
 */
export function checkApexFolder(folder: string, relativeTo: string = process.cwd()): Problem[] {
  const problems: Problem[] = [];
  for (const file of findApexFiles(folder)) {
    const shown = path.relative(relativeTo, file).split(path.sep).join('/');
    if (!fs.existsSync(`${file}-meta.xml`)) {
      problems.push({
        file: shown,
        path: '',
        message: `has no ${path.basename(file)}-meta.xml, so a deploy would silently leave it out`,
        fix: 'add the -meta.xml with <apiVersion> and <status>Active</status>'
      });
    }
    const kind = file.endsWith('.trigger') ? 'trigger' : 'class';
    for (const issue of parseApex(fs.readFileSync(file, 'utf8'), kind)) {
      problems.push({
        file: shown,
        path: `line ${issue.line}:${issue.column}`,
        message: `Apex syntax error: ${issue.message}`,
        fix: 'correct the syntax (run `npx prettier --check` on the file for a second opinion)'
      });
    }
  }
  return problems;
}
