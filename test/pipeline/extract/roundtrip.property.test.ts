import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAll } from './helpers.js';

/**
 * Round trips: write a random amount, percentage, count or date the way each language usually does (Intl where it
 * helps: "1,234.5" / "1.234,5" / "1 234,5" with a no-break space), extract it, and get the same value back.
 */
const RUNS = { seed: 20240314, numRuns: 200 };

const SCALES = {
  en: [['', 1], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9]],
  vi: [['', 1], ['nghìn', 1e3], ['triệu', 1e6], ['tỷ', 1e9]],
  ru: [['', 1], ['тыс.', 1e3], ['млн', 1e6], ['млрд', 1e9]],
} as const;
type Lang = keyof typeof SCALES;
const LOCALE: Record<Lang, string> = { en: 'en-US', vi: 'vi-VN', ru: 'ru-RU' };
const langs = fc.constantFrom<Lang>('en', 'vi', 'ru');
const cents = fc.integer({ min: 1, max: 99_999_999 }).map((n) => n / 100);
const close = (got: number | undefined, want: number): void => {
  expect(got).toBeDefined();
  expect(Math.abs(got! - want) / want).toBeLessThan(1e-9);
};

describe('round trip', () => {
  it('money', () => {
    fc.assert(
      fc.property(langs, cents, fc.integer({ min: 0, max: 3 }), (lang, x, s) => {
        const [word, factor] = SCALES[lang][s]!;
        const n = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(x);
        const amount = lang === 'en' ? `$${n}${word ? ` ${word}` : ''}` : `${n}${word ? ` ${word}` : ''} ${lang === 'vi' ? 'USD' : 'долларов'}`;
        const text = { en: `The company raised ${amount} in the deal.`, vi: `Công ty đã huy động ${amount} trong thương vụ.`, ru: `Компания привлекла ${amount} в ходе сделки.` }[lang];
        const { quantities } = extractAll(lang, text);
        expect(quantities.map((q) => q.text)).toEqual([amount]);
        close(quantities[0]!.value, x * factor);
        expect(quantities[0]!.unit).toBe('USD');
      }),
      RUNS,
    );
  });

  it('percentages', () => {
    fc.assert(
      fc.property(langs, fc.integer({ min: 1, max: 9999 }).map((n) => n / 10), (lang, p) => {
        const written = new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(p / 100);
        const { quantities } = extractAll(lang, `${lang === 'ru' ? 'Рост составил' : lang === 'vi' ? 'Tăng trưởng đạt' : 'Growth was'} ${written} overall`);
        expect(quantities.map((q) => q.text)).toEqual([written]);
        close(quantities[0]!.value, p);
        expect(quantities[0]!.kind).toBe('percent');
      }),
      RUNS,
    );
  });

  it('counts, with an approximator', () => {
    const approx = { en: ['about', 'approx'], vi: ['khoảng', 'approx'], ru: ['около', 'approx'] } as const;
    fc.assert(
      fc.property(langs, fc.integer({ min: 2, max: 50_000_000 }), fc.boolean(), (lang, n, hedged) => {
        const written = new Intl.NumberFormat(LOCALE[lang]).format(n);
        const phrase = hedged ? `${approx[lang][0]} ${written}` : written;
        const noun = { en: 'people', vi: 'người', ru: 'человек' }[lang];
        const { quantities } = extractAll(lang, `${lang === 'en' ? 'There were' : lang === 'vi' ? 'Có' : 'Было'} ${phrase} ${noun}.`);
        // A bare four-digit number between 1800 and 2100 written without separators reads as a year, not a count.
        if (!hedged && /^\d{4}$/.test(written) && n >= 1800 && n <= 2100) return;
        expect(quantities.map((q) => q.text)).toEqual([phrase]);
        expect(quantities[0]!.value).toBe(n);
        expect(quantities[0]!.approx).toBe(hedged ? approx[lang][1] : 'exact');
      }),
      RUNS,
    );
  });

  it('dates', () => {
    const forms: Record<Lang, [string, Intl.DateTimeFormatOptions, string?][]> = {
      en: [['en-US', { month: 'long', day: 'numeric', year: 'numeric' }], ['en-GB', { day: 'numeric', month: 'long', year: 'numeric' }], ['en-US', { month: 'short', day: 'numeric', year: 'numeric' }]],
      vi: [['vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric' }, 'ngày '], ['vi-VN', { day: 'numeric', month: 'long', year: 'numeric' }, 'ngày ']],
      ru: [['ru-RU', { day: 'numeric', month: 'long', year: 'numeric' }], ['ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }]],
    };
    fc.assert(
      fc.property(langs, fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2049, 11, 31)), noInvalidDate: true }), fc.nat(), (lang, date, k) => {
        const [locale, options, prefix = ''] = forms[lang][k % forms[lang].length]!;
        const written = prefix + new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
        const { dates, quantities } = extractAll(lang, `${lang === 'en' ? 'It happened on' : lang === 'vi' ? 'Sự việc xảy ra vào' : 'Это произошло'} ${written}.`);
        expect(dates.map((d) => d.text)).toEqual([written]);
        expect(dates[0]).toMatchObject({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(quantities).toEqual([]);
      }),
      RUNS,
    );
  });

  it('months and years', () => {
    fc.assert(
      fc.property(langs, fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (lang, year, month) => {
        const written = new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 15)));
        const { dates } = extractAll(lang, `${lang === 'en' ? 'It started in' : lang === 'vi' ? 'Bắt đầu vào' : 'Это началось в'} ${written}.`);
        expect(dates.map((d) => d.text)).toEqual([written]);
        expect(dates[0]).toMatchObject({ granularity: 'month', year, month });
      }),
      RUNS,
    );
  });

  it('never crashes and keeps offsets on arbitrary text', () => {
    fc.assert(
      fc.property(langs, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'0123456789 .,$%-–/:'.split('')), maxLength: 20 }), (lang, a, b) => {
        const text = a + b + a;
        const { dates, quantities } = extractAll(lang, text, '2024-03-14');
        for (const m of [...dates, ...quantities]) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
      RUNS,
    );
  });
});
