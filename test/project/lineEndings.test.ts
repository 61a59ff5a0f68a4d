/** sha256ButForCrlf: a CRLF checkout of a generated file is told from an edit, streaming. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sha256OfText } from '../../scripts/project/buildManifest';
import { sha256ButForCrlf } from '../../scripts/project/lineEndings';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-eol-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(bytes: string): string {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Whether the file is the text but for CR LF line endings, as build's diff asks it. */
const holdsTextButForCrlf = (file: string, text: string): boolean => sha256ButForCrlf(file) === sha256OfText(text);

/** filePieces reads 3 MiB at a time (project/writeFiles.ts): the first piece's last byte. */
const PIECE = 3 * (1 << 20);

test.each([
  ['every LF as CR LF', '<a>\r\n  <b/>\r\n</a>\r\n', '<a>\n  <b/>\n</a>\n', true],
  ['some LFs as CR LF (a partial conversion)', '<a>\r\n  <b/>\n</a>\n', '<a>\n  <b/>\n</a>\n', true],
  ['CR LF and an edit', '<a>\r\n  <c/>\r\n</a>\r\n', '<a>\n  <b/>\n</a>\n', false],
  ['no CR at all (some other difference)', '<a>\n</a>', '<a>\n</a>\n', false],
  ['no CR at all, the same text (no line ending to read differently)', '<a>\n</a>\n', '<a>\n</a>\n', false],
  ['a lone CR is content, not a line ending', '<a>\r</a>\n', '<a></a>\n', false],
  [
    'a text with a CR LF of its own is not matched (generated text has none: conservative)',
    '<a>\r\n</a>\r\n',
    '<a>\r\n</a>\n',
    false
  ]
])('%s: %j against %j is %s', (_name, onDisk, text, expected) => {
  expect(holdsTextButForCrlf(fileOf(onDisk), text)).toBe(expected);
});

test('a CR LF split between two read pieces is one line ending; a CR ending a piece before other text, or the file, is kept', () => {
  const head = 'a'.repeat(PIECE - 1);
  expect(holdsTextButForCrlf(fileOf(`${head}\r\nb\r\n`), `${head}\nb\n`)).toBe(true);
  expect(holdsTextButForCrlf(fileOf(`${head}\rb\r\n`), `${head}\rb\n`)).toBe(true);
  expect(holdsTextButForCrlf(fileOf(`${head}\rb\r\n`), `${head}b\n`)).toBe(false);
  // A CR that is the file's last byte, at the end of a piece, is content.
  const tail = `x\r\n${'a'.repeat(PIECE - 4)}\r`;
  expect(holdsTextButForCrlf(fileOf(tail), `x\n${'a'.repeat(PIECE - 4)}\r`)).toBe(true);
  expect(holdsTextButForCrlf(fileOf(tail), `x\n${'a'.repeat(PIECE - 4)}`)).toBe(false);
});
