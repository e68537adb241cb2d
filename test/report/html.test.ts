import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape.js';
import { HTML_MAX_UNITS, htmlPageCount, htmlPagePaths, renderHtml, renderHtmlPage } from '../../src/report/html.js';
import { highlight, quote } from '../../src/report/html/fragments.js';
import type { Mark } from '../../src/report/html/view.js';
import { EN, FixtureBuilder, RU, VI, fixture, hostileFixture, largeFixture, nastyFixture, nastyText, unitsFixture } from './fixtures.js';

const { report, ctx } = fixture();
const html = renderHtml(report, ctx);

/** The element whose opening tag contains `marker`, up to its matching close tag (no nesting of the same tag). */
function element(doc: string, marker: string, tag: string): string {
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  const start = doc.lastIndexOf(`<${tag}`, at);
  const end = doc.indexOf(`</${tag}>`, at);
  return doc.slice(start, end + tag.length + 3);
}

/** Names of all attributes on all real tags (attribute values are double-quoted in our output). */
function attributeNames(doc: string): Set<string> {
  const names = new Set<string>();
  for (const tag of doc.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/gu)) {
    for (const attr of (tag[1] ?? '').matchAll(/\s+([^\s=>"']+)(?:="[^"]*")?/gu)) names.add((attr[1] ?? '').toLowerCase());
  }
  return names;
}

/** A pair view's HTML (they contain one table and no nested div). */
const pairView = (doc: string, key: string): string => element(doc, `class="pairview" data-pair="${key}"`, 'div');

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['\u001b[31mred', '\u241b[31mred'],
    ['a\u0000b\u007fc\u0085d', 'a\u2400b\u2421c\ufffdd'],
    // Line breaks as the parser reads them (so no line of the page starts with source text); `##[` inert in a log.
    ['tab\tand\nnew\r\nline\rbreaks\u2028sep', 'tab\tand&#10;new&#10;line&#10;breaks\u2028sep'],
    ['a ##[error]b', 'a ##&#91;error]b'],
  ])('%j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(escapeHtml(input)).toHaveLength(expected.length);
  });
});

describe('highlight and quote', () => {
  const m = (start: number, end: number, finding: number, kind: Mark['kind'] = 'diff', severity: Mark['severity'] = 'error'): Mark => ({ start, end, finding, kind, severity });

  it('cuts overlapping marks at every boundary and keeps all findings on the shared piece', () => {
    // text starts at offset 10 of its source
    const out = highlight('abcdefgh', 10, [m(11, 15, 0), m(13, 17, 1, 'diff', 'warning')]);
    expect(out).toBe(
      'a<mark class="d s-error" data-f="0">bc</mark><mark class="d s-error" data-f="0 1">de</mark><mark class="d s-warning" data-f="1">fg</mark>h',
    );
  });

  it('escapes text inside and outside marks', () => {
    expect(highlight('<b>x</b>', 0, [m(3, 4, 2)])).toBe('&lt;b&gt;<mark class="d s-error" data-f="2">x</mark>&lt;/b&gt;');
  });

  it('draws the strongest kind and numbers discrepancies only when asked', () => {
    expect(highlight('abc', 0, [m(0, 3, 0, 'omit', 'warning'), m(1, 2, 1, 'diff', 'info')], true)).toBe(
      '<mark class="o s-warning" data-f="0">a</mark><mark class="d s-warning" data-f="0 1" data-n="1,2">b</mark><mark class="o s-warning" data-f="0">c</mark>',
    );
  });

  it('clips marks to the text and ignores marks outside it', () => {
    expect(highlight('abc', 5, [m(0, 6, 0), m(20, 30, 1)])).toBe('<mark class="d s-error" data-f="0">a</mark>bc');
  });

  it('windows long contexts around the marks', () => {
    const text = `${'word '.repeat(200)}TARGET ${'more '.repeat(200)}`;
    const at = text.indexOf('TARGET');
    const out = quote(text, 0, [m(at, at + 6, 0)], 120);
    expect(out.startsWith('… ')).toBe(true);
    expect(out.endsWith(' …')).toBe(true);
    expect(out).toContain('<mark class="d s-error" data-f="0">TARGET</mark>');
    expect(out.length).toBeLessThan(260);
  });

  it('keeps the beginning and end of a mark longer than the window', () => {
    const text = `Intro. ${'Omitted words here. '.repeat(100)}Last words.`;
    const out = quote(text, 0, [m(7, text.length, 0, 'omit', 'warning')], 120);
    expect(out).toMatch(/^… <mark class="o s-warning" data-f="0">Omitted words[^<]*<\/mark> … <mark class="o s-warning" data-f="0">[^<]*Last words\.<\/mark>$/u);
    expect(out.length).toBeLessThan(300);
  });

  it('never cuts a surrogate pair when windowing', () => {
    for (let max = 100; max < 104; max++) {
      const text = `${'😀'.repeat(100)}X${'😀'.repeat(100)}`;
      const at = text.indexOf('X');
      const out = quote(text, 0, [m(at, at + 1, 0)], max);
      // a lone surrogate, matched code unit by code unit (no u flag)
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});

describe('renderHtml', () => {
  it('is a complete document with a strict CSP whose hashes match the inline style and script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1]?.replace(/&#39;/gu, "'");
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const script = /<script>([\s\S]*?)<\/script>/u.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/u.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    // The CSP comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('loads nothing from anywhere', () => {
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//u);
    expect(html).not.toMatch(/@import|url\(/u);
    expect(html.match(/<script/gu)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="/u); // inline style attributes would need 'unsafe-inline'
    expect([...attributeNames(html)].filter((n) => n.startsWith('on') || n === 'style' || n === 'src')).toEqual([]);
  });

  it('escapes hostile source text, messages and bylines', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('By Jane Doe &lt;jane@example.com&gt;');
    expect(html).toContain('&quot;]]&gt;');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('\u241b[31mred\u241b[0m');
  });

  it('summarises sources (language, date, byline), severities and categories with an SVG chart', () => {
    const summary = element(html, 'id="summary"', 'section');
    for (const src of [EN, VI, RU]) expect(summary).toContain(src);
    expect(summary).toContain('<span class="lang">vi</span>');
    expect(summary).toContain('<time>2020-02-07</time>');
    expect(summary).toContain('Источник: ТАСС');
    expect(summary).toMatch(/<span class="n">2<\/span> error/u);
    expect(summary).toMatch(/<span class="n">4<\/span> warning/u);
    const svg = element(summary, '<svg', 'svg');
    expect(svg.match(/<rect /gu)).toHaveLength(7);
    expect(svg).toContain('entity mismatch');
  });

  it('lists every finding as a focusable button with message, rule, category and quotes', () => {
    const items = html.match(/<li class="finding[^>]*>/gu) ?? [];
    expect(items).toHaveLength(report.findings.length);
    for (const tag of items) {
      expect(tag).toContain('role="button"');
      expect(tag).toContain('tabindex="0"');
      expect(tag).toMatch(/data-finding="\d+"/u);
    }
    const first = element(html, 'data-finding="0"', 'li');
    expect(first).toContain('Name spelled differently: &quot;Vocord&quot; (en) vs &quot;Vocalord&quot; (vi)');
    expect(first).toContain('entity-spelling');
    expect(first).toContain('data-sev="error"');
    expect(first).toContain('data-cat="entity-mismatch"');
    expect(first).toContain(`data-sents="${escapeHtml(JSON.stringify([`${EN}#1`, `${VI}#1`]))}"`);
    expect(first).toContain('data-pair="0-1"');
    expect(first).toContain('Huawei acquired Russian facial recognition firm <mark class="d s-error" data-f="0">Vocord</mark> in 2019.');
    expect(first).toContain('mặt <mark class="d s-error" data-f="0">Vocalord</mark> của Nga');
    expect(first).toContain('en/huawei.txt:3:49');
  });

  it('shows each pair side by side with both differing spans marked, and omitted/added sentences flagged', () => {
    const enVi = pairView(html, '0-1');
    expect(enVi).not.toContain(' hidden');
    expect(enVi).toContain(`data-sentence="${EN}#1"`);
    expect(enVi).toContain(`data-sentence="${VI}#1"`);
    expect(enVi).toContain('<mark class="d s-error" data-f="0" data-n="1">Vocord</mark>');
    expect(enVi).toContain('<mark class="d s-error" data-f="0" data-n="1">Vocalord</mark>');
    // en#1 and vi#1 share a row
    const row = element(enVi, `data-sentence="${EN}#1"`, 'tr');
    expect(row).toContain(`data-sentence="${VI}#1"`);
    // en#4 has no counterpart in vi; vi#4 none in en
    expect(element(enVi, `data-sentence="${EN}#4"`, 'tr')).toMatch(/class="only omitted"[\s\S]*omitted in vi\/huawei\.txt/u);
    expect(element(enVi, `data-sentence="${VI}#4"`, 'tr')).toMatch(/class="only added"[\s\S]*added in vi\/huawei\.txt/u);
    // A finding between en and ru is not drawn in the en/vi view ...
    expect(enVi).not.toContain('>September</mark>');
    // ... but is in the en/ru view, which starts hidden.
    const enRu = pairView(html, '0-2');
    expect(enRu).toMatch(/^<div class="pairview" data-pair="0-2" hidden>/u);
    expect(enRu).toContain('data-n="3">September</mark>');
    expect(enRu).toContain('data-n="3">октябре</mark>');
  });

  it('offers a pair selector for stories with more than two sources and a source-pair filter', () => {
    const select = element(html, 'class="pairsel"', 'select');
    expect(select.match(/<option/gu)).toHaveLength(3);
    const filter = element(html, 'name="pair"', 'select');
    expect(filter.match(/<option/gu)).toHaveLength(4);
    expect(filter).toContain('en/huawei.txt ↔ vi/huawei.txt');
  });

  it('has labelled, keyboard-usable filters', () => {
    const form = element(html, 'id="filters"', 'form');
    expect(form.match(/<input type="checkbox" name="sev"/gu)).toHaveLength(3);
    expect(form.match(/<input type="checkbox" name="cat"/gu)).toHaveLength(7);
    expect(form).toMatch(/<label class="fld">Search <input type="search" name="q"/u);
    expect(form).toContain('aria-live="polite"');
    expect(html).toContain('@media print');
    expect(html).toContain(':focus-visible');
  });

  it('draws a corroboration matrix for a story with three sources', () => {
    const matrix = element(html, 'class="matrix"', 'div');
    const rows = matrix.match(/<tr><th scope="row"[\s\S]*?<\/tr>/gu) ?? [];
    expect(rows).toHaveLength(3);
    const [vocord, fund, hostile] = rows;
    // en and vi are linked by the spelling finding; ru states the claim the same way.
    expect(vocord).toMatch(/Vocord[\s\S]*m-differs[\s\S]*data-goto="0"[\s\S]*m-differs[\s\S]*m-states/u);
    expect(fund).toMatch(/m-differs[\s\S]*\+1[\s\S]*m-differs[\s\S]*m-differs/u);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toMatch(/m-states[\s\S]*⚑[\s\S]*unsourced[\s\S]*m-silent[\s\S]*m-silent/u);
  });

  it('has no matrix and no pair selector for a two-source story', () => {
    const b = new FixtureBuilder()
      .source({ id: 'a.txt', lang: 'en', paragraphs: [['One.', 'Two.']] })
      .source({ id: 'b.txt', lang: 'vi', paragraphs: [['Một.', 'Hai.']] })
      .story('s', ['a.txt', 'b.txt'])
      .align('s', ['a.txt#0'], ['b.txt#0'])
      .align('s', ['a.txt#1'], ['b.txt#1'])
      .claim('a.txt#0');
    const { report: r, ctx: c } = b.build([]);
    const out = renderHtml(r, c);
    expect(out).not.toContain('class="matrix"');
    expect(out).not.toContain('class="pairsel"');
    expect(out).toContain('No findings');
    expect(out).toContain('data-sentence="b.txt#1"');
  });

  it('keeps both columns in reading order around unaligned and reordered sentences', () => {
    const b = new FixtureBuilder()
      .source({ id: 'a', lang: 'en', paragraphs: [['A0.', 'A1.', 'A2.', 'A3.']] })
      .source({ id: 'b', lang: 'vi', paragraphs: [['B0.', 'B1.', 'B2.']] })
      .story('s', ['a', 'b'])
      .align('s', ['b#0'], ['a#0']) // reversed orientation
      .align('s', ['a#2', 'a#3'], ['b#2']); // 2-1
    const out = renderHtml(...Object.values(b.build([])) as Parameters<typeof renderHtml>);
    const order = [...out.matchAll(/data-sentence="([ab]#\d)"/gu)].map((x) => x[1]);
    expect(order).toEqual(['a#0', 'b#0', 'a#1', 'b#1', 'a#2', 'a#3', 'b#2']);
  });

  it('is deterministic', () => {
    expect(renderHtml(report, ctx)).toBe(html);
  });

  it('escapes everything in a report built of injection attempts', () => {
    const h = hostileFixture();
    const out = renderHtml(h.report, h.ctx);
    expect(out.match(/<script/gu)).toHaveLength(1);
    expect(out.match(/<\/script>/gu)).toHaveLength(1);
    expect(out).not.toMatch(/<(?:img|svg onload|iframe|a href="javascript|style>body|x\/|textarea|b>)/u);
    expect([...attributeNames(out)].filter((n) => n.startsWith('on') || n === 'style' || n === 'src' || n === 'srcdoc')).toEqual([]);
    expect(attributeNames(out)).toContain('data-finding'); // the scanner does see attributes
    expect(out).not.toMatch(/<!-- -->/u);
    expect(out).not.toContain('\u0000');
    expect(out).toContain('in/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt');
  });

  it('renders 2,000 findings', () => {
    const l = largeFixture(2000);
    const t = performance.now();
    const out = renderHtml(l.report, l.ctx);
    const ms = performance.now() - t;
    console.log(`renderHtml: 2,000 findings in ${ms.toFixed(0)} ms, ${(out.length / 1e6).toFixed(1)} MB`);
    expect(out.match(/data-finding="/gu)).toHaveLength(2000);
  });

  it('adds no tag or attribute whatever the text, message or file name (property)', () => {
    const tags = (doc: string) => new Set([...doc.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/gu)].map((x) => x[1]));
    const baseline = renderHtml(...(Object.values(nastyFixture('x', 'm', 'n')) as Parameters<typeof renderHtml>));
    const okTags = tags(baseline);
    const okAttrs = attributeNames(baseline);
    fc.assert(
      fc.property(nastyText, nastyText, nastyText, (text, message, name) => {
        const { report: r, ctx: c } = nastyFixture(text, message, name);
        const out = renderHtml(r, c);
        for (const t of tags(out)) expect(okTags).toContain(t);
        for (const a of attributeNames(out)) expect(okAttrs).toContain(a);
        expect(out.match(/<script/gu)).toHaveLength(1);
        expect(out.match(/<\/script/gu)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('side-by-side labels of sentences one version lacks', () => {
  it('say what the findings say (omitted / added), and only "only in" where no finding marks the run', async () => {
    const { check } = await import('../../src/check.js');
    const original = [
      'Harlow Rail will spend $310 million on new trains for the coastal line, the company said on Monday.',
      'The first trains are due in March 2027, according to chief executive Mina Oduya.',
      'It was a long and busy day for everyone who works at the station.',
      'Passenger groups welcomed the plan for the coastal line.',
      'The order also covers 14 spare engines built by Kettle Works in Brandt.',
      'Harlow Rail expects the trains to run until 2060.',
    ].join(' ');
    const derived = [
      'Harlow Rail will spend $310 million on new trains for the coastal line, the company said on Monday.',
      'The first trains are due in March 2027, according to chief executive Mina Oduya.',
      'Passenger groups welcomed the plan for the coastal line.',
      'Harlow Rail expects the trains to run until 2060.',
    ].join(' ');
    const { report, context } = await check([
      { id: 'orig.txt', text: original, lang: 'en', story: 's', original: true, published: '2026-01-05' },
      { id: 'copy.txt', text: derived, lang: 'en', story: 's', published: '2026-01-06' },
    ]);
    const omissions = report.findings.filter((f) => f.category === 'omission');
    expect(omissions.map((f) => f.locations[0]!.text)).toEqual([expect.stringContaining('14 spare engines')]);
    const page = renderHtml(report, context);
    const view = element(page, 'class="pairview"', 'div');
    expect(view).toMatch(/class="only omitted"[^]*?omitted in copy\.txt[^]*?14 spare engines/u);
    // The filler sentence carries no claim and is not flagged: the view does not call it omitted.
    expect(view).toMatch(/class="only unpaired"[^]*?only in orig\.txt[^]*?a long and busy day/u);
    expect(view).not.toMatch(/added in/u);
  });
});

describe('renderHtml: a segment file with many units with findings', () => {
  const fixture = (units: number) => {
    const { report, ctx } = unitsFixture(units);
    const units2 = { file: 'tm.po', checked: units + 7, withFindings: units, withoutFindings: 7, warnings: [] };
    return { report: { ...report, units: units2 }, ctx: { ...ctx, units: Object.fromEntries(report.sources.map((s) => [s.id, { line: 1 }])) } };
  };
  const page = (units: number) => {
    const { report, ctx } = fixture(units);
    return renderHtml(report, ctx);
  };
  const story = (n: number): string => `Story <q>u${String(n).padStart(5, '0')}</q>`;

  it('says how many units were checked, and shows every unit when there are few', () => {
    const doc = page(3);
    expect(doc).toContain('3 findings (3 error, 0 warning, 0 info) · 10 units checked, 3 with findings');
    expect(doc).not.toContain('class="notice"');
    expect(doc.match(/<section class="story"/gu)).toHaveLength(3);
  });

  it(`shows the first ${HTML_MAX_UNITS} units with findings and says how many more there are`, () => {
    const doc = page(HTML_MAX_UNITS + 5);
    expect(doc.match(/<section class="story"/gu)).toHaveLength(HTML_MAX_UNITS);
    expect(doc).toContain(`${HTML_MAX_UNITS + 5} findings (${HTML_MAX_UNITS + 5} error, 0 warning, 0 info) · ${HTML_MAX_UNITS + 12} units checked, ${HTML_MAX_UNITS + 5} with findings`);
    expect(doc).toContain(`This page shows the first ${HTML_MAX_UNITS} units with findings (${HTML_MAX_UNITS} findings); 5 more units with findings (5 findings) are in the JSON, text and SARIF reports, and on the other pages of an HTML report written with --output or --output-dir.`);
    expect(doc).toContain(story(HTML_MAX_UNITS));
    expect(doc).not.toContain(story(HTML_MAX_UNITS + 1));
  });

  it('names the pages of a report written to a file after the first', () => {
    expect(htmlPagePaths('/out/factlint-report.html', 3)).toEqual(['/out/factlint-report.html', '/out/factlint-report-2.html', '/out/factlint-report-3.html']);
    expect(htmlPagePaths('/out/tm.HTM', 2)).toEqual(['/out/tm.HTM', '/out/tm-2.HTM']);
    expect(htmlPagePaths('/out/report', 2)).toEqual(['/out/report', '/out/report-2.html']);
    expect(htmlPagePaths('/out/report.html', 1)).toEqual(['/out/report.html']);
  });

  it('puts every unit with findings on one of the pages, each linked to the others', () => {
    const n = 2 * HTML_MAX_UNITS + 3;
    const { report, ctx } = fixture(n);
    expect(htmlPageCount(report)).toBe(3);
    expect(htmlPageCount(fixture(HTML_MAX_UNITS).report)).toBe(1);
    const paths = htmlPagePaths('/out/r.html', 3);
    const pages = paths.map((_, i) => renderHtmlPage(report, ctx, i, paths));
    // Each page shows its own units, and all pages together show every unit once.
    expect(pages.map((d) => d.match(/<section class="story"/gu)?.length)).toEqual([HTML_MAX_UNITS, HTML_MAX_UNITS, 3]);
    expect(pages[0]).toContain(story(1));
    expect(pages[1]).toContain(story(HTML_MAX_UNITS + 1));
    expect(pages[1]).not.toContain(story(HTML_MAX_UNITS));
    expect(pages[2]).toContain(story(n));
    // Every page gives the whole report's counts, then its own range, and links to the others by file name.
    for (const d of pages) expect(d).toContain(`${n} findings (${n} error, 0 warning, 0 info) · ${n + 7} units checked, ${n} with findings`);
    expect(pages[1]).toContain(`Page 2 of 3: units with findings ${HTML_MAX_UNITS + 1}–${2 * HTML_MAX_UNITS} of ${n} (${HTML_MAX_UNITS} findings on this page).`);
    expect(pages[1]).toContain('<a href="r.html" rel="prev">‹ previous</a>');
    expect(pages[1]).toContain('<a href="r-3.html" rel="next">next ›</a>');
    expect(pages[1]).toContain('<span aria-current="page">2</span>');
    expect(pages[0]).not.toContain('rel="prev"');
    expect(pages[2]).not.toContain('rel="next"');
    expect(pages[2]).toContain(`<title>factlint: ${n} findings in ${n} units (page 3 of 3)</title>`);
  });
});
