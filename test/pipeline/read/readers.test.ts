import * as d from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument, Unreadable } from '../../../src/pipeline/read/index.js';
import { readHtml, isoDate } from '../../../src/pipeline/read/html.js';
import { openZip } from '../../../src/pipeline/read/zip.js';
import { pdfDate } from '../../../src/pipeline/read/pdf.js';
import { makeDocx, makeOdt, makeOle, makePdf, makeZipBomb } from './make.js';

const paragraphs = (text: string): string[] => text.split('\n\n');

/** The code of the Unreadable a read throws (a test failure if it reads). */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Unreadable) return e.code;
    throw e;
  }
  throw new Error('expected the document to be refused');
}

describe('Word (.docx) with mammoth', () => {
  it('keeps paragraphs and headings as paragraphs, in order, and maps each to its paragraph number', async () => {
    const bytes = await makeDocx([{ heading: 'Port deal agreed' }, 'The company will invest $2.4 billion.', { heading: 'Jobs', level: 2 }, 'About 1,500 people will work there.'], { title: 'Draft: port deal', creator: 'Jane Editor' });
    const r = await readDocument('docx', bytes);
    expect(paragraphs(r.text)).toEqual(['Port deal agreed', 'The company will invest $2.4 billion.', 'Jobs', 'About 1,500 people will work there.']);
    expect(r.document.blocks.map((b) => [r.text.slice(b.start, b.end), b.paragraph, b.heading])).toEqual([
      ['Port deal agreed', 1, 1], ['The company will invest $2.4 billion.', 2, undefined], ['Jobs', 3, 2], ['About 1,500 people will work there.', 4, undefined],
    ]);
    expect(r.document).toMatchObject({ format: 'docx', title: 'Draft: port deal', author: 'Jane Editor' });
  });

  it('leaves footnotes and comments out, and reads tracked changes as the accepted text', async () => {
    const bytes = await makeDocx([
      { runs: [new d.TextRun('Construction starts in '), new d.DeletedTextRun({ text: 'May', id: 1, author: 'A', date: '2025-01-01T00:00:00Z' }), new d.InsertedTextRun({ text: 'June', id: 2, author: 'A', date: '2025-01-01T00:00:00Z' }), new d.TextRun(', the company said.'), new d.FootnoteReferenceRun(1)] },
      { runs: [new d.CommentRangeStart(0), new d.TextRun('The port opens in 2028.'), new d.CommentRangeEnd(0), new d.TextRun({ children: [new d.CommentReference(0)] })] },
    ], { footnotes: { 1: 'FOOTNOTE: source is the annual report.' }, comments: [{ id: 0, text: 'COMMENT: check this year' }] });
    const r = await readDocument('docx', bytes);
    expect(paragraphs(r.text)).toEqual(['Construction starts in June, the company said.', 'The port opens in 2028.']);
    expect(r.text).not.toMatch(/FOOTNOTE|COMMENT|May|\[1\]/);
  });

  it('reports the document dates as the file\'s, never as a publication date', async () => {
    const r = await readDocument('docx', await makeDocx(['The company will invest $2.4 billion in the port, it said.']));
    expect(r.document.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.published).toBeUndefined();
    expect(r.document.published).toBeUndefined();
  });

  it.each([
    ['a truncated archive', async () => (await makeDocx(['Some text of the draft.'])).subarray(0, 300), 'FL150'],
    ['a text file renamed .docx', async () => Buffer.from('just text, not a zip'), 'FL150'],
    ['a Word 97-2003 file renamed .docx', async () => makeOle(false), 'FL150'],
    ['an encrypted Office file', async () => makeOle(true), 'FL151'],
    ['a ZIP without word/document.xml', async () => zipSync({ 'a.txt': strToU8('hello') }), 'FL150'],
    ['a ZIP entry with the encryption flag', async () => { const z = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') })); z.writeUInt16LE(1, 6); z.writeUInt16LE(1, z.lastIndexOf(Buffer.from([0x50, 0x4b, 1, 2])) + 8); return z; }, 'FL151'],
  ])('refuses %s with a code', async (_name, make, code) => {
    expect(await codeOf(readDocument('docx', await make()))).toBe(code);
  });

  it('stops a zip bomb at the limit, whatever size its headers declare (FL152)', async () => {
    const bomb = await makeZipBomb('word/document.xml', 8);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await codeOf(openZip(bomb, 'Word document', () => true, 4 * 1024 * 1024))).toBe('FL152');
    // Within the limit the same archive opens.
    expect((await openZip(bomb, 'Word document', () => true, 16 * 1024 * 1024)).get('word/document.xml')?.length).toBe(8 * 1024 * 1024);
  });
});

describe('OpenDocument text (.odt)', () => {
  it('reads headings, paragraphs, lists and tables; leaves out notes, comments and deleted text', async () => {
    const body = '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>DELETED sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes>'
      + '<text:h text:outline-level="1">Port deal agreed</text:h>'
      + '<text:p>The company will<text:s/> invest <text:span>$2.4 billion</text:span>.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>NOTE text.</text:p></text:note-body></text:note></text:p>'
      + '<text:p><office:annotation><text:p>COMMENT text</text:p></office:annotation>About 1,500   people<text:change text:change-id="c1"/> will work there.</text:p>'
      + '<text:list><text:list-item><text:p>First item</text:p></text:list-item></text:list>'
      + '<table:table><table:table-row><table:table-cell><text:p>Cell text</text:p></table:table-cell></table:table-row></table:table>';
    const r = await readDocument('odt', makeOdt(body, '<dc:title>Draft</dc:title><meta:initial-creator>Jane Editor</meta:initial-creator><meta:creation-date>2025-03-01T10:00:00</meta:creation-date>'));
    expect(paragraphs(r.text)).toEqual(['Port deal agreed', 'The company will  invest $2.4 billion.', 'About 1,500 people will work there.', 'First item', 'Cell text']);
    expect(r.document.blocks[0]).toMatchObject({ paragraph: 1, heading: 1 });
    expect(r.document).toMatchObject({ format: 'odt', title: 'Draft', author: 'Jane Editor', created: '2025-03-01T10:00:00' });
    expect(r.published).toBeUndefined();
  });

  it('reads a document of 150,000 paragraphs in one section (more children than a call takes arguments)', async () => {
    const body = `<text:section>${Array.from({ length: 150_000 }, (_, k) => `<text:p>Line ${k}.</text:p>`).join('')}</text:section>`;
    const r = await readDocument('odt', makeOdt(body));
    const lines = paragraphs(r.text);
    expect(lines).toHaveLength(150_000);
    expect([lines[0], lines[149_999]]).toEqual(['Line 0.', 'Line 149999.']);
  }, 60_000);

  it.each([
    ['another OpenDocument type', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }), 'FL150'],
    ['malformed XML', zipSync({ 'content.xml': strToU8('<office:document-content><office:body><office:text><text:p>open') }), 'FL150'],
    ['a zip bomb', () => makeZipBomb('content.xml', 300), 'FL152'],
  ])('refuses %s', async (_n, bytes, code) => {
    expect(await codeOf(readDocument('odt', typeof bytes === 'function' ? await bytes() : bytes))).toBe(code);
  }, 30_000);
});

describe('PDF with PDF.js (unpdf)', () => {
  it('rebuilds lines and paragraphs, repairs words broken at line ends, keeps real hyphens, numbers pages', async () => {
    const pdf = makePdf([
      [[72, 720, 'The company will invest $2.4 billion in the ter-'], [72, 706, 'minal, a state-owned port, it said.'], [72, 692, 'The plan is state-'], [72, 678, 'owned, officials said.'],
        [72, 640, 'About 1,500 people will work there.']],
      [[72, 720, 'Construction starts in June.']],
    ]);
    const r = await readDocument('pdf', pdf);
    expect(paragraphs(r.text)).toEqual([
      'The company will invest $2.4 billion in the terminal, a state-owned port, it said. The plan is state-owned, officials said.',
      'About 1,500 people will work there.',
      'Construction starts in June.',
    ]);
    expect(r.document.blocks.map((b) => [b.page, b.paragraph])).toEqual([[1, 1], [1, 2], [2, 1]]);
    expect(r.document).toMatchObject({ format: 'pdf', title: 'Press release', author: 'Comms Team', created: '2025-03-11T09:00:00+01:00' });
    expect(r.published).toBeUndefined();
  });

  it('reads two columns left column first', async () => {
    const left = [0, 1, 2, 3].map((i): [number, number, string] => [72, 700 - 14 * i, `Left column line ${i + 1} of the story.`]);
    const right = [0, 1, 2, 3].map((i): [number, number, string] => [330, 700 - 14 * i, `Right column line ${i + 1} of it.`]);
    // Drawn interleaved (row by row), as some layout programs do.
    const runs = left.flatMap((l, i) => [l, right[i]!]);
    const r = await readDocument('pdf', makePdf([runs]));
    expect(r.text.indexOf('Left column line 4')).toBeLessThan(r.text.indexOf('Right column line 1'));
  });

  it.each([
    ['a PDF with no text (a scan)', makePdf([[]]), 'FL154'],
    ['a damaged PDF', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog', 'latin1'), 'FL150'],
  ])('refuses %s', async (_n, bytes, code) => {
    expect(await codeOf(readDocument('pdf', bytes))).toBe(code);
  });

  it.each([
    ["D:20250311090000+01'00'", '2025-03-11T09:00:00+01:00'],
    ['D:20250311090000Z', '2025-03-11T09:00:00Z'],
    ['D:2025', '2025-01-01'],
    ['garbage', undefined],
  ])('PDF date %s', (s, iso) => expect(pdfDate(s)).toBe(iso));
});

const page = (head: string, body: string, lang = 'en'): Buffer => Buffer.from(`<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`);
const ARTICLE = ['The company will invest $2.4 billion in the new container terminal, it said on Tuesday.', 'About 1,500 people will work at the site once it opens in 2028, according to the company.', 'The regional government will pay 400 million kroner for new roads.'];
const articleHtml = `<article>\n<h1>Port deal agreed</h1>\n${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}\n</article>`;

describe('web pages (.html) with linkedom and Readability', () => {
  it('takes the article and leaves out navigation, share bars, related links, cookie notices and comments', async () => {
    const html = page('<title>Port deal agreed | Daily</title>', [
      '<div class="cookie-notice">We use 12 cookies. Accept?</div>',
      '<nav><a href="/">Home</a> <a href="/b">Business</a></nav>',
      '<div class="share-bar"><a>Share on Facebook</a></div>',
      articleHtml,
      '<aside class="related"><h3>Related</h3><ul><li><a href="/x">Port to cut 600 jobs</a></li></ul></aside>',
      '<section id="comments"><div class="comment"><p>They said 5 million last year, nobody believes this any more at all.</p></div></section>',
      '<footer>© 2025 Daily</footer>',
    ].join('\n'));
    const r = await readHtml(html);
    expect(paragraphs(r.text)).toEqual(['Port deal agreed', ...ARTICLE]);
  });

  it('gives each paragraph the line of the HTML file where its element starts', async () => {
    const html = page('<title>t</title>', articleHtml);
    const lines = html.toString().split('\n');
    const r = await readHtml(html);
    for (const b of r.document.blocks) {
      const text = r.text.slice(b.start, b.end);
      expect(lines[b.line! - 1], text).toContain(text);
    }
  });

  it('reads title, byline and publication date from JSON-LD first, then meta tags, then <time datetime>', async () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Port deal agreed","author":[{"@type":"Person","name":"Maren Dahl"},{"@type":"Person","name":"Ola Berg"}],"datePublished":"2025-03-11T08:30:00+01:00"}]}</script>';
    const metaDate = '<meta property="article:published_time" content="2025-02-01T10:00:00Z"><meta name="author" content="Meta Author">';
    const a = await readHtml(page(ld + metaDate, articleHtml));
    expect(a).toMatchObject({ byline: 'Maren Dahl, Ola Berg', published: '2025-03-11', publishedAt: '2025-03-11T08:30+01:00' });
    expect(a.document).toMatchObject({ title: 'Port deal agreed', publishedFrom: 'JSON-LD datePublished', published: '2025-03-11T08:30:00+01:00' });
    const b = await readHtml(page(metaDate, articleHtml));
    expect(b).toMatchObject({ byline: 'Meta Author', published: '2025-02-01', publishedAt: '2025-02-01T10:00+00:00' });
    expect(b.document.publishedFrom).toBe('meta article:published_time');
    const c = await readHtml(page('', articleHtml.replace('<h1>', '<time datetime="2025-01-05">5 January</time>\n<h1>')));
    expect(c.published).toBe('2025-01-05');
    expect(c.document.publishedFrom).toBe('<time datetime>');
    const none = await readHtml(page('<meta property="article:modified_time" content="2025-04-01">', articleHtml));
    expect(none.published).toBeUndefined();
  });

  it('takes the declared language when the text agrees, the text\'s with a warning (FL156) when not', async () => {
    const agree = await readDocument('html', page('', articleHtml, 'en-GB'));
    expect(agree.lang).toBe('en');
    expect(agree.warnings).toEqual([]);
    const wrong = await readDocument('html', page('', articleHtml, 'de'));
    expect(wrong.lang).toBe('en');
    expect(wrong.warnings.join()).toMatch(/^FL156: .*"de".*"en"/);
  });

  it('decodes the charset the page declares', async () => {
    const ru = 'Компания инвестирует 2,4 миллиарда долларов в новый контейнерный терминал, сообщила она во вторник. Около 1500 человек будут работать на объекте.';
    const html = `<html lang="ru"><head><meta charset="windows-1251"><title>x</title></head><body><article><p>${ru}</p></article></body></html>`;
    const bytes = Buffer.from(new Uint8Array([...html].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0xc0 + 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя'.indexOf(ch)))));
    const r = await readDocument('html', bytes);
    expect(r.text).toContain(ru);
    expect(r.lang).toBe('ru');
  });

  it('runs no script and keeps none of it as text', async () => {
    const html = page('<script>document.title = "ran"; globalThis.factlintScriptRan = true;</script>', `${articleHtml}\n<script>document.body.innerHTML = "<p>replaced</p>"</script><noscript>Enable JavaScript to read 5 more articles</noscript>`);
    const r = await readHtml(html);
    expect((globalThis as { factlintScriptRan?: boolean }).factlintScriptRan).toBeUndefined();
    expect(paragraphs(r.text)).toEqual(['Port deal agreed', ...ARTICLE]);
  });

  it.each([
    ['a page with no article (links only)', page('<title>Index</title>', '<nav><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></nav>'), {}, 'FL153'],
    ['an empty body', page('<title>Empty</title>', ''), {}, 'FL153'],
    ['a page with more elements than the limit', page('', `${'<div>'.repeat(60)}${articleHtml}${'</div>'.repeat(60)}`), { maxElements: 50 }, 'FL155'],
  ])('refuses %s', async (_n, bytes, opts, code) => {
    expect(await codeOf(readDocument('html', bytes, opts))).toBe(code);
  });

  it('refuses a page nested 20,000 elements deep at once (FL155), and reads one nested 100 deep', async () => {
    const nested = (n: number): Buffer => page('', `${'<div>'.repeat(n)}${articleHtml}${'</div>'.repeat(n)}`);
    expect(await codeOf(readHtml(nested(20_000)))).toBe('FL155');
    expect(paragraphs((await readHtml(nested(100))).text)).toEqual(['Port deal agreed', ...ARTICLE]);
  }, 60_000);

  it.each([
    ['2025-03-11', { date: '2025-03-11' }],
    ['2025-03-11T08:30:00+01:00', { date: '2025-03-11', at: '2025-03-11T08:30+01:00' }],
    ['2025-03-11T08:30:00.000Z', { date: '2025-03-11', at: '2025-03-11T08:30+00:00' }],
    ['2025-03-11 08:30:00+0700', { date: '2025-03-11', at: '2025-03-11T08:30+07:00' }],
    ['2025-13-11', undefined],
    ['March 11, 2025', undefined],
  ])('ISO date %s', (s, want) => expect(isoDate(s)).toEqual(want));
});
