import { Worker } from 'node:worker_threads';
import type { Alignment, ClaimGroup } from '../model/alignment.js';
import type { Finding } from '../model/finding.js';
import { summarize, type Report, type SkippedInput } from '../model/report.js';
import type { LoadedRule } from '../model/rule.js';
import type { Source } from '../model/source.js';
import type { Story } from '../model/story.js';
import type { PairRow, UnitSummary } from '../model/unit.js';
import { defaultKnowledge, type Knowledge } from '../lang/knowledge.js';
import { renderContext, type RenderContext } from '../report/context.js';
import { VERSION } from '../version.js';
import type { PlainAnalysis } from './analyse.js';
import { sortFindings } from './evaluate.js';
import { analyseSource, reportSource, sortSkipped, stages, type RunResult } from './run.js';

/**
 * Segment files (bitext files, pairs files) at translation-memory scale. Every unit is its own story of two versions
 * (its left side the original), so no unit's findings depend on another's: units are checked in batches, spread
 * over worker threads, and of each batch only the units with findings are kept. The report lists those and counts
 * the others (`Report.units`); its findings, stories and sources are those a check of all units at once gives, in
 * the same order.
 */

/** Units per batch: large enough that a batch's set-up is nothing beside its work, small enough to keep memory flat. */
export const UNIT_BATCH = 1000;

/** The names of the two sides (source ids are `<unit id>:<name>`) and the file the units come from. */
export interface UnitNames {
  left: string;
  right: string;
  file?: string;
}

/** A unit with findings: what the report and the reporters need of it. */
export interface CheckedUnit {
  story: Story;
  /** The analyses of its two sources, by id. */
  analyses: PlainAnalysis[];
  findings: Finding[];
  alignments: Alignment[];
  groups: ClaimGroup[];
  /** Where its sources are in the file (`RenderContext.units`), when the units come from a file. */
  lines?: Record<string, { line?: number }>;
}

export interface UnitBatchResult {
  /** The units with findings. */
  listed: CheckedUnit[];
  /** How many units of the batch have none. */
  quiet: number;
}

export interface UnitCheckOptions {
  rules: LoadedRule[];
  knowledge?: Knowledge;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A unit's sources: `<unit id>:<left name>` and `<unit id>:<right name>`; the story key is the unit id. */
function unitSources(r: PairRow, names: UnitNames): Source[] {
  const out: Source[] = [];
  for (const [field, text, lang] of [[names.left, r.left, r.leftLang], [names.right, r.right, r.rightLang]] as const) {
    const id = `${r.id}:${field}`;
    out.push({ id, path: names.file ?? id, lang: lang ?? 'und', text, provenance: {}, warnings: [] });
  }
  return out;
}

/** Checks one batch of units (analysis, alignment, rules) in this thread. */
export function checkUnitBatch(rows: readonly PairRow[], names: UnitNames, opts: UnitCheckOptions): UnitBatchResult {
  const knowledge = opts.knowledge ?? defaultKnowledge();
  const langHints: Record<string, string> = {};
  const declared: Record<string, string> = {};
  const relation: Record<string, Story['relation']> = {};
  const originals: Record<string, string> = {};
  const sources: Source[] = [];
  const rowOf = new Map<string, PairRow>();
  for (const r of rows) {
    const [left, right] = unitSources(r, names);
    for (const s of [left!, right!]) {
      sources.push(s);
      if (s.lang !== 'und') langHints[s.id] = s.lang;
      declared[s.id] = r.id;
    }
    relation[r.id] = 'versions';
    originals[r.id] = left!.id;
    rowOf.set(r.id, r);
  }
  const data = sources.sort(byId).map((s) => analyseSource(s, { clean: { langHints, pairs: true }, knowledge }));
  const result = stages(data, { rules: opts.rules, knowledge, cluster: { declared, declaredOnly: true, originals }, declaredRelation: relation });

  const findingsOf = new Map<string, Finding[]>();
  for (const f of result.findings) if (f.story !== undefined) (findingsOf.get(f.story) ?? findingsOf.set(f.story, []).get(f.story)!).push(f);
  const dataOf = new Map(data.map((d) => [d.source.id, d]));
  const listed: CheckedUnit[] = [];
  let quiet = 0;
  const alignmentsOf = new Map<string, Alignment[]>();
  for (const p of result.pairs) for (const l of p.links) (alignmentsOf.get(p.story) ?? alignmentsOf.set(p.story, []).get(p.story)!).push(l);
  const groupsOf = new Map<string, ClaimGroup[]>();
  for (const g of result.groups) (groupsOf.get(g.story) ?? groupsOf.set(g.story, []).get(g.story)!).push(g);
  for (const story of result.stories) {
    const findings = findingsOf.get(story.id);
    if (!findings) { quiet++; continue; }
    const analyses = story.sources.map((id) => dataOf.get(id)!).map(({ source, sentences, claims }) => ({ source, sentences, claims }));
    const unit: CheckedUnit = { story, analyses, findings, alignments: alignmentsOf.get(story.id) ?? [], groups: groupsOf.get(story.id) ?? [] };
    const row = rowOf.get(story.id);
    if (names.file !== undefined && row) {
      const at = (line: number | undefined): { line?: number } => (line ?? row.line) !== undefined ? { line: (line ?? row.line)! } : {};
      unit.lines = { [`${row.id}:${names.left}`]: at(row.leftLine), [`${row.id}:${names.right}`]: at(row.rightLine) };
    }
    listed.push(unit);
  }
  return { listed, quiet };
}

/** Gathers the batches' results into one report: the units with findings listed, the others counted. */
export class UnitCollector {
  private readonly listed: CheckedUnit[] = [];
  private quiet = 0;
  readonly skipped: SkippedInput[] = [];

  add(r: UnitBatchResult): void {
    for (const u of r.listed) this.listed.push(u);
    this.quiet += r.quiet;
  }

  get checked(): number {
    return this.listed.length + this.quiet;
  }

  /** The report and render context, as a check of every unit at once would give them (findings, order and all). */
  result(names: UnitNames, rules: readonly LoadedRule[], cwd: string, warnings: readonly string[] = []): RunResult {
    const units = [...this.listed].sort((a, b) => byId(a.story, b.story));
    const analyses = units.flatMap((u) => u.analyses).sort((a, b) => byId(a.source, b.source));
    const findings = sortFindings(units.flatMap((u) => u.findings));
    const summary: UnitSummary = {
      ...(names.file !== undefined ? { file: names.file } : {}),
      checked: this.checked, withFindings: units.length, withoutFindings: this.quiet, warnings: [...warnings],
    };
    const report: Report = {
      tool: { name: 'factlint', version: VERSION }, schemaVersion: 1,
      sources: analyses.map(reportSource),
      stories: units.map((u) => u.story),
      findings,
      alignments: units.flatMap((u) => u.alignments),
      skipped: sortSkipped(this.skipped),
      summary: summarize(findings),
      units: summary,
    };
    const context: RenderContext = renderContext(analyses, units.flatMap((u) => u.groups), rules, cwd);
    if (names.file !== undefined) {
      // A loop, not Object.assign({}, ...list): 130,000 units with findings would overflow the stack as arguments.
      const lines: NonNullable<RenderContext['units']> = {};
      for (const u of units) Object.assign(lines, u.lines);
      context.units = lines;
    }
    return { report, context };
  }
}

export interface UnitPoolOptions extends UnitCheckOptions {
  /** Worker threads (1: this thread). */
  jobs: number;
  /** Called as batches are done: units checked so far, and the total when it is known. */
  onProgress?: (done: number, total: number) => void;
  total?: number;
}

/**
 * Checks batches of units and hands each result to `take`: in this thread when jobs is 1 or there is only one
 * batch, else in worker threads, each taking the next batch when it is free (so a streamed file is read only as
 * fast as it is checked).
 */
export async function checkUnitBatches(
  batches: AsyncIterable<PairRow[]> | Iterable<PairRow[]>,
  names: UnitNames,
  opts: UnitPoolOptions,
  take: (r: UnitBatchResult) => void,
): Promise<void> {
  const it = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (batches as Iterable<PairRow[]>)[Symbol.iterator]()) as AsyncIterator<PairRow[]> | Iterator<PairRow[]>;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, opts.total ?? done);
  };
  const first = await it.next();
  if (first.done) return;
  const knowledge = opts.knowledge ?? defaultKnowledge();
  const inThread = (rows: PairRow[]): void => {
    take(checkUnitBatch(rows, names, { rules: opts.rules, knowledge }));
    progress(rows.length);
  };
  if (opts.jobs <= 1) {
    for (let b: IteratorResult<PairRow[]> = first; !b.done; b = await it.next()) inThread(b.value);
    return;
  }
  const second = await it.next();
  // One batch does not pay for starting threads.
  if (second.done) { inThread(first.value); return; }
  const queue: PairRow[][] = [first.value, second.value];
  let exhausted = false;
  const next = async (): Promise<PairRow[] | undefined> => {
    const q = queue.shift();
    if (q) return q;
    if (exhausted) return undefined;
    const r = await it.next();
    if (r.done) { exhausted = true; return undefined; }
    return r.value;
  };
  const url = new URL('./units-worker.js', import.meta.url);
  const workers: Worker[] = [];
  try {
    await Promise.all(Array.from({ length: opts.jobs }, () => new Promise<void>((resolveAll, reject) => {
      const w = new Worker(url, { workerData: { rules: opts.rules, rulesDir: knowledge.rulesDir, names } });
      workers.push(w);
      let size = 0;
      const feed = (): void => {
        next().then((rows) => {
          if (!rows) { void w.terminate().then(() => resolveAll()); return; }
          size = rows.length;
          w.postMessage(rows);
        }, reject);
      };
      w.on('message', (m: { result?: UnitBatchResult; error?: string }) => {
        if (m.error !== undefined) { reject(new Error(m.error)); return; }
        take(m.result!);
        progress(size);
        feed();
      });
      w.on('error', reject);
      feed();
    })));
  } finally {
    // After a failure (a worker's, or the file's while it is read), the other threads stop too.
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
