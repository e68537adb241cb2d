import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import type { DateMention, QuantityMention } from '../../../src/model/mention.js';
import { datesAgree, quantitiesAgree as agreeWith, type Agreement } from '../../../src/rules/compare/agree.js';
import { defaultKnowledge } from '../../../src/lang/knowledge.js';
import { extractDates } from '../../../src/pipeline/extract/dates.js';
import { extractQuantities } from '../../../src/pipeline/extract/quantities.js';
import { extractAll, sentences } from '../../pipeline/extract/helpers.js';

const q = (lang: string, text: string, published?: string): QuantityMention => {
  const found = extractAll(lang, text, published).quantities;
  expect(found, `one quantity in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
};
const d = (lang: string, text: string, published?: string): DateMention => {
  const found = extractAll(lang, text, published).dates;
  expect(found, `one date in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
};

const units = defaultKnowledge().units();
/** quantitiesAgree with the package's units table; versions of one text unless `coverage` is given. */
const quantitiesAgree = (a: QuantityMention, b: QuantityMention, opts: { coverage?: boolean } = {}): Agreement => agreeWith(a, b, { units, ...opts });

describe('quantitiesAgree', () => {
  it.each<[string, string, string, string, Agreement]>([
    ['en', 'more than 1,000', 'en', 'over a thousand', 'same'],
    ['en', '37 homes', 'en', '73 homes', 'different'],
    ['en', 'about 12,400 acres', 'en', '14,200 acres', 'different'],
    ['en', '$4.9 billion', 'vi', '4,9 tỷ USD', 'same'],
    ['en', '$1 billion', 'vi', '1 tỷ USD', 'same'],
    ['en', '100,000 developers', 'vi', '100.000 nhà phát triển', 'same'],
    ['en', 'within five years', 'vi', 'trong vòng 5 năm', 'same'],
    ['en', 'nearly 2,000 residents', 'en', 'almost 2,000 people', 'same'],
    ['en', 'C$640 million', 'en', 'US$465 million', 'incomparable'],
    ['en', '12 outbuildings', 'en', 'a dozen outbuildings', 'same'],
    ['en', 'about 1,100 firefighters', 'en', '1,094 firefighters', 'compatible'],
    // Versions of one text keep their figures: rounding without a word that says so is another figure.
    ['en', '1,100 firefighters', 'en', '1,094 firefighters', 'different'],
    ['en', '15 percent', 'en', '15%', 'same'],
    ['en', '15 per cent', 'en', '15%', 'same'],
    ['en', '15%', 'en', '15 homes', 'incomparable'],
    ['en', '$4.8 million', 'en', '$4.8m', 'same'],
    ['en', 'C$640 million', 'en', '$640-million', 'compatible'],
    ['en', 'C$640 million', 'en', 'C$640M', 'same'],
    ['en', 'C$12.50 per share', 'en', '$12.50 a share', 'compatible'],
    ['en', 'about 1.1 million', 'en', 'roughly 1.1 million', 'same'],
    ['en', 'at least 37 homes', 'en', '27 homes', 'different'],
    ['en', 'at least 37 homes', 'en', '37 homes', 'compatible'],
    ['en', 'more than 100', 'vi', 'hơn 100 nhà', 'same'],
    ['en', 'over 20 universities', 'vi', 'hơn 20 trường', 'same'],
    ['en', '$420 million', 'vi', '240 triệu USD', 'different'],
    ['en', '18.6 billion tenge', 'ru', '16,8 млрд тенге', 'different'],
    ['en', '6.2 billion tenge', 'ru', '6,2 млрд тенге', 'same'],
    ['en', '1,850 tenge', 'ru', '1 850 тенге', 'same'],
    ['en', '1,850 tenge', 'ru', '1\u00a0850 тенге', 'same'],
    ['en', '1,850 tenge', 'ru', '1\u202f850 тенге', 'same'],
    ['en', '12.5% of its shares', 'ru', '12,5% акций', 'same'],
    ['en', 'more than 2,300 investors', 'ru', 'свыше 2,3 тыс. инвесторов', 'same'],
    ['en', 'more than twice oversubscribed', 'ru', 'более чем в два раза', 'same'],
    ['en', 'within two years', 'ru', 'в течение двух лет', 'same'],
    ['en', '1.2 million TEUs', 'vi', '1,2 triệu TEU mỗi năm', 'compatible'],
    ['en', 'two million TEUs a year', 'vi', '2 triệu TEU/năm', 'same'],
    ['en', 'the 48-hectare site', 'vi', 'khu đất rộng 48 ha', 'same'],
    ['en', '200,000 deadweight tonnes', 'vi', '200.000 DWT', 'same'],
    ['en', 'a 50-year concession', 'vi', 'thời hạn khai thác 50 năm', 'same'],
    ['en', 'a fifth of the budget', 'vi', 'một phần năm ngân sách', 'same'],
    ['en', 'a fifth of the budget', 'en', '20% of the budget', 'compatible'],
    ['en', 'half the homes', 'en', '50% of the homes', 'compatible'],
    ['en', '18 months', 'en', '1.5 years', 'compatible'],
    ['en', '100 km', 'en', '62 miles', 'compatible'],
    ['en', '100 km', 'en', '80 miles', 'different'],
    ['en', '100 km', 'en', '100 acres', 'incomparable'],
    ['en', '16–17%', 'vi', 'khoảng 16-17%', 'compatible'],
    ['en', 'six to nine months', 'en', 'seven months', 'compatible'],
    ['en', 'six to nine months', 'en', 'two years', 'different'],
    ['en', 'six to nine months', 'en', '9 percent', 'incomparable'],
    ['en', '$15 billion to $20 billion', 'en', 'between $15 billion and $20 billion', 'same'],
    ['en', '$15 billion to $20 billion', 'en', '$25 billion', 'different'],
    ['en', '€820m', 'en', '820 million euros', 'same'],
    // The same figure in a currency that cannot be the other's: the currency changed. Different figures in two
    // currencies may be a conversion, and are not compared.
    ['en', '€820m', 'en', '$820 million', 'different'],
    ['en', '$84 million', 'vi', '84 triệu euro', 'different'],
    ['en', '$84 million', 'vi', '2.000 tỷ đồng', 'incomparable'],
    // A number written in groups ("116 123", a helpline) read whole in one language and as its groups in another.
    ['ru', '116 123', 'en', '123', 'incomparable'],
    ['en', '123', 'ru', '116 123', 'incomparable'],
    ['ru', '116 123', 'en', '117', 'different'],
    ['de', 'unter 116 123', 'en', '116', 'incomparable'],
    ['en', '€820m', 'en', '$900 million', 'incomparable'],
    ['en', '9 helicopters', 'en', 'nine helicopters', 'same'],
    ['en', 'five years', 'en', '5 percent', 'incomparable'],
    ['en', '$1.35 billion', 'vi', '1,35 tỷ USD', 'same'],
    ['vi', 'khoảng 33.000 tỷ đồng', 'en', 'about 33 trillion dong', 'same'],
    ['en', '$41.3 million', 'ru', '41,3 млн долларов', 'same'],
    ['ru', '4,5%', 'en', '4.5%', 'same'],
    ['ru', 'около 100 человек', 'ru', 'почти 100 человек', 'same'],
  ])('%s %j vs %s %j -> %s', (la, ta, lb, tb, want) => {
    expect(quantitiesAgree(q(la, ta), q(lb, tb))).toBe(want);
    expect(quantitiesAgree(q(lb, tb), q(la, ta))).toBe(want);
  });

  // Rounding across languages: decided by the written precision of each side and the approximators. Versions of one
  // text (the default) may round only where a word or a dropped decimal says so; independent reports round freely.
  it.each<[string, string, string, string, Agreement, Agreement]>([
    ['en', '5,000 people', 'de', '5.001 Menschen', 'different', 'compatible'],
    ['en', '1,250 people', 'de', '1.252 Menschen', 'different', 'compatible'],
    ['en', '52 people', 'vi', '53 người', 'different', 'different'],
    ['en', '1,250 people', 'en', 'about 1,300 people', 'compatible', 'compatible'],
    ['en', 'about 1,100 people', 'vi', 'khoảng 1.190 người', 'different', 'compatible'],
    ['en', '$4.93 billion', 'vi', '4,9 tỷ USD', 'compatible', 'compatible'],
    ['en', '1.05 million viewers', 'ru', '1,1 миллиона зрителей', 'compatible', 'compatible'],
    ['en', '38.5%', 'de', '40 Prozent', 'different', 'compatible'],
    ['en', '38.4%', 'de', '38 Prozent', 'compatible', 'compatible'],
    // An approximator of one version and the bare figure of the other: the figure is what must agree.
    ['en', 'at least $10 billion', 'ru', 'по крайней мере 30 миллиардов долларов', 'different', 'different'],
    ['en', 'at least $10 billion', 'ru', '30 миллиардов долларов', 'different', 'compatible'],
    ['en', 'at least $10 billion', 'ru', '10 миллиардов долларов', 'compatible', 'compatible'],
    ['en', '1.6 million viewers', 'ru', 'до 2,6 миллиона зрителей', 'different', 'compatible'],
    ['en', '110 billion cubic meters', 'ru', 'до 410 миллиардов кубометров', 'different', 'compatible'],
    ['en', '110 billion cubic meters', 'ru', 'до 110 миллиардов кубометров', 'compatible', 'compatible'],
    // Two ranges: each end is a figure.
    ['en', '2 to 3 inches per hour', 'vi', 'tới 2 đến 4 inch mỗi tiếng', 'different', 'different'],
    ['en', '2 to 3 inches per hour', 'vi', '2 đến 3 inch mỗi giờ', 'same', 'same'],
  ])('%s %j vs %s %j -> %s (versions), %s (coverage)', (la, ta, lb, tb, versions, coverage) => {
    for (const [x, y] of [[q(la, ta), q(lb, tb)], [q(lb, tb), q(la, ta)]] as const) {
      expect(quantitiesAgree(x, y)).toBe(versions);
      expect(quantitiesAgree(x, y, { coverage: true })).toBe(coverage);
    }
  });

  // Units converted by translators agree within rounding (conversion factors: rules/units.json).
  it.each<[string, string, string, string, Agreement]>([
    ['en', '385 miles', 'de', '620 Kilometer', 'compatible'],
    ['en', '385 miles', 'ru', '360 км', 'different'],
    ['en', '385 miles', 'ru', '135 км/ч', 'incomparable'],
    ['en', '85 mph', 'ru', '135 км/ч', 'compatible'],
    ['en', '10 pounds', 'de', '4,5 Kilogramm', 'compatible'],
    ['en', '10 pounds', 'de', '7 Kilogramm', 'different'],
    ['en', '100 feet', 'ru', '30 метров', 'compatible'],
    ['en', '100 feet', 'ru', '600 футов', 'different'],
    ['en', 'about 30 yards', 'ru', 'примерно в 27 метрах', 'compatible'],
    ['en', 'about 30 yards', 'ru', 'в 77 метрах', 'different'],
    ['en', '2 to 3 inches', 'de', '5 bis 7,5 Zentimeter', 'compatible'],
    ['en', '2 to 4 inches', 'de', 'bis zu 5 bis 60 Zentimeter', 'different'],
    ['en', '1 to 4 inches', 'ru', 'от 2,5 до 10 см', 'compatible'],
    ['en', '1 to 4 inches', 'ru', 'от 4,5 до 10 см', 'different'],
    // A bare degree may be Fahrenheit or Celsius; a Fahrenheit figure may be a temperature or a difference of two.
    ['en', '80 degrees', 'de', '27 ºC', 'compatible'],
    ['en', '90 degrees', 'de', '27 ºC', 'different'],
    ['en', 'nearly a 20-degree difference', 'de', 'fast 12 ºC', 'compatible'],
    ['en', '68 degrees Fahrenheit', 'ru', '20 градусов Цельсия', 'compatible'],
    ['en', '20 degrees', 'vi', '25 độ', 'different'],
  ])('%s %j vs %s %j -> %s', (la, ta, lb, tb, want) => {
    expect(quantitiesAgree(q(la, ta), q(lb, tb))).toBe(want);
    expect(quantitiesAgree(q(lb, tb), q(la, ta))).toBe(want);
  });

  it('a conversion in parentheses is not compared with an amount in an unsure currency', () => {
    const wire = extractAll('en', 'to buy FreshCrate for C$640 million ($465 million) in cash').quantities;
    const trade = q('en', 'an all-cash deal worth $640-million');
    expect(wire).toHaveLength(2);
    expect(quantitiesAgree(wire[0]!, trade)).toBe('compatible');
    expect(quantitiesAgree(wire[1]!, trade)).toBe('incomparable');
  });
});

describe('datesAgree', () => {
  it.each<[string, string, string | undefined, string, string, string | undefined, Agreement]>([
    ['en', 'in June', undefined, 'en', 'in June 2019', undefined, 'compatible'],
    ['en', 'in September', undefined, 'en', 'in July', undefined, 'different'],
    ['en', 'the fire broke out Friday afternoon', '2024-09-09', 'en', 'started Saturday, Sept. 7', '2024-09-09', 'different'],
    ['en', 'the company said on Tuesday', '2024-03-05', 'ru', 'сообщила компания 5 марта', '2024-03-05', 'same'],
    ['en', 'visited Russia last June', '2020-02-07', 'vi', 'vào tháng 6/2019', undefined, 'same'],
    ['en', 'vote on Dec. 10', '2024-10-15', 'en', 'vote on Dec. 12', '2024-10-16', 'different'],
    ['en', 'in 2024', undefined, 'en', 'on March 5, 2024', undefined, 'compatible'],
    ['en', 'in 2023', undefined, 'en', 'on March 5, 2024', undefined, 'different'],
    ['en', 'in the first quarter of 2025', undefined, 'en', 'by the end of March 2025', undefined, 'compatible'],
    ['en', 'in the first quarter of 2025', undefined, 'en', 'in June 2025', undefined, 'different'],
    ['en', 'Q2 2026', undefined, 'vi', 'quý II/2026', undefined, 'same'],
    ['en', 'the second quarter of 2026', undefined, 'ru', 'во втором квартале 2026 года', undefined, 'same'],
    ['en', 'the company said on Wednesday', '2024-03-14', 'vi', 'công bố ngày 13/3', '2024-03-14', 'same'],
    ['en', 'last October', '2024-03-14', 'vi', 'vào tháng 10/2023', '2024-03-14', 'same'],
    ['en', 'by the end of 2027', undefined, 'vi', 'trước cuối năm 2027', undefined, 'same'],
    ['en', 'released in February 2019', undefined, 'vi', 'tháng 2 năm 2019', undefined, 'same'],
    ['en', 'until June 30', '2024-03-05', 'ru', 'до 30 июля', '2024-03-05', 'different'],
    ['en', 'The order book closed on Friday', '2024-03-05', 'ru', 'была закрыта в понедельник', '2024-03-05', 'different'],
    ['en', 'closing price on Monday', '2024-10-15', 'en', 'the Oct. 14 close', '2024-10-16', 'same'],
    ['en', 'by Sept. 20', '2024-09-09', 'en', 'by September 20', '2024-09-09', 'same'],
    ['en', 'Sunday night', '2024-09-09', 'en', 'late on September 8', '2024-09-09', 'same'],
    ['en', 'last year', '2024-10-16', 'en', 'in 2023', undefined, 'same'],
    ['vi', 'năm ngoái', '2024-03-14', 'ru', 'в прошлом году', '2024-03-14', 'same'],
    ['en', 'yesterday', '2024-03-14', 'vi', 'hôm qua', '2024-03-14', 'same'],
    ['en', 'on Monday', undefined, 'en', 'on Tuesday', undefined, 'different'],
    ['en', 'on Monday', undefined, 'en', 'in 2024', undefined, 'incomparable'],
  ])('%s %j (%s) vs %s %j (%s) -> %s', (la, ta, pa, lb, tb, pb, want) => {
    expect(datesAgree(d(la, ta, pa), d(lb, tb, pb))).toBe(want);
    expect(datesAgree(d(lb, tb, pb), d(la, ta, pa))).toBe(want);
  });
});

// ------------------------------------------------------------------ gold files of the shared evaluation

interface Gold {
  root: string;
  items: { id: string; category: string | string[]; level: string; anchors: Record<string, string[]>; note?: string }[];
  controls: { id: string; categories: string[]; anchors: Record<string, string[]>; note?: string }[];
}

const EVAL = join(process.cwd(), '..', 'shared', 'eval');
const PUBLISHED: Record<string, string> = {
  '000_72efca07dd40d858.txt': '2020-02-07',
  'dev1_en.txt': '2024-03-14', 'dev1_vi.txt': '2024-03-14',
  'dev2_sentinel.txt': '2024-09-09', 'dev2_cascade.txt': '2024-09-09',
  'dev3_en.txt': '2024-03-05', 'dev3_ru.txt': '2024-03-05',
  'dev4_wire.txt': '2024-10-15', 'dev4_trade.txt': '2024-10-16', 'dev4_blog.txt': '2024-10-17',
};
const langOf = (file: string): string => (/(^002_|_vi\.txt$)/.test(file) ? 'vi' : /_ru\.txt$/.test(file) ? 'ru' : 'en');
/** The conversion US$465 million is not the C$640 million price: the right answer is "incomparable". */
const INCOMPARABLE_OK = new Set(['usd-vs-cad']);

const goldFiles: { path: string; dir: string }[] = [];
if (existsSync(EVAL)) {
  goldFiles.push({ path: join(EVAL, 'seeds.gold.json'), dir: join(process.cwd(), 'seeds') });
  for (const c of readdirSync(join(EVAL, 'dev'))) {
    const p = join(EVAL, 'dev', c, 'gold.json');
    if (existsSync(p)) goldFiles.push({ path: p, dir: join(EVAL, 'dev', c) });
  }
}

interface Found { quantities: QuantityMention[]; dates: DateMention[] }

const textCache = new Map<string, string>();
/** Mentions that overlap an occurrence of one of the anchors, each extracted from its own sentence. */
function mentionsAt(dir: string, file: string, anchors: string[]): Found {
  const path = join(dir, file);
  const text = textCache.get(path) ?? readFileSync(path, 'utf8');
  textCache.set(path, text);
  const pack = getPack(langOf(file));
  const published = PUBLISHED[file];
  const out: Found = { quantities: [], dates: [] };
  const spans = anchors.flatMap((a) => {
    const found: [number, number][] = [];
    for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) found.push([i, i + a.length]);
    expect(found.length, `anchor ${JSON.stringify(a)} in ${file}`).toBeGreaterThan(0);
    return found;
  });
  for (const s of sentences(text)) {
    if (!spans.some(([a, b]) => a < s.end && s.start < b)) continue;
    const dates = extractDates(text, s, pack, published ? { published } : {});
    const quantities = extractQuantities(text, s, pack, dates);
    for (const m of dates) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      if (spans.some(([a, b]) => a < m.end && m.start < b)) out.dates.push(m);
    }
    for (const m of quantities) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      if (spans.some(([a, b]) => a < m.end && m.start < b)) out.quantities.push(m);
    }
  }
  return out;
}

const describeMention = (m: QuantityMention | DateMention): string => JSON.stringify(m.text);
const pairs = <T>(xs: T[]): [T, T][] => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as [T, T]));

for (const { path, dir } of goldFiles) {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as Gold;
  const name = path.slice(EVAL.length + 1);
  describe(`gold ${name}`, () => {
    const controls = gold.controls.filter(
      (c) =>
        c.categories.some((k) => k === 'number-mismatch' || k === 'date-mismatch') &&
        Object.keys(c.anchors).length >= 2 &&
        !/not claims|furniture/.test(c.note ?? ''),
    );
    it.each(controls.map((c) => [c.id, c] as const))('control %s extracts on both sides and agrees', (_id, c) => {
      const onlyNumbers = c.categories.every((k) => k === 'number-mismatch' || k === 'date-mismatch');
      for (const [fa, fb] of pairs(Object.keys(c.anchors))) {
        const a = mentionsAt(dir, fa, c.anchors[fa]!);
        const b = mentionsAt(dir, fb, c.anchors[fb]!);
        const kinds: ['quantities' | 'dates', (x: never, y: never) => Agreement][] = [
          ['quantities', quantitiesAgree as (x: never, y: never) => Agreement],
          ['dates', datesAgree as (x: never, y: never) => Agreement],
        ];
        let any = false;
        for (const [kind, agree] of kinds) {
          const xs = a[kind] as never[];
          const ys = b[kind] as never[];
          expect(xs.length > 0, `${kind} on one side only: ${fa} ${xs.map(describeMention)} / ${fb} ${ys.map(describeMention)}`).toBe(ys.length > 0);
          if (!xs.length) continue;
          any = true;
          const ok = (r: Agreement): boolean => r === 'same' || r === 'compatible' || (r === 'incomparable' && INCOMPARABLE_OK.has(c.id));
          for (const x of xs) expect(ys.some((y) => ok(agree(x, y))), `${fa} ${describeMention(x)} has no match in ${fb} ${ys.map(describeMention)}`).toBe(true);
          for (const y of ys) expect(xs.some((x) => ok(agree(x, y))), `${fb} ${describeMention(y)} has no match in ${fa} ${xs.map(describeMention)}`).toBe(true);
        }
        if (onlyNumbers) expect(any, `nothing extracted for ${c.id}`).toBe(true);
      }
    });

    const items = gold.items.filter((i) => {
      const cats = Array.isArray(i.category) ? i.category : [i.category];
      return cats.some((k) => k === 'number-mismatch' || k === 'date-mismatch') && i.level !== 'nice' && Object.keys(i.anchors).length >= 2;
    });
    if (items.length)
      it.each(items.map((i) => [i.id, i] as const))('planted discrepancy %s compares as different', (_id, item) => {
        const cats = Array.isArray(item.category) ? item.category : [item.category];
        const kind = cats.includes('number-mismatch') ? 'quantities' : 'dates';
        const [fa, fb] = Object.keys(item.anchors) as [string, string];
        const a = mentionsAt(dir, fa, item.anchors[fa]!)[kind];
        const b = mentionsAt(dir, fb, item.anchors[fb]!)[kind];
        expect(a.length, `${kind} in ${fa}`).toBeGreaterThan(0);
        expect(b.length, `${kind} in ${fb}`).toBeGreaterThan(0);
        const results = a.flatMap((x) =>
          b.map((y) => (kind === 'quantities' ? quantitiesAgree(x as QuantityMention, y as QuantityMention) : datesAgree(x as DateMention, y as DateMention))),
        );
        expect(results).toContain('different');
        expect(results.filter((r) => r === 'same' || r === 'compatible')).toEqual([]);
      });
  });
}
