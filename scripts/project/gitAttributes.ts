/**
 * Line endings of the files the kit compares byte for byte. A Windows checkout with git's
 * core.autocrlf turns every LF into CRLF, and then `handoff build --check` and `validate`'s freshness
 * rule report every generated file as changed. `handoff init` therefore adds `text eol=lf` for the
 * generated output and the platform code to the project's .gitattributes, which makes git check those
 * folders out with LF on every OS (git-scm.com/docs/gitattributes, "eol").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileChecked } from './writeFiles';

export const GIT_ATTRIBUTES = '.gitattributes';

const HEADER = '# handoff-kit: generated and platform files keep LF on every OS (build --check compares bytes)';

/** The .gitattributes line that keeps a project-relative folder LF. */
export function lfLine(folder: string): string {
  return `${folder.replace(/\\/g, '/').replace(/\/+$/, '')}/** text eol=lf`;
}

/**
 * The fix for generated files a checkout wrote with CRLF: make git keep the folder LF, then check it
 * out again (git rewrites a file only when it checks it out).
 */
export function crlfCheckoutFix(folder: string): string {
  return `Keep the generated files LF: \`git config core.autocrlf false\`, or the .gitattributes line \`handoff init\` writes (${lfLine(folder)}); then check the folder out again (\`rm -r ${folder} && git checkout -- ${folder}\`).`;
}

/**
 * Adds the LF line for each folder to `<root>/.gitattributes` unless it is there already (a file the
 * user keeps is only appended to). Returns the lines added.
 */
export function ensureLfLineEndings(root: string, folders: string[]): string[] {
  const file = path.join(root, GIT_ATTRIBUTES);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const present = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const added = [...new Set(folders.map(lfLine))].filter((l) => !present.has(l));
  if (!added.length) return [];
  const lines = [...(present.has(HEADER) ? [] : [HEADER]), ...added];
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  writeFileChecked(file, `${existing}${separator}${lines.join('\n')}\n`);
  return added;
}
