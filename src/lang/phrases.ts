/** A compiled list of phrases matched case-insensitively on word boundaries in any script. */
export interface PhraseMatcher {
  /** Sticky expressions by the (lower-case) first character of the phrases they match. */
  byFirst: Map<string, RegExp>;
  /** Lower-cased phrase -> value (e.g. an event class). */
  values: Map<string, string>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0)!);

/**
 * Phrases may use "…" or "*" as a gap of up to four words ("không … nữa"): kept simple, only whole phrases here.
 *
 * One alternation of every phrase, tried at every character of every sentence, was the costliest step of claim
 * extraction (hundreds of event verbs per pack). The phrases are grouped by their first character instead, and a
 * sentence position is tried only against the group its character opens, with the same expression shape (longest
 * phrase first, word boundaries, whitespace runs) so the hits are the same.
 */
export function compilePhrases(entries: [string, string][]): PhraseMatcher {
  const values = new Map<string, string>();
  for (const [p, v] of entries) {
    const k = p.normalize('NFC').toLowerCase().trim();
    if (k && !values.has(k)) values.set(k, v);
  }
  // A phrase written with a leading "*" is a suffix ("*n't" matches the end of "weren't"): no word boundary before it.
  const keys = [...values.keys()].sort((a, b) => b.length - a.length);
  const body = (p: string): string => escape(p.replace(/^\*/, '')).replace(/\s+/g, '[\\s\\u00a0]+');
  const groups = new Map<string, { words: string[]; suffixes: string[] }>();
  for (const k of keys) {
    const suffix = k.startsWith('*');
    const bare = suffix ? k.slice(1) : k;
    if (!bare) continue;
    const c = firstChar(bare);
    const g = groups.get(c) ?? groups.set(c, { words: [], suffixes: [] }).get(c)!;
    (suffix ? g.suffixes : g.words).push(body(k));
  }
  const byFirst = new Map<string, RegExp>();
  for (const [c, g] of groups) {
    const parts = [
      ...(g.words.length ? [`(?<![\\p{L}\\p{N}\\p{M}])(?:${g.words.join('|')})`] : []),
      ...(g.suffixes.length ? [`(?:${g.suffixes.join('|')})`] : []),
    ];
    byFirst.set(c, new RegExp(`(?:${parts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'iuy'));
  }
  for (const k of keys.filter((x) => x.startsWith('*'))) values.set(k.slice(1), values.get(k)!);
  return { byFirst, values };
}

export interface PhraseHit { start: number; end: number; text: string; value: string }

/** All non-overlapping hits of the matcher in text[start, end), with absolute offsets, leftmost first. */
export function findPhrases(m: PhraseMatcher, text: string, start: number, end: number): PhraseHit[] {
  const slice = text.slice(start, end);
  const out: PhraseHit[] = [];
  for (let i = 0; i < slice.length; ) {
    const cp = slice.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const re = m.byFirst.get(String.fromCodePoint(cp).toLowerCase());
    if (re) {
      re.lastIndex = i;
      const hit = re.exec(slice);
      if (hit && hit[0].length > 0) {
        const t = hit[0];
        const key = t.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
        out.push({ start: start + i, end: start + i + t.length, text: t, value: m.values.get(key) ?? key });
        i += t.length;
        continue;
      }
    }
    i += width;
  }
  return out;
}
