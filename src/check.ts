import { resolve, sep } from 'node:path';
import type { Report, SkippedInput } from './model/report.js';
import type { Source } from './model/source.js';
import type { Story } from './model/story.js';
import type { RenderContext } from './report/context.js';
import { lineProblem, load, readInputFile, type LoadOptions } from './pipeline/load.js';
import { runParallel } from './pipeline/run.js';
import { checkUnitBatch, checkUnitBatches, UnitCollector, UNIT_BATCH, type UnitNames } from './pipeline/units.js';
import type { PairRow } from './model/unit.js';
import { loadRules, type RuleOverrides } from './rules/load.js';
import { FactlintError } from './errors.js';
import { readBitext, type BitextOptions } from './bitext/index.js';
import { DEFAULT_ID_FIELD, IdRegistry, idValue } from './bitext/rows.js';
import { CONFIG_CODES, languageFor } from './config.js';
import { compileLinePattern, PatternError } from './lang/user-pattern.js';
import { collectManifests } from './manifest.js';
import { isUrl, normaliseUrl } from './pipeline/fetch.js';

/** A source handed over in memory (CMS integrations, stdin, tests). */
export interface TextInput {
  id: string;
  text: string;
  lang?: string;
  published?: string;
  byline?: string;
  /** Sources with the same story key are treated as versions of one story. */
  story?: string;
  /** This source is the original its story's other versions derive from (for omission and addition). */
  original?: boolean;
}

export interface CheckOptions {
  /** Extra rule folders. */
  rules?: string[];
  /** Per-rule switches or severities. */
  ruleSettings?: RuleOverrides;
  /** Language per source id, when known. */
  langHints?: Record<string, string>;
  /** Language by file pattern (the config's `languages`): glob or path -> ISO 639-1 code. */
  languages?: Record<string, string>;
  /** Extra page-furniture patterns (regular expressions matched against whole lines). */
  furniturePatterns?: string[];
  load?: LoadOptions;
  cwd?: string;
  /** Worker threads for the per-source analysis (default 1: in this thread). */
  jobs?: number;
  /** Folder of the content-addressed cache of per-source analysis (none by default). */
  cacheDir?: string;
  /** Called as sources are analysed (done, total), for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Relation of declared stories (by story key), when the caller knows it: "versions" or "coverage". */
  relations?: Record<string, Story['relation']>;
  /**
   * Files or folders (among the path inputs) whose sources are originals, the versions the others derive from:
   * in draft mode, the published versions. They are declared to the cluster stage as originals, as a manifest's
   * `original` is.
   */
  originals?: string[];
  /**
   * Path inputs (files or URLs) that are versions of one story, declared under this key as a manifest's `story`
   * would: in draft mode, a draft and the one published version it is checked against.
   */
  oneStory?: { paths: string[]; story: string };
}

/** True when `path` is one of `roots` (files or folders, relative to `cwd`) or inside one of them; a URL only matches itself. */
export function isUnder(path: string, roots: readonly string[], cwd = process.cwd()): boolean {
  if (isUrl(path)) return roots.some((r) => isUrl(r) && normaliseUrl(r) === path);
  const p = resolve(cwd, path);
  return roots.some((r) => {
    if (isUrl(r)) return false;
    const root = resolve(cwd, r);
    return p === root || p.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  });
}

export interface CheckResult {
  report: Report;
  context: RenderContext;
}

const toSource = (t: TextInput): Source => ({
  id: t.id, path: t.id, lang: t.lang ?? 'und', text: t.text.replace(/^\uFEFF/, ''),
  ...(t.published ? { published: t.published } : {}),
  provenance: t.byline ? { byline: t.byline } : {},
  ...(t.story ? { storyHint: t.story } : {}),
  warnings: [],
});

/** Furniture patterns given to the library: each must run in linear time, as the config's are (FL603, FL606). */
function checkFurniturePatterns(patterns: readonly string[] = []): void {
  patterns.forEach((p, i) => {
    try {
      compileLinePattern(p);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      const where = `options.furniturePatterns[${i}]`;
      if (e.kind === 'syntax') throw new FactlintError('FL603', `${where}: not a valid regular expression (${e.message})`, undefined, undefined, CONFIG_CODES.FL603.action);
      throw new FactlintError('FL606', `${where}: refused, ${e.message}`, undefined, undefined, CONFIG_CODES.FL606.action);
    }
  });
}

/**
 * Checks sources given as paths (files or folders) and/or in-memory texts, and returns the report (the same
 * object the JSON format writes) with what reporters need to render it.
 */
export async function check(inputs: (string | TextInput)[], opts: CheckOptions = {}): Promise<CheckResult> {
  checkFurniturePatterns(opts.furniturePatterns);
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  const texts = inputs.filter((i): i is TextInput => typeof i !== 'string');
  const loaded = paths.length ? await load(paths, { ...opts.load, ...(texts.length ? { allowEmpty: true } : {}) }) : { sources: [], skipped: [] };
  // A manifest beside the files (sources.json, factlint.json) declares what the editor knows: stories, languages,
  // dates, bylines, which version is the original.
  const manifest = collectManifests(paths.filter((p) => !isUrl(p)), opts.cwd);
  for (const s of loaded.sources) {
    const m = manifest.get(s.id);
    if (!m) continue;
    if (m.story) s.storyHint = m.story;
    if (m.published) s.published = m.published.slice(0, 10);
    if (m.byline || m.publisher) s.provenance = { ...s.provenance, ...(m.byline ? { byline: m.byline } : {}), ...(m.publisher ? { publisher: m.publisher } : {}) };
  }
  if (opts.oneStory) for (const s of loaded.sources) if (!s.storyHint && isUnder(s.path, opts.oneStory.paths, opts.cwd)) s.storyHint = opts.oneStory.story;
  // The line budget load applies to files (FL119), applied to texts given in memory too.
  const skipped = [...loaded.skipped];
  const admitted = texts.filter((t) => {
    const long = typeof t.text === 'string' ? lineProblem(t.text, opts.load?.maxLineLength) : undefined;
    if (long) skipped.push({ path: t.id, ...long });
    return !long;
  });
  const sources = [...loaded.sources, ...admitted.map(toSource)];
  if (sources.length === 0) throw new FactlintError('FL102', 'no readable sources to check', undefined, undefined, 'name articles (.txt, .md, .docx, .odt, .html, .pdf, or URLs) or folders that contain them');
  for (const t of texts) {
    if (t.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(t.published)) {
      throw new FactlintError('FL114', `published date "${t.published}" is not yyyy-mm-dd`, t.id, undefined, 'give the publication date as an ISO date, e.g. 2024-03-14');
    }
  }
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.id)) throw new FactlintError('FL113', `two sources share the id "${s.id}"`, undefined, undefined, 'give every in-memory source a unique id');
    ids.add(s.id);
  }
  const langHints: Record<string, string> = {};
  // A document's declared language that its text agrees with (read/index.ts); what the user declares wins.
  for (const s of loaded.sources) if (s.document && s.lang !== 'und') langHints[s.id] = s.lang;
  Object.assign(langHints, opts.langHints);
  for (const [id, m] of manifest) if (m.lang) langHints[id] = m.lang;
  if (opts.languages) for (const s of loaded.sources) { const l = languageFor(opts.languages, s.path, opts.cwd); if (l) langHints[s.id] = l; }
  for (const t of texts) if (t.lang) langHints[t.id] = t.lang;
  const declared: Record<string, string> = {};
  for (const s of sources) if (s.storyHint) declared[s.id] = s.storyHint;
  const originals: Record<string, string> = {};
  for (const t of texts) if (t.original && t.story) originals[t.story] = t.id;
  for (const [id, m] of manifest) if (m.original && m.story) originals[m.story] = id;
  // Originals named by path: under their declared story key, else under their own id (the cluster stage looks
  // for originals among each story's sources).
  if (opts.originals?.length) {
    for (const s of loaded.sources) if (isUnder(s.path, opts.originals, opts.cwd)) originals[s.storyHint ?? `\u0000${s.id}`] ??= s.id;
  }
  const rules = loadRules(opts.rules, opts.ruleSettings);
  return runParallel(sources, {
    rules,
    clean: { langHints, ...(opts.furniturePatterns?.length ? { furniturePatterns: opts.furniturePatterns } : {}) },
    ...(opts.jobs ? { jobs: opts.jobs } : {}),
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    // When every source names its story, the declaration is the clustering and story ids are the keys.
    cluster: {
      ...(Object.keys(declared).length ? { declared, declaredOnly: Object.keys(declared).length === sources.length } : {}),
      ...(Object.keys(originals).length ? { originals } : {}),
    },
    ...(opts.relations ? { declaredRelation: opts.relations } : {}),
    skipped,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
}

export interface PairsOptions extends CheckOptions {
  left: string;
  right: string;
  id?: string;
  leftLang?: string;
  rightLang?: string;
}

export type { PairRow } from './model/unit.js';

/** Rows within the line budget (FL119 for a side with a longer line, listed as skipped). */
function admits(r: PairRow, names: UnitNames, opts: CheckOptions, skipped: SkippedInput[]): boolean {
  const long = lineProblem(r.left, opts.load?.maxLineLength) ?? lineProblem(r.right, opts.load?.maxLineLength);
  if (long) skipped.push({ path: names.file ?? r.id, code: long.code, reason: `unit ${r.id}${r.line !== undefined ? ` (line ${r.line})` : ''}: ${long.reason}` });
  return !long;
}

const noRows = (): FactlintError => new FactlintError('FL102', 'no rows to check', undefined, undefined, 'the file has no units with both versions');

/**
 * Checks rows of two versions each (a segment and its translation, a sentence and its edit), in this thread. Source
 * ids are `<row id>:<leftName>` and `<row id>:<rightName>`; every row is its own story, its left side the original.
 * With `names.file` (the file the rows come from), every source's path is that file, and reporters point at it and
 * the row's line (`RenderContext.units`). The report lists only the rows with findings (their sources, stories and
 * alignments) and counts the others in `report.units`: a translation memory's units are checked in batches and only
 * what has findings is kept.
 */
export function checkRows(rows: Iterable<PairRow>, names: UnitNames, opts: CheckOptions = {}): CheckResult {
  const rules = loadRules(opts.rules, opts.ruleSettings);
  const collector = new UnitCollector();
  let batch: PairRow[] = [];
  for (const r of rows) {
    if (!admits(r, names, opts, collector.skipped)) continue;
    batch.push(r);
    if (batch.length === UNIT_BATCH) { collector.add(checkUnitBatch(batch, names, { rules })); batch = []; }
  }
  if (batch.length > 0) collector.add(checkUnitBatch(batch, names, { rules }));
  if (collector.checked === 0) throw noRows();
  return collector.result(names, rules, opts.cwd ?? process.cwd());
}

/**
 * checkRows for rows read from a file (bitext, pairs): the rows may arrive as they are read, and batches are checked
 * in `opts.jobs` worker threads.
 */
async function checkUnits(rows: AsyncIterable<PairRow> | Iterable<PairRow>, names: UnitNames, opts: CheckOptions, file: { warnings?: readonly string[]; total?: number } = {}): Promise<CheckResult> {
  const rules = loadRules(opts.rules, opts.ruleSettings);
  const collector = new UnitCollector();
  async function* batches(): AsyncGenerator<PairRow[]> {
    let batch: PairRow[] = [];
    for await (const r of rows) {
      if (!admits(r, names, opts, collector.skipped)) continue;
      batch.push(r);
      if (batch.length === UNIT_BATCH) { yield batch; batch = []; }
    }
    if (batch.length > 0) yield batch;
  }
  await checkUnitBatches(batches(), names, {
    rules, jobs: opts.jobs ?? 1,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(file.total !== undefined ? { total: file.total } : {}),
  }, (r) => collector.add(r));
  if (collector.checked === 0) throw noRows();
  return collector.result(names, rules, opts.cwd ?? process.cwd(), file.warnings);
}

/**
 * Pairs mode: each JSONL row holds two versions of one short story (a segment and its translation, a sentence
 * and its perturbation). Source ids are `<row id>:<field>`; every row is its own story of two versions. Row ids
 * are chosen as a bitext JSONL file's are: the `id` option's field, else a field named "id" when the first row
 * has one, else `row-<line>`.
 */
export async function checkPairs(file: string, opts: PairsOptions): Promise<CheckResult> {
  const input = await readInputFile(file, 'pairs file', opts.load?.maxFileSize !== undefined ? { maxFileSize: opts.load.maxFileSize } : {});
  const raw = input.text;
  const parsed: { row: Record<string, unknown>; line: number }[] = [];
  raw.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim()) return;
    let row: unknown;
    try { row = JSON.parse(text); } catch { row = undefined; }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new FactlintError('FL120', 'not a JSON object', file, i + 1, 'each line of a JSONL file must be one JSON object');
    }
    parsed.push({ row: row as Record<string, unknown>, line: i + 1 });
  });
  const first = parsed[0]?.row;
  const idField = opts.id ?? (first && Object.hasOwn(first, DEFAULT_ID_FIELD) ? DEFAULT_ID_FIELD : undefined);
  const ids = new IdRegistry(file, 'give every row a unique id, or leave out the id field to number rows by line');
  const rows: PairRow[] = [];
  for (const { row, line } of parsed) {
    const fields = `this row has fields: ${Object.keys(row).join(', ')}`;
    let id = `row-${line}`;
    if (idField !== undefined) {
      const v = idValue(row[idField]);
      if (v !== undefined) id = v;
      else if (opts.id !== undefined) throw new FactlintError('FL121', `field "${idField}" (--id) is missing or not a string or number`, file, line, `check --id; ${fields}`);
    }
    const left = row[opts.left];
    const right = row[opts.right];
    for (const [field, v] of [[opts.left, left], [opts.right, right]] as const) {
      if (typeof v !== 'string') throw new FactlintError('FL121', `field "${field}" is missing or not a string`, file, line, `check --left/--right; ${fields}`);
    }
    ids.add(id, line);
    rows.push({ id, left: left as string, right: right as string, line, ...(opts.leftLang ? { leftLang: opts.leftLang } : {}), ...(opts.rightLang ? { rightLang: opts.rightLang } : {}) });
  }
  return checkUnits(rows, { left: opts.left, right: opts.right, file: input.id }, opts, { warnings: input.warnings, total: rows.length });
}

/**
 * A bitext file (TSV, JSONL, PO, XLIFF, TMX): every unit's source against its translation, in batches over
 * `opts.jobs` worker threads; every format is read as it is checked (a batch is read when a thread is free for it).
 */
export async function checkBitext(file: string, opts: CheckOptions & BitextOptions = {}): Promise<CheckResult> {
  const rows = await readBitext(file, opts);
  async function* units(): AsyncGenerator<PairRow> {
    for await (const r of rows) {
      const leftLang = r.leftLang ?? rows.leftLang;
      const rightLang = r.rightLang ?? rows.rightLang;
      yield {
        id: r.id, left: r.left, right: r.right,
        ...(r.line !== undefined ? { line: r.line } : {}),
        ...(r.leftLine !== undefined ? { leftLine: r.leftLine } : {}),
        ...(r.rightLine !== undefined ? { rightLine: r.rightLine } : {}),
        ...(leftLang ? { leftLang } : {}),
        ...(rightLang ? { rightLang } : {}),
      };
    }
  }
  return checkUnits(units(), { left: 'source', right: 'target', file: rows.file }, opts, { warnings: rows.warnings, ...(rows.count !== undefined ? { total: rows.count } : {}) });
}
