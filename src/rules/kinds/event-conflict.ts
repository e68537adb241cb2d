import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  conflicts: [string, string][];
}

/** Aligned sentences whose event verbs belong to conflicting classes: bought vs invested, leased vs sold, held vs failed. */
export const eventConflict: RuleKind<Params> = {
  name: 'event-conflict',
  scope: 'pair',
  vars: ['a', 'b', 'classA', 'classB'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { conflicts: { description: 'Pairs of event classes that cannot describe the same fact: [["acquire","invest"], ["lease","acquire"], …].', type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } } },
    required: ['conflicts'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    const conflict = new Set(p.conflicts.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]));
    for (const lc of linkedClaims(ctx)) {
      const ea = lc.a.flatMap((c) => c.events);
      const eb = lc.b.flatMap((c) => c.events);
      const clsA = new Set(ea.map((e) => e.cls));
      const clsB = new Set(eb.map((e) => e.cls));
      let done = false;
      for (const x of ea) {
        if (done || clsB.has(x.cls)) continue;
        const y = eb.find((e) => !clsA.has(e.cls) && conflict.has(`${x.cls}|${e.cls}`));
        if (!y) continue;
        done = true;
        out.push({
          locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
          context: contextOf(ctx, lc),
          vars: { a: x.text, b: y.text, classA: x.cls, classB: y.cls },
        });
      }
    }
    return out;
  },
};
