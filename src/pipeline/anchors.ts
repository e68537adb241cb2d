import type { Claim } from '../model/claim.js';
import type { Sentence } from '../model/sentence.js';
import { foldKey } from '../lang/keys.js';

/** Language-independent anchors of a sentence: numbers, dates, names, and (for same-language pairs) content words. */
export interface SentenceAnchors {
  /** Cross-language anchors: "q:4900000000", "y:2019", "ym:2019-06", "e:orlen". */
  strong: string[];
  /** Folded content words of 4+ letters, for pairs in one language and shared Latin tokens across languages. */
  words: string[];
  /** Length in characters, for the length-ratio prior. */
  length: number;
  /** The sentence folded (case, spacing): two identical sentences align whatever their anchors ("5", "Fire burns."). */
  exact: string;
}

const round = (v: number): string => {
  if (!Number.isFinite(v) || v === 0) return String(v);
  const mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
  return String(Math.round(v / mag) * mag);
};

export function sentenceAnchors(s: Sentence, c: Claim): SentenceAnchors {
  const strong = new Set<string>();
  for (const q of c.quantities) {
    if (q.kind === 'count' && q.value < 10 && Number.isInteger(q.value)) continue;
    strong.add(`q:${round(q.value)}`);
    if (q.valueMax !== undefined) strong.add(`q:${round(q.valueMax)}`);
  }
  for (const d of c.dates) {
    if (d.year !== undefined) strong.add(`y:${d.year}`);
    if (d.month !== undefined) strong.add(`m:${d.month}`);
    if (d.day !== undefined && d.month !== undefined) strong.add(`md:${d.month}-${d.day}`);
    if (d.year !== undefined && d.month !== undefined) strong.add(`ym:${d.year}-${d.month}`);
  }
  for (const e of c.entities) {
    strong.add(`e:${e.key}`);
    if (!e.alias) for (const t of e.tokens) if (t.length >= 4) strong.add(`t:${t}`);
  }
  // What happened is language-independent too, once the verb classes have read it ("opposed" / "phản đối").
  for (const e of c.events) strong.add(`v:${e.cls}`);
  const words = new Set<string>();
  for (const m of s.text.matchAll(/[\p{L}\p{M}]{4,}/gu)) {
    const w = foldKey(m[0]);
    if (w.length >= 4) words.add(w.length > 6 ? w.slice(0, 6) : w);
  }
  return { strong: [...strong].sort(), words: [...words].sort(), length: s.end - s.start, exact: s.text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ') };
}
