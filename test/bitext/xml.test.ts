import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { element, parseXml, subtrees, textOf, XmlTokenizer, type XmlNode } from '../../src/bitext/xml.js';

/** The text of <seg>…</seg> as a reader extracts it. */
const text = (inner: string): string => textOf(parseXml(`<seg>${inner}</seg>`, 'test.xml', 'a test'));

/** The root of a document fed to the tokenizer `chunk` characters at a time. */
function parseChunked(doc: string, chunk: number): XmlNode {
  let root: XmlNode | undefined;
  const t = new XmlTokenizer('t.xml', subtrees(() => true, { element: (n) => { root = n; } }));
  for (let i = 0; i < doc.length; i += chunk) t.write(doc.slice(i, i + chunk));
  t.end();
  return root!;
}

/** The FL701 (or other) error a document gives, as { code, line, message }. */
function failure(doc: string): { code: string; line: number | undefined; message: string } {
  try {
    parseXml(doc, 't.xml', 'a test');
  } catch (e) {
    const f = e as { code: string; line?: number; message: string };
    return { code: f.code, line: f.line, message: f.message };
  }
  throw new Error('expected an error');
}

describe('inline markup does not break text extraction', () => {
  it.each([
    ['plain text', 'Hanwha invested $1.2 billion.', 'Hanwha invested $1.2 billion.'],
    ['XLIFF 1.2 <g> keeps its text', 'Click <g id="1">here</g> now.', 'Click here now.'],
    ['nested <g>', 'A <g id="1">b <g id="2">c</g> d</g> e', 'A b c d e'],
    ['XLIFF 1.2 <x/> placeholder is dropped', 'In a shipyard<x id="2"/> in Philadelphia.', 'In a shipyard in Philadelphia.'],
    ['<bx/> and <ex/> are dropped', '<bx id="1"/>Bold<ex id="1"/> text', 'Bold text'],
    ['<bpt>/<ept> native code is dropped', 'The <bpt id="1">&lt;b&gt;</bpt>deal<ept id="1">&lt;/b&gt;</ept> closed.', 'The deal closed.'],
    ['<ph> native code is dropped', 'Line<ph id="1">&lt;br/&gt;</ph> break', 'Line break'],
    ['<it> isolated code is dropped', '<it pos="open">&lt;i&gt;</it>Italic', 'Italic'],
    ['<sub> inside code is dropped with it', 'See <ph id="1">&lt;img alt="<sub>A photo</sub>"&gt;</ph>below.', 'See below.'],
    ['XLIFF 2 <pc> keeps its text', 'Invest <pc id="1">$1.2 billion</pc> now', 'Invest $1.2 billion now'],
    ['XLIFF 2 <ph/>, <sc/>, <ec/>, <sm/>, <em/> are dropped', '<sc id="1"/>A<ec startRef="1"/> <ph id="2"/>B <sm id="3"/>C<em startRef="3"/>', 'A B C'],
    ['XLIFF 2 <cp/> is its character', 'Tab<cp hex="0009"/>here and <cp hex="1F600"/>', 'Tab\there and \u{1F600}'],
    ['<mrk> keeps its text', 'Chairman <mrk mtype="term">Kim</mrk> said.', 'Chairman Kim said.'],
    ['TMX <hi> keeps its text', 'The deal was <hi type="b">announced</hi>.', 'The deal was announced.'],
    ['TMX <ut> is dropped', 'A<ut>{\\b}</ut>B', 'AB'],
    ['entities and numeric references', 'Kim&#8217;s &amp; Lee&#x2019;s &lt;firm&gt; &quot;said&quot;', 'Kim\u2019s & Lee\u2019s <firm> "said"'],
    ['HTML entities translation tools write', '&nbsp;|&copy;|&euro;|&hellip;|&rsquo;', '\u00a0|\u00a9|\u20ac|\u2026|\u2019'],
    ['an unknown entity stays as written', 'A &foo; B &AMP;', 'A &foo; B &AMP;'],
    ['NUL and surrogate references are dropped', 'a&#0;b&#xD800;c', 'abc'],
    ['CDATA is text', '<![CDATA[3 < 4 & 5 > 2]]> ok', '3 < 4 & 5 > 2 ok'],
    ['comments and processing instructions are not text', 'A<!-- note -->B<?pi x?>C', 'ABC'],
    ['whitespace is kept (readers tidy it)', '  two\n  lines  ', '  two\n  lines  '],
    ['line ends are normalised', 'a\r\nb\rc', 'a\nb\nc'],
    ['digits stay strings', '007', '007'],
  ])('%s', (_name, inner, expected) => {
    expect(text(inner)).toBe(expected);
  });
});

describe('XmlTokenizer', () => {
  it('gives the line of each element, names without namespace prefixes, attributes resolved', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a xmlns:t="urn:x">\n  <b t:lang="vi" id=\'1 &amp; 2\'/>\n\n  <t:c>x</t:c>\n</a>\n', 't.xml', 'a test');
    expect(root.line).toBe(2);
    expect(root.attrs).toEqual({});
    expect(element(root, 'b')).toMatchObject({ line: 3, attrs: { lang: 'vi', id: '1 & 2' } });
    expect(element(root, 'c')?.line).toBe(5);
  });

  it('reads the same document whatever the chunks it comes in (a chunk may end inside a tag, a reference, a CDATA section or a CR LF)', () => {
    const doc = '<?xml version="1.0"?>\r\n<!DOCTYPE x [<!ENTITY n "Hanwha">]>\r\n<x a="1">\r\n<y>&n; &amp; Lee&#x2019;s<![CDATA[ <raw> ]]></y><!-- c -->\r\n<z b=\'&lt;\'/>tail</x>\r\n';
    const whole = parseChunked(doc, doc.length);
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), (chunk) => { expect(parseChunked(doc, chunk)).toEqual(whole); }));
    expect(textOf(whole)).toBe('\nHanwha & Lee\u2019s <raw> \ntail');
    expect(element(whole, 'z')).toMatchObject({ line: 5, attrs: { b: '<' } });
  });

  it('builds only the elements asked for, and gives the start tags around each', () => {
    const seen: string[] = [];
    const t = new XmlTokenizer('t.xml', subtrees((e) => e.name === 'tu', {
      open: (e, path) => seen.push(`open ${e.name} in ${path.map((p) => p.name).join('/')}`),
      element: (n, path) => seen.push(`tu ${textOf(n)} in ${path.map((p) => p.name).join('/')}`),
    }));
    t.write('<tmx><body><tu>one <tu>inner</tu></tu><tu>two</tu></body></tmx>');
    t.end();
    expect(seen).toEqual(['open tmx in ', 'open body in tmx', 'tu one inner in tmx/body', 'tu two in tmx/body']);
  });

  it('reads elements after the root element without reporting them (as before)', () => {
    expect(textOf(parseXml('<a>x</a>\n<b>y</b> tail', 't.xml', 'a test'))).toBe('x');
  });

  it.each<[string, string, number, RegExp]>([
    ['mismatched end tag', '<a>\n<source>x\n</target>\n</a>', 3, /Expected closing tag 'source' \(opened on line 2\) instead of closing tag 'target'/],
    ['an end tag never opened', '<a></a></b>', 1, /closing tag 'b' has not been opened/],
    ['an unclosed element', '<a>\n<b>x\n</a>', 3, /Expected closing tag 'b'/],
    ['the file ends inside an element', '<a>\n<b>x</b>', 1, /unclosed tag 'a' \(opened on line 1\)/],
    ['a bare ampersand', '<a>\nAT&T</a>', 2, /char '&' is not expected/],
    ['a bare ampersand in an attribute', '<a b="x & y"/>', 1, /char '&' is not expected/],
    ['text before the root element', '\n\nhello <a/>', 3, /char 'h' is not expected before the root element/],
    ['an attribute without quotes', '<a b=1/>', 1, /Attribute 'b' is without value/],
    ['an attribute without a value', '<a b/>', 1, /boolean attribute 'b' is not allowed/],
    ['a repeated attribute', '<a b="1" b="2"/>', 1, /Attribute 'b' is repeated/],
    ['an invalid tag name', '<1a/>', 1, /Tag '1a' is an invalid name/],
    ['an XML declaration not at the start', ' <?xml version="1.0"?><a/>', 1, /XML declaration allowed only at the start/],
    ['a second DOCTYPE', '<!DOCTYPE a><!DOCTYPE a><a/>', 1, /a DOCTYPE is allowed once/],
    ['markup cut off at the end', '<a>x</a', 1, /the file ends inside markup/],
  ])('%s is FL701 at its line', (_name, doc, line, message) => {
    const f = failure(doc);
    expect(f).toMatchObject({ code: 'FL701', line });
    expect(f.message).toMatch(message);
  });

  it('expands internal entities within limits, and refuses an entity bomb', () => {
    expect(textOf(parseXml('<!DOCTYPE x [<!ENTITY n "Hanwha">]><x>&n; Ocean</x>', 't.xml', 'a test'))).toBe('Hanwha Ocean');
    const bomb = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(5000)}">]><x>${'&a;'.repeat(200)}</x>`;
    expect(failure(bomb)).toMatchObject({ code: 'FL701', message: expect.stringMatching(/limit exceeded/) });
    expect(failure(`<!DOCTYPE x [<!ENTITY a "${'a'.repeat(10_001)}">]><x/>`).message).toMatch(/entity "a" is 10,001 characters long: limit exceeded/);
    const many = Array.from({ length: 1001 }, (_, i) => `<!ENTITY e${i} "x">`).join('');
    expect(failure(`<!DOCTYPE x [${many}]><x/>`).message).toMatch(/more than 1,000 entity declarations/);
  });

  it('does not expand an entity whose value holds a reference (no nesting, no billion laughs)', () => {
    const laughs = '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]><x>&b;|&a;</x>';
    expect(textOf(parseXml(laughs, 't.xml', 'a test'))).toBe('&b;|lol');
  });

  it.each([
    ['SYSTEM', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', /entity "e" is declared from outside the file \(SYSTEM\): external entities are not supported/],
    ['PUBLIC', '<!DOCTYPE x [\n<!ENTITY e PUBLIC "-//X//EN" "http://example.com/e">\n]><x>&e;</x>', /entity "e" is declared from outside the file \(PUBLIC\)/],
    ['a parameter entity', '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.com/p.dtd"> %p;]><x/>', /parameter entities are not supported/],
  ])('refuses an external entity (%s): FL701, nothing is fetched', (_name, doc, message) => {
    const f = failure(doc);
    expect(f.code).toBe('FL701');
    expect(f.message).toMatch(message);
  });

  it('reads a DOCTYPE that names an external DTD, without reading the DTD', () => {
    const doc = '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n<xliff><!-- ]> -->a</xliff>';
    expect(textOf(parseXml(doc, 't.xml', 'a test'))).toBe('a');
    const subset = '<!DOCTYPE x [<!ELEMENT x (#PCDATA)><!ATTLIST x a CDATA "q>r"><!-- > --><!ENTITY n "N">]><x>&n;</x>';
    expect(textOf(parseXml(subset, 't.xml', 'a test'))).toBe('N');
  });

  it('no root element is FL702', () => {
    expect(failure('<!-- nothing -->\n')).toMatchObject({ code: 'FL702' });
  });
});

describe('XmlTokenizer time is linear in the input', () => {
  it('a construct spanning many chunks (a long comment, CDATA section, start tag) is not read again for every chunk', () => {
    // 4 MB in 16,000 chunks of 256 characters: looked at again on every chunk, the comment alone would be 32 G
    // characters of scanning; read again only when the buffer has doubled, it is a few times its length.
    const big = 'x'.repeat(4_000_000);
    const doc = `<a><!--${big}--><![CDATA[${big}]]><b c="${big}"/></a>`;
    let text = 0;
    const t = new XmlTokenizer('t.xml', { open: () => undefined, close: () => undefined, text: (s) => { text += s.length; } });
    for (let i = 0; i < doc.length; i += 256) t.write(doc.slice(i, i + 256));
    t.end();
    expect(text).toBe(big.length);
    // The time limit is the test's: linear reading takes about a second, reading again on every chunk took minutes.
  }, 30_000);
});
