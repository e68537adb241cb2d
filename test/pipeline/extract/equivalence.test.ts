import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import type { Span } from '../../../src/model/span.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';
import { extractDates } from '../../../src/pipeline/extract/dates.js';
import { extractQuantities } from '../../../src/pipeline/extract/quantities.js';
import { fuzzStrings } from './equivalence.mjs';
import { sentences } from './helpers.js';
import { extractDates as referenceDates } from './reference/dates.js';
import { extractQuantities as referenceQuantities } from './reference/quantities.js';

/**
 * The date and quantity extractors match the packs' word lists and date templates without the packs' giant
 * expressions (see the notes in dates.ts and numparse.ts). They must find exactly what the expressions find: same
 * mentions, same offsets, same fields, same key order. The reference is the code that ran the expressions
 * (./reference, a copy of it). Inputs: the seed articles cut into sentences and lines and taken whole, in every
 * pack, and fuzz strings from each pack's own words (equivalence.mjs, which also compares two builds on a larger
 * corpus).
 */

const PACKS = ['und', 'en', 'vi', 'ru', 'de', 'fr', 'es'];

const run = (
  dates: typeof extractDates,
  quantities: typeof extractQuantities,
  text: string,
  range: Span,
  code: string,
  published: string | undefined,
): string => {
  const pack = getPack(code);
  const d = dates(text, range, pack, published ? { published } : {});
  return JSON.stringify({ d, q: quantities(text, range, pack, d) });
};

function compare(cases: [text: string, range: Span, code: string, published: string | undefined][]): string[] {
  const diffs: string[] = [];
  for (const [text, range, code, published] of cases) {
    const want = run(referenceDates, referenceQuantities, text, range, code, published);
    const got = run(extractDates, extractQuantities, text, range, code, published);
    if (got !== want && diffs.length < 5)
      diffs.push(`[${code}] ${published ?? '-'} ${JSON.stringify(text.slice(range.start, range.end))}\n  want ${want}\n  got  ${got}`);
  }
  return diffs;
}

describe('extractors give what the expressions give', () => {
  const seeds = join(PACKAGE_ROOT, 'seeds');
  const files = existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort() : [];

  it.each(files)('seed %s: sentences, lines and the whole text, in every pack', (file) => {
    const text = readFileSync(join(seeds, file), 'utf8').replace(/^\uFEFF/, '');
    const ranges: Span[] = [...sentences(text)];
    for (const m of text.matchAll(/[^\n]+/g)) ranges.push({ source: 't', start: m.index, end: m.index + m[0].length });
    ranges.push({ source: 't', start: 0, end: text.length });
    const cases: [string, Span, string, string | undefined][] = [];
    for (const code of PACKS) for (const r of ranges) for (const pub of [undefined, '2024-03-14']) cases.push([text, r, code, pub]);
    expect(compare(cases)).toEqual([]);
  });

  it.each(PACKS)('fuzz strings from the %s pack', (code) => {
    const cases = fuzzStrings(getPack(code), 400, PACKS.indexOf(code)).map(
      ([text, range, pub]) => [text, range, code, pub] as [string, Span, string, string | undefined],
    );
    expect(compare(cases)).toEqual([]);
  });
});
