import type { PairContext, SourceData } from '../types.js';

/**
 * Which side of a pair of versions is the original: the one published first, else the longer one.
 * Returns [original, derived].
 */
export function originalOf(ctx: PairContext): [SourceData, SourceData] {
  if (ctx.story.original === ctx.a.source.id) return [ctx.a, ctx.b];
  if (ctx.story.original === ctx.b.source.id) return [ctx.b, ctx.a];
  const pa = ctx.a.source.published;
  const pb = ctx.b.source.published;
  if (pa && pb && pa !== pb) return pa < pb ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
  const ta = ctx.a.source.publishedAt ? Date.parse(ctx.a.source.publishedAt) : NaN;
  const tb = ctx.b.source.publishedAt ? Date.parse(ctx.b.source.publishedAt) : NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta < tb ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
  return ctx.a.sentences.length >= ctx.b.sentences.length ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
}
