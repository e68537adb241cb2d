import type { LoadedPack } from '../../lang/compile.js';
import {
  escapeRe,
  firstWord,
  lookupKey,
  lookupMap,
  sortedTerms,
  SPACE_CHAR,
  spacesFrom,
  termSource,
  TermSet,
} from '../../lang/text.js';
import type { BetweenGroup } from '../../lang/pack.js';

/**
 * Number tables compiled from a language pack, once per pack (cached on the pack object), and the pure functions that
 * turn a numeral or a run of number words into a value. The extractors in quantities.ts and dates.ts only run these
 * tables; they never build an expression per call.
 *
 * The word lists (number words, scales, currencies, units, …) are matched with TermSets (lang/text.ts), which match
 * what an alternation of the list (longest first, word boundaries) would, without building it: such an expression has
 * a \p{…} word boundary per word, hundreds in all, and V8 takes long to build, compile and tier it up.
 */

export type ApproxWord = 'approx' | 'gt' | 'ge' | 'lt' | 'le';

export interface NumberTables {
  /** Global: a numeral written with digits, in the pack's decimal and thousands marks. */
  numeralRe: RegExp;
  /** Anchored: the same numeral, with group 1 the integer part and group 2 the fraction digits. */
  numeralPartsRe: RegExp;
  /** Sticky version of numeralRe, to read the number at a known position. */
  numeralAtRe: RegExp;

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
  /** Keys the pack writes in lower case: a capitalised one mid-sentence is a name ("Hai Phong Port"), not a number. */
  lowerCaseWords: Set<string>;
  /** Lower-case first words of number words, fractions and multipliers: where phraseAt is worth trying. */
  phraseFirstWords: Set<string>;
  /** Codes written in capitals ("USD", "TRY", "GW"): only their capital spelling counts ("try" is a verb). */
  upperOnly: Set<string>;

  /**
   * Term matchers, each named after the expression shape it matches (see the combinators below): sticky at a
   * position (…At), or end-anchored on the text before a number (signBefore, approxBefore, …).
   */
  phraseAt: StickyMatcher;
  wordContinueAt: StickyMatcher;
  scaleAt: StickyMatcher;
  ordinalSuffixAt: StickyMatcher;
  percentAt: StickyMatcher;
  timesAt: StickyMatcher;
  currencyAfterAt: StickyMatcher;
  unitAt: StickyMatcher;
  durationAt: StickyMatcher;
  rateAt: StickyMatcher;
  approxAfterAt: StickyMatcher;
  timeSuffixAt: StickyMatcher;
  rangeAt: StickyMatcher;
  betweenAndAt: StickyMatcher;
  /** The "and" words that may close a range each "between" word opens (lookupKey of the open word). */
  betweenAndFor: Map<string, StickyMatcher>;
  signAt: StickyMatcher;
  signBefore: { exec(s: string): Found | null };
  approxBefore: { exec(s: string): Found | null };
  timesBefore: { exec(s: string): Found | null };
  betweenOpen: { exec(s: string): Found | null };
  ordinalPrefix: { exec(s: string): Found | null };
  vague: { exec(s: string): Found | null };
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
  const flags = 'iu';

  const words = lookupMap(n.words);
  const fractions = lookupMap(n.fractions);
  const multipliers = lookupMap(n.multipliers ?? {});
  const lowerCaseWords = new Set<string>();
  for (const k of [...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})])
    if (k === k.toLowerCase()) lowerCaseWords.add(lookupKey(k));

  const upperOnly = new Set<string>();
  for (const k of [...currencyWords, ...signs, ...Object.keys(pack.units)])
    if (/^[\p{Lu}\d]{2,}$/u.test(k) && /\p{Lu}/u.test(k)) upperOnly.add(lookupKey(k));

  const phraseTerms = [...Object.keys(n.words), ...Object.keys(n.fractions), ...Object.keys(n.multipliers ?? {})];
  const set = (terms: Iterable<string>, f = flags, leadingBoundary = true): TermSet =>
    new TermSet(sortedTerms(terms), `${f}y`, leadingBoundary);
  const phrases = set(phraseTerms);
  const durations = set(Object.keys(pack.durations));
  const signsBefore = set([...signs, ...isoBefore]);

  const tables = {
    numeralRe: new RegExp(`${before}${core}${after}`, 'gu'),
    numeralPartsRe: new RegExp(`^${core}$`, 'u'),
    numeralAtRe: new RegExp(`${before}${core}${after}`, 'uy'),
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
    phraseFirstWords: new Set(phraseTerms.map(firstWord).filter(Boolean)),
    phraseAt: plainAt(phrases),
    wordContinueAt: joinedAt(set([...Object.keys(n.words), ...longScales])),
    scaleAt: gapAt(set(scaleKeys, flags, false)),
    ordinalSuffixAt: plainAt(set(n.ordinalSuffixes ?? [], flags, false)),
    percentAt: hyphenAt(set(n.percent)),
    timesAt: afterSpaceAt(set(n.times ?? [])),
    currencyAfterAt: gapAt(set([...currencyWords, ...signs], flags, false)),
    unitAt: gapAt(set(Object.keys(pack.units), flags, false)),
    durationAt: gapAt(durations),
    rateAt: pairAt(set(n.per ?? []), durations),
    approxAfterAt: spacedAt(set(Object.keys(n.approximatorsAfter ?? {}))),
    timeSuffixAt: spacedAt(set(pack.dates.timeSuffixes ?? [], 'u'), false, false),
    rangeAt: spacedAt(set(n.rangeWords), true),
    betweenAndAt: spacedAt(set(betweenGroups(n.between).flatMap((g) => g.and)), true),
    betweenAndFor: betweenAndFor(betweenGroups(n.between), (ands) => spacedAt(set(ands), true)),
    signAt: thenSpacesAt(signsBefore),
    signBefore: atEndOf(signsBefore),
    approxBefore: atEndOf(set(Object.keys(n.approximators))),
    timesBefore: atEndOf(set(n.timesBefore ?? [])),
    betweenOpen: atEndOf(set(betweenGroups(n.between).flatMap((g) => g.open))),
    ordinalPrefix: atEndOf(set(n.ordinalPrefixes ?? [])),
    vague: atEndOf(set(n.vague ?? [])),
  } as NumberTables;
  cache.set(pack, tables);
  return tables;
}

/** The pack's range groups as a list: one group or several ("zwischen … und", "von … bis"). */
export const betweenGroups = (b: BetweenGroup | BetweenGroup[] | undefined): BetweenGroup[] => (b === undefined ? [] : Array.isArray(b) ? b : [b]);

/** For each opening word (lookupKey), a matcher of the words that close its range in the groups that list it. */
export function betweenAndFor<M>(groups: BetweenGroup[], make: (ands: string[]) => M): Map<string, M> {
  const ands = new Map<string, Set<string>>();
  for (const g of groups) for (const o of g.open) {
    const k = lookupKey(o);
    const set = ands.get(k) ?? ands.set(k, new Set()).get(k)!;
    for (const a of g.and) set.add(a);
  }
  return new Map([...ands].map(([k, v]) => [k, make([...v])]));
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

// ---------------------------------------------------------------- matching lists of terms without a giant expression

const isHyphen = (c: string | undefined): boolean => c === '-' || c === '‑';

/** A match as exec() gives it: [whole, group 1, group 2, …] with the index where it starts. */
export type Found = [string, ...string[]] & { index: number };

const found = (s: string, start: number, end: number, groups: [number, number][]): Found => {
  const out = [s.slice(start, end), ...groups.map(([a, b]) => s.slice(a, b))] as Found;
  out.index = start;
  return out;
};

/**
 * Sticky matchers with the semantics of the expressions numberTables used to build, each named after its shape;
 * `at(s, pos)` returns what exec() of the sticky expression returned at pos (null for no match). Terms cannot start
 * with a space (they are trimmed), so of the places a greedy run of spaces can give back, only the end of the run
 * can start a term.
 */
export interface StickyMatcher {
  at(s: string, pos: number): Found | null;
}

/** (alt): the first term at pos. */
export const plainAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const e = set.firstAt(s, pos);
    return e < 0 ? null : found(s, pos, e, []);
  },
});

/** (SPACE*[-‑]?SPACE*)(alt): group 1 the gap, group 2 the term. */
export const gapAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const q1 = spacesFrom(s, pos);
    const starts = isHyphen(s[q1]) ? [spacesFrom(s, q1 + 1), q1] : [q1];
    for (const q of starts) {
      const e = set.firstAt(s, q);
      if (e >= 0) return found(s, pos, e, [[pos, q], [q, e]]);
    }
    return null;
  },
});

/** SPACE*(alt), or SPACE*(alt)SPACE* with `trailing`; with `capture`, group 1 the term. */
export const spacedAt = (set: TermSet, trailing = false, capture = true): StickyMatcher => ({
  at(s, pos) {
    const q = spacesFrom(s, pos);
    const e = set.firstAt(s, q);
    if (e < 0) return null;
    return found(s, pos, trailing ? spacesFrom(s, e) : e, capture ? [[q, e]] : []);
  },
});

/** SPACE*[-‑]?(alt): group 1 the term. */
export const hyphenAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const q1 = spacesFrom(s, pos);
    const starts = isHyphen(s[q1]) ? [q1 + 1, q1] : [q1];
    for (const q of starts) {
      const e = set.firstAt(s, q);
      if (e >= 0) return found(s, pos, e, [[q, e]]);
    }
    return null;
  },
});

/** SPACE+(alt): group 1 the term. */
export const afterSpaceAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const q = spacesFrom(s, pos);
    if (q === pos) return null;
    const e = set.firstAt(s, q);
    return e < 0 ? null : found(s, pos, e, [[q, e]]);
  },
});

/** (?:SPACE+|SPACE*[-‑]SPACE*)(alt): group 1 the term. */
export const joinedAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const q1 = spacesFrom(s, pos);
    const starts: number[] = [];
    if (q1 > pos) starts.push(q1);
    if (isHyphen(s[q1])) starts.push(spacesFrom(s, q1 + 1));
    for (const q of starts) {
      const e = set.firstAt(s, q);
      if (e >= 0) return found(s, pos, e, [[q, e]]);
    }
    return null;
  },
});

/** (alt)SPACE*: group 1 the term. */
export const thenSpacesAt = (set: TermSet): StickyMatcher => ({
  at(s, pos) {
    const e = set.firstAt(s, pos);
    return e < 0 ? null : found(s, pos, spacesFrom(s, e), [[pos, e]]);
  },
});

/** SPACE*(?:first)SPACE*(second): group 1 the second term ("a year", "/năm", "в год"). */
export const pairAt = (first: TermSet, second: TermSet): StickyMatcher => ({
  at(s, pos) {
    const q1 = spacesFrom(s, pos);
    for (const k of first.candidates(s, q1)) {
      const e1 = first.endOf(k, s, q1);
      if (e1 < 0) continue;
      const q2 = spacesFrom(s, e1);
      const e2 = second.firstAt(s, q2);
      if (e2 >= 0) return found(s, pos, e2, [[q2, e2]]);
    }
    return null;
  },
});

/** (alt)SPACE*$ applied to a whole string (not sticky): the leftmost term followed only by spaces; group 1 the term. */
export const atEndOf = (set: TermSet): { exec(s: string): Found | null } => ({
  exec(s) {
    let e = s.length;
    while (e > 0 && SPACE_CHAR.test(s[e - 1]!)) e--;
    const p = set.endingAt(s, e);
    return p < 0 ? null : found(s, p, s.length, [[p, e]]);
  },
});
