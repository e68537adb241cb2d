import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import type { LangPack } from '../../lang/pack.js';

/** How far after a negator (in characters) the negated verb may stand. */
const WINDOW = 40;
const auxiliarySets = new WeakMap<LangPack, Set<string>>();
/** The pack's auxiliaries (lower case): words that follow a negator without being what it negates. */
function auxiliaries(pack: LangPack): Set<string> {
  let set = auxiliarySets.get(pack);
  if (!set) auxiliarySets.set(pack, (set = new Set(pack.auxiliaries.map((w) => w.toLowerCase()))));
  return set;
}

interface Params {
  /** "modality": could/may on one side, will/is on the other; "negation": one side negated, the other not. */
  marker: 'modality' | 'negation';
  /** Minimum alignment score: markers are only compared in sentences that clearly say the same thing. */
  minScore: number;
  /**
   * Compare only versions in different languages. Within one language, edits are the edit rules' business, and
   * independently written sentences express certainty and negation too freely to compare marker by marker.
   */
  crossLanguageOnly?: boolean;
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
    properties: { marker: { enum: ['modality', 'negation'] }, minScore: { type: 'number', minimum: 0, maximum: 1 }, crossLanguageOnly: { type: 'boolean' } },
    required: ['marker', 'minScore'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    if (p.crossLanguageOnly && ctx.a.source.lang === ctx.b.source.lang) return out;
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
        const aNeg = na.length % 2 === 1;
        const [negSide, plainSide, negClaims, plainClaims] = aNeg ? [ctx.a, ctx.b, lc.a, lc.b] : [ctx.b, ctx.a, lc.b, lc.a];
        // The negator must bear on something the other version also says: an event or modal of the same class
        // right after it ("not ruled out listing" / "loại trừ ... niêm yết"), or, in one language, the same word.
        // Translators render "impractical" as "không thực tế" and "lack" as "không có": that is not a flip.
        const sameLang = ctx.a.source.lang === ctx.b.source.lang;
        const neg = (aNeg ? na : nb).find((x) => {
          const windowEnd = x.end + WINDOW;
          const classes = new Set([
            ...negClaims.flatMap((c) => c.events).filter((e) => e.start >= x.end && e.start <= windowEnd).map((e) => `e:${e.cls}`),
            ...negClaims.flatMap((c) => c.modality).filter((m) => m.start >= x.end && m.start <= windowEnd).map((m) => `m:${m.level}`),
          ]);
          const other = new Set([...plainClaims.flatMap((c) => c.events).map((e) => `e:${e.cls}`), ...plainClaims.flatMap((c) => c.modality).map((m) => `m:${m.level}`)]);
          if ([...classes].some((k) => other.has(k))) return true;
          if (!sameLang) return false;
          const after = negSide.source.text.slice(x.end, windowEnd).toLowerCase().match(/\p{L}{4,}/gu) ?? [];
          const plain = plainSide.source.text.slice(plainClaims[0]!.start, plainClaims[plainClaims.length - 1]!.end).toLowerCase();
          const aux = auxiliaries(ctx.knowledge.pack(negSide.source.lang));
          return after.some((w) => !aux.has(w) && plain.includes(w.slice(0, Math.max(4, Math.min(6, w.length - 2)))));
        });
        if (!neg) continue;
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
        // "Cannot" is neither a hedge nor a prediction, and a translation may turn "without trust there will be no
        // confidence" into "if we cannot trust…": such pairs are not compared.
        if (ma.some((m) => m.level === 'impossible') || mb.some((m) => m.level === 'impossible')) continue;
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
