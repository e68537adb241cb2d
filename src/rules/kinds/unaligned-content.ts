import type { Sentence } from '../../model/sentence.js';
import type { Claim } from '../../model/claim.js';
import type { RawFinding, RuleKind } from '../types.js';
import { originalOf } from '../compare/versions.js';
import { baseName, loc, sentenceLoc } from '../util.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  direction: 'omission' | 'addition';
  requireAnchors: boolean;
  paragraphWords?: number;
}

const carries = (c: Claim): boolean => c.quantities.length > 0 || c.dates.length > 0 || c.entities.length > 0 || c.quoted;

/** Runs of consecutive sentences of one version with no counterpart in the other version of the same article. */
export const unalignedContent: RuleKind<Params> = {
  name: 'unaligned-content',
  scope: 'pair',
  vars: ['count', 'sentences', 'carrying', 'have', 'here', 'there'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      direction: { description: '"omission": content of the original missing from the derived version; "addition": the reverse.', enum: ['omission', 'addition'] },
      requireAnchors: { description: 'Report only runs that carry at least one number, date, name or quote (or, with paragraphWords, whole paragraphs of that many words).', type: 'boolean' },
      paragraphWords: { description: 'A run without anchors that is a whole paragraph (every sentence of its paragraphs) of at least this many words is reported too, as a note: a paragraph dropped or inserted as a whole is a decision worth a look.', type: 'integer', minimum: 1 },
    },
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
    // Sentences per paragraph (block), to tell a run that is whole paragraphs from part of one.
    const perBlock = new Map<number, number>();
    for (const s of from.sentences) if (!s.isTitle) perBlock.set(s.block, (perBlock.get(s.block) ?? 0) + 1);
    const wholeParagraphs = (r: Sentence[]): boolean => {
      const inRun = new Map<number, number>();
      for (const s of r) inRun.set(s.block, (inRun.get(s.block) ?? 0) + 1);
      return [...inRun].every(([b, k]) => perBlock.get(b) === k);
    };
    const words = (r: Sentence[]): number => r.reduce((t, s) => t + s.text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
    for (const r of runs) {
      const claims = r.map((s) => from.claimById.get(s.id)!).filter(Boolean);
      if (p.requireAnchors && !claims.some(carries) && !(p.paragraphWords !== undefined && wholeParagraphs(r) && words(r) >= p.paragraphWords)) continue;
      const first = r[0]!;
      const last = r[r.length - 1]!;
      const span = { source: first.source, start: first.start, end: last.end };
      // Figures, quotes and statements credited to a named speaker ("…," Ferreira told reporters) are what a reader
      // misses most; names alone are context an abridged version may drop.
      const serious = claims.some((c) => c.quantities.length > 0 || c.quoted || (c.attribution?.speaker !== undefined && !c.attribution.anonymous));
      out.push({
        locations: [loc(from.source.text, span)],
        context: r.map((s) => sentenceLoc(from, s)),
        versus: other.source.id,
        vars: {
          count: String(r.length),
          sentences: r.length === 1 ? 'sentence' : 'sentences',
          // A whole paragraph reported without a figure, a name or a quote says so, not that it carries them.
          carrying: claims.some(carries) ? 'with numbers, names or quotes' : r.length === 1 ? 'making a whole paragraph' : 'making whole paragraphs',
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
