import {
  alternation,
  caseKey,
  escapeRe,
  firstWord,
  isWordChar,
  lazy,
  lookupKey,
  lookupMap,
  sortedTerms,
  SPACE,
  termSource,
  type LoadedPack,
} from '../../lang/load.js';
import type { BetweenGroup } from '../../lang/pack.js';

/**
 * Number tables compiled from a language pack, once per pack (cached on the pack object), and the pure functions that
 * turn a numeral or a run of number words into a value. The extractors in quantities.ts and dates.ts only run these
 * tables; they never build an expression per call.
 *
 * The word lists (number words, scales, currencies, units, …) are matched with TermSets (below), which match exactly
 * what the expression alternation(list) would, without building it: such an expression has a \p{…} word boundary per
 * word, hundreds in all, and V8 takes long to build, compile and tier it up. The expressions are still there (the
 * …Re fields, same sources as before), built on first use only; the extractor uses the matchers.
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
  /** Keys the pack writes in lower case: a capitalised one mid-sentence is a name ("Hai Phong Port"), not a number. */
  lowerCaseWords: Set<string>;
  /** Lower-case first words of number words, fractions and multipliers: where phraseAtRe is worth trying. */
  phraseFirstWords: Set<string>;
  /** Codes written in capitals ("USD", "TRY", "GW"): only their capital spelling counts ("try" is a verb). */
  upperOnly: Set<string>;

  /** Matchers with the semantics of the sticky and end-anchored expressions above (same groups and index). */
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
  // The expressions, built on first use (the extractor does not use them).
  const expressions: Partial<Record<keyof NumberTables, () => RegExp>> = {
    phraseRe: () => new RegExp(alternation(phraseTerms), 'giu'),
    phraseAtRe: () => new RegExp(alternation(phraseTerms), 'iuy'),
    wordContinueRe: () => sticky(`(?:${SPACE}+|${SPACE}*[-‑]${SPACE}*)(${alternation([...Object.keys(n.words), ...longScales])})`),
    scaleRe: () => sticky(`${gap}(${alternation(scaleKeys, false, false)})`),
    ordinalSuffixRe: () => sticky(`(?:${alternation(n.ordinalSuffixes ?? [], false, false)})`),
    percentRe: () => sticky(`${SPACE}*[-‑]?(${alternation(n.percent)})`),
    timesRe: () => sticky(`${SPACE}+(${alternation(n.times ?? [])})`),
    currencyAfterRe: () => sticky(`${gap}(${alternation([...currencyWords, ...signs], false, false)})`),
    unitRe: () => sticky(`${gap}(${alternation(Object.keys(pack.units), false, false)})`),
    durationRe: () => sticky(`${gap}(${alternation(Object.keys(pack.durations))})`),
    rateRe: () => sticky(`${SPACE}*(?:${alternation(n.per ?? [])})${SPACE}*(${alternation(Object.keys(pack.durations))})`),
    approxAfterRe: () => sticky(`${SPACE}*(${alternation(Object.keys(n.approximatorsAfter ?? {}))})`),
    timeSuffixRe: () => sticky(`${SPACE}*(?:${alternation(pack.dates.timeSuffixes ?? [])})`, 'u'),
    rangeRe: () => sticky(`${SPACE}*(${alternation(n.rangeWords)})${SPACE}*`),
    betweenAndRe: () => sticky(`${SPACE}*(${alternation(betweenGroups(n.between).flatMap((g) => g.and))})${SPACE}*`),
    signAtRe: () => sticky(`(${alternation([...signs, ...isoBefore])})${SPACE}*`),
    signBeforeRe: () => atEnd(alternation([...signs, ...isoBefore])),
    approxBeforeRe: () => atEnd(alternation(Object.keys(n.approximators))),
    timesBeforeRe: () => atEnd(alternation(n.timesBefore ?? [])),
    betweenOpenRe: () => atEnd(alternation(betweenGroups(n.between).flatMap((g) => g.open))),
    ordinalPrefixRe: () => atEnd(alternation(n.ordinalPrefixes ?? [])),
    vagueRe: () => atEnd(alternation(n.vague ?? [])),
  };
  for (const [key, make] of Object.entries(expressions)) lazy(tables, key as keyof NumberTables, make as () => never);
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

/**
 * Character tests with the same classes (and flags) as the expressions built by alternation(): a word character
 * [\p{L}\p{M}\p{N}_], the end of a date template [\p{L}\p{M}_]|\d, a letter \p{L}. With "i" V8 closes each class
 * under case folding; the tests use the same flags to get the very same sets.
 */
export interface Flavour {
  ignoreCase: boolean;
  word: RegExp;
  dateEnd: RegExp;
  letter: RegExp;
}

const FLAVOURS = {
  u: { ignoreCase: false, word: /^[\p{L}\p{M}\p{N}_]$/u, dateEnd: /^(?:[\p{L}\p{M}_]|\d)$/u, letter: /^\p{L}$/u },
  iu: { ignoreCase: true, word: /^[\p{L}\p{M}\p{N}_]$/iu, dateEnd: /^(?:[\p{L}\p{M}_]|\d)$/iu, letter: /^\p{L}$/iu },
} satisfies Record<string, Flavour>;

export const flavour = (flags: string): Flavour => (flags.includes('i') ? FLAVOURS.iu : FLAVOURS.u);

/** The code point that ends at `p` ('' at the start), as a "u" lookbehind reads it. */
export function cpBefore(s: string, p: number): string {
  if (p <= 0) return '';
  const c = s.charCodeAt(p - 1);
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const h = s.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return s.slice(p - 2, p);
  }
  return s[p - 1]!;
}

/** The code point that starts at `p` ('' at the end), as a "u" lookahead reads it. */
export function cpAt(s: string, p: number): string {
  if (p >= s.length) return '';
  const c = s.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < s.length) {
    const l = s.charCodeAt(p + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return s.slice(p, p + 2);
  }
  return s[p]!;
}

/** Whole words ([\p{L}\p{M}\p{N}]+, as lang/load.ts words() reads them), sticky. */
const RUN_AT = /[\p{L}\p{M}\p{N}]+/uy;

/** The whole word starting at `p`, or ''. */
export function runAt(s: string, p: number): string {
  RUN_AT.lastIndex = p;
  const m = RUN_AT.exec(s);
  return m ? m[0] : '';
}

const LMN = /^[\p{L}\p{M}\p{N}]$/u;
/** The key of a single character that is not a letter or digit: caseKey, and one apostrophe for both (['’] in termSource). */
const charKey = (c: string): string => (c === '’' ? "'" : caseKey(c));
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** Start of the whole word that ends at `e` (e itself when none does). */
function runStartBefore(s: string, e: number): number {
  let p = e;
  for (;;) {
    const c = cpBefore(s, p);
    if (!c || !LMN.test(c)) return p;
    p -= c.length;
  }
}

/**
 * A list of terms matched the way the expression alternation(terms) matches them, without building that expression.
 * The expression tries, at a position, the terms in order (longest first), each followed by a word boundary when it
 * ends in a word character; those starting with a word character only where no word character precedes (with
 * `leadingBoundary`), then those starting with something else. Here a term starting with a word character is looked
 * up by the caseKey of the word at the position (it can only match where its first word is that whole word: it is
 * followed in the term by a non-word character or by the boundary), one starting otherwise by the caseKey of the
 * character there, and only those terms are tried, each with a small sticky expression of its own (compiled the
 * first time it is tried). Same matches, same order. caseKey gives equal keys to whatever the "i" flag takes as
 * equal, so no term that could match is left out.
 */
export class TermSet {
  readonly terms: readonly string[];
  private readonly endsInWord: boolean[];
  /** caseKey of the first word -> indices (ascending) of the terms starting with a word character that start with it. */
  private readonly byWord = new Map<string, number[]>();
  /** Terms starting with a word character but not a letter or digit ("_x"): tried wherever such terms may start. */
  private readonly wordAlways: number[] = [];
  /** caseKey of the first character -> indices of the terms starting with something else ("$", "%"). */
  private readonly byChar = new Map<string, number[]>();
  /** For endingAt: caseKey of the last word (or last character) -> indices; and terms that list cannot place. */
  private readonly byLast = new Map<string, number[]>();
  private readonly lastAlways: number[] = [];
  private readonly res: (RegExp | undefined)[];
  /** The first characters of the terms in byChar, as one global class with the set's flags (built on first use). */
  private otherStartRe: RegExp | undefined;
  readonly flavour: Flavour;

  constructor(
    sorted: readonly string[],
    private readonly flags: string,
    readonly leadingBoundary = true,
  ) {
    this.terms = sorted;
    this.flavour = flavour(flags);
    this.endsInWord = sorted.map((t) => isWordChar(t[t.length - 1]));
    this.res = new Array(sorted.length);
    const push = (map: Map<string, number[]>, key: string, k: number): void => {
      const list = map.get(key);
      if (list) list.push(k);
      else map.set(key, [k]);
    };
    sorted.forEach((t, k) => {
      const ws = isWordChar(t[0]);
      if (!ws) push(this.byChar, charKey(cpAt(t, 0)), k);
      else {
        const m = /^[\p{L}\p{M}\p{N}]+/u.exec(t);
        if (m) push(this.byWord, caseKey(m[0]), k);
        else this.wordAlways.push(k);
      }
      // The last word of a term is a whole word of the text where it matches, unless it is the whole term and
      // nothing bounds it on the left (no leading boundary).
      const last = /[\p{L}\p{M}\p{N}]+$/u.exec(t);
      if (!last) push(this.byLast, charKey(cpBefore(t, t.length)), k);
      else if (last.index === 0 && !(ws && this.leadingBoundary)) this.lastAlways.push(k);
      else push(this.byLast, caseKey(last[0]), k);
    });
  }

  get size(): number {
    return this.terms.length;
  }

  /** Whether a word's caseKey starts some term. */
  starts(key: string): boolean {
    return this.byWord.has(key);
  }

  /** Whether some term can start elsewhere than at a word listed in byWord (then every position is a candidate). */
  get anywhere(): boolean {
    return this.wordAlways.length > 0 || this.byChar.size > 0 || !this.leadingBoundary;
  }

  /**
   * Where a term can start in s, ascending: the words that start a term and the characters that start one, or every
   * position when the set has terms that can start inside a word. `words`: the whole words of s (start -> caseKey)
   * when the caller has them.
   */
  startsIn(s: string, words?: ReadonlyMap<number, string>): number[] {
    const out: number[] = [];
    if (this.wordAlways.length || !this.leadingBoundary) {
      for (let p = 0; p < s.length; p += cpAt(s, p).length || 1) out.push(p);
      return out;
    }
    if (this.byWord.size) {
      if (words) {
        for (const [p, key] of words) if (this.byWord.has(key)) out.push(p);
      } else for (const m of s.matchAll(WORD_RUN)) if (this.byWord.has(caseKey(m[0]))) out.push(m.index);
    }
    if (this.byChar.size) {
      this.otherStartRe ??= new RegExp(
        `[${[...new Set(this.terms.filter((t) => !isWordChar(t[0])).flatMap((t) => (/['’]/.test(t[0]!) ? ["'", '’'] : [cpAt(t, 0)])))]
          .map((c) => c.replace(/[\\\]^-]/g, '\\$&'))
          .join('')}]`,
        `${this.flags.replace('y', '')}g`,
      );
      const sorted = out.length === 0;
      for (const m of s.matchAll(this.otherStartRe)) out.push(m.index);
      if (!sorted) out.sort((a, b) => a - b);
    }
    return out;
  }

  /** The end of term k matched at p with its boundary after, or -1. */
  endOf(k: number, s: string, p: number): number {
    let re = this.res[k];
    if (!re) {
      re = new RegExp(termSource(this.terms[k]!), this.flags);
      this.res[k] = re;
    }
    re.lastIndex = p;
    const m = re.exec(s);
    if (!m) return -1;
    const e = p + m[0].length;
    if (this.endsInWord[k] && this.flavour.word.test(cpAt(s, e))) return -1;
    return e;
  }

  /**
   * The indices of the terms to try at p, in the expression's order. `key` is the caseKey of the whole word at p
   * if known ('' when none starts there); otherwise it is read.
   */
  candidates(s: string, p: number, key?: string): readonly number[] {
    let keyed: readonly number[] = EMPTY;
    if (this.byWord.size || this.wordAlways.length) {
      if (!this.leadingBoundary || !this.flavour.word.test(cpBefore(s, p))) {
        key ??= caseKey(runAt(s, p));
        keyed = (key && this.byWord.get(key)) || EMPTY;
        if (this.wordAlways.length) keyed = [...keyed, ...this.wordAlways].sort((a, b) => a - b);
      }
    }
    if (!this.byChar.size || p >= s.length) return keyed;
    const other = this.byChar.get(charKey(cpAt(s, p)));
    if (!other) return keyed;
    return keyed.length ? [...keyed, ...other] : other;
  }

  /** The end of the first term that matches at p (what the expression, made sticky, would match), or -1. */
  firstAt(s: string, p: number, key?: string): number {
    for (const k of this.candidates(s, p, key)) {
      const e = this.endOf(k, s, p);
      if (e >= 0) return e;
    }
    return -1;
  }

  /**
   * The leftmost position where some term matches and ends exactly at `e` (and that `accept` accepts), or -1. A
   * term's start is found from its end: its words have their own lengths and the spaces between them are whole runs
   * (the term has no other quantifier), so each term can end at e from one start only, which its own expression
   * then confirms.
   */
  endingAt(s: string, e: number, accept?: (p: number) => boolean): number {
    if (e <= 0) return -1;
    const c = cpBefore(s, e);
    const key = LMN.test(c) ? caseKey(s.slice(runStartBefore(s, e), e)) : charKey(c);
    const keyed = this.byLast.get(key);
    let best = -1;
    const tryTerm = (k: number): void => {
      const tokens = this.terms[k]!.split(/\s+/);
      let p = e;
      for (let i = tokens.length - 1; i >= 0; i--) {
        p -= tokens[i]!.length;
        if (p < 0) return;
        if (i > 0) {
          let q = p;
          while (q > 0 && SPACE_CHAR.test(s[q - 1]!)) q--;
          if (q === p) return;
          p = q;
        }
      }
      if (best >= 0 && p >= best) return;
      if (this.leadingBoundary && isWordChar(this.terms[k]![0]) && this.flavour.word.test(cpBefore(s, p))) return;
      if (accept && !accept(p)) return;
      if (this.endOf(k, s, p) === e) best = p;
    };
    if (keyed) for (const k of keyed) tryTerm(k);
    for (const k of this.lastAlways) {
      // No fixed start: try every start (only terms that are a single word with no boundary before land here).
      for (let p = 0; p < e; p += cpAt(s, p).length || 1) {
        if (best >= 0 && p >= best) break;
        if (accept && !accept(p)) continue;
        if (this.endOf(k, s, p) === e) best = p;
      }
    }
    return best;
  }
}

const EMPTY: readonly number[] = [];
const SPACE_CHAR = /[\s\u00a0\u202f\u2009]/;
const isHyphen = (c: string | undefined): boolean => c === '-' || c === '‑';

/** The end of the run of spaces ([\s\u00a0\u202f\u2009]*) at p. */
export function spacesFrom(s: string, p: number): number {
  let e = p;
  while (e < s.length && SPACE_CHAR.test(s[e]!)) e++;
  return e;
}

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
