import type { Report, ReportSource, SkippedInput } from '../model/report.js';
import type { Source } from '../model/source.js';
import type { Story } from '../model/story.js';
import type { Finding, Severity, Category } from '../model/finding.js';
import type { SourceData } from '../rules/types.js';
import type { LoadedRule } from '../rules/load.js';
import type { RenderContext } from '../report/context.js';
import { clean, type CleanContext } from './clean.js';
import { segment } from './segment.js';
import { extract } from './extract/index.js';
import { cluster, type ClusterOptions } from './cluster.js';
import { align } from './align.js';
import { evaluate } from './evaluate.js';
import { VERSION } from '../version.js';

export interface RunOptions {
  rules: LoadedRule[];
  clean?: CleanContext;
  cluster?: ClusterOptions;
  /** Story relation declared per story key (pairs mode, manifests). */
  declaredRelation?: Record<string, Story['relation']>;
  skipped?: SkippedInput[];
  cwd?: string;
}

export interface RunResult {
  report: Report;
  context: RenderContext;
}

/** Analyses one source on its own: clean, segment, extract. Independent of every other source (cacheable). */
export function analyseSource(src: Source, opts: RunOptions): SourceData {
  const cleaned = clean(src, opts.clean);
  const sentences = segment(cleaned);
  const claims = extract(cleaned, sentences);
  return {
    source: cleaned, sentences, claims,
    sentenceById: new Map(sentences.map((s) => [s.id, s])),
    claimById: new Map(claims.map((c) => [c.sentenceId, c])),
  };
}

/** load -> clean -> segment -> extract -> cluster -> align -> evaluate; composes the stages and nothing else. */
export function run(sources: Source[], opts: RunOptions): RunResult {
  const sorted = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const data = sorted.map((s) => analyseSource(s, opts));
  const byId = new Map(data.map((d) => [d.source.id, d]));
  const stories0 = cluster(data.map((d) => ({ source: d.source, claims: d.claims })), opts.cluster);
  const aligned = align(stories0, byId, opts.declaredRelation);
  const findings = evaluate({ stories: aligned.stories, sources: byId, pairs: aligned.pairs, groups: aligned.groups, rules: opts.rules });
  const report = buildReport(data, aligned.stories, findings, aligned.pairs.flatMap((p) => p.links), opts.skipped ?? []);
  const context: RenderContext = {
    texts: Object.fromEntries(data.map((d) => [d.source.id, d.source.text])),
    sentences: Object.fromEntries(data.map((d) => [d.source.id, d.sentences])),
    claims: Object.fromEntries(data.map((d) => [d.source.id, d.claims])),
    claimGroups: aligned.groups,
    rules: opts.rules.map((r) => ({
      id: r.id, category: r.category, severity: r.severity, description: r.description,
      help: `${r.docs.what}\n\nWhy it matters: ${r.docs.why}\n\nExample: ${r.docs.example}\n\nWhat to write instead: ${r.docs.instead}`,
    })),
    cwd: opts.cwd ?? process.cwd(),
  };
  return { report, context };
}

export function buildReport(data: SourceData[], stories: Story[], findings: Finding[], alignments: Report['alignments'], skipped: SkippedInput[]): Report {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCategory: Partial<Record<Category, number>> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  }
  const sources: ReportSource[] = data.map((d) => ({
    id: d.source.id, path: d.source.path, lang: d.source.lang,
    ...(d.source.published ? { published: d.source.published } : {}),
    ...(d.source.provenance.byline ? { byline: d.source.provenance.byline } : {}),
    chars: d.source.text.length, sentences: d.sentences.length, warnings: d.source.warnings,
  }));
  return {
    tool: { name: 'factlint', version: VERSION }, schemaVersion: 1,
    sources, stories, findings, alignments, skipped: [...skipped].sort((a, b) => (a.path < b.path ? -1 : 1)),
    summary: { findings: findings.length, bySeverity, byCategory },
  };
}
