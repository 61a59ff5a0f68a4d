/**
 * A small, strict XML reader for metadata files: elements, attributes, text, comments, CDATA and the
 * five predefined entities plus character references. It keeps the line and column of every element
 * so the validator can point at them, and it reports malformed input as an XmlSyntaxError with the
 * position instead of guessing. Metadata files have no DTDs; a DOCTYPE is refused.
 */
export interface XmlNode {
  readonly name: string;
  /** Local name without a namespace prefix (`xsi:type` → `type` for attributes; elements rarely have one). */
  readonly local: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
  /** Concatenated text content directly inside this element (entities decoded, not trimmed); blank text between child elements is dropped. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly parent?: XmlNode;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/*
 * Memory (issue 15): a project of 10,000 attributes holds ≈1.1 million elements (72% of them leaves),
 * so each node is four fields (56 bytes; a plain object of the eight fields below was 88):
 *  - its Tag: name, local name, attributes and the text of a complex element, shared by every
 *    element of that name without attributes (names come from a small vocabulary); an element with
 *    attributes, or non-blank text beside child elements, has a Tag of its own;
 *  - its body: the text of a leaf, or the array of its children (never both: a complex element's
 *    text is in its Tag);
 *  - its position: line and column packed into one small integer (an object when they do not fit);
 *  - its parent.
 * A node without attributes or children shares one frozen empty object or array (a write to the
 * shared one throws instead of leaking into every node); the blank text between child elements is
 * not kept (no reader looks at it: only non-blank text inside a complex element matters). A closed
 * element's children are copied into an array of their exact length (a pushed-to array keeps up to
 * 16 spare slots). Leaf text and attribute values go through a TextPool: equal values share one
 * string (the same names and values recur in the field, channel, flow and permission files), and
 * each is a copy of its own, not a V8 slice, so a document's source string can be freed once parsed.
 */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
const BLANK = /^[ \t\r\n]*$/;

class Tag {
  constructor(
    readonly name: string,
    readonly local: string,
    readonly attrs: Record<string, string>,
    readonly text: string
  ) {}
}

/** Columns below 2^10 and lines below 2^21 pack into 31 bits, a V8 small integer (no heap number per node). */
const COLUMN_BITS = 10;
const COLUMN_LIMIT = 1 << COLUMN_BITS;
const LINE_LIMIT = 1 << (31 - COLUMN_BITS);
type Position = number | { line: number; column: number };

function position(line: number, column: number): Position {
  return line < LINE_LIMIT && column < COLUMN_LIMIT ? line * COLUMN_LIMIT + column : { line, column };
}

class Element implements XmlNode {
  constructor(
    public tag: Tag,
    public body: string | XmlNode[],
    private readonly pos: Position,
    readonly parent: XmlNode | undefined
  ) {}
  get name(): string {
    return this.tag.name;
  }
  get local(): string {
    return this.tag.local;
  }
  get attrs(): Record<string, string> {
    return this.tag.attrs;
  }
  get children(): XmlNode[] {
    return typeof this.body === 'string' ? NO_CHILDREN : this.body;
  }
  get text(): string {
    return typeof this.body === 'string' ? this.body : this.tag.text;
  }
  get line(): number {
    const p = this.pos;
    return typeof p === 'number' ? Math.floor(p / COLUMN_LIMIT) : p.line;
  }
  get column(): number {
    const p = this.pos;
    return typeof p === 'number' ? p % COLUMN_LIMIT : p.column;
  }
}

/** An element being read: its text and children so far. */
interface Open {
  node: Element;
  text: string;
  children: XmlNode[] | undefined;
}

/** V8 copies a shorter substring; one of this length or more is a slice that keeps its whole source alive. */
const SLICE_MIN_LENGTH = 13;
const NOT_LATIN1 = /[\u0100-\uffff]/;

/** `text` as a string of its own, never a slice of the document's source. */
function ownCopy(text: string): string {
  if (text.length < SLICE_MIN_LENGTH) return text;
  // Both copy exactly (a lone surrogate included); the latin1 round trip keeps a one-byte string one-byte.
  return NOT_LATIN1.test(text) ? (' ' + text).slice(1) : Buffer.from(text, 'latin1').toString('latin1');
}

const NAMES = new Map<string, string>();
const MAX_NAMES = 50_000;
function intern(name: string): string {
  const known = NAMES.get(name);
  if (known !== undefined) return known;
  if (NAMES.size >= MAX_NAMES) return name;
  const own = ownCopy(name);
  NAMES.set(own, own);
  return own;
}

const TAGS = new Map<string, Tag>();
/** The Tag every element of this (interned) name without attributes shares. */
function sharedTag(name: string): Tag {
  let tag = TAGS.get(name);
  if (!tag) {
    tag = new Tag(name, localOf(name), NO_ATTRS, '');
    if (TAGS.size < MAX_NAMES) TAGS.set(name, tag);
  }
  return tag;
}

function localOf(name: string): string {
  return name.includes(':') ? intern(name.slice(name.indexOf(':') + 1)) : name;
}

/** Shares equal text between the documents parsed with one pool (loadProject passes one per project). */
export type TextPool = Map<string, string>;

function pooled(text: string, pool: TextPool): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  const own = ownCopy(text);
  pool.set(own, own);
  return own;
}

/** No newline follows: larger than any offset. */
const NO_NEWLINE = Number.MAX_SAFE_INTEGER;

function newlineFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? NO_NEWLINE : at;
}

/** A position in one document, with the line bookkeeping and the small readers the parser is made of. */
class Cursor {
  i: number;
  /** The line and its start, as of the last `syncLine` (only an opening tag reads them). */
  line = 1;
  lineStart = 0;
  len: number;
  /** The first newline not counted into `line` yet (NO_NEWLINE when the text has no more). */
  private newline: number;

  constructor(
    public source: string,
    readonly pool: TextPool
  ) {
    this.i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.len = source.length;
    this.newline = newlineFrom(source, 0);
  }

  /**
   * Counts the newlines before `i` into `line`. Lines are counted when a position is needed, by
   * indexOf from one newline to the next, not per character moved past: that loop was most of a
   * cold parse (a command's start-up reads its project once, with the parser not yet optimised).
   */
  syncLine(): void {
    const { source, i } = this;
    while (this.newline < i) {
      this.line++;
      this.lineStart = this.newline + 1;
      this.newline = newlineFrom(source, this.newline + 1);
    }
  }

  /** Moves on to the next piece of the document once this one is read (parseXmlPieces). */
  nextPiece(piece: string): void {
    this.syncLine();
    const rest = this.len - this.i;
    this.lineStart -= this.i;
    this.newline = this.newline === NO_NEWLINE ? NO_NEWLINE : this.newline - this.i;
    this.source = this.source.slice(this.i) + piece;
    this.i = 0;
    this.len = this.source.length;
    if (this.newline === NO_NEWLINE) this.newline = newlineFrom(this.source, rest);
  }

  fail(msg: string, at = this.i): never {
    // Recount the position of `at` (cheap: only on error).
    const { source, len } = this;
    let l = 1;
    let ls = 0;
    for (let k = 0; k < at && k < len; k++) {
      if (source.charCodeAt(k) === 10) {
        l++;
        ls = k + 1;
      }
    }
    throw new XmlSyntaxError(msg, l, at - ls + 1);
  }

  advanceTo(to: number): void {
    this.i = to;
  }

  at(text: string): boolean {
    return this.source.startsWith(text, this.i);
  }

  /** Moves past the next `close`, or fails with `unclosed`. */
  skipPast(close: string, from: number, unclosed: string): void {
    const end = this.source.indexOf(close, from);
    if (end < 0) this.fail(unclosed);
    this.advanceTo(end + close.length);
  }

  decode(raw: string, at: number): string {
    if (raw.indexOf('&') < 0) return raw;
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ent: string | undefined) => {
      if (!ent) return this.fail('A bare "&" must be written as &amp;', at);
      if (ent[0] === '#') {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        if (!Number.isFinite(code) || code > 0x10ffff) return this.fail(`Invalid character reference ${m}`, at);
        return String.fromCodePoint(code);
      }
      const v = ENTITIES[ent];
      return v ?? this.fail(`Unknown entity ${m}`, at);
    });
  }

  readName(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.source);
    if (!m) return this.fail('Expected a name');
    this.advanceTo(this.i + m[0].length);
    return intern(m[0]);
  }

  skipSpace(): void {
    const { source, len } = this;
    let k = this.i;
    while (k < len) {
      const c = source.charCodeAt(k);
      if (c === 32 || c === 9 || c === 10 || c === 13) k++;
      else break;
    }
    this.advanceTo(k);
  }

  /** Space, comments and processing instructions around the root element (the XML declaration only first). */
  skipMisc(allowDecl: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.at('<?')) {
        const end = this.source.indexOf('?>', this.i);
        if (end < 0) this.fail('Unclosed processing instruction');
        if (!allowDecl && this.at('<?xml') && /\s/.test(this.source[this.i + 5] ?? ''))
          this.fail('The XML declaration must be the very first thing in the file');
        this.advanceTo(end + 2);
        allowDecl = false;
      } else if (this.at('<!--')) {
        this.skipPast('-->', this.i + 4, 'Unclosed comment');
        allowDecl = false;
      } else if (this.at('<!DOCTYPE')) {
        this.fail('DOCTYPE declarations are not allowed in metadata files');
      } else return;
    }
  }
}

/** A comment, CDATA section or processing instruction inside the root; false when `<` opens a tag. */
function skipMarkup(c: Cursor, stack: Open[]): boolean {
  if (c.at('<!--')) c.skipPast('-->', c.i + 4, 'Unclosed comment');
  else if (c.at('<![CDATA[')) {
    if (!stack.length) c.fail('CDATA outside the root element');
    const end = c.source.indexOf(']]>', c.i);
    if (end < 0) c.fail('Unclosed CDATA section');
    stack[stack.length - 1].text += c.source.slice(c.i + 9, end);
    c.advanceTo(end + 3);
  } else if (c.at('<?')) c.skipPast('?>', c.i, 'Unclosed processing instruction');
  else return false;
  return true;
}

/** `</name>`: pops its element; returns it when it is the root. */
function closeTag(c: Cursor, stack: Open[]): XmlNode | undefined {
  const at = c.i;
  c.advanceTo(c.i + 2);
  const name = c.readName();
  c.skipSpace();
  if (c.source[c.i] !== '>') c.fail(`Expected ">" to close </${name}`);
  c.advanceTo(c.i + 1);
  const open = stack.pop();
  if (!open) return c.fail(`Closing tag </${name}> has no opening tag`, at);
  const { node, text, children } = open;
  if (node.name !== name)
    c.fail(`Closing tag </${name}> does not match <${node.name}> opened on line ${node.line}`, at);
  if (!children) node.body = text && pooled(text, c.pool);
  else {
    node.body = children.slice();
    if (!BLANK.test(text)) node.tag = new Tag(node.name, node.local, node.attrs, pooled(text, c.pool));
  }
  return stack.length ? undefined : node;
}

/** The attributes of the tag being read, up to its `>` or `/>`. */
function readAttributes(c: Cursor, name: string): Record<string, string> {
  const { source } = c;
  let attrs = NO_ATTRS;
  for (;;) {
    const before = c.i;
    c.skipSpace();
    if (source[c.i] === '>' || c.at('/>')) return attrs;
    if (c.i === before) c.fail(`Expected whitespace, ">" or "/>" in <${name}>`);
    const attr = c.readName();
    c.skipSpace();
    if (source[c.i] !== '=') c.fail(`Attribute ${attr} needs a value`);
    c.advanceTo(c.i + 1);
    c.skipSpace();
    const q = source[c.i];
    if (q !== '"' && q !== "'") c.fail(`The value of ${attr} must be quoted`);
    const end = source.indexOf(q, c.i + 1);
    if (end < 0) c.fail(`Unclosed value of ${attr}`);
    const raw = source.slice(c.i + 1, end);
    if (raw.includes('<')) c.fail(`"<" is not allowed in the value of ${attr}`);
    if (attr in attrs) c.fail(`Attribute ${attr} appears twice`);
    if (attrs === NO_ATTRS) attrs = {};
    attrs[attr] = pooled(c.decode(raw, c.i), c.pool);
    c.advanceTo(end + 1);
  }
}

/** `<name …>` or `<name …/>`: a new element under the open one; returns it when it is a self-closed root. */
function openTag(c: Cursor, stack: Open[]): XmlNode | undefined {
  c.syncLine();
  const line = c.line;
  const column = c.i - c.lineStart + 1;
  c.advanceTo(c.i + 1);
  const name = c.readName();
  const attrs = readAttributes(c, name);
  const tag = attrs === NO_ATTRS ? sharedTag(name) : new Tag(name, localOf(name), attrs, '');
  const parent = stack.length ? stack[stack.length - 1] : undefined;
  const node = new Element(tag, '', position(line, column), parent?.node);
  if (parent) {
    if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  if (c.at('/>')) {
    c.advanceTo(c.i + 2);
    return stack.length ? undefined : node;
  }
  c.advanceTo(c.i + 1);
  stack.push({ node, text: '', children: undefined });
  return undefined;
}

/** Text up to the next `<`, added to the open element. */
function text(c: Cursor, stack: Open[]): void {
  const next = c.source.indexOf('<', c.i);
  const end = next < 0 ? c.len : next;
  const raw = c.source.slice(c.i, end);
  if (!stack.length) c.fail('Text outside the root element');
  if (raw.includes(']]>')) c.fail('"]]>" is not allowed in text');
  stack[stack.length - 1].text += c.decode(raw, c.i);
  c.advanceTo(end);
}

/** Parses one document; documents parsed with the same `pool` share equal text. */
export function parseXml(source: string, pool: TextPool = new Map()): XmlNode {
  return readDocument([source], pool);
}

/**
 * Parses a document given as pieces, every piece after the first starting at a `<`, one piece at a
 * time: a large file is never one string (a whole-file string of the 38 MB flow is one large object
 * that only a full garbage collection frees; pieces of a few KB die young). A piece boundary that
 * falls inside a comment, CDATA section or processing instruction, an XML declaration after the
 * first piece, or a malformed document gives undefined: the caller parses the whole text
 * (parseXml) for the tree or the exact error. A document
 * that parses in pieces gives the tree parseXml gives: every token (text runs end at a `<`, a tag
 * holds none) lies within one piece.
 */
export function parseXmlPieces(pieces: Iterable<string>, pool: TextPool = new Map()): XmlNode | undefined {
  try {
    return readDocument(pieces, pool);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return undefined;
    throw e;
  }
}

function readDocument(pieces: Iterable<string>, pool: TextPool): XmlNode {
  const it = pieces[Symbol.iterator]();
  const first = it.next();
  const c: Cursor = new Cursor(first.done ? '' : first.value, pool);
  /** Whether another piece was appended to what is left of this one. */
  const more = (): boolean => {
    const next = it.next();
    if (next.done) return false;
    c.nextPiece(next.value);
    return true;
  };
  try {
    c.skipMisc(true);
    // A declaration after the first piece is refused here, so the caller reads the whole text.
    while (c.i >= c.len && more()) c.skipMisc(false);
    if (c.source[c.i] !== '<') c.fail(c.i >= c.len ? 'The file has no root element' : 'Expected the root element');
    const stack: Open[] = [];
    let root: XmlNode | undefined;
    while (!root && (c.i < c.len || more())) {
      if (c.source[c.i] !== '<') text(c, stack);
      else if (!skipMarkup(c, stack)) root = c.source[c.i + 1] === '/' ? closeTag(c, stack) : openTag(c, stack);
    }
    if (stack.length)
      c.fail(
        `<${stack[stack.length - 1].node.name}> opened on line ${stack[stack.length - 1].node.line} is never closed`,
        c.len
      );
    // What follows the root (normally a newline) is read as one piece.
    while (more());
    c.skipMisc(false);
    if (c.i < c.len) c.fail('Content after the root element');
    return root!;
  } finally {
    it.return?.();
  }
}

/** The first child element with this name, if any. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.local === name);
}

/** All child elements with this name, in document order. */
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.local === name);
}

/** The trimmed text of the first child with this name, or undefined when it is absent. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const c = child(node, name);
  return c ? c.text.trim() : undefined;
}
