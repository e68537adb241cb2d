import type { EntityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind, SourceData } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { near } from '../compare/names.js';

interface Params {
  /** Report a named speaker on one side with no attribution at all on the other. */
  dropped: boolean;
}

/**
 * A speaker worth comparing: a person's name, i.e. two or more words ("Anna Berg"), or one word that the
 * same article also gives as the last word of a longer name ("Berg" after "Sheriff Anna Berg").
 */
const speakerLike = (e: EntityMention, src: SourceData): boolean => {
  if (e.alias || e.tokens.join('').length < 4) return false;
  if (e.tokens.length >= 2) return true;
  const t = e.tokens[0]!;
  return src.claims.some((c) => c.entities.some((x) => x.tokens.length >= 2 && x.tokens[x.tokens.length - 1] === t));
};

/** Aligned sentences credited to different speakers, or credited on one side only. */
export const attributionConflict: RuleKind<Params> = {
  name: 'attribution-conflict',
  scope: 'pair',
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { dropped: { type: 'boolean' } },
    required: ['dropped'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    for (const lc of linkedClaims(ctx)) {
      const aa = lc.a.map((c) => c.attribution).find((x) => x);
      const ab = lc.b.map((c) => c.attribution).find((x) => x);
      if (aa?.speakerSpan && ab?.speakerSpan) {
        const ka = lc.a.flatMap((c) => c.entities).find((e) => e.start === aa.speakerSpan!.start);
        const kb = lc.b.flatMap((c) => c.entities).find((e) => e.start === ab.speakerSpan!.start);
        // Only people and organisations named in the text: a country or capital next to "said" is a subject, not a speaker.
        if (!ka || !kb || !speakerLike(ka, ctx.a) || !speakerLike(kb, ctx.b)) continue;
        // The same person may be named in full on one side and by surname on the other.
        const match = ka.tokens.some((t) => kb.tokens.some((u) => near(t, u))) || ka.key === kb.key;
        if (match) continue;
        // Only when the other side does not mention this speaker anywhere in the linked sentences.
        const namesB = lc.b.flatMap((c) => c.entities.flatMap((e) => e.tokens));
        if (ka.tokens.some((t) => namesB.some((u) => near(t, u)))) continue;
        out.push({
          locations: [loc(ctx.a.source.text, aa.speakerSpan), loc(ctx.b.source.text, ab.speakerSpan)],
          context: contextOf(ctx, lc),
          vars: { a: aa.speaker ?? '', b: ab.speaker ?? '', how: 'credited to a different speaker' },
        });
      } else if (p.dropped && ctx.story.relation === 'versions' && lc.link.score >= 0.3) {
        const one = aa?.speakerSpan && !ab ? { at: aa, side: 'a' as const } : ab?.speakerSpan && !aa ? { at: ab, side: 'b' as const } : undefined;
        if (!one) continue;
        const quoted = (one.side === 'a' ? lc.b : lc.a).some((c) => c.quoted);
        if (quoted) continue;
        const named = (one.side === 'a' ? lc.a : lc.b).flatMap((c) => c.entities).find((e) => e.start === one.at.speakerSpan!.start);
        if (!named || !speakerLike(named, one.side === 'a' ? ctx.a : ctx.b)) continue;
        // Translations often move the attribution to the next sentence: look two sentences either side.
        const otherSide = one.side === 'a' ? ctx.b : ctx.a;
        const ids = one.side === 'a' ? lc.link.bSentences : lc.link.aSentences;
        const first = otherSide.sentenceById.get(ids[0]!)!.index;
        const last = otherSide.sentenceById.get(ids[ids.length - 1]!)!.index;
        const near = otherSide.claims.slice(Math.max(0, first - 2), last + 3).flatMap((c) => c.entities.flatMap((e) => e.tokens));
        if (named.tokens.some((t) => near.includes(t))) continue;
        const other = one.side === 'a' ? lc.link.b : lc.link.a;
        const here = loc((one.side === 'a' ? ctx.a : ctx.b).source.text, one.at.speakerSpan!);
        const there = loc((one.side === 'a' ? ctx.b : ctx.a).source.text, other);
        out.push({
          locations: one.side === 'a' ? [here, there] : [there, here],
          context: contextOf(ctx, lc),
          vars: { a: one.at.speaker ?? '', b: '(no attribution)', how: 'attribution dropped' },
        });
      }
    }
    return out;
  },
};
