import type { ClaimGroup } from '../model/alignment.js';
import type { SourceData } from '../model/analysis.js';
import type { Claim } from '../model/claim.js';
import type { LoadedRule } from '../model/rule.js';
import type { Sentence } from '../model/sentence.js';
import type { DocumentInfo } from '../model/source.js';

/** Rule metadata a reporter may show (SARIF tool.driver.rules, HTML rule docs). */
export interface RuleInfo {
  id: string;
  category: string;
  severity: string;
  description: string;
  /** Markdown-ish help: what it finds, why it matters, example, what to write instead. */
  help: string;
}

/**
 * What a reporter may need beyond the Report itself: the texts (for quoting context and side-by-side views),
 * the sentences and claims of each source, claim groups for the corroboration matrix, and the rule set.
 * Reporters never read files; everything arrives here.
 */
export interface RenderContext {
  texts: Record<string, string>;
  sentences: Record<string, Sentence[]>;
  claims: Record<string, Claim[]>;
  claimGroups: ClaimGroup[];
  rules: RuleInfo[];
  /** Base directory against which source paths are shown (SARIF artifact URIs, GitHub annotations). */
  cwd: string;
  /**
   * Sources that are units of a segment file (a bitext file's units, a pairs file's rows), by source id. Their
   * report `path` is that file, which all its units share, and `line` is where the unit's text is in it when the
   * reader knows. Offsets in such a source are into the unit's own text, not the file: reporters point at the
   * file and this line, never at a column.
   */
  units?: Record<string, { line?: number }>;
  /**
   * Sources whose text was extracted from a document (Word, OpenDocument, web page, PDF), by source id: offsets are
   * into the extracted text, so reporters point at the document's paragraph (and the HTML file's line), never at a
   * line and column of the text.
   */
  documents?: Record<string, DocumentInfo>;
  /** github format: whether the CLI writes the job summary ($GITHUB_STEP_SUMMARY) that lists every finding. */
  jobSummary?: boolean;
}

export type Reporter = (report: import('../model/report.js').Report, ctx: RenderContext) => string;

/**
 * A reporter that gives its output in pieces (JSON, SARIF, JUnit: the formats that grow with a translation memory),
 * joined they are what its `Reporter` returns. The CLI writes them as they come, so a large report is never one string.
 */
export type StreamingReporter = (report: import('../model/report.js').Report, ctx: RenderContext) => Iterable<string>;

/** A rule's docs as the help reporters show (SARIF help text, HTML rule docs). */
export const ruleInfo = (r: LoadedRule): RuleInfo => ({
  id: r.id, category: r.category, severity: r.severity, description: r.description,
  help: `${r.docs.what}\n\nWhy it matters: ${r.docs.why}\n\nExample: ${r.docs.example}\n\nWhat to write instead: ${r.docs.instead}`,
});

/** The report stage: what reporters need from a run (texts, sentences, claims, claim groups, rule docs). */
export function renderContext(data: readonly Pick<SourceData, 'source' | 'sentences' | 'claims'>[], claimGroups: ClaimGroup[], rules: readonly LoadedRule[], cwd: string): RenderContext {
  return {
    texts: Object.fromEntries(data.map((d) => [d.source.id, d.source.text])),
    sentences: Object.fromEntries(data.map((d) => [d.source.id, d.sentences])),
    claims: Object.fromEntries(data.map((d) => [d.source.id, d.claims])),
    claimGroups,
    rules: rules.map(ruleInfo),
    cwd,
    // Sources read from documents (.docx, .html, …): where each passage of the text is in the document.
    ...(data.some((d) => d.source.document)
      ? { documents: Object.fromEntries(data.filter((d) => d.source.document).map((d) => [d.source.id, d.source.document!])) }
      : {}),
  };
}
