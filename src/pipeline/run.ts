import { summarize, type Report, type ReportDocument, type ReportSource, type SkippedInput } from '../model/report.js';
import type { DocumentInfo, Source } from '../model/source.js';
import type { Story } from '../model/story.js';
import type { Finding } from '../model/finding.js';
import type { SourceData } from '../model/analysis.js';
import type { ClaimGroup, PairAlignment } from '../model/alignment.js';
import type { LoadedRule } from '../model/rule.js';
import { renderContext, type RenderContext } from '../report/context.js';
import type { CleanContext } from './clean.js';
import { analyseAll, analysePlain, withIndexes } from './analyse.js';
import { cluster, type ClusterOptions } from './cluster.js';
import { align } from './align.js';
import { evaluate } from './evaluate.js';
import { VERSION } from '../version.js';
import { defaultKnowledge, type Knowledge } from '../lang/knowledge.js';

export interface RunOptions {
  rules: LoadedRule[];
  /** Language packs, furniture and gazetteer handed to every stage and rule (default: the package's rules/). */
  knowledge?: Knowledge;
  clean?: CleanContext;
  cluster?: ClusterOptions;
  /** Story relation declared per story key (pairs mode, manifests). */
  declaredRelation?: Record<string, Story['relation']>;
  skipped?: SkippedInput[];
  cwd?: string;
  /** Worker threads for the per-source analysis (runParallel only). */
  jobs?: number;
  /** Folder of the content-addressed analysis cache (runParallel only). */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  report: Report;
  context: RenderContext;
}

/** Analyses one source on its own: clean, segment, extract. Independent of every other source (cacheable). */
export function analyseSource(src: Source, opts: Pick<RunOptions, 'clean' | 'knowledge'>): SourceData {
  return withIndexes(analysePlain(src, opts.clean ?? {}, opts.knowledge ?? defaultKnowledge()));
}

const byIdOrder = (a: Source, b: Source): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** load -> clean -> segment -> extract -> cluster -> align -> evaluate; composes the stages and nothing else. */
export function run(sources: Source[], opts: RunOptions): RunResult {
  const sorted = [...sources].sort(byIdOrder);
  return finish(sorted.map((s) => analyseSource(s, opts)), opts);
}

/**
 * The same run, with the per-source analysis (the costly, independent part) served from the cache where it can
 * be and spread over worker threads otherwise. The result is the same as run()'s, byte for byte.
 */
export async function runParallel(sources: Source[], opts: RunOptions): Promise<RunResult> {
  const sorted = [...sources].sort(byIdOrder);
  const plain = await analyseAll(sorted, opts.clean ?? {}, { knowledge: opts.knowledge ?? defaultKnowledge(), jobs: opts.jobs ?? 1, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  return finish(plain.map(withIndexes), opts);
}

/** What the stages after the per-source analysis give: stories, their alignments and claim groups, the findings. */
export interface StageResult {
  stories: Story[];
  pairs: PairAlignment[];
  groups: ClaimGroup[];
  findings: Finding[];
}

/** cluster -> align -> evaluate over analysed sources. */
export function stages(data: SourceData[], opts: Pick<RunOptions, 'rules' | 'knowledge' | 'cluster' | 'declaredRelation'>): StageResult {
  const knowledge = opts.knowledge ?? defaultKnowledge();
  const byId = new Map(data.map((d) => [d.source.id, d]));
  const stories0 = cluster(data.map((d) => ({ source: d.source, claims: d.claims })), opts.cluster ?? {}, knowledge);
  const aligned = align(stories0, byId, opts.declaredRelation, new Set(Object.values(opts.cluster?.originals ?? {})), knowledge);
  const findings = evaluate({ stories: aligned.stories, sources: byId, pairs: aligned.pairs, groups: aligned.groups, rules: opts.rules, knowledge });
  return { stories: aligned.stories, pairs: aligned.pairs, groups: aligned.groups, findings };
}

function finish(data: SourceData[], opts: RunOptions): RunResult {
  const { stories, pairs, groups, findings } = stages(data, opts);
  const report = buildReport(data, stories, findings, pairs.flatMap((p) => p.links), opts.skipped ?? []);
  const context = renderContext(data, groups, opts.rules, opts.cwd ?? process.cwd());
  return { report, context };
}

/** A document's metadata for the report: everything but the paragraph map. */
function reportDocument(d: DocumentInfo): ReportDocument {
  const { blocks: _, ...rest } = d;
  return rest;
}

/** A source as the report lists it. */
export function reportSource(d: Pick<SourceData, 'source' | 'sentences'>): ReportSource {
  return {
    id: d.source.id, path: d.source.path, lang: d.source.lang,
    ...(d.source.published ? { published: d.source.published } : {}),
    ...(d.source.provenance.byline ? { byline: d.source.provenance.byline } : {}),
    chars: d.source.text.length, sentences: d.sentences.length, warnings: d.source.warnings,
    ...(d.source.document ? { document: reportDocument(d.source.document) } : {}),
  };
}

/** Skipped inputs in the report's order (by path). */
export const sortSkipped = (skipped: readonly SkippedInput[]): SkippedInput[] => [...skipped].sort((a, b) => (a.path < b.path ? -1 : 1));

export function buildReport(data: SourceData[], stories: Story[], findings: Finding[], alignments: Report['alignments'], skipped: SkippedInput[]): Report {
  return {
    tool: { name: 'factlint', version: VERSION }, schemaVersion: 1,
    sources: data.map(reportSource), stories, findings, alignments, skipped: sortSkipped(skipped),
    summary: summarize(findings),
  };
}
