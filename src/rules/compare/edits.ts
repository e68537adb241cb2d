import type { LangPack } from '../../lang/pack.js';
import { shortFormOf } from './names.js';

/**
 * Word-level comparison of two versions of a sentence in one language: tokens, a longest-common-subsequence diff into
 * regions of change, and whether two words are one word spelled, inflected or abbreviated differently.
 */

export interface Tok { start: number; end: number; text: string; low: string }

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.,][\p{L}\p{M}\p{N}]+)*/gu;

export function tokens(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  for (const m of text.slice(start, end).matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    out.push({ start: s, end: s + m[0].length, text: m[0], low: m[0].toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

export interface Region { a: Tok[]; b: Tok[] }

/** Longest-common-subsequence diff of two token lists into regions of change. */
export function diffRegions(x: Tok[], y: Tok[]): Region[] {
  const n = x.length;
  const m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    L[i]![j] = x[i]!.low === y[j]!.low ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  }
  const regions: Region[] = [];
  let cur: Region = { a: [], b: [] };
  let i = 0;
  let j = 0;
  const flush = (): void => { if (cur.a.length || cur.b.length) regions.push(cur); cur = { a: [], b: [] }; };
  while (i < n || j < m) {
    if (i < n && j < m && x[i]!.low === y[j]!.low) { flush(); i++; j++; }
    else if (j < m && (i >= n || L[i]![j + 1]! >= L[i + 1]![j]!)) cur.b.push(y[j++]!);
    else cur.a.push(x[i++]!);
  }
  flush();
  return regions;
}

/** Optimal-string-alignment distance: like Levenshtein, but a swap of two neighbours ("nkwo" / "know") costs 1. */
export function osaDistance(x: string, y: string): number {
  const n = x.length;
  const m = y.length;
  const d = Array.from({ length: n + 1 }, (_, i) => { const r = new Array<number>(m + 1).fill(0); r[0] = i; return r; });
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    const cost = x[i - 1] === y[j - 1] ? 0 : 1;
    let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
    d[i]![j] = v;
  }
  return d[n]![m]!;
}

/** What a language says about its words, for telling an edit from a spelling (from the pack of the pair's language). */
export interface Lexicon {
  /** Function words (lower case): inserting or dropping one changes no fact. */
  functionWords: ReadonlySet<string>;
  /** Function words and stop words (lower case): a one-word substitution involving one is a rephrasing. */
  light: ReadonlySet<string>;
  /** Word-forming prefixes: swapping one for another makes another word, often the opposite. */
  prefixes: ReadonlySet<string>;
  /** Words initials leave out ("of", "and"). */
  notInInitials: ReadonlySet<string>;
}

const lexicons = new WeakMap<LangPack, Lexicon>();
export function lexiconOf(pack: LangPack): Lexicon {
  let lx = lexicons.get(pack);
  if (!lx) {
    const functionWords = new Set(pack.functionWords.map((w) => w.toLowerCase()));
    lx = {
      functionWords,
      light: new Set([...functionWords, ...pack.stopwords.map((w) => w.toLowerCase())]),
      prefixes: new Set(pack.wordPrefixes.map((w) => w.toLowerCase())),
      notInInitials: new Set(pack.notInInitials.map((w) => w.toLowerCase())),
    };
    lexicons.set(pack, lx);
  }
  return lx;
}

/** A misspelling, an inflection or an abbreviation of the same word: not a change of meaning. */
export function spellingVariant(x: string, y: string, maxDistance: number, lx: Lexicon): boolean {
  if (x === y) return true;
  // Different word-forming prefixes on one stem are different words ("increased" / "decreased", "import" /
  // "export"); a typo in the first letters ("ocuntry", "vetween") is not.
  let k = 0;
  while (k < Math.min(x.length, y.length) && x[x.length - 1 - k] === y[y.length - 1 - k]) k++;
  const px = x.slice(0, x.length - k);
  const py = y.slice(0, y.length - k);
  // A bare stem has the empty prefix ("port" / "export").
  const prefix = (p: string): boolean => p === '' || lx.prefixes.has(p);
  if (k >= 4 && px !== py && prefix(px) && prefix(py)) return false;
  const dist = osaDistance(x, y);
  if (dist <= maxDistance) return true;
  if (Math.min(x.length, y.length) >= 6 && dist / Math.max(x.length, y.length) <= 0.34) return true;
  const stem = (w: string): string => w.slice(0, Math.max(4, w.length - 3));
  if (x.startsWith(stem(y)) || y.startsWith(stem(x))) return true;
  // Short inflected forms: "try" / "tries", "go" / "goes".
  if (Math.min(x.length, y.length) >= 2 && x.slice(0, 2) === y.slice(0, 2) && Math.abs(x.length - y.length) <= 2 && dist <= 2 + Math.abs(x.length - y.length)) return true;
  return shortFormOf(x.replace(/[.\s]/g, ''), y, lx.notInInitials) || shortFormOf(y.replace(/[.\s]/g, ''), x, lx.notInInitials);
}

/** Are two spans near-identical sentences (at most a quarter of their words differ)? */
export function isEdit(textA: string, a: { start: number; end: number }, textB: string, b: { start: number; end: number }, share = 0.25): boolean {
  const ta = tokens(textA, a.start, a.end);
  const tb = tokens(textB, b.start, b.end);
  if (ta.length === 0 || tb.length === 0) return false;
  const changed = diffRegions(ta, tb).reduce((s, r) => s + Math.max(r.a.length, r.b.length), 0);
  return changed / Math.max(ta.length, tb.length) <= share;
}
