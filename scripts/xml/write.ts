/**
 * A minimal XML writer shaped like the files Salesforce itself writes: UTF-8 declaration, 4-space
 * indent, one element per line, no comments (a comment inside a CustomField broke a real deploy).
 * Element order is whatever the caller gives: generators list children in the WSDL's order.
 */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  children: XmlElement[];
  text?: string;
}

/** A child slot: an element, a list of them, or nothing (for optional elements). */
export type XmlContent = XmlElement | XmlContent[] | undefined | null | false;

/** An element with child elements. */
export function el(name: string, ...content: XmlContent[]): XmlElement {
  return { name, children: flatten(content) };
}

/** An element with a text value; `undefined` omits the element, so optional leaves read naturally. */
export function leaf(name: string, value: string | number | boolean | undefined | null): XmlElement | undefined {
  if (value === undefined || value === null) return undefined;
  return { name, children: [], text: String(value) };
}

/** The document root, in the Metadata API namespace unless another is given. */
export function root(name: string, content: XmlContent[], attrs: Record<string, string> = {}): XmlElement {
  return { name, attrs: rootAttrs(attrs), children: flatten(content) };
}

const rootAttrs = (attrs: Record<string, string>): Record<string, string> => ({
  xmlns: 'http://soap.sforce.com/2006/04/metadata',
  ...attrs
});

function flatten(content: XmlContent[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of content) {
    if (!c) continue;
    if (Array.isArray(c)) out.push(...flatten(c));
    else out.push(c);
  }
  return out;
}

const NEEDS_ESCAPE = /[&<>"']/;
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Drops characters XML 1.0 cannot carry at all (control characters other than tab, CR, LF). */
function xmlSafe(s: string): string {
  NOT_XML_CHAR.lastIndex = 0;
  return NOT_XML_CHAR.test(s) ? s.replace(NOT_XML_CHAR, '') : s;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderXml(doc: XmlElement): string {
  const out = new Output();
  out.push(DECLARATION);
  write(doc, 0, out);
  return out.done().join('');
}

/**
 * The text renderXml gives for root(name, [...children], attrs), in pieces, each child of the root
 * rendered and written as `children` yields it: no tree and no string of the whole document (the
 * 10,000-attribute flow is 1.1 million elements, 38 MB).
 */
export function renderXmlPieces(
  name: string,
  children: Iterable<XmlContent>,
  attrs: Record<string, string> = {}
): string[] {
  const out = new Output();
  out.push(DECLARATION);
  const open = attributes(rootAttrs(attrs));
  let empty = true;
  for (const content of children) {
    for (const c of flatten([content])) {
      if (empty) out.push('<', name, open, '>\n');
      empty = false;
      write(c, 1, out);
    }
  }
  out.push(...(empty ? ['<', name, open, '/>\n'] : ['</', name, '>\n']));
  return out.done();
}

/** Characters per piece of output: below V8's large-object size (128 KB), so a piece is an ordinary string. */
const PIECE_CHARS = 32 * 1024;

/*
 * The document as pieces that already exist (pads, names, values), joined every PIECE_CHARS: a
 * template string per line made a chain of string pieces per line, and a 10,000-attribute flow
 * (38 MB, 1.2 million lines) held ≈200 MB of them before the join (issue 15).
 */
class Output {
  private readonly parts: string[] = [];
  private chars = 0;
  private readonly pieces: string[] = [];
  push(...parts: string[]): void {
    for (const p of parts) {
      this.parts.push(p);
      this.chars += p.length;
    }
    if (this.chars >= PIECE_CHARS) this.flush();
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    this.pieces.push(this.parts.join(''));
    this.parts.length = 0;
    this.chars = 0;
  }
  done(): string[] {
    this.flush();
    return this.pieces;
  }
}

const PADS: string[] = [];
function padFor(depth: number): string {
  return (PADS[depth] ??= '    '.repeat(depth));
}

function attributes(attrs: Record<string, string> | undefined): string {
  return attrs
    ? Object.entries(attrs)
        .map(([k, v]) => ` ${k}="${escapeXml(xmlSafe(v))}"`)
        .join('')
    : '';
}

function write(node: XmlElement, depth: number, out: Output): void {
  const pad = padFor(depth);
  const attrs = attributes(node.attrs);
  if (node.children.length === 0) {
    if (node.text === undefined || node.text === '') {
      if (node.text === '') out.push(pad, '<', node.name, attrs, '></', node.name, '>\n');
      else out.push(pad, '<', node.name, attrs, '/>\n');
    } else {
      out.push(pad, '<', node.name, attrs, '>', escapeXml(xmlSafe(node.text)), '</', node.name, '>\n');
    }
    return;
  }
  out.push(pad, '<', node.name, attrs, '>\n');
  for (const c of node.children) write(c, depth + 1, out);
  out.push(pad, '</', node.name, '>\n');
}
