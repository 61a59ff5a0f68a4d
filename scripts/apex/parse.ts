/**
 * Offline Apex syntax check with @apexdevtools/apex-parser: every `.cls` must parse and have its
 * `.cls-meta.xml` (SDR silently skips a class without one, so a deploy would quietly miss it).
 * The validator reuses `checkApexFolder`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { Problem } from '../project/errors';

/** One syntax error: 1-based line, 0-based column, the parser's message (truncated: ANTLR's can be long). */
export interface ApexSyntaxIssue {
  line: number;
  column: number;
  message: string;
}

const MAX_MESSAGE_LENGTH = 200;
const MAX_ISSUES_PER_FILE = 5;

class CollectingListener extends ApexErrorListener {
  readonly issues: ApexSyntaxIssue[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    if (this.issues.length >= MAX_ISSUES_PER_FILE) return;
    const message = msg.length > MAX_MESSAGE_LENGTH ? `${msg.slice(0, MAX_MESSAGE_LENGTH)}…` : msg;
    this.issues.push({ line, column, message });
  }
}

/** Parses one Apex source (a class, or a trigger when `kind` is 'trigger'); returns its syntax errors. */
export function parseApex(source: string, kind: 'class' | 'trigger' = 'class'): ApexSyntaxIssue[] {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  if (kind === 'trigger') parser.triggerUnit();
  else parser.compilationUnit();
  return listener.issues;
}

/** Every `.cls` and `.trigger` file under a folder, sorted, skipping node_modules. */
export function findApexFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cls') || entry.name.endsWith('.trigger')) found.push(full);
    }
  };
  walk(folder);
  return found.sort();
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
