import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileGapped, compilePhrases, findGapped, findPhrases } from '../../src/lang/phrases.js';

/**
 * The plain way to find phrases, kept here as the reference: one case-insensitive alternation of every phrase
 * (longest first) scanned over the whole text. compilePhrases groups phrases by first character for speed; the
 * hits must be the same.
 */
function reference(entries: [string, string][], text: string): { start: number; end: number; value: string }[] {
  const values = new Map<string, string>();
  for (const [p, v] of entries) { const k = p.normalize('NFC').toLowerCase().trim(); if (k && !values.has(k)) values.set(k, v); }
  const keys = [...values.keys()].sort((a, b) => b.length - a.length);
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A phrase that ends in a word character ends at a word boundary; one that ends in another ("n'") may run into a word.
  const body = (p: string): string => esc(p.replace(/^\*/, '')).replace(/\s+/g, '[\\s\\u00a0]+') + (/[\p{L}\p{N}\p{M}]$/u.test(p) ? '(?![\\p{L}\\p{N}\\p{M}])' : '');
  const words = keys.filter((k) => !k.startsWith('*')).map(body);
  const suffixes = keys.filter((k) => k.startsWith('*') && k.length > 1).map(body);
  const parts = [...(words.length ? [`(?<![\\p{L}\\p{N}\\p{M}])(?:${words.join('|')})`] : []), ...(suffixes.length ? [`(?:${suffixes.join('|')})`] : [])];
  if (!parts.length) return [];
  for (const k of keys.filter((x) => x.startsWith('*'))) values.set(k.slice(1), values.get(k)!);
  const re = new RegExp(`(?:${parts.join('|')})`, 'giu');
  return [...text.matchAll(re)].map((h) => {
    const key = h[0].toLowerCase().replace(/[\s\u00a0]+/g, ' ');
    return { start: h.index, end: h.index + h[0].length, value: values.get(key) ?? key };
  });
}

const found = (entries: [string, string][], text: string): { start: number; end: number; value: string }[] =>
  findPhrases(compilePhrases(entries), text, 0, text.length).map(({ start, end, value }) => ({ start, end, value }));

describe('findPhrases', () => {
  const entries: [string, string][] = [
    ['acquire', 'acquire'], ['acquired', 'acquire'], ['agreed to buy', 'acquire'], ['agree', 'agree'],
    ['*n\'t', 'not'], ['not', 'not'], ['n’', 'ne'], ['dr.', 'title'], ['mua lại', 'acquire'], ['không', 'not'], ['приобрёл', 'acquire'], ['Đã mua', 'acquire'],
  ];

  it.each([
    ['The firm acquired a rival.', [[9, 17, 'acquire']]],
    ['They agreed to  buy it; they agree.', [[5, 19, 'acquire'], [29, 34, 'agree']]],
    ['It wasn\'t reacquired.', [[6, 9, 'not']]],
    ['Tập đoàn ĐÃ MUA LẠI công ty, không phải mua.', [[9, 15, 'acquire'], [29, 34, 'not']]],
    ['Компания приобрёл, not agreeable', [[9, 17, 'acquire'], [19, 22, 'not']]],
    // An elision runs into the word it is glued to; a phrase ending in a letter still ends at a word boundary.
    ['Elle n’a pas acquis, Dr.No', [[5, 7, 'ne'], [21, 24, 'title']]],
  ])('%s', (text, hits) => {
    expect(found(entries, text)).toEqual((hits as [number, number, string][]).map(([start, end, value]) => ({ start, end, value })));
  });

  it('gives the hits of one alternation of every phrase, on arbitrary text', () => {
    const word = fc.constantFrom('n’', 'dr.', 'acquire', 'Acquired', 'agree', 'agreed', 'to', 'buy', 'n\'t', 'not', 'Không', 'mua', 'lại', 'x', '-', '.', ' ', '  ', '\u00a0', 'é', 'ĐÃ', '\u0301', '😀', '𝐀', 'İ', '\t', '\u2009', 'NOT');
    fc.assert(fc.property(fc.array(word, { maxLength: 30 }), fc.subarray(entries, { minLength: 1 }), (ws, es) => {
      const text = ws.join('');
      expect(found(es, text)).toEqual(reference(es, text));
    }), { numRuns: 2000 });
  });
});

describe('findGapped: phrases with gaps of up to four words of one clause', () => {
  const m = compileGapped(['не составило … труда', 'không … nữa', 'not only']);
  const found = (text: string): string[] => findGapped(m, text, 0, text.length).map((h) => h.text);
  it.each([
    ['Это не составило труда.', ['не составило труда']],
    ['Это не составило ему никакого труда.', ['не составило ему никакого труда']],
    ['Ông ấy không làm việc ở đó nữa.', ['không làm việc ở đó nữa']],
    // Five words is too many; a comma ends the clause; the parts keep their order.
    ['Это не составило ему и всей его команде труда.', []],
    ['Это не составило, увы, труда.', []],
    ['Труда это не составило.', []],
    // Entries without a gap are compilePhrases' business.
    ['It is not only cheaper.', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
