import { escapeRe } from '../lang/load.js';
import type { QuantityMention } from '../model/mention.js';
import type { Sentence } from '../model/sentence.js';
import type { Location, Span } from '../model/span.js';
import type { PairContext, SourceData } from './types.js';
import type { Alignment } from '../model/alignment.js';
import type { Claim } from '../model/claim.js';

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

export const baseName = (id: string): string => id.slice(id.lastIndexOf('/') + 1);

/**
 * Whether two titles can name the same role: they share a role, or one names a kind of the other's ("minister" and
 * "minister.finance"; "minister.finance" and "minister.health" cannot both be right).
 */
export const rolesAgree = (xs: readonly string[], ys: readonly string[]): boolean =>
  xs.some((x) => ys.some((y) => x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`)));

/** The pack's label nouns as one expression that ends a string ("hiệp", "round", "этап"). */
export const labelWords = (nouns: readonly string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${nouns.length ? nouns.map((n) => escapeRe(n).replace(/ +/g, '\\s+')).join('|') : '(?!)'})[\\s\\u00a0]+$`, 'iu');

/** A bare figure right after a label noun names, it does not count: "hiệp 1" (the first half), "round 2", "этап 3". */
export const isLabel = (text: string, q: QuantityMention, labels: RegExp): boolean =>
  q.kind === 'count' && q.unit === '' && q.approx === 'exact' && /\p{N}/u.test(q.text) && labels.test(text.slice(Math.max(0, q.start - 30), q.start));
