import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Claim } from '../model/claim.js';
import type { Sentence } from '../model/sentence.js';
import type { CleanSource, Source } from '../model/source.js';
import type { SourceData } from '../model/analysis.js';
import { RULES_DIR } from '../paths.js';
import { VERSION } from '../version.js';
import type { Knowledge } from '../lang/knowledge.js';
import { clean, type CleanContext } from './clean.js';
import { segment } from './segment.js';
import { extract } from './extract/index.js';

/** What the per-source analysis produces, without the lookup maps (so it can cross threads and go to disk). */
export interface PlainAnalysis {
  source: CleanSource;
  sentences: Sentence[];
  claims: Claim[];
}

export function analysePlain(src: Source, ctx: CleanContext, k: Knowledge): PlainAnalysis {
  const cleaned = clean(src, ctx, k);
  const sentences = segment(cleaned, k);
  return { source: cleaned, sentences, claims: extract(cleaned, sentences, k) };
}

export function withIndexes(p: PlainAnalysis): SourceData {
  return {
    ...p,
    sentenceById: new Map(p.sentences.map((s) => [s.id, s])),
    claimById: new Map(p.claims.map((c) => [c.sentenceId, c])),
  };
}

let knowledgeHash: string | undefined;
/** A hash of everything the analysis depends on besides the source: tool version, language packs (furniture included), gazetteer, the generated word lists (rules/lexicon: words that negate by meaning). */
function knowledge(): string {
  if (knowledgeHash) return knowledgeHash;
  const h = createHash('sha256').update(VERSION);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) h.update(name).update(readFileSync(p));
    }
  };
  for (const d of ['lang', 'gazetteer', 'lexicon', 'schema']) walk(resolve(RULES_DIR, d));
  // The code itself: the CLI runs from one bundle (dist/factlint.js), so a rebuild with a changed analysis and the
  // same version number does not read analyses the old code wrote.
  try { h.update(readFileSync(fileURLToPath(import.meta.url))); } catch { /* not a file (a test runner's transform) */ }
  knowledgeHash = h.digest('hex');
  return knowledgeHash;
}

/** Cache key: the source's content and metadata, the options that change its analysis, and the knowledge hash. */
export function cacheKey(src: Source, ctx: CleanContext): string {
  return createHash('sha256')
    .update(knowledge())
    .update(JSON.stringify({ id: src.id, path: src.path, lang: src.lang, published: src.published ?? null, publishedAt: src.publishedAt ?? null, document: src.document ?? null, provenance: src.provenance, warnings: src.warnings, hint: ctx.langHints?.[src.id] ?? null, f: ctx.furniturePatterns ?? [], pairs: ctx.pairs ?? false, languages: ctx.languages ?? [] }))
    .update('\u0000')
    .update(src.text)
    .digest('hex');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a cache entry is the analysis of `src`: its shape (a source with text and blocks, sentences and claims
 * with the fields every later stage reads) and the source's own id and text. Anything else (`{}`, a truncated file,
 * an entry some other program wrote) is not used: the source is analysed again and the entry replaced.
 */
function isAnalysisOf(v: unknown, src: Source): v is PlainAnalysis {
  if (!isObject(v) || !isObject(v.source) || !Array.isArray(v.sentences) || !Array.isArray(v.claims)) return false;
  const s = v.source;
  if (s.id !== src.id || s.text !== src.text || !Array.isArray(s.blocks) || typeof s.lang !== 'string' || !isObject(s.provenance) || !Array.isArray(s.warnings)) return false;
  const span = (x: unknown): boolean => isObject(x) && typeof x.start === 'number' && typeof x.end === 'number';
  if (!v.sentences.every((x) => span(x) && typeof (x as { id?: unknown }).id === 'string' && typeof (x as { text?: unknown }).text === 'string')) return false;
  if (!s.blocks.every((b) => span(b) && typeof (b as { kind?: unknown }).kind === 'string')) return false;
  return v.claims.length === v.sentences.length && v.claims.every((c) => isObject(c) && typeof c.sentenceId === 'string' && Array.isArray(c.entities) && Array.isArray(c.quantities) && Array.isArray(c.dates));
}

function readCache(dir: string, key: string, src: Source): PlainAnalysis | undefined {
  let v: unknown;
  try { v = JSON.parse(readFileSync(join(dir, key.slice(0, 2), `${key}.json`), 'utf8')); } catch { return undefined; }
  return isAnalysisOf(v, src) ? v : undefined;
}

/** Best effort: the cache only saves time, so a folder that cannot be written (full, read-only) does not stop a run. */
function writeCache(dir: string, key: string, value: PlainAnalysis): void {
  const sub = join(dir, key.slice(0, 2));
  const tmp = join(sub, `.${key}.${process.pid}.tmp`);
  try {
    mkdirSync(sub, { recursive: true });
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(sub, `${key}.json`));
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
  }
}

export interface AnalyseOptions {
  /** The knowledge this thread analyses with; worker threads load the same rules folder's. */
  knowledge: Knowledge;
  jobs: number;
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The default number of workers: the cores the machine makes available. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

/**
 * Analyses every source: from the cache when its key is there, in worker threads when jobs > 1 and there is
 * enough work to pay for starting them, else in this thread. Results come back in input order.
 */
export async function analyseAll(sources: Source[], ctx: CleanContext, opts: AnalyseOptions): Promise<PlainAnalysis[]> {
  const out: (PlainAnalysis | undefined)[] = new Array(sources.length);
  const keys = opts.cacheDir ? sources.map((s) => cacheKey(s, ctx)) : [];
  const todo: number[] = [];
  sources.forEach((s, i) => {
    const hit = opts.cacheDir ? readCache(opts.cacheDir, keys[i]!, s) : undefined;
    if (hit) out[i] = hit; else todo.push(i);
  });
  let done = sources.length - todo.length;
  opts.onProgress?.(done, sources.length);
  const finishOne = (i: number, r: PlainAnalysis): void => {
    out[i] = r;
    if (opts.cacheDir) writeCache(opts.cacheDir, keys[i]!, r);
    opts.onProgress?.(++done, sources.length);
  };
  const workers = Math.min(opts.jobs, Math.ceil(todo.length / 8));
  if (workers <= 1) {
    for (const i of todo) finishOne(i, analysePlain(sources[i]!, ctx, opts.knowledge));
  } else {
    await inWorkers(todo, sources, ctx, opts.knowledge.rulesDir, workers, finishOne);
  }
  return out as PlainAnalysis[];
}

async function inWorkers(todo: number[], sources: Source[], ctx: CleanContext, rulesDir: string, n: number, finishOne: (i: number, r: PlainAnalysis) => void): Promise<void> {
  const url = new URL('./analyse-worker.js', import.meta.url);
  let next = 0;
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolveAll, reject) => {
    const w = new Worker(url, { workerData: { ctx, rulesDir } });
    const feed = (): void => {
      if (next >= todo.length) { void w.terminate().then(() => resolveAll()); return; }
      const i = todo[next++]!;
      w.postMessage({ i, source: sources[i] });
    };
    w.on('message', (m: { i: number; result?: PlainAnalysis; error?: string }) => {
      if (m.error !== undefined) { void w.terminate(); reject(new Error(m.error)); return; }
      finishOne(m.i, m.result!);
      feed();
    });
    w.on('error', reject);
    feed();
  })));
}
