/**
 * A generated file checked out with CRLF line endings is not a hand edit: git's core.autocrlf (the
 * Windows default of Git for Windows) writes each LF of what build wrote as CR LF on checkout
 * (git-scm.com/docs/git-config, core.autocrlf). Compared by SHA-256 of the file read in pieces with
 * every CR before an LF left out, so the 38 MB flow is never one string.
 */
import { createHash } from 'node:crypto';
import { filePieces } from './writeFiles';

const CR = 0x0d;
const LF = 0x0a;
const CR_BYTE = Buffer.from([CR]);

/**
 * SHA-256 of `file`'s bytes with every CR before an LF left out: the hash of what build wrote when the
 * file is that with LFs written as CR LF. Undefined when the file has no CR LF (nothing to leave out).
 */
export function sha256ButForCrlf(file: string): string | undefined {
  const hash = createHash('sha256');
  let dropped = 0;
  // A CR at the end of a piece: kept or dropped by the first byte of the next.
  let pendingCr = false;
  for (const piece of filePieces(file)) {
    let start = 0;
    if (pendingCr) {
      if (piece[0] === LF) dropped++;
      else hash.update(CR_BYTE);
      pendingCr = false;
    }
    for (let i = piece.indexOf(CR); i !== -1; i = piece.indexOf(CR, i + 1)) {
      if (i === piece.length - 1) {
        hash.update(piece.subarray(start, i));
        start = piece.length;
        pendingCr = true;
      } else if (piece[i + 1] === LF) {
        hash.update(piece.subarray(start, i));
        start = i + 1;
        dropped++;
      }
    }
    hash.update(piece.subarray(start));
  }
  if (pendingCr) hash.update(CR_BYTE);
  return dropped > 0 ? hash.digest('hex') : undefined;
}
