/**
 * Text matching, defined once: what a word character and a space are, words and their keys (lookupKey, caseKey), and
 * lists of terms matched as one alternation would match them (longest first, word boundaries, any run of spaces
 * between words, either apostrophe) without building that expression (TermSet), with the code-point helpers they
 * share. The extractors (numbers, dates), the date templates and the phrase matcher build on these.
 */

// ---------------------------------------------------------------- characters, words, keys

/** Any run of spaces, including the non-breaking and narrow no-break spaces used as thousands separators. */
export const SPACE = '[\\s\\u00a0\\u202f\\u2009]';
/** One space character (SPACE as a test). */
export const SPACE_CHAR = /[\s\u00a0\u202f\u2009]/;

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Whether a character (one UTF-16 unit, as a term's ends are looked at) is a word character: a letter, mark, digit or
 * underscore (as \w, in every script), what a term's word boundaries test. A word itself is a run of letters, marks
 * and digits (WORD_RUN, words(), isWordPart).
 */
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(c);

/** One term as a regex source: spaces match any whitespace, apostrophes match straight and curly ones. */
export function termSource(term: string): string {
  return term
    .split(/\s+/)
    .map((w) => escapeRe(w).replace(/['’]/g, "['’]"))
    .join(`${SPACE}+`);
}

/**
 * Terms in the order a TermSet tries them: trimmed, deduplicated, longest first. With `caseVariants`, lower-case terms
 * also match with a capital first letter (for case-sensitive packs: "In the first quarter" starts a sentence).
 */
export function sortedTerms(terms: Iterable<string>, caseVariants = false): string[] {
  const set = new Set<string>();
  for (const t of terms) {
    const term = t.trim();
    if (!term) continue;
    set.add(term);
    if (caseVariants) {
      const first = term[0]!;
      if (first !== first.toUpperCase()) set.add(first.toUpperCase() + term.slice(1));
    }
  }
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

const WORDS = /[\p{L}\p{M}\p{N}]+/gu;

/** The lower-case first word of a term ("a dozen" -> "a", "первом квартале" -> "первом"), or '' if it starts with a sign. */
export function firstWord(term: string): string {
  const m = /^[\p{L}\p{M}\p{N}]+/u.exec(term.trim());
  return m ? m[0].toLowerCase() : '';
}

/** Lower-case words of a text with their offsets: a cheap pass that tells which expensive expressions can match. */
export function* words(text: string): Generator<{ word: string; index: number }> {
  for (const m of text.matchAll(WORDS)) yield { word: m[0].toLowerCase(), index: m.index };
}

/** Normalises a term for lookup: lower case, curly apostrophes straightened, runs of whitespace as one space. */
export const lookupKey = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

/**
 * A key under which two strings that a case-insensitive Unicode expression (flags "iu") takes as equal are equal:
 * lower case of the upper case of the lower case, so that "ſ"/"s", "ς"/"σ", "ẞ"/"ß", "K" (Kelvin)/"k" meet. It may also
 * join strings the expression tells apart ("ß"/"ss"), which is harmless where it only preselects candidates.
 */
export function caseKey(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.toLowerCase().toUpperCase().toLowerCase();
}

/** A Map from lookupKey(term) to value. */
export function lookupMap<V>(rec: Record<string, V>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of Object.entries(rec)) {
    const key = lookupKey(k);
    if (!m.has(key)) m.set(key, v);
  }
  return m;
}

// ---------------------------------------------------------------- matching lists of terms without a giant expression

/**
 * Character tests with the classes (and flags) of a term alternation's expression: a word character
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

/** Whole words ([\p{L}\p{M}\p{N}]+, as words() reads them), sticky. */
const RUN_AT = /[\p{L}\p{M}\p{N}]+/uy;

/** The whole word starting at `p`, or ''. */
export function runAt(s: string, p: number): string {
  RUN_AT.lastIndex = p;
  const m = RUN_AT.exec(s);
  return m ? m[0] : '';
}

const LMN = /^[\p{L}\p{M}\p{N}]$/u;
/** Whether a character (one code point) is part of a word: a letter, mark or digit (what words() and WORD_RUN read). */
export const isWordPart = (c: string): boolean => LMN.test(c);
/** The key of a single character that is not a letter or digit: caseKey, and one apostrophe for both (['’] in termSource). */
const charKey = (c: string): string => (c === '’' ? "'" : caseKey(c));
/** Whole words, global: [\p{L}\p{M}\p{N}]+. */
export const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

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
 * A list of terms matched the way one alternation of them (an expression) matches, without building that expression
 * (test/lang/text.test.ts holds it as the reference). The expression tries, at a position, the terms in order (longest first), each followed by a word boundary when it
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

/** The end of the run of spaces ([\s\u00a0\u202f\u2009]*) at p. */
export function spacesFrom(s: string, p: number): number {
  let e = p;
  while (e < s.length && SPACE_CHAR.test(s[e]!)) e++;
  return e;
}

