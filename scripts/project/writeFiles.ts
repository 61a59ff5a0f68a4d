/**
 * Writing into a user-named place, with file-system failures as user errors: the path, what is wrong
 * and the fix, never a stack trace. Folders are created one level at a time, not with
 * `mkdirSync(…, { recursive: true })`, which never returns for a path under /proc (Node retries the
 * ENOENT there at full CPU).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors';
import { displayPath } from './paths';

const WRITABLE_FIX = (target: string): string =>
  `Choose a folder you can write to (inside the project), or make ${displayPath(path.dirname(target))} writable.`;

/** The user error for a failed write, mkdir or remove at `target`, by errno code. */
export function fileSystemError(target: string, e: unknown, doing: string): UserError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const shown = displayPath(target);
  switch (code) {
    // Permission bits (EACCES), an immutable or system folder (EPERM), a read-only mount (EROFS):
    // one message, since which of them the system answers depends on who runs the kit.
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(`Cannot ${doing} ${shown}: ${displayPath(path.dirname(target))} is read-only for you.`, [
        WRITABLE_FIX(target)
      ]);
    case 'ENOENT':
      return new UserError(
        `Cannot ${doing} ${shown}: ${displayPath(path.dirname(target))} does not take new files or folders (a system folder such as /proc).`,
        ['Choose a folder inside the project, or another folder you can write to.']
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new UserError(`Cannot ${doing} ${shown}: a file of that name is in the way.`, [
        'Pass a folder path, or move the file away.'
      ]);
    case 'EISDIR':
      return new UserError(`Cannot ${doing} ${shown}: it is a folder, not a file.`, [
        'Move the folder away, or pass another path.'
      ]);
    case 'ENOSPC':
      return new UserError(`Cannot ${doing} ${shown}: the disk is full.`, ['Free some space and run again.']);
    default:
      return new UserError(`Cannot ${doing} ${shown}: ${(e as Error).message}${code ? ` (${code})` : ''}.`, [
        WRITABLE_FIX(target)
      ]);
  }
}

/**
 * The folders to create for `dir`, outermost first, after checking that the nearest existing
 * ancestor is a folder (a file there is named, not reported as ENOTDIR deep inside a write).
 */
export function foldersToCreate(dir: string): string[] {
  const abs = path.resolve(dir);
  const missing: string[] = [];
  for (let at = abs; ;) {
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
        throw new UserError(`Cannot use ${displayPath(abs)} as a folder: ${displayPath(at)} is a file.`, [
          'Pass a folder path, or move the file away.'
        ]);
      }
      return missing;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) return missing;
    at = parent;
  }
}

/** Creates `dir` and its missing parents, one level at a time. */
export function mkdirChecked(dir: string): void {
  for (const d of foldersToCreate(dir)) {
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
