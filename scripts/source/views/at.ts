import { child, type XmlNode } from '../../xml/read';

/** A value read from a file, with the line it came from (findings point at it). */
export interface At<T> {
  value: T;
  line: number;
}

export const lineOf = (node: XmlNode | undefined, fallback: XmlNode): number => (node ?? fallback).line;

/** The trimmed text of a child element, with its line. */
export function textAt(node: XmlNode, name: string): At<string> | undefined {
  const c = child(node, name);
  return c ? { value: c.text.trim(), line: c.line } : undefined;
}
