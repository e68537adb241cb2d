import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, escapeXmlText, stripXmlIllegal } from '../../src/report/escape.js';
import { renderJunit } from '../../src/report/junit.js';
import { EN, FixtureBuilder, VI, fixture, hostileFixture, nastyFixture, nastyText, RULES } from './fixtures.js';

const { report, ctx } = fixture();
const xml = renderJunit(report, ctx);

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: Case[];
}

const parse = (s: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property', processEntities: true, htmlEntities: false }).parse(s) as {
    testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] };
  };

const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('XML escaping', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    [`"q" 'a'`, '&quot;q&quot; &apos;a&apos;'],
    ['end ]]> here', 'end ]]&gt; here'],
    ['nul\u0000 esc\u001b[31m bell\u0007 ffff\uffff fffe\ufffe', 'nul esc[31m bell ffff fffe'],
    ['lone \ud800 surrogate, pair \ud83d\ude00 kept', 'lone  surrogate, pair \ud83d\ude00 kept'],
    ['tab\tline\nret\r', 'tab&#9;line&#10;ret&#13;'],
    ['sep\u2028kept', 'sep\u2028kept'],
  ])('escapeXml(%j)', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('keeps line breaks in element text and normalises CR', () => {
    expect(escapeXmlText('a\r\nb\rc\n<d>')).toBe('a\nb\nc\n&lt;d&gt;');
  });

  it('strips every character XML 1.0 forbids', () => {
    let all = '';
    for (let c = 0; c < 0x10000; c += 1) all += String.fromCharCode(c);
    expect(stripXmlIllegal(all)).not.toMatch(XML_ILLEGAL);
  });
});

describe('renderJunit', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it('has one suite per story and one case per rule and source pair (per source for single-source rules)', () => {
    const doc = parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(1);
    const suite = suites[0] as Suite;
    expect(suite['@_name']).toBe('story huawei');
    // 6 pair rules x 3 pairs + 1 single-source rule x 3 sources
    expect(suite.testcase).toHaveLength(6 * 3 + 3);
    expect(suite['@_tests']).toBe(String(suite.testcase.length));
    expect(suite.testcase.map((c) => c['@_name'])).toContain(`entity-spelling: ${EN} vs ${VI}`);
    expect(suite.testcase.map((c) => c['@_name'])).toContain(`unsourced-claim: ${EN}`);
  });

  it('fails the cases with error or warning findings and puts info findings in system-out', () => {
    const suite = parse(xml).testsuites.testsuite[0] as Suite;
    const failed = suite.testcase.filter((c) => c.failure);
    expect(failed).toHaveLength(report.findings.filter((f) => f.severity !== 'info').length);
    expect(suite['@_failures']).toBe(String(failed.length));
    const spelling = suite.testcase.find((c) => c['@_name'] === `entity-spelling: ${EN} vs ${VI}`);
    expect(spelling?.failure?.['@_message']).toBe('Name spelled differently: "Vocord" (en) vs "Vocalord" (vi)');
    expect(spelling?.failure?.['@_type']).toBe('entity-mismatch');
    expect(spelling?.failure?.['#text']).toContain(`at ${EN}:3:49 "Vocord"`);
    expect(spelling?.failure?.['#text']).toContain(`at ${VI}:3:47 "Vocalord"`);
    const added = suite.testcase.find((c) => c['system-out']);
    expect(added?.['system-out']).toContain('[info] addition');
    expect(added?.failure).toBeUndefined();
  });

  it('puts a one-source omission on the pair whose alignments miss it', () => {
    const b = new FixtureBuilder()
      .source({ id: 'a', lang: 'en', paragraphs: [['One.', 'Two.']] })
      .source({ id: 'b', lang: 'vi', paragraphs: [['Một.', 'Hai.']] })
      .source({ id: 'c', lang: 'ru', paragraphs: [['Один.']] })
      .story('s', ['a', 'b', 'c'])
      .align('s', ['a#0'], ['b#0'])
      .align('s', ['a#1'], ['b#1'])
      .align('s', ['a#0'], ['c#0'])
      .find('omitted-claim', 'omission', 'warning', 'no counterpart', [['a#1']], 's');
    const { report: r, ctx: c } = b.build(RULES);
    const suite = parse(renderJunit(r, c)).testsuites.testsuite[0] as Suite;
    expect(suite.testcase.find((x) => x.failure)?.['@_name']).toBe('omitted-claim: a vs c');
  });

  it('keeps hostile text inert and drops XML-illegal characters', () => {
    const out = renderJunit(report, ctx);
    expect(out).not.toMatch(XML_ILLEGAL);
    expect(out).not.toContain('<script');
    expect(out).not.toContain(']]>');
    const h = hostileFixture();
    const hostile = renderJunit(h.report, h.ctx);
    expect(XMLValidator.validate(hostile)).toBe(true);
    expect(hostile).not.toMatch(XML_ILLEGAL);
    const suite = parse(hostile).testsuites.testsuite[0] as Suite;
    // Entities decode back to the original text (minus what XML cannot carry).
    expect(suite['@_name']).toBe('story "><img src=x onerror=alert(1)>');
    expect(suite.testcase.some((c) => c.failure?.['@_message'] === 'Message <script>alert(1)</script>')).toBe(true);
  });

  it('survives control characters, lone surrogates and noncharacters in messages and names', () => {
    const { report: r, ctx: c } = fixture();
    const f = r.findings[0];
    if (!f) throw new Error('no finding');
    f.message = 'bad \u0000\u0001\u0008\u000b\u000c\u001b[31m\u007f\udfff\ud800\ufffe\uffff ]]> <![CDATA[ x ]]> &amp; end';
    f.ruleId = 'rule\u0000<&>"\'';
    const out = renderJunit(r, c);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toMatch(XML_ILLEGAL);
    const msg = (parse(out).testsuites.testsuite[0] as Suite).testcase.find((x) => x['@_name'].startsWith('rule<&>'))?.failure?.['@_message'];
    expect(msg).toBe('bad [31m\u007f ]]> <![CDATA[ x ]]> &amp; end');
  });

  it('puts findings without a known story in their own suite', () => {
    const { report: r, ctx: c } = fixture();
    const f = r.findings[0];
    if (!f) throw new Error('no finding');
    delete f.story;
    const suites = parse(renderJunit(r, c)).testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(['story huawei', 'story (no story)']);
  });

  it('is deterministic', () => {
    expect(renderJunit(report, ctx)).toBe(xml);
  });

  it('is well-formed XML whatever the text, message or file name (property)', () => {
    fc.assert(
      fc.property(nastyText, nastyText, nastyText, (text, message, name) => {
        const { report: r, ctx: c } = nastyFixture(text, message, name);
        const out = renderJunit(r, c);
        expect(XMLValidator.validate(out)).toBe(true);
        expect(out).not.toMatch(XML_ILLEGAL);
      }),
      { numRuns: 200 },
    );
  });
});
