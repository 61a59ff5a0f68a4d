/**
 * Component XML as the emulated org cuts and wraps it: the source text of one element, a component's
 * body without its root, and a body wrapped in its type's root in the Metadata API namespace.
 */
import { xmlEscape } from '../router';
import type { XmlNode } from '../../../scripts/xml/read';

/** The source text inside one element (between its tags), cut out of the document by line. */
export function innerXml(doc: string, node: XmlNode): string {
  const lines = doc.split('\n');
  let start = 0;
  for (let i = 0; i < node.line - 1; i++) start += lines[i].length + 1;
  start += node.column - 1;
  const open = doc.indexOf('>', start) + 1;
  let depth = 0;
  const tag = new RegExp(`<(/?)${node.name}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  tag.lastIndex = start;
  for (let m = tag.exec(doc); m; m = tag.exec(doc)) {
    if (m[2] === '/') continue;
    if (m[1] === '/') depth--;
    else depth++;
    if (depth === 0) return doc.slice(open, m.index);
  }
  return '';
}

export function wrap(type: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">${inner}</${type}>\n`;
}

export function rootInner(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const open = body.indexOf('>');
  const close = body.lastIndexOf('</');
  return open < 0 || close < 0 ? '' : body.slice(open + 1, close);
}

export function stripFullName(inner: string): string {
  return inner.replace(/^\s*<fullName>[^<]*<\/fullName>/, '');
}

export function nodeToXml(nodes: XmlNode[]): string {
  return nodes
    .map((n) =>
      n.children.length
        ? `<${n.local}>${nodeToXml(n.children)}</${n.local}>`
        : `<${n.local}>${xmlEscape(n.text)}</${n.local}>`
    )
    .join('');
}
