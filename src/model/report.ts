import type { Alignment } from './alignment.js';
import type { Finding, Severity, Category } from './finding.js';
import type { Story } from './story.js';

export interface ReportSource {
  id: string;
  path: string;
  lang: string;
  published?: string;
  byline?: string;
  chars: number;
  sentences: number;
  warnings: string[];
}

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
}
