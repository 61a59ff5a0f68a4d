import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder of the installed kit itself (its package.json, schemas/, force-app/main/default), found
 * upward from this module: the same answer from the sources (jest), from dist/ in a checkout and from
 * node_modules/handoff-kit in a user's project. Not the user's project root.
 */
export function kitRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'handoff-kit')
          return (cached = dir);
      } catch {
        // not ours; keep looking upward
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`internal: no handoff-kit package.json above ${__dirname}`);
    dir = parent;
  }
}

/** A file shipped with the kit, by its path inside the package. */
export function kitFile(...parts: string[]): string {
  return path.join(kitRoot(), ...parts);
}

/** The kit's version, from its package.json. */
export function kitVersion(): string {
  return (JSON.parse(fs.readFileSync(kitFile('package.json'), 'utf8')) as { version: string }).version;
}
