import { describe, expect, it } from 'vitest';
import { paragraphConfirmed } from '../../src/rules/util.js';
import type { PairContext, SourceData } from '../../src/rules/types.js';
import type { Alignment, PairAlignment } from '../../src/model/alignment.js';
import type { Sentence } from '../../src/model/sentence.js';

/** A source whose sentence i stands in paragraph blocks[i]. */
function source(id: string, blocks: number[]): SourceData {
  const sentences: Sentence[] = blocks.map((block, index) => ({ source: id, start: index * 10, end: index * 10 + 9, id: `${id}#${index}`, index, block, isTitle: false, text: 'x' }));
  return { source: { id } as SourceData['source'], sentences, claims: [], sentenceById: new Map(sentences.map((s) => [s.id, s])), claimById: new Map() };
}
const link = (a: number[], b: number[], score = 0.1): Alignment => ({
  story: 's', a: { source: 'a', start: 0, end: 1 }, b: { source: 'b', start: 0, end: 1 },
  aSentences: a.map((i) => `a#${i}`), bSentences: b.map((i) => `b#${i}`), score,
});
function confirmed(blocksA: number[], blocksB: number[], links: Alignment[], unalignedA: number[] = [], unalignedB: number[] = []): number[] {
  const pair: PairAlignment = { story: 's', a: 'a', b: 'b', links, unalignedA: unalignedA.map((i) => `a#${i}`), unalignedB: unalignedB.map((i) => `b#${i}`), coverage: 1 };
  const ctx = { a: source('a', blocksA), b: source('b', blocksB), pair } as unknown as PairContext;
  const out = paragraphConfirmed(ctx);
  return links.flatMap((l, i) => (out.has(l) ? [i] : []));
}

describe('paragraphConfirmed: links within two paragraphs that hold each other\'s every sentence', () => {
  it('confirms 1-1 and merged links of paragraphs that correspond one to one', () => {
    // Paragraph 0: one sentence each; paragraph 1: two sentences of A joined into one of B.
    expect(confirmed([0, 1, 1], [0, 1], [link([0], [0]), link([1, 2], [1])])).toEqual([0, 1]);
  });
  it('not when a sentence of either paragraph is left unaligned (something was added or dropped there)', () => {
    expect(confirmed([0, 1, 1], [0, 1], [link([0], [0]), link([1], [1])], [2])).toEqual([0]);
    expect(confirmed([0, 1], [0, 1, 1], [link([0], [0]), link([1], [2])], [], [1])).toEqual([0]);
  });
  it('not when a paragraph\'s sentences are linked into two paragraphs of the other side', () => {
    expect(confirmed([0, 1, 1], [0, 1, 2], [link([0], [0]), link([1], [1]), link([2], [2])])).toEqual([0]);
  });
  it('not a link that joins sentences of two paragraphs', () => {
    expect(confirmed([0, 1], [0], [link([0, 1], [0])])).toEqual([]);
  });
});
