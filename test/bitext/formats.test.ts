import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { isBitextPath, readBitext, toArray, type BitextOptions, type BitextRow } from '../../src/bitext/index.js';
import { lexPo, parsePo, poEntryKey, poEntryLines } from '../../src/bitext/po.js';

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

describe('PO: where each entry is', () => {
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

  it('finds every entry gettext-parser returns, by the msgctxt and msgid it reads', () => {
    for (const text of [TRICKY, readFileSync(`${FIXTURES}/story.po`, 'utf8'), readFileSync('test/fixtures/readme-workspace/translation.po', 'utf8')]) {
      const lines = poEntryLines(text);
      for (const context of Object.values(po.parse(text).translations)) {
        for (const entry of Object.values(context)) expect(lines.has(poEntryKey(entry.msgctxt, entry.msgid)), entry.msgid).toBe(true);
      }
    }
  });

  it('gives the entry line (msgctxt or msgid) and the lines of its msgid and msgstr; obsolete entries are left out', () => {
    const lines = poEntryLines(TRICKY);
    expect(lines.get(poEntryKey(undefined, 'He said "84"\tthen left.'))).toEqual({ line: 5, msgidLine: 5, msgstrLine: 6 });
    expect(lines.get(poEntryKey('menu', 'Open'))).toEqual({ line: 10, msgidLine: 11, msgstrLine: 12 });
    expect(lines.get(poEntryKey(undefined, 'Open'))).toEqual({ line: 17, msgidLine: 17, msgstrLine: 18 });
  });
});

describe('PO: parsed in parts, as one parse of the whole text', () => {
  // Pieces of PO text, well formed and not: entries, contexts, plurals, comments, obsolete entries, continued strings,
  // a repeated msgid (the last wins), "__proto__" as a msgid, a keyword gettext-parser does not know (a text with one is not cut), a string
  // left open to the end of the text.
  const PIECES = [
    'msgid "a"\nmsgstr "b"\n', 'msgid "a"\nmsgstr "c"\n', 'msgctxt "x"\n', 'msgid ""\nmsgstr "Language: vi\\n"\n', '\n',
    '# note\n', '#, fuzzy\n', '#~ msgid "o"\n#~ msgstr "p"\n', 'msgid "__proto__"\nmsgstr "z"\n', 'msgid "12"\nmsgstr "q"\n',
    'msgid "p"\nmsgid_plural "ps"\nmsgstr[0] "s0"\nmsgstr[1] "s1"\n', '"cont"\n', 'msgid "x\\"y"\nmsgstr \'w\'\n', 'bad key\n',
    'msgstr "only"\n', '#| msgid "prev"\n', 'msgid "unterminated\n',
  ];
  const outcome = (f: () => { translations: unknown; headers?: unknown }): string => {
    try {
      const t = f();
      return JSON.stringify([t.translations, t.headers ?? {}]);
    } catch (e) {
      return `error ${(e as Error).message} ${(e as { lineNumber?: number }).lineNumber}`;
    }
  };

  it('gives the table (or the error, at the same line) that gettext-parser gives for the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), fc.integer({ min: 1, max: 20 }), (pieces, part) => {
        const text = pieces.join('');
        expect(outcome(() => parsePo(po, text, part).parsed)).toBe(outcome(() => po.parse(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a large text into parts, each after a complete entry', () => {
    const text = Array.from({ length: 300 }, (_, i) => `#: f.md:${i}\nmsgctxt "c${i % 3}"\nmsgid "unit ${i}"\nmsgstr ""\n"đơn vị ${i}"\n\n`).join('');
    const { cuts } = lexPo(text, 1000);
    expect(cuts.length).toBeGreaterThan(10);
    for (const c of cuts) {
      expect(text.slice(c.offset)).toMatch(/^#: f\.md:\d+\n/u);
      expect(text.slice(0, c.offset).split('\n').length).toBe(c.line);
    }
    expect(parsePo(po, text, 1000).parsed.translations).toEqual(po.parse(text).translations);
  });
});
