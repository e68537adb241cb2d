/**
 * TermSet matches a list of terms as one alternation of them would (longest first, word boundaries on the sides that
 * are word characters, any run of spaces between words, either apostrophe), without building the expression. The
 * expression is kept here as the reference, as the extractors relied on it before TermSet replaced it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseKey, escapeRe, isWordChar, lookupKey, sortedTerms, SPACE, termSource, TermSet } from '../../src/lang/text.js';

const WORD = '[\\p{L}\\p{M}\\p{N}_]';

/** The alternation TermSet stands for, made sticky. */
function reference(terms: readonly string[], flags: string, leadingBoundary: boolean): RegExp {
  const term = (t: string): string => `${termSource(t)}${isWordChar(t[t.length - 1]) ? `(?!${WORD})` : ''}`;
  const wordStart = terms.filter((t) => isWordChar(t[0])).map(term);
  const other = terms.filter((t) => !isWordChar(t[0])).map(term);
  const parts: string[] = [];
  if (wordStart.length) parts.push(`${leadingBoundary ? `(?<!${WORD})` : ''}(?:${wordStart.join('|')})`);
  if (other.length) parts.push(`(?:${other.join('|')})`);
  return new RegExp(parts.length ? parts.join('|') : '(?!)', `${flags}y`);
}

const sticky = (re: RegExp, s: string, p: number): number => {
  re.lastIndex = p;
  const m = re.exec(s);
  return m ? p + m[0].length : -1;
};

// Pieces that make the cases the expressions were hard on: words sharing starts, spaces of every kind, apostrophes,
// hyphens, case, marks, underscores, signs and suffixes.
const pieces = ['may', 'May', 'mayor', 'in', 'In', 'in the', 'in  the', 'the', "d'ici", 'd’ici', 'ici', 'm', 'bn', '$', 'US$', '%', '-', 'Сент', 'сент.', 'ß', 'SS', 'é', 'e\u0301', '_', '1st', 'st', 'năm', 'Năm', ' ', '\u00a0', '\u202f', '.', ',', '5'];
const piece = fc.constantFrom(...pieces);
const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));
const terms = fc.uniqueArray(fc.array(piece, { minLength: 1, maxLength: 3 }).map((xs) => xs.join('').trim()).filter((t) => t.length > 0), { maxLength: 6 });

describe('TermSet', () => {
  it.each([['iu', true], ['u', true], ['iu', false]] as const)('firstAt gives what the alternation gives at every position (flags %s, leading boundary %s)', (flags, lead) => {
    fc.assert(fc.property(terms, text, (ts, s) => {
      const sorted = sortedTerms(ts);
      const set = new TermSet(sorted, `${flags}y`, lead);
      const re = reference(sorted, flags, lead);
      for (let p = 0; p <= s.length; p++) expect(set.firstAt(s, p)).toBe(sticky(re, s, p));
    }), { numRuns: 300 });
  });

  it('endingAt gives the leftmost start of a term that ends at a position', () => {
    fc.assert(fc.property(terms, text, (ts, s) => {
      const sorted = sortedTerms(ts);
      const set = new TermSet(sorted, 'iuy');
      for (let e = 0; e <= s.length; e++) {
        let want = -1;
        for (let p = 0; p < e && want < 0; p++) {
          // Some term matches at p and ends exactly at e (not only the first that matches there).
          for (const t of sorted) if (sticky(reference([t], 'iu', true), s, p) === e) { want = p; break; }
        }
        expect(set.endingAt(s, e)).toBe(want);
      }
    }), { numRuns: 200 });
  });

  it.each([
    // [terms, text, position, end]: what the alternation's semantics give.
    [['may'], 'Mayor', 0, -1],
    [['may'], 'May-Britt', 0, 3],
    [['in', 'in the'], 'in the end', 0, 6],
    [['in the'], 'in\u00a0\u202fthe end', 0, 7],
    [["d'ici"], 'd’ici 2025', 0, 5],
    [['m'], '640m', 3, -1],
    [['ß'], 'ẞ', 0, 1],
    [['ß'], 'SS', 0, -1],
    [['st'], '1st', 1, -1],
    [['Monday'], 'Monday_night', 0, -1],
  ] as [string[], string, number, number][])('%j in %j at %i ends at %i', (ts, s, p, end) => {
    expect(new TermSet(sortedTerms(ts), 'iuy').firstAt(s, p)).toBe(end);
  });

  it('a term without a leading boundary matches after a word character (a suffix: "640m")', () => {
    expect(new TermSet(['m'], 'iuy', false).firstAt('640m', 3)).toBe(4);
  });
});

describe('keys', () => {
  it.each([['In  the\u00a0End', 'in the end'], ['d’ici', "d'ici"]])('lookupKey(%j) = %j', (s, k) => expect(lookupKey(s)).toBe(k));
  it('caseKey meets what the "i" flag takes as equal', () => {
    for (const [a, b] of [['ſ', 's'], ['ς', 'σ'], ['K', 'k']]) expect(caseKey(a!)).toBe(caseKey(b!));
  });
  it('escapeRe and SPACE build expressions that match literally', () => {
    expect(new RegExp(`^${escapeRe('a.b (c)')}${SPACE}+x$`, 'u').test('a.b (c)\u202fx')).toBe(true);
  });
});
