/**
 * Inputs for the property tests: generated news-like text, the realistic corpus (seed files, dev cases, NTREX
 * documents) and the run settings. `scripts/fuzz.mjs` runs the same properties with FUZZ_RUNS / FUZZ_SEED.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { TextInput } from '../../src/check.js';

// ---------------------------------------------------------------------------------------------------------------
// Run settings

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/eval');

const envInt = (name: string): number | undefined => {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
};

/** Fixed in CI so a red build can be replayed; the fuzz script passes a fresh one and prints it. */
export const SEED = envInt('FUZZ_SEED') ?? 20240314;
const FUZZ_RUNS = envInt('FUZZ_RUNS');
/** fast-check's replay path of a reported counterexample (use with the seed and `-t <property name>`). */
const PATH = process.env.FUZZ_PATH || undefined;
export const FUZZING = FUZZ_RUNS !== undefined;

/**
 * Runs per property. `ciRuns` keeps the suite under a minute on two cores. Under FUZZ_RUNS, cheap properties
 * (generated text, a few hundred characters) run FUZZ_RUNS times and corpus properties (`cost: 'corpus'`, whole
 * articles, ~0.5 s a run) a tenth of that, never fewer than in CI.
 */
export function runs(ciRuns: number, cost: 'text' | 'corpus' = 'text'): fc.Parameters<unknown> {
  const numRuns = FUZZ_RUNS === undefined ? ciRuns : Math.max(ciRuns, cost === 'corpus' ? Math.ceil(FUZZ_RUNS / 10) : FUZZ_RUNS);
  return { seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) };
}

/** Vitest timeout for a property: five minutes in CI (a busy machine runs them several times slower), unbounded-ish when fuzzing. */
export const TIMEOUT = FUZZING ? 24 * 3600_000 : 300_000;

// ---------------------------------------------------------------------------------------------------------------
// Realistic texts

export interface Doc {
  /** a readable name for failure messages */
  name: string;
  text: string;
}

const subdirs = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

const readDocs = (dir: string, filter: (f: string) => boolean, name: (f: string) => string = (f) => f): Doc[] =>
  existsSync(dir) ? readdirSync(dir).filter(filter).sort().map((f) => ({ name: name(f), text: readFileSync(join(dir, f), 'utf8') })) : [];

/** The five seed articles (seeds/): one group, as `factlint check seeds` sees them. */
export const SEEDS: Doc[] = readDocs(resolve(ROOT, 'seeds'), (f) => f.endsWith('.txt'));

/** The dev cases (../shared/eval/dev/<case>/*.txt): one group of 2–3 versions per case. */
export const DEV_CASES: Doc[][] = subdirs(resolve(SHARED, 'dev'))
  .map((c) => readDocs(resolve(SHARED, 'dev', c), (f) => f.endsWith('.txt'), (f) => `dev/${c}/${f}`))
  .filter((g) => g.length > 0);

const NTREX_DIR = resolve(SHARED, 'external/ntrex-dev');
const NTREX_STORIES = subdirs(NTREX_DIR);

/** A handful of NTREX documents in one language, spread over the set (every `step`-th story). */
export function ntrex(lang: string, count: number): Doc[] {
  const step = Math.max(1, Math.floor(NTREX_STORIES.length / count));
  return NTREX_STORIES.filter((_, i) => i % step === 0).slice(0, count)
    .map((s) => join(NTREX_DIR, s, `${lang}.txt`)).filter((p) => existsSync(p))
    .map((p) => ({ name: p.slice(NTREX_DIR.length + 1), text: readFileSync(p, 'utf8') }));
}

/** NTREX stories with all their language versions (en, de, ru, vi): multi-language groups. */
export function ntrexGroups(count: number): Doc[][] {
  const step = Math.max(1, Math.floor(NTREX_STORIES.length / count));
  return NTREX_STORIES.filter((_, i) => i % step === 0).slice(0, count)
    .map((s) => readDocs(join(NTREX_DIR, s), (f) => f.endsWith('.txt'), (f) => `ntrex/${s}/${f}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Generated text

/** Figures as news writes them in several locales, and ones that should not parse as anything sensible. */
export const NUMBERS = [
  '1,234', '1.234,5', '12 500', '12\u00a0500', '12\u202f500', '$1.35 billion', '€4,8 Mio.', '420 triệu USD', '16,8 млрд тенге',
  '$41.3 million', '41,3 млн долларов', '15%', '15 percent', '−3.5', '-0', '0.000', '1e6', '1,000,000,000,000,000,000,000',
  '3/4', '½', '٣٤٥', '１２３', '2,5', 'nine', 'a dozen', 'hai mươi', 'двадцать', '99999999999999999999999', '10^9', 'No. 5',
  '2nd', '1990s', "'24", '6.1 million TEUs', '48-hectare', '14,200 acres', 'about 12,400 acres', '37 homes', '1.1.1', '1,2,3',
  '2.000.000', '5 tỷ đồng', '240.000 DWT', '50.000 tỷ đồng', '30 000 рублей', '3,5 трлн', '£2bn', '¥500', '₫1.000', '0', '00',
  '1 000 000 000 000', '12–17%', '16-17% of GDP', '4.8m', '100km', '30°C', '-40 °F', '2×3', '1/0', 'NaN', 'Infinity', '٫5',
];

export const DATES = [
  'March 14, 2024', '14 March 2024', 'Thursday', 'Thursday 14 March 2024', 'Sept. 7', 'Saturday, Sept. 7', '2024-03-14',
  '14/03/2024', '03/14/24', 'ngày 14/3/2024', 'tháng 7', 'tháng 9 năm 2024', 'năm 2023', '30 июля', 'до 30 июня 2026 года',
  'в понедельник', 'в пятницу', 'yesterday', 'last week', 'by 2030', 'February 30, 2024', '31.02.2024', '0000-00-00',
  '9999-99-99', '2024-13-45', 'year 10000', '1 BC', 'Q3 2024', 'the 1990s', 'on Friday afternoon', 'late on September 8',
  '12:30 GMT', '2024-03-14T06:05+07:00', 'December 30', 'June 30', '5 марта 2024 года', 'Thứ Năm, 14/3/2024', '14.03.2024',
  'am 14. März 2024', 'le 14 mars 2024', 'ngày 32 tháng 13', '31 февраля', 'Monday', 'a third straight day', '2015',
];

export const NAMES = [
  'Vladimir Putin', 'Putin', 'Daniel Koh', 'Nguyễn Văn An', 'Hai Dang Port Corporation', 'Сергей Иванов', 'Тулпар Финанс',
  'Meridian Port Partners', 'Meridien Port Partners', "O'Brien", 'Jean-Luc Picard', 'Mr. Smith', 'Dr. Müller', 'AIX', 'U.S.',
  'the EU', 'Sberbank', 'Huawei', 'Calder County', 'Ron Ebersole', 'Joel Strasburg', 'ЦБ РФ', 'Mikhail Mishustin',
  'Михаил Мишустин', 'Hà Nội', 'TP.HCM', 'Ho Chi Minh City', 'Cai Mep-Thi Vai', 'Astana International Exchange', 'NASA',
  'Vocord', 'Vocalord', 'Singapore', 'Россия', 'Việt Nam', 'Wall Street Journal', 'Reuters', 'AFP', 'Tổng giám đốc Trần Bình',
];

export const WORDS = [
  'cho biết', 'không', 'đã', 'sẽ', 'có thể', 'mua lại', 'thuê', 'theo', 'Tổng giám đốc', 'công ty', 'đồng', 'chưa', 'loại trừ',
  'сказал', 'не', 'может', 'будет', 'компания', 'по словам', 'заявил', 'около', 'млн', 'не планирует', 'выплачивать',
  'said', 'told reporters', 'according to', 'not', 'never', 'may', 'will', 'could', 'acquired', 'leased', 'bought', 'killed',
  'about', 'at least', 'nearly', 'reported', 'the', 'a', 'chief executive', 'chief financial officer', 'denied', 'confirmed',
  'had not ruled out', 'has ruled out', 'is expected to', 'sources say', 'reportedly', 'allegedly', 'up', 'down', 'rose',
  'fell', 'invest', 'rót', 'sagte', 'nicht', 'a déclaré', 'ne pas', 'dijo', 'no', 'and', 'or', 'but', 'in', 'on', 'of',
];

export const QUOTES = ['"', '“', '”', '«', '»', '„', "'", '‘', '’', '「', '」', '"The wind is writing the rules right now," he said.', '«Мы не планируем», — сказал он.', '“Chúng tôi sẽ không”, ông nói.'];

export const PUNCT = ['.', '!', '?', '…', '...', ':', ';', ',', '—', '–', '(', ')', '[', ']', '•', '*', '#', '>', '|', '-', '/', '\\', '&', '%', '$', '@'];

/** Characters a pipeline tends to trip over: controls, separators, bidi, format chars, lone surrogates, BOM. */
export const ODD = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u200b',
  '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2060', '\ufffd', '\ufffe', '\uffff', '\ufeff', '\ud800', '\udbff',
  '\udc00', '\udfff', 'e\u0301', '\u0301', '🇻🇳', '👩‍👩‍👧', '𝟙𝟚', 'İ', 'ß', 'ﬁ', 'Σ', 'ǅ', '\u0130', '\u212a', 'ﷺ', '\u0600',
];

export const FURNITURE = ['TIN LIÊN QUAN', 'Read more:', 'Advertisement', 'Share this article', 'By Jane Doe', 'Source: Reuters', '© 2024', 'Photo: AP', 'Tags:', 'Subscribe', 'ЧИТАЙТЕ ТАКЖЕ', 'Xem thêm:'];

export const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', '\t', '\u00a0', '\u3000', ''];

/** A UTF-16 code unit, surrogate halves included: `string({unit})` with this makes lone surrogates. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Arbitrary Unicode: whole code points (astral included), raw code units (lone surrogates) or graphemes. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
);

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...FURNITURE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.nat({ max: 10_000_000 }).map(String) },
);

/** A sentence in news order (who, said, what, figure, when), so the extractors find claims to compare. */
const sentence = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...WORDS), fc.array(fragment, { maxLength: 6 }), fc.constantFrom(...NUMBERS), fc.constantFrom(...DATES), fc.constantFrom('.', '.', '!', '?', '…', ''))
  .map(([who, verb, rest, num, date, end]) => `${who} ${verb} ${rest.join(' ')} ${num} ${date}${end}`);

/** Mixed news-like text: sentences and loose fragments joined by assorted spaces and line breaks, maybe a BOM. */
export const newsText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.oneof({ weight: 2, arbitrary: sentence }, { weight: 3, arbitrary: fragment }), fc.constantFrom(...SEPARATORS)), { maxLength: FUZZING ? 40 : 20 }),
  )
  .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.map(([p, sep]) => p + sep).join(''));

/** Any text at all: arbitrary Unicode or news-like. */
export const anyText = fc.oneof(unicodeText, newsText);

// ---------------------------------------------------------------------------------------------------------------
// Sources

export const LANGS = ['en', 'vi', 'ru', 'de', 'fr', 'es', 'und'] as const;

// ISO dates only: check() passes any other `published` string through to the report, which then fails its
// schema (invariants.test.ts, "known bug").
const published = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/**
 * 1–`max` in-memory sources with distinct ids; sometimes a language, a date, a byline or a story key, as the
 * library API accepts them.
 */
export const sources = (text: fc.Arbitrary<string> = anyText, max = 3): fc.Arbitrary<TextInput[]> =>
  fc.array(
    fc.record(
      { text, lang: fc.constantFrom(...LANGS), published, byline: fc.constantFrom('By Jane Doe', 'Reuters', 'Nguyễn Văn An, TTXVN'), story: fc.constantFrom('s1', 's2') },
      { requiredKeys: ['text'] },
    ),
    { minLength: 1, maxLength: max },
  ).map((list) => list.map((s, i) => ({ id: `src-${i}.txt`, ...s })));

/**
 * New ids for `n` sources: distinct, all the same length (so none contains another and they can be mapped back
 * in messages by plain replacement), from an alphabet that reorders them in code-unit order.
 */
export const newIds = (n: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'aqzAQZ079_-éЖ'), minLength: 6, maxLength: 6 }), { minLength: n, maxLength: n })
    .map((l) => l.map((s) => `${s}.txt`));

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * New names for sources named `old` (same index), which sort in the same code-unit order as the old ones. The
 * checker orients pair findings by name order (see corpus.test.ts, "known bugs"), so only such renamings are
 * expected to leave findings unchanged today.
 */
export const orderKeepingIds = (old: string[]): fc.Arbitrary<string[]> =>
  newIds(old.length).map((fresh) => {
    const sorted = [...fresh].sort(byCodeUnits);
    const rank = [...old].sort(byCodeUnits);
    return old.map((id) => sorted[rank.indexOf(id)]!);
  });

// ---------------------------------------------------------------------------------------------------------------
// Variants of realistic texts

type Edit = (text: string) => string;

/** Small edits of the kind the checker is built to notice, or to ignore: the result is still a plausible article. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  // change the n-th digit
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })).map(([k, d]): Edit => (t) => {
    const at = [...t.matchAll(/\d/g)].map((m) => m.index);
    if (!at.length) return t;
    const i = at[k % at.length]!;
    return t.slice(0, i) + String(d) + t.slice(i + 1);
  }),
  // drop the n-th sentence-ish piece
  fc.nat().map((k): Edit => (t) => {
    const parts = t.split(/(?<=[.!?])\s+/);
    if (parts.length < 2) return t;
    parts.splice(k % parts.length, 1);
    return parts.join(' ');
  }),
  // insert a fragment or a generated sentence after the n-th sentence end
  fc.tuple(fc.nat(), fc.oneof(fragment, sentence)).map(([k, ins]): Edit => (t) => {
    const ends = [0, ...[...t.matchAll(/[.!?]\s/g)].map((m) => m.index + 2)];
    const i = ends[k % ends.length]!;
    return `${t.slice(0, i)}${ins} ${t.slice(i)}`;
  }),
  // insert a marker word (negator, modal, speech verb) at the n-th space
  fc.tuple(fc.nat(), fc.constantFrom(...WORDS)).map(([k, w]): Edit => (t) => {
    const sp = [...t.matchAll(/ /g)].map((m) => m.index);
    if (!sp.length) return t;
    const i = sp[k % sp.length]!;
    return `${t.slice(0, i)} ${w}${t.slice(i)}`;
  }),
  // a stray control, format or surrogate character inside the text (copy-paste and decoding accidents)
  fc.tuple(fc.nat(), fc.constantFrom(...ODD)).map(([k, c]): Edit => (t) => {
    const i = t.length ? k % (t.length + 1) : 0;
    return t.slice(0, i) + c + t.slice(i);
  }),
  // line-ending and encoding accidents
  fc.constant<Edit>((t) => t.replace(/\n/g, '\r\n')),
  fc.constant<Edit>((t) => t.replace(/\n/g, '\r')),
  fc.constant<Edit>((t) => `\ufeff${t}`),
  fc.constant<Edit>((t) => t.replace(/ /g, '\u00a0')),
);

/** `text` after 0–`max` edits. */
export const variantOf = (text: string, max = 3): fc.Arbitrary<string> =>
  fc.array(edit, { maxLength: max }).map((edits) => edits.reduce((t, e) => e(t), text));

/** Two or three versions of one generated article: a base text and edited copies, sometimes declared one story. */
export const generatedVersions: fc.Arbitrary<TextInput[]> = newsText.chain((base) =>
  fc.tuple(fc.array(variantOf(base), { minLength: 1, maxLength: 2 }), fc.boolean()).map(([vs, declare]): TextInput[] =>
    [base, ...vs].map((text, i) => ({ id: `v${i}.txt`, text, ...(declare ? { story: 'one' } : {}) }))));

/** A group of realistic versions of one story (seed files, a dev case, an NTREX story); each kept or edited. */
export interface Group {
  name: string;
  docs: Doc[];
}

export const GROUPS: Group[] = [
  { name: 'seeds', docs: SEEDS },
  ...DEV_CASES.map((docs) => ({ name: docs[0]!.name.split('/').slice(0, 2).join('/'), docs })),
  ...ntrexGroups(3).map((docs) => ({ name: docs[0]!.name.split('/').slice(0, 2).join('/'), docs })),
];

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** The documents of a group as in-memory sources named by their file names. */
export const inputsOf = (docs: Doc[]): TextInput[] => docs.map((d) => ({ id: baseName(d.name), text: d.text }));

/** One of `groups`, each document kept (3 in 4) or edited. */
export const editedGroup = (groups: Group[] = GROUPS): fc.Arbitrary<{ name: string; inputs: TextInput[] }> =>
  fc.constantFrom(...groups).chain(({ name, docs }) =>
    fc.tuple(...docs.map((d) => fc.oneof({ weight: 3, arbitrary: fc.constant(d.text) }, { weight: 1, arbitrary: variantOf(d.text) })))
      .map((texts) => ({ name, inputs: inputsOf(docs).map((t, i) => ({ ...t, text: texts[i]! })) })));
