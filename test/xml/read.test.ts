/** The metadata XML reader: what it keeps of a well-formed file, and each malformed input with its position. */
import { parseXml, parseXmlPieces, XmlSyntaxError, type XmlNode } from '../../scripts/xml/read';

describe('parseXml', () => {
  it('keeps elements with their line and column, attributes, decoded text, CDATA; skips comments and PIs', () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- lead -->\n<Flow xmlns="urn:x">\n' +
        '  <label a="1 &amp; 2" b=\'q\'>Tom &amp; Jerry &#x41;&#66;</label>\n' +
        '  <?pi inside?><!-- c --><d><![CDATA[<raw> & ]]></d>\n  <e/>\n</Flow>\n<!-- tail -->\n'
    );
    expect(root.name).toBe('Flow');
    expect([root.line, root.column]).toEqual([3, 1]);
    const [label, d, e] = root.children;
    expect(label).toMatchObject({
      name: 'label',
      attrs: { a: '1 & 2', b: 'q' },
      text: 'Tom & Jerry AB',
      line: 4,
      column: 3
    });
    expect(d.text).toBe('<raw> & ');
    expect([e.name, e.line, e.children]).toEqual(['e', 6, []]);
    expect(e.parent).toBe(root);
  });

  it('keeps a column past 1,023, where line and column no longer pack into one small integer', () => {
    const root = parseXml(`<a>\n${' '.repeat(2000)}<b/><c/></a>`);
    expect(root.children.map((n) => [n.name, n.line, n.column])).toEqual([
      ['b', 2, 2001],
      ['c', 2, 2005]
    ]);
  });

  it('gives a prefixed element its local name', () => {
    expect(parseXml('<x:a xmlns:x="u"/>').local).toBe('a');
  });

  it.each<[string, string, number, number]>([
    ['', 'The file has no root element', 1, 1],
    ['text', 'Expected the root element', 1, 1],
    ['<a>', '<a> opened on line 1 is never closed', 1, 4],
    ['<a>\n</b>', 'Closing tag </b> does not match <a> opened on line 1', 2, 1],
    ['<a></a>\n</a>', 'Content after the root element', 2, 1],
    ['<a>x &b; y</a>', 'Unknown entity &b;', 1, 4],
    ['<a>x & y</a>', 'A bare "&" must be written as &amp;', 1, 4],
    ['<a>&#x110000;</a>', 'Invalid character reference &#x110000;', 1, 4],
    ['<a>]]></a>', '"]]>" is not allowed in text', 1, 4],
    ['<a b="1" b="2"/>', 'Attribute b appears twice', 1, 12],
    ['<a b=1/>', 'The value of b must be quoted', 1, 6],
    ['<a b/>', 'Attribute b needs a value', 1, 5],
    ['<a b="<"/>', '"<" is not allowed in the value of b', 1, 6],
    ['<a b="1/>', 'Unclosed value of b', 1, 6],
    ['<a b="1"c="2"/>', 'Expected whitespace, ">" or "/>" in <a>', 1, 9],
    ['<a><!-- x</a>', 'Unclosed comment', 1, 4],
    ['<a><![CDATA[x</a>', 'Unclosed CDATA section', 1, 4],
    ['<a><?pi </a>', 'Unclosed processing instruction', 1, 4],
    ['<!DOCTYPE a><a/>', 'DOCTYPE declarations are not allowed in metadata files', 1, 1],
    ['<!-- c --><?xml version="1.0"?><a/>', 'The XML declaration must be the very first thing in the file', 1, 11],
    ['<a></ >', 'Expected a name', 1, 6],
    ['<a></a x>', 'Expected ">" to close </a', 1, 8]
  ])('refuses %j: %s (line %d, column %d)', (source, message, line, column) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
    // The message carries the position: "… (line L, column C)".
    expect(() => parseXml(source)).toThrow(new XmlSyntaxError(message, line, column));
  });
});

describe('parseXmlPieces', () => {
  /** The document cut before every `<` after the first: the finest cut a caller may make. */
  const cutAtEveryLt = (source: string): string[] => {
    const pieces = source.split(/(?=<)/);
    // A byte-order mark stays with the declaration after it.
    if (!pieces[0].startsWith('<')) pieces.splice(0, 2, pieces[0] + pieces[1]);
    return pieces;
  };
  type Plain = Pick<XmlNode, 'name' | 'local' | 'attrs' | 'text' | 'line' | 'column'> & { children: Plain[] };
  const plain = (n: XmlNode): Plain => ({
    name: n.name,
    local: n.local,
    attrs: n.attrs,
    text: n.text,
    line: n.line,
    column: n.column,
    children: n.children.map(plain)
  });

  it('gives the tree parseXml gives, lines and columns included', () => {
    const source =
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="urn:x">\n  <a x="1">Tom &amp; Jerry</a>\n' +
      '  <b>\n    <c>é ü ☃</c>\n    <d/>  </b><e>mixed<f/>text<![CDATA[ & raw ]]></e>\n  <!-- note -->\n</Flow>\n<!-- tail -->\n';
    const pieces = cutAtEveryLt(source);
    expect(pieces.length).toBeGreaterThan(10);
    expect(plain(parseXmlPieces(pieces)!)).toEqual(plain(parseXml(source)));
  });

  it.each([
    ['a comment', '<a><!-- x <b/> --></a>'],
    ['a CDATA section', '<a><![CDATA[ x <b/> ]]></a>'],
    ['a processing instruction', '<a><?pi x <b/> ?></a>']
  ])('gives undefined when a cut falls inside %s (the caller parses the whole text)', (_, source) => {
    expect(parseXmlPieces(cutAtEveryLt(source))).toBeUndefined();
    expect(parseXml(source).name).toBe('a');
  });

  it('gives undefined for a malformed document, and closes the pieces', () => {
    let closed = false;
    function* pieces(): Generator<string> {
      try {
        yield '<a>';
        yield '</b>';
        yield '<c/>';
      } finally {
        closed = true;
      }
    }
    expect(parseXmlPieces(pieces())).toBeUndefined();
    expect(closed).toBe(true);
  });
});
