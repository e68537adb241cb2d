import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc, positionallyConfirmed, type LinkedClaims } from '../util.js';
import type { PairContext } from '../types.js';
import type { Claim, ModalityMarker, NegationMarker } from '../../model/claim.js';

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
    const confirmed = positionallyConfirmed(ctx, p.minScore);
    for (const lc of linkedClaims(ctx)) {
      if (lc.link.score < p.minScore && !confirmed.has(lc.link)) continue;
      if (p.marker === 'negation') {
        const f = negationFlip(ctx, lc);
        if (f) out.push(f);
      } else {
        const f = certaintyDrift(ctx, lc);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** Negations of predicates, counted as a reader counts them: concord words that agree with a negator add none. */
const negationsOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => !n.concord && !n.constituent);
/** What may render another version's negation: words that negate by meaning ("unfit", "lack", "отказался")… */
const lexicalOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.lexicalNegations ?? []);
/** …and negators of a word or phrase ("không phù hợp", "не приближаться"). */
const constituentOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => !n.concord && n.constituent === true);

/** How far apart (as a share of each sentence's length) a negation and what accounts for it on the other side may stand. */
const PLACE = 0.5;

/**
 * Polarity of aligned sentences: each negation of a predicate on one side must be matched, at about the same place
 * in the sentence, by a negation on the other side, or by words that negate by meaning there (a translator renders
 * "unfit" as "не годится" and "không có" as "lack"). Words that negate by meaning are first paired with their like
 * on the other side ("had not ruled out" / "đã loại trừ": the "not" is left over). A negation left unmatched on one
 * side only is a flip; unmatched ones on both sides are a rewritten sentence, not a flip. Merged sentences are
 * compared whole.
 */
function negationFlip(ctx: PairContext, lc: LinkedClaims): RawFinding | undefined {
  interface Item { m: NegationMarker; at: number; used: boolean }
  const items = (ms: NegationMarker[], span: { start: number; end: number }): Item[] =>
    ms.map((m) => ({ m, at: ((m.at ?? m.start) - span.start) / Math.max(1, span.end - span.start), used: false }));
  const pa = items(negationsOf(lc.a), lc.link.a);
  const pb = items(negationsOf(lc.b), lc.link.b);
  if (pa.length === 0 && pb.length === 0) return undefined;
  const la = items(lexicalOf(lc.a), lc.link.a);
  const lb = items(lexicalOf(lc.b), lc.link.b);
  const ca = items(constituentOf(lc.a), lc.link.a);
  const cb = items(constituentOf(lc.b), lc.link.b);
  const pairUp = (xs: Item[], ys: Item[]): void => {
    for (const x of xs) {
      if (x.used) continue;
      const y = ys.filter((c) => !c.used && Math.abs(c.at - x.at) <= PLACE).sort((p, q) => Math.abs(p.at - x.at) - Math.abs(q.at - x.at))[0];
      if (y) { x.used = true; y.used = true; }
    }
  };
  pairUp(pa, pb);
  pairUp(la, lb);
  pairUp(pa, cb);
  pairUp(pb, ca);
  pairUp(pa, lb);
  pairUp(pb, la);
  const leftA = pa.filter((x) => !x.used);
  const leftB = pb.filter((x) => !x.used);
  if ((leftA.length > 0) === (leftB.length > 0)) return undefined;
  const aNeg = leftA.length > 0;
  const neg = (aNeg ? leftA : leftB)[0]!.m;
  const plain = aNeg ? lc.link.b : lc.link.a;
  return {
    locations: aNeg
      ? [loc(ctx.a.source.text, neg), loc(ctx.b.source.text, plain)]
      : [loc(ctx.a.source.text, plain), loc(ctx.b.source.text, neg)],
    context: contextOf(ctx, lc),
    vars: { negated: aNeg ? ctx.a.source.id : ctx.b.source.id, affirmed: aNeg ? ctx.b.source.id : ctx.a.source.id, cue: neg.text },
  };
}

/** The certainty scale: a firm future (will, sẽ, будет, wird, the Russian perfective future), an expectation (is
 * expected to, dự kiến, ожидается, soll, probably), a possibility (could, may, có thể, может, könnte, perhaps). */
const LEVEL: Record<string, number> = { future: 3, expected: 2, possible: 1 };

/**
 * Certainty of aligned sentences: each side's level is its most hedged marker ("dự kiến có thể" is a possibility).
 * Two steps apart (a firm future against a possibility) is a change of certainty; one step (will / is expected to,
 * is expected to / may) is how translators routinely render a modal, and is not reported. Sides without a marker,
 * abilities ("can", "kann") and negated possibilities ("cannot") are not compared.
 */
function certaintyDrift(ctx: PairContext, lc: LinkedClaims): RawFinding | undefined {
  const ma = lc.a.flatMap((c) => c.modality);
  const mb = lc.b.flatMap((c) => c.modality);
  // "Cannot" is neither a hedge nor a prediction, and a translation may turn "without trust there will be no
  // confidence" into "if we cannot trust…": such pairs are not compared.
  if (ma.some((m) => m.level === 'impossible') || mb.some((m) => m.level === 'impossible')) return undefined;
  const weakest = (ms: ModalityMarker[]): ModalityMarker | undefined => ms.filter((m) => LEVEL[m.level] !== undefined)
    .sort((x, y) => LEVEL[x.level]! - LEVEL[y.level]! || x.start - y.start)[0];
  const x = weakest(ma);
  const y = weakest(mb);
  if (!x || !y || Math.abs(LEVEL[x.level]! - LEVEL[y.level]!) < 2) return undefined;
  return {
    locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
    context: contextOf(ctx, lc),
    vars: { a: x.text, b: y.text },
  };
}
