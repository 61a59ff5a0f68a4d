/**
 * The project's `.forceignore`: the files `sf project deploy` and `handoff deploy` (both through SDR)
 * leave out, so the read model leaves them out too and validate does not judge source that is never
 * deployed. SDR's own ForceIgnore class loads @salesforce/core (its logger), which offline commands
 * must not pay for (issue 15); this uses the matcher it wraps, node-ignore, resolved from SDR's own
 * dependencies, on the same paths (relative to the folder holding `.forceignore`, the project root).
 * SDR's built-in patterns cover dot files and folders, which the read model never enters anyway.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

interface Matcher {
  add(patterns: string): Matcher;
  ignores(relativePath: string): boolean;
}

/** `(absolutePath) => true` for a file `.forceignore` excludes; undefined when the project has none. */
export function forceIgnoreAt(root: string): ((abs: string) => boolean) | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.forceignore'), 'utf8');
  } catch {
    return undefined;
  }
  const sdr = createRequire(require.resolve('@salesforce/source-deploy-retrieve/package.json'));
  const matcher = (sdr('ignore') as () => Matcher)().add(text);
  return (abs) => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    return !rel.startsWith('..') && matcher.ignores(rel);
  };
}
