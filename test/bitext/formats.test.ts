import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { isBitextPath, readBitext, toArray, type BitextOptions, type BitextRow } from '../../src/bitext/index.js';
import { PoReader, poHeader, type PoEntry } from '../../src/bitext/po.js';

const FIXTURES = 'test/fixtures/bitext';

/** The rows of a fixture file, and the file-level languages. */
async function read(name: string, opts: BitextOptions = {}): Promise<{ rows: BitextRow[]; leftLang?: string; rightLang?: string; format: string; file: string }> {
  const r = await readBitext(`${FIXTURES}/${name}`, opts);
  return { rows: await toArray(r), format: r.format, file: r.file, ...(r.leftLang ? { leftLang: r.leftLang } : {}), ...(r.rightLang ? { rightLang: r.rightLang } : {}) };
}

const EN1 = 'Hanwha will invest $1.2 billion in a shipyard in Philadelphia.';
const VI1 = 'Hanwha sẽ đầu tư 1,2 tỷ USD vào một nhà máy đóng tàu ở Philadelphia.';
const en = { leftLang: 'en', rightLang: 'vi' };

describe('readBitext reads every format into rows', () => {
  it.each<{ file: string; format: string; rows: BitextRow[] }>([
    {
      file: 'story.po',
      format: 'po',
      rows: [
        // The header entry is skipped; unit-3 is untranslated; obsolete #~ entries are not read. A unit's line is its
        // msgctxt or msgid; leftLine (when not that) the msgid's, rightLine the (first) msgstr's.
        { id: 'unit-1', left: EN1, right: VI1, ...en, line: 13, rightLine: 14 },
        { id: 'unit-2', left: "The deal was announced on Tuesday by the company's chairman.", right: 'Thỏa thuận được chủ tịch công ty công bố vào thứ Ba.', ...en, line: 18, rightLine: 21 },
        { id: 'unit-4', left: 'One ship was delivered.', right: 'Một con tàu đã được bàn giao.', ...en, line: 30, rightLine: 32 },
        { id: 'unit-5', left: 'Photo: Reuters', right: 'Ảnh: Reuters', ...en, line: 34, leftLine: 35, rightLine: 36 },
      ],
    },
    {
      file: 'story-12.xlf',
      format: 'xliff',
      rows: [
        // line: the <trans-unit>; leftLine, rightLine: its <source> and <target>.
        { id: 't1', left: EN1, right: VI1, ...en, line: 6, leftLine: 7, rightLine: 8 },
        {
          id: 't2',
          left: 'The deal was announced on Tuesday, said chairman Kim\u2019s office & staff.',
          right: 'Văn phòng chủ tịch Kim cho biết thỏa thuận được công bố vào thứ Ba.',
          ...en,
          line: 12,
          leftLine: 13,
          rightLine: 15,
        },
        { id: 't4', left: 'Shares rose 3% <early> on Wednesday.', right: 'Cổ phiếu tăng 3% <sớm> vào thứ Tư.', ...en, line: 21, leftLine: 22, rightLine: 23 },
      ],
    },
    {
      file: 'story-20.xliff',
      format: 'xliff',
      rows: [
        {
          id: 'u1',
          left: 'Hanwha will invest $1.2 billion in a shipyard. It is in Philadelphia.',
          right: 'Hanwha sẽ đầu tư 1,2 tỷ USD vào một nhà máy đóng tàu. Nhà máy ở Philadelphia.',
          ...en,
          line: 4,
          // The first translated segment's <source> and <target>.
          leftLine: 10,
          rightLine: 11,
        },
        // <cp hex="00A0"/> is a no-break space, which whitespace tidying turns into a plain one.
        { id: 'u2', left: 'The deal was announced on Tuesday by Kim.', right: 'Thỏa thuận được công bố vào thứ Ba bởi Kim.', ...en, line: 20, leftLine: 22, rightLine: 23 },
      ],
    },
    {
      file: 'story.tmx',
      format: 'tmx',
      rows: [
        // The header's srclang (en-US) is the left side even where Vietnamese comes first.
        // line: the <tu>; leftLine, rightLine: the <seg> of each side's <tuv> (here Vietnamese is written first).
        { id: '1', left: 'Hanwha will invest $1.2 billion in Philadelphia.', right: 'Hanwha sẽ đầu tư 1,2 tỷ USD vào Philadelphia.', ...en, line: 6, leftLine: 9, rightLine: 8 },
        { id: '2', left: 'The deal was announced on Tuesday.', right: 'Thỏa thuận được công bố vào thứ Ba.', ...en, line: 11, leftLine: 12, rightLine: 13 },
        // tuid 3 has one language; the fourth unit has no tuid and TMX 1.1 `lang` attributes.
        { id: 'tu-4', left: 'Shares rose 3% on Wednesday.', right: 'Cổ phiếu tăng 3% vào thứ Tư.', ...en, line: 19, leftLine: 20, rightLine: 21 },
      ],
    },
    {
      file: 'story.tsv',
      format: 'tsv',
      rows: [
        { id: '1', left: 'Hanwha will invest $1.2 billion in a shipyard.', right: 'Hanwha sẽ đầu tư 1,2 tỷ USD vào một nhà máy đóng tàu.', ...en, line: 2 },
        { id: '2', left: 'The deal was announced on Tuesday.', right: 'Thỏa thuận được công bố vào thứ Ba.', ...en, line: 4 },
        // Row 3 is untranslated; the last row has an empty id cell, and its quotes are text, not CSV quoting.
        { id: 'row-6', left: '"Shares rose 3%," it said.', right: '"Cổ phiếu tăng 3%," hãng cho biết.', ...en, line: 6 },
      ],
    },
    {
      file: 'story.jsonl',
      format: 'jsonl',
      rows: [
        { id: 'p1', left: 'Hanwha will invest $1.2 billion in a shipyard.', right: 'Hanwha sẽ đầu tư 1,2 tỷ USD vào một nhà máy đóng tàu.', ...en, line: 1 },
        // A numeric id; line breaks inside texts are kept.
        { id: '2', left: 'The deal was announced on Tuesday.\nIt was signed in Seoul.', right: 'Thỏa thuận được công bố vào thứ Ba.\nNó được ký tại Seoul.', ...en, line: 3 },
      ],
    },
  ])('$file', async ({ file, format, rows }) => {
    const r = await read(file);
    expect(r.format).toBe(format);
    expect(r.file).toBe(`${FIXTURES}/${file}`);
    expect(r.leftLang).toBe('en');
    expect(r.rightLang).toBe('vi');
    expect(r.rows).toEqual(rows);
  });
});

describe('options', () => {
  it('TSV: --left/--right choose columns, --id the id column; a language-code column name gives the language', async () => {
    const r = await read('story.tsv', { left: 'vi', right: 'note', id: 'en' });
    expect(r.leftLang).toBe('vi');
    expect(r.rightLang).toBeUndefined();
    expect(r.rows).toEqual([
      { id: 'The deal was announced on Tuesday.', left: 'Thỏa thuận được công bố vào thứ Ba.', right: 'checked', leftLang: 'vi', line: 4 },
    ]);
  });

  it('JSONL: explicit languages override the field names', async () => {
    const r = await read('story.jsonl', { left: 'vi', right: 'en', leftLang: 'vi', rightLang: 'en' });
    expect(r.rows.map((x) => [x.id, x.leftLang, x.rightLang, x.left.slice(0, 6)])).toEqual([
      ['p1', 'vi', 'en', 'Hanwha'],
      ['2', 'vi', 'en', 'Thỏa t'],
    ]);
  });

  it('TMX: leftLang/rightLang choose the variants', async () => {
    const r = await read('story.tmx', { leftLang: 'ru', rightLang: 'en' });
    expect(r.rows).toEqual([{ id: '2', left: 'Сделка была объявлена во вторник.', right: 'The deal was announced on Tuesday.', leftLang: 'ru', rightLang: 'en', line: 11, leftLine: 14, rightLine: 12 }]);
  });

  it('XLIFF: explicit languages override the file', async () => {
    const r = await read('story-12.xlf', { leftLang: 'de' });
    expect(r.leftLang).toBe('de');
    expect(r.rows.every((x) => x.leftLang === 'de' && x.rightLang === 'vi')).toBe(true);
  });

  it('relative paths are resolved against cwd, and the file is named relative to it', async () => {
    const r = await readBitext('story.tsv', { cwd: resolve(FIXTURES) });
    expect(r.file).toBe('story.tsv');
    expect((await toArray(r)).length).toBe(3);
  });
});

describe('isBitextPath', () => {
  it.each([
    ['a.tsv', true], ['a.jsonl', true], ['dir/a.po', true], ['a.xlf', true], ['A.XLIFF', true], ['a.tmx', true],
    ['a.txt', false], ['a.md', false], ['a.json', false], ['a.csv', false], ['tsv', false], ['a.po.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(isBitextPath(path)).toBe(expected);
  });
});

/** The entries of a PO text, read by the streaming reader fed `chunk` characters at a time. */
function poEntries(text: string, chunk = Infinity): PoEntry[] {
  const out: PoEntry[] = [];
  const reader = new PoReader('t.po', (e) => out.push(e));
  const size = Number.isFinite(chunk) ? chunk : Math.max(1, text.length);
  for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
  reader.end();
  return out;
}

describe('PO: read entry by entry', () => {
  const TRICKY = [
    'msgid ""',
    'msgstr "Language: vi\\n"',
    '',
    '# A quote and a tab escaped, a string on two lines.',
    'msgid "He said \\"84\\"\\tthen left."',
    'msgstr ""',
    '"Ông ấy nói \\"84\\" "',
    '"rồi đi."',
    '',
    'msgctxt "menu"',
    'msgid "Open"',
    'msgstr "Mở"',
    '',
    '#~ msgid "Open"',
    '#~ msgstr "Cũ"',
    '',
    'msgid "Open"',
    'msgstr "Mở ra"',
  ].join('\n');

  it('gives each entry in file order with its line (msgctxt or msgid) and the lines of its msgid and msgstr; obsolete entries are left out', () => {
    expect(poEntries(TRICKY)).toEqual([
      { msgctxt: undefined, msgid: '', msgstr: ['Language: vi\n'], line: 1, msgidLine: 1, msgstrLine: 2 },
      { msgctxt: undefined, msgid: 'He said "84"\tthen left.', msgstr: ['Ông ấy nói "84" rồi đi.'], line: 5, msgidLine: 5, msgstrLine: 6 },
      { msgctxt: 'menu', msgid: 'Open', msgstr: ['Mở'], line: 10, msgidLine: 11, msgstrLine: 12 },
      { msgctxt: undefined, msgid: 'Open', msgstr: ['Mở ra'], line: 17, msgidLine: 17, msgstrLine: 18 },
    ]);
  });

  it('reads the same entries whatever the chunks the text comes in (a chunk may end inside a keyword, string, escape or line end)', () => {
    const crlf = TRICKY.replace(/\n/gu, '\r\n');
    for (const text of [TRICKY, crlf, readFileSync(`${FIXTURES}/story.po`, 'utf8')]) {
      const whole = poEntries(text);
      for (const size of [1, 2, 3, 7, 64]) expect(poEntries(text, size)).toEqual(whole);
    }
  });

  // Pieces of PO text, well formed and not: entries, contexts, plurals, comments, obsolete entries, continued strings,
  // a repeated msgid, "__proto__" and "12" as msgids, a keyword gettext-parser does not know, a msgstr with no msgid,
  // a string left open to the end of the text.
  const PIECES = [
    'msgid "a"\nmsgstr "b"\n', 'msgid "a"\nmsgstr "c"\n', 'msgctxt "x"\n', 'msgid ""\nmsgstr "Language: vi\\n"\n', '\n',
    '# note\n', '#, fuzzy\n', '#~ msgid "o"\n#~ msgstr "p"\n', 'msgid "__proto__"\nmsgstr "z"\n', 'msgid "12"\nmsgstr "q"\n',
    'msgid "p"\nmsgid_plural "ps"\nmsgstr[0] "s0"\nmsgstr[1] "s1"\n', '"cont"\n', 'msgid "x\\"y"\nmsgstr \'w\'\n', 'bad key\n',
    'msgstr "only"\n', '#| msgid "prev"\n', 'msgid "unterminated\n', 'msgid "tab\\there"\r\nmsgstr "b\\\\"\r\n',
  ];
  /** gettext-parser's reading of a text: its table as (context, msgid) → msgstr, the header's Language, or its error. */
  const theirs = (text: string): string => {
    let t: ReturnType<typeof po.parse>;
    try { t = po.parse(text); } catch (e) { return `error ${(e as Error).message.replace(/^Error parsing PO data: /u, '')}`; }
    const table: [string, string, string[]][] = [];
    for (const [ctx, entries] of Object.entries(t.translations)) for (const [id, e] of Object.entries(entries)) table.push([ctx, id, e.msgstr ?? []]);
    return JSON.stringify([table.sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1)), t.headers?.Language ?? null]);
  };
  /** The same from the reader's entries: of two entries with one context and msgid, the last (gettext-parser's table keeps one). */
  const ours = (text: string, chunk: number): string => {
    let entries: PoEntry[];
    try { entries = poEntries(text, chunk); } catch (e) { return `error ${(e as Error).message.replace(/^not a valid PO file: /u, '')}`; }
    const table = new Map<string, [string, string, string[]]>();
    for (const e of entries) table.set(`${e.msgctxt ?? ''}\u0000${e.msgid}`, [e.msgctxt ?? '', e.msgid, e.msgstr]);
    const header = entries.find((e) => e.msgctxt === undefined && e.msgid === '');
    const language = header ? poHeader(header.msgstr[0] ?? '').get('language') ?? null : null;
    return JSON.stringify([[...table.values()].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1)), language]);
  };

  it('reads the entries gettext-parser reads (or refuses the text with its error, at its line), in chunks of any size', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), fc.integer({ min: 1, max: 20 }), (pieces, chunk) => {
        const text = pieces.join('');
        // gettext-parser fails with a TypeError on a msgstr or msgid_plural after a comment before any msgid (it
        // reads the comments of an entry it does not have); the reader takes such a keyword as gettext-parser takes
        // one without a comment: it is dropped.
        fc.pre(!theirs(text).startsWith('error Cannot read'));
        expect(ours(text, chunk)).toBe(theirs(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a large text chunk by chunk, each entry handed over once the next starts', () => {
    const text = Array.from({ length: 300 }, (_, i) => `#: f.md:${i}\nmsgctxt "c${i % 3}"\nmsgid "unit ${i}"\nmsgstr ""\n"đơn vị ${i}"\n\n`).join('');
    const seen: string[] = [];
    const reader = new PoReader('t.po', (e) => seen.push(e.msgid));
    reader.write(text.slice(0, text.indexOf('unit 2"')));
    expect(seen).toEqual(['unit 0']);
    reader.write(text.slice(text.indexOf('unit 2"')));
    reader.end();
    expect(seen).toHaveLength(300);
    expect(ours(text, 1000)).toBe(theirs(text));
  });
});

describe('PO: units', () => {
  it('numbers every entry after the header in file order, contexts and repeated msgids included (each entry is a unit)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-po-'));
    try {
      const file = join(dir, 'order.po');
      writeFileSync(file, [
        'msgid ""', 'msgstr "Language: vi\\nX-Source-Language: en\\n"', '',
        'msgctxt "b"', 'msgid "Two ships."', 'msgstr "Hai con tàu."', '',
        'msgid "2024"', 'msgstr "2024"', '',
        'msgid "Untranslated."', 'msgstr ""', '',
        'msgid "Two ships."', 'msgstr "Hai tàu."', '',
        'msgid "Two ships."', 'msgstr "Hai chiếc tàu."', '',
      ].join('\n'));
      const rows = await toArray(await readBitext(file));
      expect(rows.map((r) => [r.id, r.left, r.right, r.line])).toEqual([
        ['unit-1', 'Two ships.', 'Hai con tàu.', 4],
        ['unit-2', '2024', '2024', 8],
        ['unit-4', 'Two ships.', 'Hai tàu.', 14],
        ['unit-5', 'Two ships.', 'Hai chiếc tàu.', 17],
      ]);
      expect(rows[0]).toMatchObject({ leftLang: 'en', rightLang: 'vi' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the languages from the header wherever it is, before the first row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-po-'));
    try {
      const file = join(dir, 'late-header.po');
      writeFileSync(file, ['msgid "One."', 'msgstr "Một."', '', 'msgid ""', 'msgstr "Language: vi\\n"', ''].join('\n'));
      const rows = await readBitext(file);
      expect(rows.rightLang).toBe('vi');
      expect(rows.count).toBe(1);
      expect(await toArray(rows)).toEqual([{ id: 'unit-1', left: 'One.', right: 'Một.', rightLang: 'vi', line: 1, rightLine: 2 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
