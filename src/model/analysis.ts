import type { Claim } from './claim.js';
import type { Sentence } from './sentence.js';
import type { CleanSource } from './source.js';

/** One source after the per-source analysis (clean, segment, extract), with lookups by sentence id. */
export interface SourceData {
  source: CleanSource;
  sentences: Sentence[];
  claims: Claim[];
  sentenceById: Map<string, Sentence>;
  claimById: Map<string, Claim>;
}
