/**
 * Issue #15's "done when", through the CLI as an editor runs it: a Word draft checked against two saved web pages
 * (and the same pages as URLs served from 127.0.0.1), with a changed figure, a misspelt name and a dropped
 * paragraph planted in the draft.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOILERPLATE, PLANTS, servePages, workspace, type PageServer } from '../fixtures/documents/scenario.js';
import { check } from '../../src/check.js';
import { expectSpansSound, expectValidJson } from '../property/sound.js';
import { makeDocx, makeOle, makePdf, makeZipBomb } from '../pipeline/read/make.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');

interface Loc { source: string; start: number; end: number; text: string }
interface Finding { ruleId: string; category: string; severity: string; locations: Loc[]; context: Loc[] }
interface Report {
  sources: { id: string; path: string; lang: string; published?: string; byline?: string; document?: Record<string, string> }[];
  findings: Finding[];
  skipped: { path: string; code: string; reason: string }[];
}

/** Runs the CLI without blocking this process (the page server lives here). */
function run(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    p.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    p.on('close', (status) => done({ status, stdout, stderr }));
  });
}

// The CLI runs from dist/ (the bundle the bin names): built once, so the test exercises what users run.
beforeAll(() => { execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }); }, 120_000);

const DRAFT = 'draft.docx';
const EN = 'pages/en.html';
const VI = 'pages/vi.html';

/**
 * Findings of a planted change: the changed figure against its counterpart on a page, the misspelt name (against
 * the page, or within the draft), the dropped paragraph at the page.
 */
const isFigure = (f: Finding): boolean => f.category === 'number-mismatch'
  && f.locations.some((l) => l.source === DRAFT && l.text.includes(PLANTS.figure.draft))
  && f.locations.every((l) => l.source === DRAFT || l.text.includes(PLANTS.figure.en) || l.text.includes(PLANTS.figure.vi));
const isName = (f: Finding): boolean => f.locations.some((l) => l.source === DRAFT && l.text.includes(PLANTS.name.draft));
const isDropped = (page: string, text: string) => (f: Finding): boolean => f.category === 'omission' && f.locations.some((l) => l.source === page && text.includes(l.text.replace(/…$/u, '')));

describe('a Word draft against saved web pages (check draft.docx --against pages/)', () => {
  let dir: string;
  let report: Report;
  let text: string;

  beforeAll(async () => {
    dir = await workspace();
    const r = await run(['check', DRAFT, '--against', 'pages/', '--format', 'json,text,sarif,github', '--output-dir', 'out'], dir);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(r.status).toBe(1);
    report = JSON.parse(readFileSync(join(dir, 'out/draft.json'), 'utf8')) as Report;
    text = readFileSync(join(dir, 'out/draft.txt'), 'utf8');
  }, 120_000);

  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('reads the draft and both pages, with the pages\' publication dates and bylines from their metadata', () => {
    expect(report.skipped).toEqual([]);
    const by = Object.fromEntries(report.sources.map((s) => [s.id, s]));
    expect(by[DRAFT]).toMatchObject({ lang: 'en', document: { format: 'docx', title: 'Norvik terminal (draft 3)', author: 'Desk Editor' } });
    // A Word file's dates are when it was saved, not when anything was published.
    expect(by[DRAFT]!.published).toBeUndefined();
    expect(by[EN]).toMatchObject({ lang: 'en', published: '2025-03-11', byline: 'Maren Dahl', document: { format: 'html', publishedFrom: 'JSON-LD datePublished', published: '2025-03-11T08:30:00+01:00' } });
    expect(by[VI]).toMatchObject({ lang: 'vi', published: '2025-03-12', byline: 'Lê Minh Anh', document: { format: 'html', publishedFrom: 'JSON-LD datePublished' } });
  });

  it('reports the changed figure against the English page', () => {
    expect(report.findings.filter(isFigure).some((f) => f.locations.some((l) => l.source === EN && l.text.includes(PLANTS.figure.en)))).toBe(true);
  });

  // The Vietnamese paragraph the draft dropped is left unaligned, not paired on length alone with the draft's
  // changed-figure paragraph (issue #13, point 4): the figure is compared with "1.500", not with "400 triệu".
  it('reports the changed figure against the Vietnamese page, and no figure it was not paired with', () => {
    expect(report.findings.filter(isFigure).some((f) => f.locations.some((l) => l.source === VI && l.text.includes(PLANTS.figure.vi)))).toBe(true);
    expect(report.findings.filter((f) => f.category === 'number-mismatch' && !isFigure(f))).toEqual([]);
  });

  // A name misspelt by one letter in a same-language draft is a name change against the page (issue #13, point 1),
  // besides the draft's own name-inconsistency ("Solbeg" and "Solberg" in one article).
  it('reports the misspelt name against the English page', () => {
    expect(report.findings.some((f) => f.category === 'entity-mismatch' && isName(f) && f.locations.some((l) => l.source === EN && l.text.includes(PLANTS.name.en)))).toBe(true);
  });

  // Draft mode keeps what the draft lost (issue #13, point 9): an omission located in the published version, compared
  // with the draft.
  it('reports the dropped paragraph against both pages', () => {
    expect(report.findings.some(isDropped(EN, PLANTS.dropped.en))).toBe(true);
    expect(report.findings.some(isDropped(VI, PLANTS.dropped.vi))).toBe(true);
  });

  it('reports nothing from the boilerplate, the footnote or the comment, and nothing but the planted changes', () => {
    for (const f of report.findings) for (const l of [...f.locations, ...f.context]) for (const b of [...BOILERPLATE, 'Company statement', '2,000 figure']) expect(l.text).not.toContain(b);
    const other = report.findings.filter((f) => !isFigure(f) && !isName(f) && !isDropped(EN, PLANTS.dropped.en)(f) && !isDropped(VI, PLANTS.dropped.vi)(f));
    expect(other.map((f) => `${f.ruleId}: ${f.locations.map((l) => `${l.source} «${l.text}»`).join(' / ')}`)).toEqual([]);
  });

  it('points at the draft\'s paragraph and at the line of the HTML file where the sentence is', () => {
    const html = readFileSync(join(dir, EN), 'utf8').split('\n');
    const line = html.findIndex((l) => l.includes(`About ${PLANTS.figure.en} people`)) + 1;
    expect(line).toBeGreaterThan(1);
    // Paragraph 4 of the draft: the heading, the first paragraph, the name's, then the figure's.
    expect(text).toMatch(new RegExp(`draft\\.docx \\(paragraph 4\\)  «${PLANTS.figure.draft}`));
    expect(text).toContain(`pages/en.html:${line} (paragraph `);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/draft.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } }; logicalLocations?: { name: string }[] }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const locs = sarif.runs[0]!.results.flatMap((r) => [...r.locations, ...(r.relatedLocations ?? [])]);
    expect(locs.some((l) => l.physicalLocation.artifactLocation.uri === 'pages/en.html' && l.physicalLocation.region?.startLine === line)).toBe(true);
    const draftLoc = sarif.runs[0]!.results.flatMap((r) => r.locations).find((l) => l.physicalLocation.artifactLocation.uri === 'draft.docx');
    expect(draftLoc?.logicalLocations?.[0]?.name).toMatch(/^paragraph \d+$/);
  });

  it('the github annotations name the file and the paragraph', async () => {
    const r = await run(['check', DRAFT, '--against', 'pages/', '--format', 'github'], dir);
    expect(r.stdout).toMatch(/::error file=(draft\.docx|pages\/en\.html)[^:]*::.*%0Aat (draft\.docx|pages\/en\.html(%3A|:)\d+) \(paragraph \d+\)/u);
  });
});

describe('the same pages as URLs served from 127.0.0.1', () => {
  let dir: string;
  let server: PageServer;
  let files: Report;
  let urls: Report;

  beforeAll(async () => {
    dir = await workspace();
    server = await servePages();
    const a = await run(['check', DRAFT, '--against', 'pages/', '--format', 'json'], dir);
    files = JSON.parse(a.stdout) as Report;
    const b = await run(['check', DRAFT, '--against', server.url('/en.html'), server.url('/vi.html'), server.url('/missing'), server.url('/slow'), server.url('/huge'),
      '--timeout', '1', '--max-file-size', '300000', '--format', 'json'], dir);
    expect(b.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    urls = JSON.parse(b.stdout) as Report;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names each URL as the source and finds the same as with the saved files', () => {
    const en = server.url('/en.html');
    const vi = server.url('/vi.html');
    expect(urls.sources.map((s) => s.id)).toEqual([DRAFT, en, vi]);
    const byUrl = Object.fromEntries(urls.sources.map((s) => [s.id, s]));
    expect(byUrl[en]).toMatchObject({ path: en, published: '2025-03-11', byline: 'Maren Dahl' });
    expect(byUrl[vi]).toMatchObject({ path: vi, published: '2025-03-12', byline: 'Lê Minh Anh' });
    const rename = (s: string): string => (s === en ? EN : s === vi ? VI : s);
    const shape = (r: Report, f: (s: string) => string = (s) => s) => r.findings.map((x) => ({ ruleId: x.ruleId, locations: x.locations.map((l) => ({ ...l, source: f(l.source) })) }));
    expect(shape(urls, rename)).toEqual(shape(files));
    expect(urls.findings.length).toBeGreaterThan(0);
  });

  it('skips a 404, a timeout and a too-large response with their codes, and checks the rest', () => {
    const skipped = Object.fromEntries(urls.skipped.map((s) => [s.path.replace(/^http:\/\/127\.0\.0\.1:\d+/u, ''), s]));
    expect(skipped['/missing']).toMatchObject({ code: 'FL161', reason: expect.stringMatching(/404/) });
    expect(skipped['/slow']).toMatchObject({ code: 'FL162' });
    expect(skipped['/huge']).toMatchObject({ code: 'FL163' });
    expect(urls.skipped).toHaveLength(3);
  });

  it('fetches nothing the pages refer to (scripts, images, iframes, stylesheets)', () => {
    expect([...new Set(server.requests)].sort()).toEqual(['/en.html', '/huge', '/missing', '/slow', '/vi.html']);
  });
});

describe('the library on documents', () => {
  it('writes a JSON report that validates, every offset slicing the extracted text it names', async () => {
    const dir = await workspace();
    try {
      const result = await check([join(dir, 'draft.docx'), join(dir, 'pages')], { cwd: dir, load: { cwd: dir } });
      expect(result.report.sources.map((s) => s.document?.format)).toEqual(['docx', 'html', 'html']);
      expectValidJson(result);
      expectSpansSound(Object.entries(result.context.texts).map(([id, text]) => ({ id, text })), result);
      // Every paragraph of the map lies in the text, in order, without overlap.
      for (const [id, doc] of Object.entries(result.context.documents ?? {})) {
        const text = result.context.texts[id]!;
        let last = 0;
        for (const b of doc.blocks) {
          expect(b.start).toBeGreaterThanOrEqual(last);
          expect(b.end).toBeLessThanOrEqual(text.length);
          last = b.end;
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('what a page\'s metadata feeds', () => {
  const article = (published: string, author: string | undefined, extra: string): string => `<!doctype html><html lang="en"><head><title>t</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour plan approved","datePublished":"${published}"${author ? `,"author":{"@type":"Person","name":"${author}"}` : ''}}</script></head>
<body><article><h1>Harbour plan approved</h1><p>The council approved the harbour plan last June, its chairman said on Monday.</p><p>${extra}</p></article></body></html>`;

  it('resolves "last June" against the page\'s datePublished, and marks the article as attributed by its byline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-meta-'));
    try {
      writeFileSync(join(dir, 'signed.html'), article('2025-03-11T08:30:00+01:00', 'Maren Dahl', 'Norvik Logistics will employ 1,200 dock workers at the Stavanger harbour from 2026.'));
      writeFileSync(join(dir, 'unsigned.html'), article('2023-09-02', undefined, 'Fjord Ferries will close the old Bergen quay in 2027 after 140 years of service.'));
      const { report, context } = await check([dir], { cwd: dir, load: { cwd: dir } });
      const june = (id: string) => context.claims[id]!.flatMap((c) => c.dates).find((d) => /last June/u.test(d.text));
      expect(june('signed.html')).toMatchObject({ year: 2024, month: 6, relative: true });
      expect(june('unsigned.html')).toMatchObject({ year: 2023, month: 6, relative: true });
      expect(report.sources.find((x) => x.id === 'signed.html')).toMatchObject({ published: '2025-03-11', byline: 'Maren Dahl' });
      // unsourced-claim is a note (info) in an attributed article and a warning in an unsigned one.
      const severities = (id: string) => report.findings.filter((f) => f.ruleId === 'unsourced-claim' && f.locations[0]!.source === id).map((f) => f.severity);
      expect(severities('signed.html').length).toBeGreaterThan(0);
      expect(new Set(severities('signed.html'))).toEqual(new Set(['info']));
      expect(new Set(severities('unsigned.html'))).toEqual(new Set(['warning']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a PDF press release', () => {
  it('is checked against a text version, pointing at its page and paragraph, the broken word joined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-pdf-'));
    try {
      writeFileSync(join(dir, 'release.pdf'), makePdf([[
        [72, 720, 'Norvik Logistics to build container terminal in Stavanger'],
        [72, 690, 'Norvik Logistics will invest $2.4 billion in a new container termi-'], [72, 676, 'nal in Stavanger, the company said on Tuesday.'],
        [72, 650, 'About 1,500 people will work at the site, according to the company.'],
      ]]));
      writeFileSync(join(dir, 'story.txt'), 'Norvik Logistics to build container terminal in Stavanger\n\nNorvik Logistics will invest $2.4 billion in a new container terminal in Stavanger, the company said on Tuesday.\n\nAbout 1,900 people will work at the site, according to the company.\n');
      const r = await run(['check', 'release.pdf', 'story.txt'], dir);
      expect(r.stdout).toMatch(/release\.pdf \(page 1, paragraph 3\)  «(About )?1,500»/u);
      expect(r.stdout).not.toMatch(/termi- ?nal/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('bad documents in a folder', () => {
  it('are each skipped with a code and the reason, and the good ones still checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-bad-docs-'));
    try {
      mkdirSync(join(dir, 'in'));
      const good = await makeDocx(['The company will invest $2.4 billion in the new container terminal, it said on Tuesday.', 'About 1,500 people will work at the site.']);
      writeFileSync(join(dir, 'in/good.docx'), good);
      writeFileSync(join(dir, 'in/good.txt'), 'The company will invest $2.9 billion in the new container terminal, it said on Tuesday.\n\nAbout 1,500 people will work at the site.\n');
      writeFileSync(join(dir, 'in/corrupt.docx'), good.subarray(0, 400));
      writeFileSync(join(dir, 'in/encrypted.docx'), makeOle(true));
      writeFileSync(join(dir, 'in/bomb.docx'), await makeZipBomb('word/document.xml', 300));
      writeFileSync(join(dir, 'in/index.html'), '<html><body><nav><a href="/a">Home</a> <a href="/b">World</a></nav></body></html>');
      writeFileSync(join(dir, 'in/huge.html'), '<html><body><p>');
      truncateSync(join(dir, 'in/huge.html'), 50 * 1024 * 1024); // 50 MB (sparse: the size is what is checked)
      writeFileSync(join(dir, 'in/scan.pdf'), makePdf([[]]));
      const r = await run(['check', 'in', '--format', 'json'], dir);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      expect(Object.fromEntries(report.skipped.map((x) => [x.path, x.code]))).toEqual({
        'in/bomb.docx': 'FL152', 'in/corrupt.docx': 'FL150', 'in/encrypted.docx': 'FL151', 'in/huge.html': 'FL106', 'in/index.html': 'FL153', 'in/scan.pdf': 'FL154',
      });
      for (const x of report.skipped) expect(r.stderr).toContain(`skipped ${x.path}: ${x.code} ${x.reason}`);
      expect(report.sources.map((x) => x.id)).toEqual(['in/good.docx', 'in/good.txt']);
      expect(report.findings.some((f) => f.category === 'number-mismatch')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('loading the readers lazily', () => {
  const NO_READERS = resolve(ROOT, 'test/fixtures/documents/no-readers.mjs');
  const runWithout = (args: string[], cwd: string) => new Promise<{ status: number | null; stderr: string }>((done) => {
    const p = spawn(process.execPath, ['--import', NO_READERS, CLI, ...args], { cwd });
    let stderr = '';
    p.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    p.stdout.resume();
    p.on('close', (status) => done({ status, stderr }));
  });

  it('checks .txt files without loading mammoth, linkedom, Readability, unpdf, fflate, htmlparser2, fast-xml-parser, gettext-parser, iconv-lite, jschardet or re2js', async () => {
    const r = await runWithout(['check', 'seeds', '--format', 'json'], ROOT);
    expect(r.stderr).not.toMatch(/was loaded|internal error/u);
    expect(r.status).toBe(1);
  }, 60_000);

  it('(the control: reading a .docx does load mammoth, and the guard catches it)', async () => {
    const dir = await workspace();
    try {
      const r = await runWithout(['check', DRAFT, '--against', 'pages/'], dir);
      expect(r.stderr).toMatch(/(mammoth|fflate|linkedom|htmlparser2) was loaded/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    ['a PO file loads iconv-lite to decode its stream', 'po', /iconv-lite was loaded/u],
    ['an XLIFF file loads iconv-lite to decode its stream', 'xlf', /iconv-lite was loaded/u],
    ['a TSV file loads iconv-lite to decode its stream', 'tsv', /iconv-lite was loaded/u],
  ])('(the controls: %s, and the guard catches it)', async (_name, ext, loaded) => {
    const r = await runWithout(['check', `test/fixtures/bitext/${ext === 'xlf' ? 'story-12.xlf' : `story.${ext}`}`], ROOT);
    expect(r.stderr).toMatch(loaded);
  }, 60_000);
});
