/**
 * A small, strict XML reader for metadata files: elements, attributes, text, comments, CDATA and the
 * five predefined entities plus character references. It keeps the line and column of every element
 * so the validator can point at them, and it reports malformed input as an XmlSyntaxError with the
 * position instead of guessing. Metadata files have no DTDs; a DOCTYPE is refused.
 */
export interface XmlNode {
  name: string;
  /** Local name without a namespace prefix (`xsi:type` → `type` for attributes; elements rarely have one). */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Concatenated text content directly inside this element (entities decoded, not trimmed); blank text between child elements is dropped. */
  text: string;
  line: number;
  column: number;
  parent?: XmlNode;
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
 * Memory (issue 15): a project of 10,000 attributes holds ≈1.1 million elements, so each node is kept
 * small. Element and attribute names come from a small vocabulary and are interned; a node without
 * attributes or children shares one frozen empty object or array (the parser is the only writer: a
 * write to the shared one throws instead of leaking into every node); the blank text between child
 * elements is not kept (no reader looks at it: only non-blank text inside a complex element matters).
 * A closed element's children are copied into an array of their exact length (a pushed-to array keeps
 * up to 16 spare slots). Leaf text and attribute values go through a TextPool: equal values share one
 * string (the same names and values recur in the field, channel, flow and permission files), and
 * each is a copy of its own, not a V8 slice, so a document's source string can be freed once parsed.
 */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
const BLANK = /^[ \t\r\n]*$/;

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

/** Shares equal text between the documents parsed with one pool (loadProject passes one per project). */
export type TextPool = Map<string, string>;

function pooled(text: string, pool: TextPool): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  const own = ownCopy(text);
  pool.set(own, own);
  return own;
}

/** A position in one document, with the line bookkeeping and the small readers the parser is made of. */
class Cursor {
  i: number;
  line = 1;
  lineStart = 0;
  readonly len: number;

  constructor(
    readonly source: string,
    readonly pool: TextPool
  ) {
    this.i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.len = source.length;
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
    const { source } = this;
    for (let k = this.i; k < to; k++) {
      if (source.charCodeAt(k) === 10) {
        this.line++;
        this.lineStart = k + 1;
      }
    }
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
function skipMarkup(c: Cursor, stack: XmlNode[]): boolean {
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
function closeTag(c: Cursor, stack: XmlNode[]): XmlNode | undefined {
  const at = c.i;
  c.advanceTo(c.i + 2);
  const name = c.readName();
  c.skipSpace();
  if (c.source[c.i] !== '>') c.fail(`Expected ">" to close </${name}`);
  c.advanceTo(c.i + 1);
  const open = stack.pop();
  if (!open) return c.fail(`Closing tag </${name}> has no opening tag`, at);
  if (open.name !== name)
    c.fail(`Closing tag </${name}> does not match <${open.name}> opened on line ${open.line}`, at);
  if (open.children !== NO_CHILDREN) open.children = open.children.slice();
  if (open.text) open.text = open.children.length && BLANK.test(open.text) ? '' : pooled(open.text, c.pool);
  return stack.length ? undefined : open;
}

/** The attributes of the tag being read, up to its `>` or `/>`. */
function readAttributes(c: Cursor, node: XmlNode): void {
  const { source } = c;
  for (;;) {
    const before = c.i;
    c.skipSpace();
    if (source[c.i] === '>' || c.at('/>')) return;
    if (c.i === before) c.fail(`Expected whitespace, ">" or "/>" in <${node.name}>`);
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
    if (attr in node.attrs) c.fail(`Attribute ${attr} appears twice`);
    if (node.attrs === NO_ATTRS) node.attrs = {};
    node.attrs[attr] = pooled(c.decode(raw, c.i), c.pool);
    c.advanceTo(end + 1);
  }
}

/** `<name …>` or `<name …/>`: a new element under the open one; returns it when it is a self-closed root. */
function openTag(c: Cursor, stack: XmlNode[]): XmlNode | undefined {
  const line = c.line;
  const column = c.i - c.lineStart + 1;
  c.advanceTo(c.i + 1);
  const name = c.readName();
  const node: XmlNode = {
    name,
    local: name.includes(':') ? intern(name.slice(name.indexOf(':') + 1)) : name,
    attrs: NO_ATTRS,
    children: NO_CHILDREN,
    text: '',
    line,
    column,
    parent: undefined
  };
  readAttributes(c, node);
  if (stack.length) {
    const parent = stack[stack.length - 1];
    node.parent = parent;
    if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
  }
  if (c.at('/>')) {
    c.advanceTo(c.i + 2);
    return stack.length ? undefined : node;
  }
  c.advanceTo(c.i + 1);
  stack.push(node);
  return undefined;
}

/** Text up to the next `<`, added to the open element. */
function text(c: Cursor, stack: XmlNode[]): void {
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
  const c: Cursor = new Cursor(source, pool);
  c.skipMisc(true);
  if (source[c.i] !== '<') c.fail(c.i >= c.len ? 'The file has no root element' : 'Expected the root element');
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  while (c.i < c.len && !root) {
    if (source[c.i] !== '<') text(c, stack);
    else if (!skipMarkup(c, stack)) root = source[c.i + 1] === '/' ? closeTag(c, stack) : openTag(c, stack);
  }
  if (stack.length)
    c.fail(`<${stack[stack.length - 1].name}> opened on line ${stack[stack.length - 1].line} is never closed`, c.len);
  c.skipMisc(false);
  if (c.i < c.len) c.fail('Content after the root element');
  return root!;
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
