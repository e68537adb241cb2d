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
      if (e.alias || e.tokens.length !== 1) continue;
      const t = e.tokens[0]!;
      if (t.length >= p.minLength && !first.has(t)) first.set(t, e);
    }
    const toks = [...first.keys()].sort();
    const out: RawFinding[] = [];
    for (let i = 0; i < toks.length; i++) for (let j = i + 1; j < toks.length; j++) {
      const x = toks[i]!;
      const y = toks[j]!;
      if (Math.abs(x.length - y.length) > p.maxDistance) continue;
      const stem = Math.min(x.length, y.length) - 2;
      if (x.slice(0, stem) === y.slice(0, stem)) continue;
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
