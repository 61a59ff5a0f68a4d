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

/** Characters per piece of a large text; UTF-8 takes at most 3 bytes per UTF-16 unit. */
const PIECE_CHARS = 1 << 20;
/** The two scratch buffers (3 MB each), made on first use: most commands never write or compare a large file. */
let scratch: { piece: Buffer; read: Buffer } | undefined;
const buffers = () =>
  (scratch ??= { piece: Buffer.allocUnsafe(3 * PIECE_CHARS), read: Buffer.allocUnsafe(3 * PIECE_CHARS) });

/**
 * A text whole, or in pieces that join to it (a generated file of 38 MB is kept in pieces, never as
 * one string). No surrogate pair spans two pieces (the XML writer cuts between whole values), so the
 * UTF-8 of the pieces is that of the whole.
 */
export type Text = string | readonly string[];

/** Its length in UTF-8 bytes. */
export function utf8Length(text: Text): number {
  if (typeof text === 'string') return Buffer.byteLength(text, 'utf8');
  let n = 0;
  for (const piece of text) n += Buffer.byteLength(piece, 'utf8');
  return n;
}

/**
 * `text` as UTF-8 in pieces of at most PIECE_CHARS characters, never splitting a surrogate pair, so
 * the bytes are exactly those of the whole text. Each piece is a view of one shared buffer, valid
 * until the next piece: writing or hashing the 10,000-attribute flow (38 MB) as one string made a
 * 38 MB copy each time, the peak of `handoff build`, and a fresh buffer per piece left as much
 * garbage (issue 15).
 */
export function* utf8Pieces(text: Text): Generator<Buffer> {
  if (typeof text !== 'string') {
    for (const piece of text) yield* utf8Pieces(piece);
    return;
  }
  const { piece } = buffers();
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + PIECE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield piece.subarray(0, piece.write(text.slice(at, end), 'utf8'));
    at = end;
  }
}

export function writeFileChecked(file: string, content: Text | Buffer): void {
  try {
    if (Buffer.isBuffer(content) || (typeof content === 'string' && content.length <= PIECE_CHARS)) {
      fs.writeFileSync(file, content);
      return;
    }
    const fd = fs.openSync(file, 'w');
    try {
      for (const piece of utf8Pieces(content)) fs.writeSync(fd, piece);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw fileSystemError(file, e, 'write');
  }
}

/**
 * Whether `file` holds exactly the UTF-8 bytes of `text`, read piece by piece (a whole 38 MB file
 * read as a string is two more copies of it).
 */
export function fileHoldsText(file: string, text: Text): boolean {
  if (fs.statSync(file).size !== utf8Length(text)) return false;
  const fd = fs.openSync(file, 'r');
  try {
    for (const piece of utf8Pieces(text)) {
      const read = buffers().read.subarray(0, piece.length);
      if (fs.readSync(fd, read, 0, read.length, null) !== read.length || !read.equals(piece)) return false;
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/** `file`'s bytes in pieces of one shared buffer, each valid until the next (hashing a 38 MB file without a copy). */
export function* filePieces(file: string): Generator<Buffer> {
  const { read } = buffers();
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, read, 0, read.length, null)) > 0;) yield read.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeFileChecked(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch (e) {
    throw fileSystemError(file, e, 'remove');
  }
}
