import type { Category, Severity } from './finding.js';

/** A rule as written in rules/checks/<id>.json (validated by rules/schema/rule.schema.json). */
export interface RuleFile {
  id: string;
  kind: string;
  category: Category;
  severity: Severity;
  message: string;
  description: string;
  /** What it finds, in a line: the "finds" column of the README's rule table. */
  summary: string;
  params?: Record<string, unknown>;
  docs: { what: string; why: string; example: string; instead: string };
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  enabled?: boolean;
  /** Rules that report the same change less specifically: their overlapping findings are left out. */
  supersedes?: string[];
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
  /** In an invalid example: every finding the rule must report, no more, in report order. */
  finds?: ExpectedFinding[];
}

/**
 * A finding an invalid example must produce: its locations' texts in order, each prefixed with the text it is in
 * ("a: Paris", "b: London", "o0: …" for the first of `others`), and, where given, its whole message.
 */
export interface ExpectedFinding {
  spans: string[];
  message?: string;
}

/** A rule file as loaded: validated, its params checked against its kind's schema, config overrides applied. */
export interface LoadedRule extends RuleFile {
  file: string;
  params: Record<string, unknown>;
}
