import type { Alignment } from './alignment.js';
import type { Finding, Severity, Category } from './finding.js';
import type { Story } from './story.js';
import type { DocumentInfo } from './source.js';
import type { UnitSummary } from './unit.js';

export interface ReportSource {
  id: string;
  path: string;
  lang: string;
  published?: string;
  byline?: string;
  chars: number;
  sentences: number;
  warnings: string[];
  /** For a text extracted from a document or fetched page: what it says about itself (no paragraph map). */
  document?: ReportDocument;
}

/** DocumentInfo without its blocks: format, URL, title, author, the metadata's publication date and its origin, document dates, declared language. */
export type ReportDocument = Omit<DocumentInfo, 'blocks'>;

export interface SkippedInput {
  path: string;
  code: string;
  reason: string;
}

export interface Report {
  tool: { name: 'factlint'; version: string };
  /** Schema version of this report format. */
  schemaVersion: 1;
  sources: ReportSource[];
  stories: Story[];
  findings: Finding[];
  alignments: Alignment[];
  skipped: SkippedInput[];
  summary: {
    findings: number;
    bySeverity: Record<Severity, number>;
    byCategory: Partial<Record<Category, number>>;
  };
  /** A segment file's report (bitext, pairs): how many units were checked; only those with findings are listed. */
  units?: UnitSummary;
}

/** Counts of findings by severity and category: the report's summary, recomputed whenever findings are filtered. */
export function summarize(findings: readonly Finding[]): Report['summary'] {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCategory: Partial<Record<Category, number>> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  }
  return { findings: findings.length, bySeverity, byCategory };
}
