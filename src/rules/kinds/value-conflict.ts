import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { datesAgree, quantitiesAgree, type Agreement } from '../compare/agree.js';

interface Params {
  /** Which mentions: quantities or dates. */
  mentions: 'quantities' | 'dates';
  /** Skip quantities of these kinds (e.g. durations are handled with dates). */
  skipKinds?: string[];
  /**
   * Between independent reports (not versions of one article), sentences align more loosely: amounts further
   * apart than this factor are taken to be different facts, not one fact reported differently.
   */
  coverageMaxFactor?: number;
}

type M = QuantityMention | DateMention;

/**
 * In aligned sentences, a value on one side with no agreeing value on the other, paired with a value of
 * the same kind that disagrees: "$560 million" vs "650 triệu USD", "September" vs "tháng 7".
 */
export const valueConflict: RuleKind<Params> = {
  name: 'value-conflict',
  scope: 'pair',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      mentions: { enum: ['quantities', 'dates'] },
      skipKinds: { type: 'array', items: { type: 'string' } },
      coverageMaxFactor: { type: 'number', minimum: 1 },
    },
    required: ['mentions'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const agree = (x: M, y: M): Agreement =>
      p.mentions === 'dates' ? datesAgree(x as DateMention, y as DateMention) : quantitiesAgree(x as QuantityMention, y as QuantityMention);
    const pick = (c: { quantities: QuantityMention[]; dates: DateMention[] }): M[] =>
      p.mentions === 'dates' ? c.dates : c.quantities.filter((q) => !(p.skipKinds ?? []).includes(q.kind));
    const seen = new Set<string>();
    const coverage = ctx.story.relation !== 'versions';
    // In independent reports, a value that the other report states anywhere (agreeing) is not in conflict:
    // the aligned sentence is about something else.
    const everywhereA = ctx.a.claims.flatMap(pick);
    const everywhereB = ctx.b.claims.flatMap(pick);
    const sameKind = (x: M, y: M): boolean => x.type !== 'quantity' || y.type !== 'quantity' || (x.kind === y.kind && x.unit === y.unit);
    const agreesSomewhere = (x: M, ys: M[]): boolean => ys.some((y) => { const r = agree(x, y); return sameKind(x, y) && (r === 'same' || r === 'compatible'); });
    const comparable = (x: M, y: M): boolean => {
      if (!coverage || p.mentions === 'dates') return true;
      const q = x as QuantityMention;
      const r = y as QuantityMention;
      const f = Math.max(q.value, r.value) / Math.max(1e-9, Math.min(q.value, r.value));
      return f <= (p.coverageMaxFactor ?? 3);
    };
    for (const lc of linkedClaims(ctx)) {
      const ma = lc.a.flatMap(pick);
      const mb = lc.b.flatMap(pick);
      if (ma.length === 0 || mb.length === 0) continue;
      const ok = (x: M, ys: M[]): boolean => ys.some((y) => { const r = agree(x, y); return r === 'same' || r === 'compatible'; });
      const loneA = ma.filter((x) => !ok(x, mb) && !(coverage && agreesSomewhere(x, everywhereB)));
      const loneB = mb.filter((y) => !ok(y, ma) && !(coverage && agreesSomewhere(y, everywhereA)));
      const usedB = new Set<M>();
      for (const x of loneA) {
        const y = loneB.find((c) => !usedB.has(c) && agree(x, c) === 'different' && comparable(x, c)
          && (!coverage || p.mentions !== 'dates' || (x as DateMention).granularity === (c as DateMention).granularity || (ma.length === 1 && mb.length === 1 && (x as DateMention).granularity !== 'year' && (c as DateMention).granularity !== 'year')));
        if (!y) continue;
        usedB.add(y);
        const key = `${x.start}|${y.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
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
