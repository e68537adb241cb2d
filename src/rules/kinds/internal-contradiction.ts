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
 */
export const internalContradiction: RuleKind<Params> = {
  name: 'internal-contradiction',
  scope: 'source',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { minLength: { type: 'integer', minimum: 3 }, maxDistance: { type: 'integer', minimum: 1, maximum: 3 } },
    required: ['minLength', 'maxDistance'],
  },
  checkSource(src, p) {
    const first = new Map<string, EntityMention>();
    for (const c of src.claims) for (const e of c.entities) {
      if (e.alias) continue;
      // Each word of a name on its own: "Hanwha Ocean" and "Hanwa" share the company's name.
      const words = [...e.text.matchAll(/[^\s\u00a0]+/gu)];
      if (words.length !== e.tokens.length) continue;
      e.tokens.forEach((t, k) => {
        if (t.length < p.minLength || first.has(t)) return;
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
      const d = levenshtein.get(x, y);
      if (d < 1 || d > p.maxDistance) continue;
      const ex = first.get(x)!;
      const ey = first.get(y)!;
      const [a, b] = ex.start < ey.start ? [ex, ey] : [ey, ex];
      out.push({ locations: [loc(src.source.text, a), loc(src.source.text, b)], vars: { a: a.text, b: b.text } });
    }
    return out;
  },
};
