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

const linked = new WeakMap<PairContext['pair'], LinkedClaims[]>();
/** The pair's links with their claims: built once per pair, however many rules read them (read-only). */
export function linkedClaims(ctx: PairContext): readonly LinkedClaims[] {
  let out = linked.get(ctx.pair);
  if (!out) {
    out = ctx.pair.links.map((link) => ({
      link,
      a: link.aSentences.map((id) => ctx.a.claimById.get(id)!).filter(Boolean),
      b: link.bSentences.map((id) => ctx.b.claimById.get(id)!).filter(Boolean),
    }));
    linked.set(ctx.pair, out);
  }
  return out;
}

export const contextOf = (ctx: PairContext, l: LinkedClaims): Location[] => [
  ...l.link.aSentences.map((id) => sentenceLoc(ctx.a, ctx.a.sentenceById.get(id)!)),
  ...l.link.bSentences.map((id) => sentenceLoc(ctx.b, ctx.b.sentenceById.get(id)!)),
];

export { baseName } from '../model/source.js';

/**
 * Links whose place in the alignment vouches for them even when their own score is low: a 1-1 link in a run of at
 * most `maxRun` consecutive 1-1 links that leaves no sentence out on either side and is held at both ends by a link
 * scoring at least `minScore` (or by the start or end of both texts). A short sentence with no name or number
 * ("He did not attend.") scores little, but between two aligned neighbours it can only be the other's counterpart.
 */
export function positionallyConfirmed(ctx: PairContext, minScore: number, maxRun = 6): Set<Alignment> {
  const links = ctx.pair.links;
  const idxA = new Map(ctx.a.sentences.map((s, i) => [s.id, i]));
  const idxB = new Map(ctx.b.sentences.map((s, i) => [s.id, i]));
  const range = (l: Alignment) => ({
    a0: Math.min(...l.aSentences.map((id) => idxA.get(id) ?? -1)), a1: Math.max(...l.aSentences.map((id) => idxA.get(id) ?? -1)),
    b0: Math.min(...l.bSentences.map((id) => idxB.get(id) ?? -1)), b1: Math.max(...l.bSentences.map((id) => idxB.get(id) ?? -1)),
  });
  const r = links.map(range);
  const adjacent = (i: number, j: number): boolean => r[j]!.a0 === r[i]!.a1 + 1 && r[j]!.b0 === r[i]!.b1 + 1;
  const oneToOne = (l: Alignment): boolean => l.aSentences.length === 1 && l.bSentences.length === 1;
  const out = new Set<Alignment>();
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    if (l.score >= minScore || !oneToOne(l)) continue;
    // Walk out to the first strong link on each side through weak adjacent 1-1 links.
    let lo = i;
    while (lo > 0 && adjacent(lo - 1, lo) && links[lo - 1]!.score < minScore && oneToOne(links[lo - 1]!)) lo--;
    let hi = i;
    while (hi < links.length - 1 && adjacent(hi, hi + 1) && links[hi + 1]!.score < minScore && oneToOne(links[hi + 1]!)) hi++;
    if (hi - lo + 1 > maxRun) continue;
    const leftHeld = lo === 0 ? r[lo]!.a0 === 0 && r[lo]!.b0 === 0 : adjacent(lo - 1, lo) && links[lo - 1]!.score >= minScore;
    const rightHeld = hi === links.length - 1
      ? r[hi]!.a1 === ctx.a.sentences.length - 1 && r[hi]!.b1 === ctx.b.sentences.length - 1
      : adjacent(hi, hi + 1) && links[hi + 1]!.score >= minScore;
    if (leftHeld && rightHeld) out.add(l);
  }
  return out;
}

/**
 * Links whose paragraphs correspond one to one: every sentence of the link's paragraph in A is linked, and only to
 * sentences of the link's paragraph in B, and the reverse. A translator keeps the paragraphs of the original: within
 * two paragraphs that hold each other's every sentence, a link that scores little (no name or figure in common, names
 * in another script) can only be the other's counterpart.
 */
export function paragraphConfirmed(ctx: PairContext): Set<Alignment> {
  const blockOf = (side: 'a' | 'b', id: string): number => (side === 'a' ? ctx.a : ctx.b).sentenceById.get(id)?.block ?? -1;
  const blocks = (l: Alignment): [Set<number>, Set<number>] => [new Set(l.aSentences.map((id) => blockOf('a', id))), new Set(l.bSentences.map((id) => blockOf('b', id)))];
  // For each paragraph of one side, the paragraphs of the other that its sentences are linked to; -1 when one is left out.
  const partnersA = new Map<number, Set<number>>();
  const partnersB = new Map<number, Set<number>>();
  const add = (m: Map<number, Set<number>>, k: number, v: number): void => { (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v); };
  for (const l of ctx.pair.links) {
    const [ba, bb] = blocks(l);
    for (const x of ba) for (const y of bb) { add(partnersA, x, y); add(partnersB, y, x); }
  }
  for (const id of ctx.pair.unalignedA) add(partnersA, blockOf('a', id), -1);
  for (const id of ctx.pair.unalignedB) add(partnersB, blockOf('b', id), -1);
  const out = new Set<Alignment>();
  for (const l of ctx.pair.links) {
    const [ba, bb] = blocks(l);
    if (ba.size !== 1 || bb.size !== 1) continue;
    const x = [...ba][0]!;
    const y = [...bb][0]!;
    const pa = partnersA.get(x)!;
    const pb = partnersB.get(y)!;
    if (pa.size === 1 && pb.size === 1 && pa.has(y) && pb.has(x)) out.add(l);
  }
  return out;
}

/** One word of a name, with its own folded key and span, and the mention it belongs to. */
export interface NameWord { source: string; start: number; end: number; text: string; key: string; mention: EntityMention; side?: 'a' | 'b' }

/**
 * The words of a name, each with its key ("Hanwha Ocean" -> hanwha, ocean; a compound of names, "Kim-Trump", -> kim,
 * trump); the whole name when they do not line up.
 */
export function nameWords(e: EntityMention): NameWord[] {
  let words = [...e.text.matchAll(/[^\s\u00a0]+/gu)];
  if (words.length !== e.tokens.length) words = [...e.text.matchAll(/[^\s\u00a0\-\u2010\u2011]+/gu)];
  if (words.length !== e.tokens.length) return [{ source: e.source, start: e.start, end: e.end, text: e.text, key: e.key, mention: e }];
  return words.map((w, k) => {
    const start = e.start + (w.index ?? 0);
    return { source: e.source, start, end: start + w[0].length, text: w[0], key: e.tokens[k]!, mention: e };
  });
}
