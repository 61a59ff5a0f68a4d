import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every file below `dir` (absolute paths, sorted), descending into folders `skipDir` does not
 * reject. A missing or unreadable folder yields nothing: callers decide whether that is an error.
 */
export function listFilesUnder(dir: string, skipDir: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!skipDir(e.name)) walk(full);
      } else if (e.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Tool and VCS folders no project scan should enter. */
export const isHiddenOrModules = (name: string): boolean => name === 'node_modules' || name.startsWith('.');
