/**
 * Writing into a user-named place, with file-system failures as user errors: the path, what is wrong
 * and the fix, never a stack trace. Folders are created one level at a time, not with
 * `mkdirSync(…, { recursive: true })`, which never returns for a path under /proc (Node keeps retrying
 * the ENOENT there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import { displayPath } from './paths';

/** The message for a failed write or mkdir at `target`, by errno code. */
export function fileSystemError(target: string, e: unknown, doing: string): UserError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const shown = displayPath(target);
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    EEXIST: 'a file of that name is in the way',
    ENOENT: 'the folder cannot be created there (a system folder such as /proc, or a parent that vanished)',
    ENOSPC: 'the disk is full'
  };
  return new UserError(`Cannot ${doing} ${shown}: ${why[code] ?? (e as Error).message}${code ? ` (${code})` : ''}.`, [
    'Choose a folder you can write to (inside the project), or fix the permissions of this one.'
  ]);
}

/** Creates `dir` and its missing parents, checking each existing ancestor is a folder. */
export function mkdirChecked(dir: string): void {
  const abs = path.resolve(dir);
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (e) {
      // ENOTDIR: an ancestor is a file; keep walking up to name it.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileSystemError(at, e, 'create the folder');
    }
    if (stat) {
      if (!stat.isDirectory()) {
        throw new UserError(
          `Cannot create the folder ${displayPath(abs)}: ${displayPath(at)} is a file, not a folder.`,
          ['Pass a folder path (or move the file away).']
        );
      }
      break;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(d).isDirectory()) continue;
      throw fileSystemError(d, e, 'create the folder');
    }
  }
}

export function writeFileChecked(file: string, content: string | Buffer): void {
  try {
    fs.writeFileSync(file, content);
  } catch (e) {
    throw fileSystemError(file, e, 'write');
  }
}

export function removeFileChecked(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch (e) {
    throw fileSystemError(file, e, 'remove');
  }
}
