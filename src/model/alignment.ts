import type { Span } from './span.js';

/** Sentences of two sources that say the same thing (1-1, 1-2, 2-1), with the score that paired them. */
export interface Alignment {
  story: string;
  a: Span;
  b: Span;
  aSentences: string[];
  bSentences: string[];
  score: number;
}

/** Claims in several sources of one story that are about the same fact. */
export interface ClaimGroup {
  story: string;
  /** sentence ids, one or more per source */
  members: { source: string; sentenceId: string }[];
}

/** The sentence alignment of two versions of one story. */
export interface PairAlignment {
  story: string;
  a: string;
  b: string;
  /** Alignment links in document order of `a`. */
  links: Alignment[];
  /** Sentence ids with no counterpart. */
  unalignedA: string[];
  unalignedB: string[];
  /** Share of sentences of the shorter side that found a counterpart with real anchor evidence. */
  coverage: number;
}
