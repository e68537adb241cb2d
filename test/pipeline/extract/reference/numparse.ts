// Test oracle: src/pipeline/extract/numparse.ts as it was before the extractors stopped running the packs' giant
// alternations (commit 0a964df), with only its import paths changed. It matches with the full expressions
// (pack.datePatterns[i].re, pack.dateContextRe, alternation()); equivalence.test.ts checks that the extractors give
// exactly what this code gives. Not used by the tool.
import { type LoadedPack } from '../../../../src/lang/compile.js';
import { alternation, escapeRe, firstWord, lookupKey, lookupMap, SPACE } from '../../../../src/lang/text.js';
import { betweenAndFor, betweenGroups } from '../../../../src/pipeline/extract/numparse.js';

/**
 * Number tables compiled from a language pack, once per pack (cached on the pack object), and the pure functions that
 * turn a numeral or a run of number words into a value. The extractors in quantities.ts and dates.ts only run these
 * expressions; they never build one per call.
 */

export type ApproxWord = 'approx' | 'gt' | 'ge' | 'lt' | 'le';

export interface NumberTables {
  /** Global: a numeral written with digits, in the pack's decimal and thousands marks. */
  numeralRe: RegExp;
  /** Anchored: the same numeral, with group 1 the integer part and group 2 the fraction digits. */
  numeralPartsRe: RegExp;
  /** Global: a spelled-out number word, fraction or multiplier phrase that can start a quantity. */
  phraseRe: RegExp;
  /** Sticky versions of numeralRe and phraseRe, to read the number at a known position. */
  numeralAtRe: RegExp;
  phraseAtRe: RegExp;
  /** Sticky: a joiner and one more number word or scale word (continuing "two" -> "two million"). */
  wordContinueRe: RegExp;
  /** Sticky, after a numeral: optional gap (group 1) and a scale word or abbreviation (group 2). */
  scaleRe: RegExp;
  ordinalSuffixRe: RegExp;
  percentRe: RegExp;
  timesRe: RegExp;
  currencyAfterRe: RegExp;
  unitRe: RegExp;
  durationRe: RegExp;
  /** Sticky: "a year", "/năm", "mỗi năm", "в год": group 1 the duration word. */
  rateRe: RegExp;
  approxAfterRe: RegExp;
  timeSuffixRe: RegExp;
  /** Sticky: a range connector between two numbers. */
  rangeRe: RegExp;
  /** Sticky: the "and" of "between … and". */
  betweenAndRe: RegExp;
  betweenAndReFor: Map<string, RegExp>;
  /** Sticky: a currency sign right before a numeral (for the second number of a range). */
  signAtRe: RegExp;
  /** Anchored at the end ($): applied to the text before a number. */
  signBeforeRe: RegExp;
  approxBeforeRe: RegExp;
  timesBeforeRe: RegExp;
  betweenOpenRe: RegExp;
  ordinalPrefixRe: RegExp;
  vagueRe: RegExp;

  words: Map<string, number>;
  scales: Map<string, number>;
  multiplying: Set<string>;
  fractions: Map<string, number>;
  multipliers: Map<string, number>;
  currencies: Map<string, string>;
  assumed: Set<string>;
  units: Map<string, string>;
  durations: Map<string, string>;
  approximators: Map<string, ApproxWord>;
  approximatorsAfter: Map<string, ApproxWord>;
  /** Keys the pack writes in lower case: a capitalised one mid-sentence is a name ("Hai Dang"), not a number. */
  lowerCaseWords: Set<string>;
  /** Lower-case first words of number words, fractions and multipliers: where phraseAtRe is worth trying. */
  phraseFirstWords: Set<string>;
  /** Codes written in capitals ("USD", "TRY", "GW"): only their capital spelling counts ("try" is a verb). */
  upperOnly: Set<string>;
}

const cache = new WeakMap<LoadedPack, NumberTables>();

/** A scale written as a short Latin abbreviation ("m", "bn", "k"): it binds only when attached or after a currency sign. */
export const isAbbreviation = (scale: string): boolean => /^[a-z]{1,3}\.?$/i.test(scale);

const charClass = (chars: string[]): string =>
  chars.length ? `[${chars.map((c) => (c === ' ' ? ' ' : escapeRe(c).replace(/-/g, '\\-'))).join('')}]` : '(?!)';

export function numberTables(pack: LoadedPack): NumberTables {
  const hit = cache.get(pack);
  if (hit) return hit;
  const n = pack.numbers;
  const T = charClass(n.thousands);
  const D = charClass(n.decimal);
  const core = `(\\d{1,3}(?:${T}\\d{3}(?!\\d))+|\\d+)(?:${D}(\\d+))?`;
  // Not part of a word or code ("G7", "COVID-19", "GMT+7"), another number ("3/14", "10:45"), or an identifier ("#5").
  const before = `(?<![\\p{L}\\p{M}\\p{N}_]|[\\p{L}\\p{M}][-+‑]|\\d[.,:/]|[:/#№])`;
  const after = `(?![/:]\\d|\\d)`;
  const signs = Object.keys(pack.currencies.signs);
  const currencyWords = Object.keys(pack.currencies.words);
  const isoBefore = currencyWords.filter((w) => /^[A-Z]{3}$/.test(w));
  const scaleKeys = Object.keys(n.scales);
  const longScales = scaleKeys.filter((s) => !isAbbreviation(s));
  const multiplying = new Set((n.multiplying ?? []).map(lookupKey));
  const gap = `(${SPACE}*[-‑]?${SPACE}*)`;
  const flags = 'iu';
  const sticky = (src: string, f = flags): RegExp => new RegExp(src, `${f}y`);
  const atEnd = (alt: string): RegExp => new RegExp(`(${alt})${SPACE}*$`, flags);

  const words = lookupMap(n.words);
  const fractions = lookupMap(n.fractions);
  const multipliers = lookupMap(n.multipliers ?? {});
  const lowerCaseWords = new Set<string>();
  for (const k of [...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})])
    if (k === k.toLowerCase()) lowerCaseWords.add(lookupKey(k));

  const upperOnly = new Set<string>();
  for (const k of [...currencyWords, ...signs, ...Object.keys(pack.units)])
    if (/^[\p{Lu}\d]{2,}$/u.test(k) && /\p{Lu}/u.test(k)) upperOnly.add(lookupKey(k));

  const tables: NumberTables = {
    numeralRe: new RegExp(`${before}${core}${after}`, 'gu'),
    numeralPartsRe: new RegExp(`^${core}$`, 'u'),
    phraseRe: new RegExp(alternation([...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})]), 'giu'),
    numeralAtRe: new RegExp(`${before}${core}${after}`, 'uy'),
    phraseAtRe: new RegExp(alternation([...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})]), 'iuy'),
    wordContinueRe: sticky(`(?:${SPACE}+|${SPACE}*[-‑]${SPACE}*)(${alternation([...Object.keys(n.words), ...longScales])})`),
    scaleRe: sticky(`${gap}(${alternation(scaleKeys, false, false)})`),
    ordinalSuffixRe: sticky(`(?:${alternation(n.ordinalSuffixes ?? [], false, false)})`),
    percentRe: sticky(`${SPACE}*[-‑]?(${alternation(n.percent)})`),
    timesRe: sticky(`${SPACE}+(${alternation(n.times ?? [])})`),
    currencyAfterRe: sticky(`${gap}(${alternation([...currencyWords, ...signs], false, false)})`),
    unitRe: sticky(`${gap}(${alternation(Object.keys(pack.units), false, false)})`),
    durationRe: sticky(`${gap}(${alternation(Object.keys(pack.durations))})`),
    rateRe: sticky(`${SPACE}*(?:${alternation(n.per ?? [])})${SPACE}*(${alternation(Object.keys(pack.durations))})`),
    approxAfterRe: sticky(`${SPACE}*(${alternation(Object.keys(n.approximatorsAfter ?? {}))})`),
    timeSuffixRe: sticky(`${SPACE}*(?:${alternation(pack.dates.timeSuffixes ?? [])})`, 'u'),
    rangeRe: sticky(`${SPACE}*(${alternation(n.rangeWords)})${SPACE}*`),
    betweenAndRe: sticky(`${SPACE}*(${alternation(betweenGroups(n.between).flatMap((g) => g.and))})${SPACE}*`),
    betweenAndReFor: betweenAndFor(betweenGroups(n.between), (ands) => sticky(`${SPACE}*(${alternation(ands)})${SPACE}*`)),
    signAtRe: sticky(`(${alternation([...signs, ...isoBefore])})${SPACE}*`),
    signBeforeRe: atEnd(alternation([...signs, ...isoBefore])),
    approxBeforeRe: atEnd(alternation(Object.keys(n.approximators))),
    timesBeforeRe: atEnd(alternation(n.timesBefore ?? [])),
    betweenOpenRe: atEnd(alternation(betweenGroups(n.between).flatMap((g) => g.open))),
    ordinalPrefixRe: atEnd(alternation(n.ordinalPrefixes ?? [])),
    vagueRe: atEnd(alternation(n.vague ?? [])),
    words,
    scales: lookupMap(n.scales),
    multiplying,
    fractions,
    multipliers,
    currencies: lookupMap({ ...pack.currencies.words, ...pack.currencies.signs }),
    assumed: new Set((pack.currencies.assumed ?? []).map(lookupKey)),
    units: lookupMap(pack.units),
    durations: lookupMap(pack.durations),
    approximators: lookupMap(n.approximators),
    approximatorsAfter: lookupMap(n.approximatorsAfter ?? {}),
    lowerCaseWords,
    upperOnly,
    phraseFirstWords: new Set(
      [...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})].map(firstWord).filter(Boolean),
    ),
  };
  cache.set(pack, tables);
  return tables;
}

/** Significant digits written in a number: 1,100 -> 2; 1,094 -> 4; 4.90 -> 3; 0.05 -> 1. */
export function significantDigits(intDigits: string, fracDigits = ''): number {
  if (fracDigits) {
    const all = (intDigits + fracDigits).replace(/^0+/, '');
    return Math.max(1, all.length);
  }
  const trimmed = intDigits.replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, trimmed.length);
}

/** Significant digits of a value (for spelled-out numbers): 2000000 -> 1, 12 -> 2, 1.5 -> 2. */
export function valuePrecision(value: number): number {
  const s = String(value);
  const [i = '', f = ''] = s.includes('e') ? [String(Math.round(value)), ''] : s.split('.');
  return significantDigits(i, f);
}

/** Removes floating-point noise from products like 1.35 * 1e9. */
export const clean = (x: number): number => Number(x.toPrecision(12));

export interface Numeral {
  value: number;
  precision: number;
  /** Digits after the decimal mark. */
  decimals: number;
}

/** The value of a numeral matched by numeralRe. */
/** False for a capitals-only code written otherwise ("try" for TRY). */
export const spelledAsCode = (t: NumberTables, written: string): boolean => {
  const k = lookupKey(written);
  return !t.upperOnly.has(k) || written === written.toUpperCase();
};

export function parseNumeral(raw: string, t: NumberTables): Numeral | undefined {
  const m = t.numeralPartsRe.exec(raw);
  if (!m) return undefined;
  const intDigits = (m[1] ?? '').replace(/\D/g, '');
  const frac = m[2] ?? '';
  const value = Number(frac ? `${intDigits}.${frac}` : intDigits);
  if (!Number.isFinite(value)) return undefined;
  return { value, precision: significantDigits(intDigits, frac), decimals: frac.length };
}

export type WordKind = 'word' | 'mult' | 'scale';

/**
 * The value of a run of number words ("two million", "hai mươi lăm", "двадцать пять", "33 nghìn tỷ" after a numeral).
 * Returns how many tokens were used: a token that cannot continue the number ends it.
 */
export function combineWords(tokens: { value: number; kind: WordKind }[], start = 0): { value: number; used: number } {
  let total = start;
  let current = 0;
  let last = 0;
  let prevKind: WordKind | undefined = start ? 'scale' : undefined;
  let prevValue = 0;
  let used = 0;
  for (const tok of tokens) {
    if (tok.kind === 'word') {
      const fits =
        prevKind === undefined ||
        prevKind === 'mult' ||
        (prevKind === 'scale' && tok.value < 1000) ||
        (prevKind === 'word' && tok.value < 10 && (prevValue === 10 || (prevValue >= 20 && prevValue < 100 && prevValue % 10 === 0))) ||
        (prevKind === 'word' && tok.value < 100 && prevValue >= 100 && prevValue < 1000 && prevValue % 100 === 0);
      if (!fits) break;
      if (tok.value >= 1000 && prevKind === undefined) {
        total = tok.value;
        prevKind = 'scale';
      } else {
        current += tok.value;
        last = tok.value;
        prevKind = 'word';
      }
    } else if (tok.kind === 'mult') {
      if (prevKind !== 'word' || current === 0) break;
      current += last * (tok.value - 1);
      last *= tok.value;
      prevKind = 'mult';
    } else {
      if (current === 0 && prevKind === 'scale') total *= tok.value;
      else if (current === 0) break;
      else total += current * tok.value;
      current = 0;
      prevKind = 'scale';
    }
    prevValue = tok.value;
    used++;
  }
  return { value: clean(total + current), used };
}
