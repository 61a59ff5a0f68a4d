/** A metadata file read in pieces: exactly its text, every piece after the first starting at a `<`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { xmlFilePieces } from '../../scripts/source/xmlPieces';

describe('xmlFilePieces', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-pieces-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('cuts a large file before a `<`, never inside a UTF-8 sequence', () => {
    // Two- and three-byte characters everywhere, so some fall on a 32 KB boundary.
    const rows = Array.from({ length: 4000 }, (_, i) => `    <label>Größe ☃ ${i}</label>\n`).join('');
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Flow>\n${rows}</Flow>\n`;
    const pieces = [...xmlFilePieces(write('big.xml', text))];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces.slice(1)) expect(p[0]).toBe('<');
    for (const p of pieces) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(32 * 1024);
  });

  it('keeps a run without `<` longer than a piece in one piece', () => {
    const text = `<a>${'x'.repeat(100_000)}</a>`;
    expect([...xmlFilePieces(write('long.xml', text))]).toEqual([text]);
  });

  it('gives a small file as one piece and an empty one as none', () => {
    expect([...xmlFilePieces(write('small.xml', '<a/>\n'))]).toEqual(['<a/>\n']);
    expect([...xmlFilePieces(write('empty.xml', ''))]).toEqual([]);
  });
});
