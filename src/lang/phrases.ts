/** A compiled list of phrases matched case-insensitively on word boundaries in any script. */
export interface PhraseMatcher {
  re: RegExp;
  /** Lower-cased phrase -> value (e.g. an event class). */
  values: Map<string, string>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrases may use "…" or "*" as a gap of up to four words ("không … nữa"): kept simple, only whole phrases here. */
export function compilePhrases(entries: [string, string][]): PhraseMatcher {
  const values = new Map<string, string>();
  for (const [p, v] of entries) {
    const k = p.normalize('NFC').toLowerCase().trim();
    if (k && !values.has(k)) values.set(k, v);
  }
  // A phrase written with a leading "*" is a suffix ("*n't" matches the end of "weren't"): no word boundary before it.
  const keys = [...values.keys()].sort((a, b) => b.length - a.length);
  const body = (p: string): string => escape(p.replace(/^\*/, '')).replace(/\s+/g, '[\\s\\u00a0]+');
  const words = keys.filter((k) => !k.startsWith('*')).map(body);
  const suffixes = keys.filter((k) => k.startsWith('*')).map(body);
  const parts = [
    ...(words.length ? [`(?<![\\p{L}\\p{N}\\p{M}])(?:${words.join('|')})`] : []),
    ...(suffixes.length ? [`(?:${suffixes.join('|')})`] : []),
  ];
  const re = parts.length ? new RegExp(`(?:${parts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu') : /(?!)/gu;
  for (const k of keys.filter((x) => x.startsWith('*'))) values.set(k.slice(1), values.get(k)!);
  return { re, values };
}

export interface PhraseHit { start: number; end: number; text: string; value: string }

/** All non-overlapping hits of the matcher in text[start, end), with absolute offsets. */
export function findPhrases(m: PhraseMatcher, text: string, start: number, end: number): PhraseHit[] {
  const slice = text.slice(start, end);
  const out: PhraseHit[] = [];
  m.re.lastIndex = 0;
  for (const hit of slice.matchAll(m.re)) {
    const t = hit[0];
    const key = t.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
    const s = start + (hit.index ?? 0);
    out.push({ start: s, end: s + t.length, text: t, value: m.values.get(key) ?? key });
  }
  return out;
}
