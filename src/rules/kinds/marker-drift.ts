import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';

interface Params {
  /** "modality": could/may on one side, will/is on the other; "negation": one side negated, the other not. */
  marker: 'modality' | 'negation';
  /** Minimum alignment score: markers are only compared in sentences that clearly say the same thing. */
  minScore: number;
}

/**
 * Certainty and polarity drift in aligned sentences. Modality: one side hedges ("could", "may", "có thể")
 * where the other asserts or predicts ("will", "sẽ"). Negation: the count of negators differs in parity.
 */
export const markerDrift: RuleKind<Params> = {
  name: 'marker-drift',
  scope: 'pair',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { marker: { enum: ['modality', 'negation'] }, minScore: { type: 'number', minimum: 0, maximum: 1 } },
    required: ['marker', 'minScore'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    for (const lc of linkedClaims(ctx)) {
      if (lc.link.score < p.minScore) continue;
      const sa = lc.link.a;
      const sb = lc.link.b;
      if (p.marker === 'negation') {
        // Polarity is only compared sentence for sentence: merged links mix clauses of different polarity.
        if (lc.a.length !== 1 || lc.b.length !== 1) continue;
        const na = lc.a.flatMap((c) => c.negations);
        const nb = lc.b.flatMap((c) => c.negations);
        if (na.length % 2 === nb.length % 2) continue;
        const neg = na.length > nb.length ? na[0]! : nb[0]!;
        const aNeg = na.length % 2 === 1;
        out.push({
          locations: aNeg
            ? [loc(ctx.a.source.text, neg), loc(ctx.b.source.text, sb)]
            : [loc(ctx.a.source.text, sa), loc(ctx.b.source.text, neg)],
          context: contextOf(ctx, lc),
          vars: { negated: aNeg ? ctx.a.source.id : ctx.b.source.id, affirmed: aNeg ? ctx.b.source.id : ctx.a.source.id, cue: neg.text },
        });
      } else {
        const ma = lc.a.flatMap((c) => c.modality);
        const mb = lc.b.flatMap((c) => c.modality);
        const possA = ma.filter((m) => m.level === 'possible');
        const possB = mb.filter((m) => m.level === 'possible');
        // "Expected to" is a hedge too: only a bare "will" against "could" is a change of certainty.
        const firmA = ma.some((m) => m.level === 'expected') ? [] : ma.filter((m) => m.level === 'future');
        const firmB = mb.some((m) => m.level === 'expected') ? [] : mb.filter((m) => m.level === 'future');
        let x; let y;
        if (possA.length > 0 && possB.length === 0 && firmB.length > 0) { x = possA[0]!; y = firmB[0]!; }
        else if (possB.length > 0 && possA.length === 0 && firmA.length > 0) { x = firmA[0]!; y = possB[0]!; }
        else continue;
        out.push({
          locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
          context: contextOf(ctx, lc),
          vars: { a: x.text, b: y.text },
        });
      }
    }
    return out;
  },
};
