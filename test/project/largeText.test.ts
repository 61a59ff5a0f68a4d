/**
 * Large texts are written, compared and hashed in pieces (issue 15): the pieces must give exactly the
 * bytes of the whole text, a surrogate pair across a piece boundary included.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileHoldsText, utf8Length, utf8Pieces, writeFileChecked } from '../../scripts/project/writeFiles';

// One piece is 2^20 UTF-16 units: put an emoji (a surrogate pair) across that boundary, and text after it.
const text = 'a'.repeat((1 << 20) - 1) + '😀' + 'é<x/>'.repeat(300_000);
/** The same text as a generated file keeps it: pieces of a few KB, cut between whole values. */
const pieces = text.split(/(?=<x)/).reduce<string[]>((out, p, i) => {
  if (i % 5000 === 0) out.push(p);
  else out[out.length - 1] += p;
  return out;
}, []);

describe('large texts in pieces', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-large-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the whole string', text],
    ['its pieces', pieces]
  ])('writes the same bytes as the whole string, from %s', (_, content) => {
    const file = path.join(dir, 'big.xml');
    writeFileChecked(file, content);
    expect(fs.readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it.each([
    ['the whole string', text],
    ['its pieces', pieces]
  ])('hashes as the whole string, from %s', (_, content) => {
    expect(pieces.length).toBeGreaterThan(10);
    expect(utf8Length(content)).toBe(Buffer.byteLength(text));
    const hash = createHash('sha256');
    for (const piece of utf8Pieces(content)) hash.update(piece);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('tells a file holding the text from one differing by a character or a byte at the end', () => {
    const file = path.join(dir, 'big.xml');
    fs.writeFileSync(file, text);
    expect(fileHoldsText(file, text)).toBe(true);
    expect(fileHoldsText(file, pieces)).toBe(true);
    expect(fileHoldsText(file, [...pieces.slice(0, -1), pieces[pieces.length - 1].replace(/>$/, '!')])).toBe(false);
    fs.writeFileSync(file, text.slice(0, -1) + '>');
    expect(fileHoldsText(file, text.slice(0, -1) + '!')).toBe(false);
    fs.writeFileSync(file, text + '\n');
    expect(fileHoldsText(file, text)).toBe(false);
  });
});
