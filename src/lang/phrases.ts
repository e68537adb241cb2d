import { isWordPart, SPACE_CHAR } from './text.js';

/** A compiled list of phrases matched case-insensitively on word boundaries in any script. */
export interface PhraseMatcher {
  /**
   * The phrases by their first (lower-case) character, each list in the order they are tried: whole-word phrases
   * longest first, then suffixes ("*n't") longest first.
   */
  byFirst: Map<number, Phrase[]>;
  /**
   * The same lists cut by the character after the first: for a first character, by the next UTF-16 unit of the
   * text (" " for any white space), the phrases that can match there, in the same order. A large list (a lexicon's
   * words starting with "a") is tried only where its second letter fits. `""` holds those for any other unit.
   */
  bySecond: Map<number, Map<string, Phrase[]>>;
  /** Lower-cased phrase -> value (e.g. an event class). */
  values: Map<string, string>;
  /** Whether any phrase is a suffix; without one, only positions after a non-word character can start a hit. */
  hasSuffix: boolean;
}

interface Phrase {
  /** Lower-case text, one space where the text may have any run of white space. */
  text: string;
  /** A suffix matches inside a word ("n't" in "weren't"); other phrases start at a word boundary. */
  suffix: boolean;
  /**
   * The phrase ends in something other than a letter, digit or mark (an elided "n'", "l'", a "Dr."): a word may follow
   * it directly ("n'ont"). Other phrases end at a word boundary.
   */
  open: boolean;
}

const WORD_END = /[\p{L}\p{N}\p{M}]$/u;


/**
 * Whole phrases only here; a phrase with gaps ("не составило … труда") is compiled by compileGapped below.
 *
 * Matching is what one case-insensitive alternation of every phrase (longest first, word boundaries on the sides
 * that are word characters, white-space runs) would give, scanned left to right; test/lang/phrases.test.ts holds that expression as the reference. It is
 * done by hand because that alternation, tried at every character of every sentence, was the costliest step of
 * claim extraction: here a position is tried only against the phrases its character starts.
 */
export function compilePhrases(entries: [string, string][]): PhraseMatcher {
  const values = new Map<string, string>();
  for (const [p, v] of entries) {
    const k = p.normalize('NFC').toLowerCase().trim();
    if (k && !values.has(k)) values.set(k, v);
  }
  const keys = [...values.keys()].sort((a, b) => b.length - a.length);
  const byFirst = new Map<number, Phrase[]>();
  // Whole-word phrases first, then suffixes: the order the alternation tried them in.
  for (const suffix of [false, true]) {
    for (const k of keys) {
      if (k.startsWith('*') !== suffix) continue;
      const text = (suffix ? k.slice(1) : k).replace(/\s+/gu, ' ');
      if (!text) continue;
      const c = text.codePointAt(0)!;
      (byFirst.get(c) ?? byFirst.set(c, []).get(c)!).push({ text, suffix, open: !WORD_END.test(text) });
    }
  }
  // A phrase written with a leading "*" is a suffix ("*n't" matches the end of "weren't"): no word boundary before it.
  for (const k of keys.filter((x) => x.startsWith('*'))) values.set(k.slice(1), values.get(k)!);
  const bySecond = new Map<number, Map<string, Phrase[]>>();
  for (const [c, list] of byFirst) {
    const width = c > 0xffff ? 2 : 1;
    // A phrase of one character fits whatever follows; a longer one only its own second unit (" ": any space).
    const seconds = new Set(list.filter((p) => p.text.length > width).map((p) => p.text[width]!));
    const cut = new Map<string, Phrase[]>([['', list.filter((p) => p.text.length === width)]]);
    for (const s of seconds) cut.set(s, list.filter((p) => p.text.length === width || p.text[width] === s));
    bySecond.set(c, cut);
  }
  return { byFirst, bySecond, values, hasSuffix: keys.some((k) => k.startsWith('*') && k.length > 1) };
}

/** The phrases that can match `lower` at i, whose first code point is `cp` (its width `width`), in order. */
function candidatesAt(m: PhraseMatcher, lower: string, i: number, cp: number, width: number): Phrase[] | undefined {
  const cut = m.bySecond.get(cp);
  if (!cut) return undefined;
  const next = lower[i + width];
  if (next === undefined) return cut.get('');
  return cut.get(SPACE_CHAR.test(next) ? ' ' : next) ?? cut.get('');
}

export interface PhraseHit { start: number; end: number; text: string; value: string }

const isWordAt = (s: string, i: number): boolean => {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  // ASCII, most of what is read, without building a string for the expression.
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return isWordPart(String.fromCodePoint(s.codePointAt(i)!));
};
/** The code point that ends just before i (a surrogate pair counts as one), as the expression's look-behind saw it. */
const isWordBefore = (s: string, i: number): boolean => {
  if (i <= 0) return false;
  const lo = s.charCodeAt(i - 1);
  const pair = lo >= 0xdc00 && lo <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff;
  return isWordAt(s, pair ? i - 2 : i - 1);
};

/** Where phrase p ends if it matches `lower` (the text lower-cased, same length) at i; -1 otherwise. */
function matchAt(lower: string, i: number, p: Phrase): number {
  let j = i;
  for (let k = 0; k < p.text.length; k++) {
    const c = p.text[k]!;
    if (c === ' ') {
      if (j >= lower.length || !SPACE_CHAR.test(lower[j]!)) return -1;
      while (j < lower.length && SPACE_CHAR.test(lower[j]!)) j++;
    } else {
      if (lower[j] !== c) return -1;
      j++;
    }
  }
  return j;
}

/** Lower-cases text without changing its length: a character whose lower case is longer ("İ") is kept as it is. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) { const l = ch.toLowerCase(); out += l.length === ch.length ? l : ch; }
  return out;
}

// Every matcher of a claim (events, modality, negators, …) reads the same sentence: lower-case it once, and find
// once where words start (a position not preceded by a letter, digit or mark).
let lastSlice = '';
let lastLower = '';
let lastStarts: number[] = [];

function wordStarts(slice: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) { const h = slice.charCodeAt(i - 1); if (h >= 0xd800 && h <= 0xdbff) continue; }
    if (!isWordBefore(slice, i)) starts.push(i);
  }
  return starts;
}

/** All non-overlapping hits of the matcher in text[start, end), with absolute offsets, leftmost first. */
export function findPhrases(m: PhraseMatcher, text: string, start: number, end: number): PhraseHit[] {
  const slice = text.slice(start, end);
  if (slice !== lastSlice) { lastSlice = slice; lastLower = lowerSameLength(slice); lastStarts = wordStarts(slice); }
  const lower = lastLower;
  const out: PhraseHit[] = [];
  if (!m.hasSuffix) {
    // Every phrase needs a word boundary before it: only word starts are tried.
    let from = 0;
    for (const i of lastStarts) {
      if (i < from) continue;
      const cp = lower.codePointAt(i)!;
      const candidates = candidatesAt(m, lower, i, cp, cp > 0xffff ? 2 : 1);
      if (!candidates) continue;
      for (const p of candidates) {
        const e = matchAt(lower, i, p);
        if (e >= 0 && (p.open || !isWordAt(slice, e))) {
          const t = slice.slice(i, e);
          const key = t.toLowerCase().replace(/\s+/g, ' ');
          out.push({ start: start + i, end: start + e, text: t, value: m.values.get(key) ?? key });
          from = e;
          break;
        }
      }
    }
    return out;
  }
  for (let i = 0; i < slice.length; ) {
    const cp = lower.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const candidates = m.byFirst.get(cp);
    let to = -1;
    if (candidates) {
      const boundaryBefore = !isWordBefore(slice, i);
      for (const p of candidates) {
        if (!p.suffix && !boundaryBefore) continue;
        const e = matchAt(lower, i, p);
        if (e >= 0 && (p.open || !isWordAt(slice, e))) { to = e; break; }
      }
    }
    if (to > i) {
      const t = slice.slice(i, to);
      const key = t.toLowerCase().replace(/\s+/g, ' ');
      out.push({ start: start + i, end: start + to, text: t, value: m.values.get(key) ?? key });
      i = to;
    } else i += width;
  }
  return out;
}

/** Phrases with gaps ("не составило … труда"): each a list of parts, found with one matcher of every part. */
export interface GappedMatcher {
  parts: PhraseMatcher;
  phrases: string[][];
}

/** How many words a gap ("…") may hold. */
const GAP_WORDS = 4;
/** A gap: up to GAP_WORDS words of one clause (no punctuation but hyphens and apostrophes). */
const GAP = new RegExp(`^[\\s\\u00a0]+(?:[\\p{L}\\p{M}\\p{N}'’-]+[\\s\\u00a0]+){0,${GAP_WORDS}}$`, 'u');

/** Compiles the entries written with " … " (a gap of up to four words); entries without one are left to compilePhrases. */
export function compileGapped(entries: string[]): GappedMatcher {
  const phrases = entries.filter((e) => e.includes('…')).map((e) => e.split('…').map((x) => x.normalize('NFC').toLowerCase().trim()).filter(Boolean));
  return { parts: compilePhrases([...new Set(phrases.flat())].map((x) => [x, x])), phrases: phrases.filter((p) => p.length > 1) };
}

/** Where each gapped phrase occurs in text[start, end): from its first part to its last, its parts in order, each gap a few words. */
export function findGapped(m: GappedMatcher, text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  if (m.phrases.length === 0) return [];
  const hits = findPhrases(m.parts, text, start, end);
  const out: { start: number; end: number; text: string }[] = [];
  for (const phrase of m.phrases) {
    for (let i = 0; i < hits.length; i++) {
      if (hits[i]!.value !== phrase[0]) continue;
      let last = hits[i]!;
      let k = 1;
      for (let j = i + 1; j < hits.length && k < phrase.length; j++) {
        if (!GAP.test(text.slice(last.end, hits[j]!.start))) break;
        if (hits[j]!.value === phrase[k]) { last = hits[j]!; k++; }
      }
      if (k === phrase.length) out.push({ start: hits[i]!.start, end: last.end, text: text.slice(hits[i]!.start, last.end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
