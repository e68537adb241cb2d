import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { datesAgree, quantitiesAgree, type Agreement } from '../../pipeline/extract/agree.js';

interface Params {
  /** Which mentions: quantities or dates. */
  mentions: 'quantities' | 'dates';
  /** Skip quantities of these kinds (e.g. durations are handled with dates). */
  skipKinds?: string[];
}

type M = QuantityMention | DateMention;

/**
 * In aligned sentences, a value on one side with no agreeing value on the other, paired with a value of
 * the same kind that disagrees: "$420 million" vs "240 triệu USD", "September" vs "tháng 7".
 */
export const valueConflict: RuleKind<Params> = {
  name: 'value-conflict',
  scope: 'pair',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      mentions: { enum: ['quantities', 'dates'] },
      skipKinds: { type: 'array', items: { type: 'string' } },
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
    for (const lc of linkedClaims(ctx)) {
      const ma = lc.a.flatMap(pick);
      const mb = lc.b.flatMap(pick);
      if (ma.length === 0 || mb.length === 0) continue;
      const ok = (x: M, ys: M[]): boolean => ys.some((y) => { const r = agree(x, y); return r === 'same' || r === 'compatible'; });
      const loneA = ma.filter((x) => !ok(x, mb));
      const loneB = mb.filter((y) => !ok(y, ma));
      const usedB = new Set<M>();
      for (const x of loneA) {
        const y = loneB.find((c) => !usedB.has(c) && agree(x, c) === 'different');
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
