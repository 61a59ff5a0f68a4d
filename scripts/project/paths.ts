import * as fs from 'node:fs';
import * as path from 'node:path';

/** Well-known places in a Handoff Kit project, relative to its root. */
export const PROJECT_FILES = {
  config: 'handoff.config.json',
  schema: 'schemas/handoff.config.schema.json',
  generated: 'force-app/generated',
  main: 'force-app/main/default',
  lwcSources: 'lwc-ts'
} as const;

/** Finds the project root: the nearest folder upward holding sfdx-project.json, else the start folder. */
export function findProjectRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/** A path for messages: relative to the working folder when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
