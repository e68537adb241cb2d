import { describe, expect, it } from 'vitest';
import { element, parseXml, textOf } from '../../src/bitext/xml.js';

/** The text of <seg>…</seg> as a reader extracts it. */
const text = async (inner: string): Promise<string> => {
  const { root } = await parseXml(`<seg>${inner}</seg>`, 'test.xml', 'a test');
  return textOf(root);
};

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
    ['CDATA is text', '<![CDATA[3 < 4 & 5 > 2]]> ok', '3 < 4 & 5 > 2 ok'],
    ['comments are not text', 'A<!-- note -->B', 'AB'],
    ['whitespace is kept (readers tidy it)', '  two\n  lines  ', '  two\n  lines  '],
    ['digits stay strings', '007', '007'],
  ])('%s', async (_name, inner, expected) => {
    expect(await text(inner)).toBe(expected);
  });
});

describe('parseXml', () => {
  it('gives the line of each element', async () => {
    const { root, lineOf } = await parseXml('<?xml version="1.0"?>\n<a>\n  <b/>\n\n  <c>x</c>\n</a>\n', 't.xml', 'a test');
    expect(lineOf(root)).toBe(2);
    expect(lineOf(element(root, 'b')!)).toBe(3);
    expect(lineOf(element(root, 'c')!)).toBe(5);
  });

  it('expands internal entities within limits, and refuses an entity bomb', async () => {
    expect(textOf((await parseXml('<!DOCTYPE x [<!ENTITY n "Hanwha">]><x>&n; Ocean</x>', 't.xml', 'a test')).root)).toBe('Hanwha Ocean');
    const bomb = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(5000)}">]><x>${'&a;'.repeat(200)}</x>`;
    await expect(parseXml(bomb, 'bomb.xml', 'a test')).rejects.toThrow(expect.objectContaining({ code: 'FL701', message: expect.stringMatching(/limit exceeded/) }));
  });
});
