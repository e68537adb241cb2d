import type { PairAlignment } from '../pipeline/align.js';
import type { ClaimGroup } from '../model/alignment.js';
import type { Claim } from '../model/claim.js';
import type { Category, Severity } from '../model/finding.js';
import type { Sentence } from '../model/sentence.js';
import type { CleanSource } from '../model/source.js';
import type { Location } from '../model/span.js';
import type { Story } from '../model/story.js';
import type { Knowledge } from '../lang/knowledge.js';

/** A rule as written in rules/checks/<id>.json (validated by rules/schema/rule.schema.json). */
export interface RuleFile {
  id: string;
  kind: string;
  category: Category;
  severity: Severity;
  message: string;
  description: string;
  params?: Record<string, unknown>;
  docs: { what: string; why: string; example: string; instead: string };
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  enabled?: boolean;
}

/** Two short versions of one text, in the given languages, with an optional publication date. */
export interface RuleExample {
  a: string;
  b: string;
  langA?: string;
  langB?: string;
  published?: string;
  /** For story-scope rules: more sources, and whether the first carries a byline. */
  others?: string[];
  relation?: 'versions' | 'coverage';
  /** A byline for version A. */
  bylineA?: string;
  /** Which text is the original. */
  original?: 'a' | 'b';
}

export interface SourceData {
  source: CleanSource;
  sentences: Sentence[];
  claims: Claim[];
  sentenceById: Map<string, Sentence>;
  claimById: Map<string, Claim>;
}

/** What every kind's context carries: the story, and the language packs (never read from a module cache). */
export interface RuleContext {
  story: Story;
  knowledge: Knowledge;
}

export interface PairContext extends RuleContext {
  a: SourceData;
  b: SourceData;
  pair: PairAlignment;
}

export interface SourceContext extends RuleContext {
  source: SourceData;
}

export interface StoryContext extends RuleContext {
  sources: SourceData[];
  /** Every source of the run, and every story: for rules that look for support anywhere in the set. */
  all: SourceData[];
  stories: Story[];
  pairs: PairAlignment[];
  groups: ClaimGroup[];
}

/** What a kind reports; the engine adds rule id, category, severity and the message from the template. */
export interface RawFinding {
  locations: Location[];
  vars: Record<string, string>;
  /** Overrides the rule's severity for this finding (e.g. an omission without numbers becomes info). */
  severity?: Severity;
  /** Whole sentences around the locations. */
  context?: Location[];
}

export interface RuleKind<P = Record<string, unknown>> {
  name: string;
  scope: 'pair' | 'source' | 'story';
  /** JSON Schema for the rule file's `params`. */
  paramsSchema: Record<string, unknown>;
  checkPair?(ctx: PairContext, params: P): RawFinding[];
  checkSource?(ctx: SourceContext, params: P): RawFinding[];
  checkStory?(ctx: StoryContext, params: P): RawFinding[];
}
