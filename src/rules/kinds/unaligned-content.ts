import type { Sentence } from '../../model/sentence.js';
import type { Claim } from '../../model/claim.js';
import type { RawFinding, RuleKind } from '../types.js';
import { originalOf } from '../compare/versions.js';
import { baseName, loc, sentenceLoc } from '../util.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  direction: 'omission' | 'addition';
  requireAnchors: boolean;
}

const carries = (c: Claim): boolean => c.quantities.length > 0 || c.dates.length > 0 || c.entities.length > 0 || c.quoted;

/** Runs of consecutive sentences of one version with no counterpart in the other version of the same article. */
export const unalignedContent: RuleKind<Params> = {
  name: 'unaligned-content',
  scope: 'pair',
  vars: ['count', 'sentences', 'have', 'here', 'there'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { direction: { description: '"omission": content of the original missing from the derived version; "addition": the reverse.', enum: ['omission', 'addition'] }, requireAnchors: { description: 'Report only runs that carry at least one number, date, name or quote.', type: 'boolean' } },
    required: ['direction', 'requireAnchors'],
  },
  checkPair(ctx, p) {
    if (ctx.story.relation !== 'versions') return [];
    const [orig, derived] = originalOf(ctx);
    const from = p.direction === 'omission' ? orig : derived;
    const other = p.direction === 'omission' ? derived : orig;
    const unaligned = new Set(from === ctx.a ? ctx.pair.unalignedA : ctx.pair.unalignedB);
    const runs: Sentence[][] = [];
    let run: Sentence[] = [];
    for (const s of from.sentences) {
      if (unaligned.has(s.id) && !s.isTitle) run.push(s);
      else if (run.length) { runs.push(run); run = []; }
    }
    if (run.length) runs.push(run);
    const out: RawFinding[] = [];
    for (const r of runs) {
      const claims = r.map((s) => from.claimById.get(s.id)!).filter(Boolean);
      if (p.requireAnchors && !claims.some(carries)) continue;
      const first = r[0]!;
      const last = r[r.length - 1]!;
      const span = { source: first.source, start: first.start, end: last.end };
      const serious = claims.some((c) => c.quantities.length > 0 || c.quoted);
      out.push({
        locations: [loc(from.source.text, span)],
        context: r.map((s) => sentenceLoc(from, s)),
        vars: {
          count: String(r.length),
          sentences: r.length === 1 ? 'sentence' : 'sentences',
          have: r.length === 1 ? 'has' : 'have',
          here: baseName(from.source.id),
          there: baseName(other.source.id),
        },
        ...(serious ? {} : { severity: 'info' as const }),
      });
    }
    return out;
  },
};
