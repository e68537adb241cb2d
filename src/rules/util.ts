import type { Sentence } from '../model/sentence.js';
import type { Location, Span } from '../model/span.js';
import type { PairContext, SourceData } from './types.js';
import type { Alignment } from '../model/alignment.js';
import type { Claim } from '../model/claim.js';
import type { EntityMention } from '../model/mention.js';

export const loc = (text: string, s: Span): Location => ({ source: s.source, start: s.start, end: s.end, text: text.slice(s.start, s.end) });

export const sentenceLoc = (src: SourceData, s: Sentence): Location => loc(src.source.text, s);

/** For each alignment link of a pair, the claims on each side (merged when a link covers two sentences). */
export interface LinkedClaims {
  link: Alignment;
  a: Claim[];
  b: Claim[];
}

export function linkedClaims(ctx: PairContext): LinkedClaims[] {
  return ctx.pair.links.map((link) => ({
    link,
    a: link.aSentences.map((id) => ctx.a.claimById.get(id)!).filter(Boolean),
    b: link.bSentences.map((id) => ctx.b.claimById.get(id)!).filter(Boolean),
  }));
}

export const contextOf = (ctx: PairContext, l: LinkedClaims): Location[] => [
  ...l.link.aSentences.map((id) => sentenceLoc(ctx.a, ctx.a.sentenceById.get(id)!)),
  ...l.link.bSentences.map((id) => sentenceLoc(ctx.b, ctx.b.sentenceById.get(id)!)),
];

export { baseName } from '../model/source.js';

/** One word of a name, with its own folded key and span, and the mention it belongs to. */
export interface NameWord { source: string; start: number; end: number; text: string; key: string; mention: EntityMention; side?: 'a' | 'b' }

/** The words of a name, each with its key ("Hanwha Ocean" -> hanwha, ocean); the whole name when they do not line up. */
export function nameWords(e: EntityMention): NameWord[] {
  const words = [...e.text.matchAll(/[^\s\u00a0]+/gu)];
  if (words.length !== e.tokens.length) return [{ source: e.source, start: e.start, end: e.end, text: e.text, key: e.key, mention: e }];
  return words.map((w, k) => {
    const start = e.start + (w.index ?? 0);
    return { source: e.source, start, end: start + w[0].length, text: w[0], key: e.tokens[k]!, mention: e };
  });
}
