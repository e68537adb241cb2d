import { appendFileSync, existsSync, mkdirSync, readSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { check, checkBitext, checkPairs, isUnder, type CheckOptions, type CheckResult, type TextInput } from '../check.js';
import { EXTENSIONS, parseFormats, render, renderPieces, writeAtomic, writePieces, type Format } from '../output.js';
import { severityRank, type Severity } from '../model/finding.js';
import { summarize, type Report } from '../model/report.js';
import { FactlintError, isFactlintError } from '../errors.js';
import { defuseWorkflowCommands, escapeControls, stripTerminalControls, terminalName } from '../report/escape.js';
import { relativePath } from '../report/sarif.js';
import { renderGithubSummary } from '../report/github.js';
import { plural } from '../report/plural.js';
import { htmlPageCount, htmlPagePaths, renderHtmlPage } from '../report/html.js';
import { DEFAULT_MAX_FILE_SIZE, isQuietSkip } from '../pipeline/load.js';
import { loadConfig, initConfig, CONFIG_FILE, DEFAULT_BASELINE, type Config } from '../config.js';
import { applyBaseline, formatBaseline, readBaseline, recreateBaseline, type BaselineFile } from '../baseline.js';
import { isBitextPath } from '../bitext/index.js';
import { bitextError } from '../bitext/rows.js';
import { defaultJobs } from '../pipeline/analyse.js';

export interface CommonArgs {
  format?: string;
  output?: string;
  outputDir?: string;
  failOn?: Severity | 'none';
  rules?: string[];
  config?: string;
  /** As typed: checked by `wholeNumber` and `byteSize` (FL004). */
  maxFileSize?: string;
  timeout?: string;
  jobs?: string;
  cache?: string | boolean;
  verbose: boolean;
  quiet: boolean;
}

export interface CheckArgs extends CommonArgs {
  inputs: string[];
  baseline?: string;
  against?: string[];
  left?: string;
  right?: string;
  id?: string;
  leftLang?: string;
  rightLang?: string;
}

/** yargs drops a lone "-": main.ts passes it through as this marker, which names standard input. */
export const STDIN = '<stdin>';

/**
 * What factlint prints for people, on stdout or stderr: a runner reads workflow commands from both, so every line
 * passes the last guard (names and messages are escaped where they are formatted). Only `annotate` writes commands.
 */
export const say = (s: string): void => { process.stdout.write(defuseWorkflowCommands(s)); };
const err = (s: string): void => { process.stderr.write(defuseWorkflowCommands(`${s}\n`)); };
const annotate = (commands: string): void => { process.stdout.write(commands); };

/** A path as messages show it: relative to the working directory, forward slashes. */
const shown = (path: string): string => relativePath(resolve(path), process.cwd());

/** A progress line on the terminal's stderr while sources are analysed: never in machine output or pipes. */
function progressBar(args: CommonArgs): ((done: number, total: number) => void) | undefined {
  if (args.quiet || !process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < 20) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\ranalysing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\r\x1b[K' : ''}`);
  };
}

/** The most worker threads --jobs takes; more than the machine's cores are not started (see `jobsOf`). */
export const MAX_JOBS = 256;
/** The largest --max-file-size: a file is decoded into one string, and V8 strings stop at about 512 Mi characters. */
export const MAX_FILE_SIZE_LIMIT = 256 * 1024 * 1024;

const optionError = (message: string, hint: string): FactlintError => new FactlintError('FL004', message, undefined, undefined, hint);

/** A whole number from `min` to `max` typed for `--name`, else FL004. */
function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw optionError(`--${name} ${JSON.stringify(raw)}: expected a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`, `e.g. --${name} ${min === 1 ? 2 : min}`);
  }
  return n;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };
/** A size typed for `--name`: bytes, or a number with KB, MB, GB (powers of 1,000) or KiB, MiB, GiB (of 1,024). */
function byteSize(name: string, raw: string, max: number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(raw);
  const unit = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  const n = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw optionError(`--${name} ${JSON.stringify(raw)}: expected a size from 1 byte to ${max.toLocaleString('en-US')} bytes (${max / 1024 ** 2} MiB)`, `give bytes or a size with a unit, e.g. --${name} 20MiB`);
  }
  return n;
}

/** --jobs, checked; more threads than the machine has cores only cost memory, so at most the cores are used. */
function jobsOf(args: CommonArgs): number {
  const asked = args.jobs === undefined ? defaultJobs() : wholeNumber('jobs', args.jobs, 1, MAX_JOBS);
  return Math.min(asked, defaultJobs());
}

/**
 * The analysis cache folder of --cache: created when missing. A file there is FL117; a folder that cannot be
 * created is FL005.
 */
function cacheFolder(args: CommonArgs): string | undefined {
  const given = args.cache === true || args.cache === '' ? '.factlint-cache' : typeof args.cache === 'string' ? args.cache : undefined;
  if (given === undefined) return undefined;
  const dir = resolve(given);
  let st: ReturnType<typeof statSync> | undefined;
  try { st = statSync(dir); } catch { st = undefined; }
  if (st && !st.isDirectory()) throw new FactlintError('FL117', '--cache must name a folder, but this is a file', shown(dir), undefined, 'name a folder for the cache (it is created if missing), or leave out the value to use .factlint-cache');
  if (!st) {
    try { mkdirSync(dir, { recursive: true }); } catch (e) {
      throw new FactlintError('FL005', `cannot create the cache folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, shown(dir), undefined, 'name a folder you can write to, or leave out --cache');
    }
  }
  return dir;
}

/** Options of the library call, from the config file and the command line (the command line wins). */
function libraryOptions(config: Config, args: CommonArgs): CheckOptions {
  const cacheDir = cacheFolder(args);
  return {
    jobs: jobsOf(args),
    ...(cacheDir ? { cacheDir } : {}),
    ...(progressBar(args) ? { onProgress: progressBar(args)! } : {}),
    rules: [...config.ruleDirs, ...(args.rules ?? [])],
    ruleSettings: config.rules,
    languages: config.languages,
    furniturePatterns: config.furniture,
    load: {
      maxFileSize: args.maxFileSize !== undefined ? byteSize('max-file-size', args.maxFileSize, MAX_FILE_SIZE_LIMIT) : config.maxFileSize,
      ...(args.timeout !== undefined ? { fetchTimeoutMs: wholeNumber('timeout', args.timeout, 1, 3600) * 1000 } : {}),
    },
  };
}

/**
 * Reads all of standard input as one source (for `factlint check - --against FOLDER`), up to the size limit that every
 * input has (`maxFileSize`): a longer input is FL106, found after reading one byte more than the limit, not all of it.
 */
function readStdin(maxBytes: number): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  let size = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      // A non-blocking standard input with nothing yet: wait a moment and read again.
      if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); continue; }
      throw new FactlintError('FL130', 'cannot read standard input', '-', undefined, 'pipe the draft into factlint, e.g. `cat draft.txt | factlint check - --against published/`');
    }
    if (n === 0) break;
    size += n;
    if (size > maxBytes) {
      throw new FactlintError('FL106', `standard input is larger than the limit of ${maxBytes.toLocaleString('en-US')} bytes (maxFileSize)`, '-', undefined, 'raise the limit with --max-file-size (or the config\'s maxFileSize), or split the draft');
    }
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Writes or prints the report in each requested format and returns the exit code. GitHub annotations always go to
 * standard output, with -o and --output-dir too: a runner reads workflow commands only from a step's output.
 */
function emit(result: CheckResult, args: CommonArgs, config: Config, stem: string, notes: string[] = []): number {
  const { formats, outputDir } = outputPlan(args, config);
  const written: string[] = [];
  const jobSummary = Boolean(process.env.GITHUB_STEP_SUMMARY);
  for (const f of formats) {
    if (f === 'github') {
      annotate(render(f, result.report, { ...result.context, jobSummary }));
      // GitHub shows a limited number of annotations per step; the job summary lists every finding.
      if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderGithubSummary(result.report, result.context));
    } else if (args.output || outputDir) {
      const file = args.output ? resolve(args.output) : resolve(outputDir!, `${stem}.${EXTENSIONS[f]}`);
      if (f === 'html') {
        // A translation memory's units with findings take several pages, linked to each other.
        const paths = htmlPagePaths(file, htmlPageCount(result.report));
        paths.forEach((path, i) => { writeAtomic(path, renderHtmlPage(result.report, result.context, i, paths)); });
        written.push(`${terminalName(shown(file))}${paths.length > 1 ? ` (and ${paths.length - 1} more pages: ${terminalName(shown(paths[1]!))} …)` : ''}`);
        continue;
      }
      // Written as it is rendered (JSON, SARIF and JUnit in pieces): a large report is never one string.
      writeAtomic(file, renderPieces(f, result.report, result.context));
      written.push(terminalName(shown(file)));
    } else if (!(args.quiet && args.format === undefined)) {
      if (f === 'text') process.stdout.write(defuseWorkflowCommands(render(f, result.report, result.context)));
      else writePieces(renderPieces(f, result.report, result.context), (part) => { process.stdout.write(part); });
    }
  }
  // Reports in files: the terminal (or the CI log) still gets the findings, and where the files are.
  if (!args.quiet && written.length > 0) {
    say(render('text', result.report, result.context));
    say(`reports written: ${written.join(', ')}\n`);
  }
  if (!args.quiet) {
    for (const n of notes) err(`factlint: ${n}`);
    for (const s of result.report.skipped) {
      if (isQuietSkip(s) && !args.verbose) continue;
      err(`factlint: skipped ${terminalName(s.path)}: ${s.code} ${escapeControls(stripTerminalControls(s.reason))}`);
    }
    for (const s of result.report.sources) for (const w of s.warnings) err(`factlint: warning ${terminalName(s.id)}: ${escapeControls(stripTerminalControls(w))}`);
    const units = result.report.units;
    for (const w of units?.warnings ?? []) err(`factlint: warning ${terminalName(units?.file ?? 'rows')}: ${escapeControls(stripTerminalControls(w))}`);
  }
  const failOn = args.failOn ?? config.failOn;
  if (failOn === 'none') return 0;
  const threshold = severityRank(failOn);
  return result.report.findings.some((f) => severityRank(f.severity) >= threshold) ? 1 : 0;
}

/**
 * The formats asked for and where each goes, checked before any work: --output takes one format written to a file;
 * standard output takes one format (GitHub annotations go there whatever else is asked, so with github the other
 * formats need --output or --output-dir). FL003 otherwise.
 */
function outputPlan(args: CommonArgs, config: Config): { formats: Format[]; outputDir: string | undefined } {
  const formats: Format[] = parseFormats(args.format ?? (args.output ? 'json' : config.formats.join(',')));
  const outputDir = args.outputDir ?? config.outputDir;
  const toFiles = formats.filter((f) => f !== 'github');
  if (args.output && toFiles.length > 1) throw new FactlintError('FL003', '--output takes one format', undefined, undefined, 'use --output-dir for several formats (github annotations go to standard output either way)');
  if (args.output && toFiles.length === 0) throw new FactlintError('FL003', '--output takes a format written to a file; github annotations always go to standard output', undefined, undefined, 'leave out --output (redirect standard output to keep the annotations), or add the file\'s format, e.g. --format github,sarif');
  const toStdout = args.output || outputDir ? formats.filter((f) => f === 'github') : formats;
  if (toStdout.length > 1) {
    throw new FactlintError('FL003', `${toStdout.join(' and ')} cannot both go to standard output`, undefined, undefined, `write the reports to files with --output-dir DIR (github annotations still go to standard output), or ask for one format, e.g. --format ${toStdout.find((f) => f !== 'github') ?? toStdout[0]}`);
  }
  return { formats, outputDir };
}

/**
 * Only the findings that involve the draft (draft mode): published sources are not re-checked against each other.
 * What the draft lost is located in the published version: a finding counts when the draft is the version it is
 * compared with (`versus`).
 */
function onlyInvolving(result: CheckResult, ids: Set<string>): CheckResult {
  const findings = result.report.findings.filter((f) => f.locations.some((l) => ids.has(l.source)) || (f.versus !== undefined && ids.has(f.versus)));
  const alignments = result.report.alignments.filter((a) => ids.has(a.a.source) || ids.has(a.b.source));
  const report: Report = { ...result.report, findings, alignments, summary: summarize(findings) };
  return { ...result, report };
}

/**
 * Draft mode compares a draft with the published versions: an empty draft, or one that matches none of them, was
 * not checked, and "0 findings" would say it passed. Both are errors that say so.
 */
function checkDraftsCompared(report: Report, draftIds: Set<string>, drafts: string[], against: string[]): void {
  const sentences = new Map(report.sources.map((s) => [s.id, s.sentences]));
  const empty = [...draftIds].filter((id) => (sentences.get(id) ?? 0) === 0);
  if (draftIds.size === 0 || empty.length === draftIds.size) {
    throw new FactlintError('FL132', 'the draft is empty: there is nothing to compare with the published versions', empty[0] ?? drafts[0], undefined, 'check that the draft file (or standard input) holds the article text');
  }
  const alone = [...draftIds].filter((id) => !empty.includes(id) && !report.stories.some((st) => st.sources.includes(id) && st.sources.some((x) => !draftIds.has(x))));
  if (alone.length > 0) {
    throw new FactlintError('FL133', `the draft matches none of the published versions in ${against.join(', ')}: it was not compared with anything`, alone.join(', '), undefined, 'check --against names the folder of this article\'s published versions, or that the draft is a version of one of them (it shares too few names, figures and dates with any)');
  }
}

export { DEFAULT_BASELINE };

/** Whether a path names a folder (a URL or a missing path does not). */
function isFolder(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/**
 * Reads the baseline a check leaves findings out by. A missing file says what its path is relative to: the working
 * directory for --baseline, the config file's folder for the config's "baseline".
 */
async function readGateBaseline(path: string, configFile: string | undefined): Promise<BaselineFile> {
  try {
    return await readBaseline(path);
  } catch (e) {
    if (!isFactlintError(e) || e.code !== 'FL100') throw e;
    const hint = configFile !== undefined
      ? `the "baseline" of ${configFile} is relative to the config file's folder, not to the working directory; fix the path there, or create the baseline with \`factlint baseline <inputs>\`, which writes to that path`
      : `check the path (it is relative to the working directory), or create the baseline with \`factlint baseline <inputs> -o ${path}\``;
    throw new FactlintError('FL100', 'baseline not found', shown(path), undefined, hint);
  }
}

/**
 * Runs a check as the command line asks: bitext, draft mode or files, then (unless `useBaseline` is false, as for
 * `factlint baseline`) leaves out the findings of --baseline or the config's "baseline".
 */
export async function runCheck(args: CheckArgs, { useBaseline = true }: { useBaseline?: boolean } = {}): Promise<{ result: CheckResult; config: Config; notes: string[]; stem: string }> {
  const { config, file: configFile } = await loadConfig(args.config);
  if (useBaseline) outputPlan(args, config);
  const opts = libraryOptions(config, args);
  const bitext = args.inputs.find((i) => i !== STDIN && isBitextPath(i));
  if (bitext !== undefined && (args.inputs.length > 1 || args.against?.length)) {
    throw bitextError('FL708', 'a bitext file is checked unit by unit, on its own, not among other inputs', shown(bitext), undefined, `check it alone: factlint check ${bitext} (one command per bitext file); to compare a draft with published articles, give .txt or .md files`);
  }
  const notes: string[] = [];
  let result: CheckResult;
  const stdin = args.inputs.includes(STDIN);
  if (stdin && !args.against?.length) throw new FactlintError('FL131', 'reading a draft from standard input needs --against', '-', undefined, 'add --against FOLDER with the published versions to compare with');
  if (bitext !== undefined) {
    result = await checkBitext(bitext, {
      ...opts,
      ...(opts.load?.maxFileSize !== undefined ? { maxFileSize: opts.load.maxFileSize } : {}),
      ...(args.left ? { left: args.left } : {}), ...(args.right ? { right: args.right } : {}), ...(args.id ? { id: args.id } : {}),
      ...(args.leftLang ? { leftLang: args.leftLang } : {}), ...(args.rightLang ? { rightLang: args.rightLang } : {}),
    });
  } else if (args.against?.length) {
    const draftPaths = args.inputs.filter((i) => i !== STDIN);
    // One draft against one published file (not a folder of articles): the editor says they are one story, so they
    // are compared however little they share.
    const paired = draftPaths.length + (stdin ? 1 : 0) === 1 && args.against.length === 1 && !isFolder(args.against[0]!);
    const story = paired ? 'draft' : undefined;
    const texts: TextInput[] = stdin ? [{ id: 'stdin', text: readStdin(opts.load?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE), ...(story ? { story } : {}) }] : [];
    // The published versions are the originals the draft derives from.
    result = await check([...draftPaths, ...texts, ...args.against], {
      ...opts, originals: args.against,
      ...(story ? { oneStory: { paths: [...draftPaths, ...args.against], story }, relations: { ...opts.relations, [story]: 'versions' as const } } : {}),
    });
    const draftIds = new Set<string>(texts.map((t) => t.id));
    for (const s of result.report.sources) if (draftPaths.length && isUnder(s.path, draftPaths)) draftIds.add(s.id);
    checkDraftsCompared(result.report, draftIds, [...draftPaths, ...texts.map((t) => t.id)], args.against);
    result = onlyInvolving(result, draftIds);
  } else {
    result = await check(args.inputs, opts);
  }
  const baselinePath = useBaseline ? args.baseline ?? config.baseline : undefined;
  if (baselinePath) {
    const applied = applyBaseline(result.report, await readGateBaseline(baselinePath, args.baseline === undefined ? configFile : undefined));
    result = { ...result, report: applied.report };
    notes.push(`${plural(applied.baselined, 'finding')} accepted in the baseline ${terminalName(shown(baselinePath))}`);
    for (const e of applied.stale) notes.push(`baseline entry no longer matches anything (fixed?): ${escapeControls(e.ruleId)} ${escapeControls(stripTerminalControls(e.evidence.join(' | ').slice(0, 120)))}`);
  }
  const first = args.inputs.find((i) => i !== STDIN);
  const stem = args.inputs.length === 1 && first ? basename(resolve(first)).replace(/\.[^.]+$/, '') || 'report' : 'report';
  return { result, config, notes, stem };
}

export async function checkCommand(args: CheckArgs): Promise<number> {
  const { result, config, notes, stem } = await runCheck(args);
  return emit(result, args, config, stem, notes);
}

export async function pairsCommand(args: CommonArgs & { file: string; left: string; right: string; id?: string; leftLang?: string; rightLang?: string }): Promise<number> {
  const { config } = await loadConfig(args.config);
  outputPlan(args, config);
  const result = await checkPairs(args.file, {
    ...libraryOptions(config, args),
    left: args.left, right: args.right,
    ...(args.id ? { id: args.id } : {}),
    ...(args.leftLang ? { leftLang: args.leftLang } : {}),
    ...(args.rightLang ? { rightLang: args.rightLang } : {}),
  });
  return emit(result, args, config, basename(args.file).replace(/\.[^.]+$/, ''));
}

/**
 * `factlint baseline`: accept every current finding. Writes to -o, else the config's "baseline", else
 * factlint-baseline.json. It never leaves findings out by an existing baseline; when the file exists, the notes of
 * its entries that still match a finding are kept, and it says how many notes it kept and how many entries it dropped.
 */
export async function baselineCommand(args: CheckArgs): Promise<number> {
  const { result, config } = await runCheck(args, { useBaseline: false });
  const out = resolve(args.output ?? config.baseline ?? DEFAULT_BASELINE);
  const previous = existsSync(out) ? await readBaseline(out) : undefined;
  const { baseline, keptNotes, dropped } = recreateBaseline(result.report, previous);
  writeAtomic(out, formatBaseline(baseline));
  if (!args.quiet) {
    const entries = baseline.entries.length;
    const unnoted = baseline.entries.filter((e) => e.note === '').length;
    const parts = [`baseline written: ${terminalName(shown(out))} (${plural(entries, 'finding')})`];
    if (previous) parts.push(`kept ${plural(keptNotes, 'note')} of the previous file, dropped ${plural(dropped.length, 'entry', 'entries')} that no longer ${dropped.length === 1 ? 'matches' : 'match'} a finding`);
    if (unnoted > 0) parts.push(`add a one-line "note" to ${unnoted === entries ? 'each' : `the ${plural(unnoted, 'entry', 'entries')} without one`} saying why it is accepted`);
    say(`${parts.join('; ')}\n`);
  }
  return 0;
}

/** `factlint init`: a starter config with a description beside every setting. */
export function initCommand(args: { force: boolean; quiet: boolean }): number {
  const path = resolve(CONFIG_FILE);
  if (existsSync(path) && !args.force) throw new FactlintError('FL605', 'a config file already exists', CONFIG_FILE, undefined, 'edit it, or run `factlint init --force` to replace it');
  writeAtomic(path, initConfig());
  if (!args.quiet) say(`written: ${CONFIG_FILE}\n`);
  return 0;
}
