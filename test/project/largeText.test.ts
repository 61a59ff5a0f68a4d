/**
 * Large texts are written, compared and hashed in pieces (issue 15): the pieces must give exactly the
 * bytes of the whole text, a surrogate pair across a piece boundary included.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileHoldsText, utf8Pieces, writeFileChecked } from '../../scripts/project/writeFiles';

// One piece is 2^20 UTF-16 units: put an emoji (a surrogate pair) across that boundary, and text after it.
const text = 'a'.repeat((1 << 20) - 1) + '😀' + 'é<x/>'.repeat(300_000);

describe('large texts in pieces', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-large-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes as the whole string', () => {
    const file = path.join(dir, 'big.xml');
    writeFileChecked(file, text);
    expect(fs.readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('hashes as the whole string', () => {
    const hash = createHash('sha256');
    for (const piece of utf8Pieces(text)) hash.update(piece);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('tells a file holding the text from one differing by a character or a byte at the end', () => {
    const file = path.join(dir, 'big.xml');
    fs.writeFileSync(file, text);
    expect(fileHoldsText(file, text)).toBe(true);
    fs.writeFileSync(file, text.slice(0, -1) + '>');
    expect(fileHoldsText(file, text.slice(0, -1) + '!')).toBe(false);
    fs.writeFileSync(file, text + '\n');
    expect(fileHoldsText(file, text)).toBe(false);
  });
});
