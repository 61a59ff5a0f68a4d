/** The XML writer: a document rendered child by child into pieces is the document renderXml gives. */
import { el, leaf, renderXml, renderXmlPieces, root, type XmlContent } from '../../scripts/xml/write';

describe('renderXmlPieces', () => {
  const children = (n: number): XmlContent[] =>
    Array.from({ length: n }, (_, i) => [
      el('variables', leaf('name', `v${i}`), leaf('description', 'Größe & <mehr>'), leaf('empty', '')),
      i % 3 === 0 && leaf('flag', true)
    ]);

  it('gives renderXml’s text for the same root, in pieces of about 32 KB', () => {
    const kids = children(5000);
    const pieces = renderXmlPieces('Flow', kids, { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' });
    expect(pieces.join('')).toBe(
      renderXml(root('Flow', kids, { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' }))
    );
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect(p.length).toBeLessThan(33 * 1024);
  });

  it('takes the children as they are yielded, and closes an empty root as renderXml does', () => {
    let taken = 0;
    function* lazily(): Generator<XmlContent> {
      for (const c of children(3)) {
        taken++;
        yield c;
      }
    }
    const pieces = lazily();
    expect(taken).toBe(0);
    expect(renderXmlPieces('Flow', pieces).join('')).toBe(renderXml(root('Flow', children(3))));
    expect(taken).toBe(3);
    expect(renderXmlPieces('Flow', [undefined, false]).join('')).toBe(renderXml(root('Flow', [])));
  });
});
