import levenshtein from 'fast-levenshtein';
import type { EntityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind } from '../types.js';
import { loc } from '../util.js';

interface Params {
  minLength: number;
  maxDistance: number;
}

/**
 * One article spelling one name two ways ("Hanwha" and "Hanwa"): two name tokens a short edit apart, neither
 * an inflection or derivation of the other (no shared stem of all but the last two letters).
 *
 * Two similar names are often two people or places ("Davis" and "Davies", "Jackson" and "Jackman"), so a pair is
 * reported only when it looks like one name misspelled: the two never stand in one sentence, and one of them is a
 * one-off (a name the article uses again and again in both spellings is two names). In a language that capitalises
 * its nouns (German: "Leben", "Liebe") a capitalised word is no sign of a name, and nothing is compared.
 */
export const internalContradiction: RuleKind<Params> = {
  name: 'internal-contradiction',
  scope: 'source',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { minLength: { type: 'integer', minimum: 3 }, maxDistance: { type: 'integer', minimum: 1, maximum: 3 } },
    required: ['minLength', 'maxDistance'],
  },
  checkSource(ctx, p) {
    const src = ctx.source;
    if (ctx.knowledge.pack(src.source.lang).capitalisesNouns) return [];
    const first = new Map<string, EntityMention>();
    const count = new Map<string, number>();
    const sentencesOf = new Map<string, Set<string>>();
    for (const c of src.claims) for (const e of c.entities) {
      if (e.alias) continue;
      // Each word of a name on its own: "Hanwha Ocean" and "Hanwa" share the company's name.
      const words = [...e.text.matchAll(/[^\s\u00a0]+/gu)];
      if (words.length !== e.tokens.length) continue;
      e.tokens.forEach((t, k) => {
        if (t.length < p.minLength) return;
        count.set(t, (count.get(t) ?? 0) + 1);
        (sentencesOf.get(t) ?? sentencesOf.set(t, new Set()).get(t)!).add(c.sentenceId);
        if (first.has(t)) return;
        const w = words[k]!;
        const start = e.start + (w.index ?? 0);
        first.set(t, { ...e, start, end: start + w[0].length, text: w[0], tokens: [t], key: t });
      });
    }
    const toks = [...first.keys()].sort();
    const out: RawFinding[] = [];
    for (let i = 0; i < toks.length; i++) for (let j = i + 1; j < toks.length; j++) {
      const x = toks[i]!;
      const y = toks[j]!;
      if (Math.abs(x.length - y.length) > p.maxDistance) continue;
      // "Russia" / "Russian", "Emmy" / "Emmys": one is the other with an ending.
      if (x.startsWith(y) || y.startsWith(x)) continue;
      if (x[0] !== y[0]) continue;
      // Distance on the words as written: folding makes Vietnamese syllables ("Thống", "Thượng") one letter apart.
      const d = levenshtein.get(first.get(x)!.text.normalize('NFC').toLowerCase(), first.get(y)!.text.normalize('NFC').toLowerCase());
      if (d < 1 || d > p.maxDistance) continue;
      // Named side by side ("Jackson and Jackman"), or each named again and again: two names, not one misspelled.
      const sx = sentencesOf.get(x)!;
      if ([...sentencesOf.get(y)!].some((s) => sx.has(s))) continue;
      if (Math.min(count.get(x)!, count.get(y)!) > 1) continue;
      const ex = first.get(x)!;
      const ey = first.get(y)!;
      const [a, b] = ex.start < ey.start ? [ex, ey] : [ey, ex];
      out.push({ locations: [loc(src.source.text, a), loc(src.source.text, b)], vars: { a: a.text, b: b.text } });
    }
    return out;
  },
};
