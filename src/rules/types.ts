import type { ClaimGroup, PairAlignment } from '../model/alignment.js';
import type { SourceData } from '../model/analysis.js';
import type { Severity } from '../model/finding.js';
import type { Location } from '../model/span.js';
import type { Story } from '../model/story.js';
import type { Knowledge } from '../lang/knowledge.js';

export type { SourceData } from '../model/analysis.js';
export type { RuleExample, RuleFile } from '../model/rule.js';

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
  /** The story's original, when the story has one and it is another source than this one. */
  original?: SourceData;
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
  /** The other version of the pair, for a finding located in one version only. */
  versus?: string;
}

/** The message variables the engine fills for every finding (the ids of the pair's sources), whatever the kind. */
export const ENGINE_VARS = ['sourceA', 'sourceB'] as const;

/** The {placeholders} of a message template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

export interface RuleKind<P = Record<string, unknown>> {
  name: string;
  scope: 'pair' | 'source' | 'story';
  /**
   * The message variables its findings fill (RawFinding.vars), besides sourceA and sourceB, which the engine fills:
   * a rule's message may use only these (test/rules/meta.test.ts checks both).
   */
  vars: readonly string[];
  /** JSON Schema for the rule file's `params`. */
  paramsSchema: Record<string, unknown>;
  checkPair?(ctx: PairContext, params: P): RawFinding[];
  checkSource?(ctx: SourceContext, params: P): RawFinding[];
  checkStory?(ctx: StoryContext, params: P): RawFinding[];
}
