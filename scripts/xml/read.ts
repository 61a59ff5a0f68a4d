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
  /** Concatenated text content directly inside this element (entities decoded, not trimmed). */
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

export function parseXml(source: string): XmlNode {
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const len = source.length;

  const fail = (msg: string, at = i): never => {
    // Recount the position of `at` (cheap: only on error).
    let l = 1;
    let ls = 0;
    for (let k = 0; k < at && k < len; k++) {
      if (source.charCodeAt(k) === 10) {
        l++;
        ls = k + 1;
      }
    }
    throw new XmlSyntaxError(msg, l, at - ls + 1);
  };
  const advanceTo = (to: number): void => {
    for (let k = i; k < to; k++) {
      if (source.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = to;
  };
  const decode = (raw: string, at: number): string =>
    raw.indexOf('&') < 0
      ? raw
      : raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ent: string | undefined) => {
          if (!ent) return fail('A bare "&" must be written as &amp;', at);
          if (ent[0] === '#') {
            const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
            if (!Number.isFinite(code) || code > 0x10ffff) return fail(`Invalid character reference ${m}`, at);
            return String.fromCodePoint(code);
          }
          const v = ENTITIES[ent];
          return v ?? fail(`Unknown entity ${m}`, at);
        });
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) fail('Expected a name');
    advanceTo(i + m![0].length);
    return m![0];
  };
  const skipSpace = (): void => {
    let k = i;
    while (k < len) {
      const c = source.charCodeAt(k);
      if (c === 32 || c === 9 || c === 10 || c === 13) k++;
      else break;
    }
    advanceTo(k);
  };
  const skipMisc = (allowDecl: boolean): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('Unclosed processing instruction');
        if (!allowDecl && source.startsWith('<?xml', i) && /\s/.test(source[i + 5] ?? '')) {
          fail('The XML declaration must be the very first thing in the file');
        }
        advanceTo(end + 2);
        allowDecl = false;
      } else if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('Unclosed comment');
        advanceTo(end + 3);
        allowDecl = false;
      } else if (source.startsWith('<!DOCTYPE', i)) {
        fail('DOCTYPE declarations are not allowed in metadata files');
      } else return;
    }
  };

  skipMisc(true);
  if (source[i] !== '<') fail(i >= len ? 'The file has no root element' : 'Expected the root element');

  const stack: XmlNode[] = [];
  let rootNode: XmlNode | undefined;
  while (i < len) {
    if (source[i] === '<') {
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('Unclosed comment');
        advanceTo(end + 3);
        continue;
      }
      if (source.startsWith('<![CDATA[', i)) {
        if (!stack.length) fail('CDATA outside the root element');
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('Unclosed CDATA section');
        stack[stack.length - 1].text += source.slice(i + 9, end);
        advanceTo(end + 3);
        continue;
      }
      if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('Unclosed processing instruction');
        advanceTo(end + 2);
        continue;
      }
      if (source[i + 1] === '/') {
        const at = i;
        advanceTo(i + 2);
        const name = readName();
        skipSpace();
        if (source[i] !== '>') fail(`Expected ">" to close </${name}`);
        advanceTo(i + 1);
        const open = stack.pop();
        if (!open) fail(`Closing tag </${name}> has no opening tag`, at);
        if (open!.name !== name)
          fail(`Closing tag </${name}> does not match <${open!.name}> opened on line ${open!.line}`, at);
        if (!stack.length) {
          rootNode = open;
          break;
        }
        continue;
      }
      const elLine = line;
      const elCol = i - lineStart + 1;
      advanceTo(i + 1);
      const name = readName();
      const node: XmlNode = {
        name,
        local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
        attrs: {},
        children: [],
        text: '',
        line: elLine,
        column: elCol
      };
      for (;;) {
        const before = i;
        skipSpace();
        if (source[i] === '>' || source.startsWith('/>', i)) break;
        if (i === before) fail(`Expected whitespace, ">" or "/>" in <${name}>`);
        const attr = readName();
        skipSpace();
        if (source[i] !== '=') fail(`Attribute ${attr} needs a value`);
        advanceTo(i + 1);
        skipSpace();
        const q = source[i];
        if (q !== '"' && q !== "'") fail(`The value of ${attr} must be quoted`);
        const end = source.indexOf(q, i + 1);
        if (end < 0) fail(`Unclosed value of ${attr}`);
        const raw = source.slice(i + 1, end);
        if (raw.includes('<')) fail(`"<" is not allowed in the value of ${attr}`);
        if (attr in node.attrs) fail(`Attribute ${attr} appears twice`);
        node.attrs[attr] = decode(raw, i);
        advanceTo(end + 1);
      }
      if (stack.length) {
        node.parent = stack[stack.length - 1];
        node.parent.children.push(node);
      }
      if (source.startsWith('/>', i)) {
        advanceTo(i + 2);
        if (!stack.length) {
          rootNode = node;
          break;
        }
      } else {
        advanceTo(i + 1);
        stack.push(node);
      }
    } else {
      const next = source.indexOf('<', i);
      const end = next < 0 ? len : next;
      const raw = source.slice(i, end);
      if (!stack.length) fail('Text outside the root element');
      if (raw.includes(']]>')) fail('"]]>" is not allowed in text');
      stack[stack.length - 1].text += decode(raw, i);
      advanceTo(end);
    }
  }
  if (stack.length)
    fail(`<${stack[stack.length - 1].name}> opened on line ${stack[stack.length - 1].line} is never closed`, len);
  skipMisc(false);
  if (i < len) fail('Content after the root element');
  return rootNode!;
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
