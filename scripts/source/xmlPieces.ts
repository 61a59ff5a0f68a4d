/**
 * A metadata file's text in pieces of about PIECE_BYTES, every piece after the first starting at a
 * `<` (where xml/read.ts parseXmlPieces can move on to the next piece), decoded from one small
 * buffer: the 38 MB flow of a 10,000-attribute project is read without a whole-file Buffer or string,
 * each of which only a full garbage collection frees (issue 15). Cutting at a `<` byte never splits
 * a UTF-8 sequence, so the pieces are exactly the file's text.
 */
import * as fs from 'node:fs';

/** Below V8's large-object size (128 KB): a piece is an ordinary young string. */
const PIECE_BYTES = 32 * 1024;
const LT = 0x3c;

/** The buffer of the last finished read, reused by the next (a generator left suspended keeps its own). */
let spare: Buffer | undefined;

export function* xmlFilePieces(file: string): Generator<string> {
  let buf = spare ?? Buffer.allocUnsafe(PIECE_BYTES);
  spare = undefined;
  const fd = fs.openSync(file, 'r');
  try {
    let filled = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, filled, buf.length - filled, null);
      filled += n;
      if (n === 0) {
        if (filled > 0) yield buf.toString('utf8', 0, filled);
        return;
      }
      if (filled < buf.length) continue;
      const cut = buf.lastIndexOf(LT, filled - 1);
      if (cut <= 0) {
        // No `<` to cut before: a longer piece.
        const longer = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(longer, 0, 0, filled);
        buf = longer;
        continue;
      }
      yield buf.toString('utf8', 0, cut);
      buf.copyWithin(0, cut, filled);
      filled -= cut;
    }
  } finally {
    fs.closeSync(fd);
    if (buf.length === PIECE_BYTES) spare = buf;
  }
}
