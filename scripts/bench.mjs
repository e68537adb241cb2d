#!/usr/bin/env node
// Performance benchmark for `factlint check` on synthetic corpora (scripts/gen-corpus.mjs). Prints figures; it never
// fails because something is slow. Exit codes: 0 measured (whatever the figures); 1 setup problem (no dist/ build,
// bad option); 2 factlint crashed (exit code 2, another code than 0/1, a signal, or no report written).
//
//   node scripts/bench.mjs [--sizes 10,250,500,1000,2000,4000] [--full] [--seed S] [--jobs N] [--timeout SECONDS]
//                          [--declared] [--cache] [--modes cli,warm,declared] [--no-snapshot]
//                          [--profile N [--profile-mode cli|declared]] [--json FILE]
//   node scripts/bench.mjs --modes tm [--units 20000,200000] [--tm-formats po,xliff,tmx]
//                          [--report-formats json,text,html,junit,sarif] [--jobs N] [--timeout SECONDS]
//   node scripts/bench.mjs --modes hostile
//
// For each size a corpus is generated once and cached under os.tmpdir()/factlint-bench/ (keyed by generator
// version, seed and size), then `node dist/factlint.js check DIR --format json --output OUT --fail-on none --quiet`
// runs as a child process. --quiet only stops the text summary being rendered to a stdout nobody reads; the JSON
// report is produced in full. dist/ and rules/ are first copied to a snapshot (unless --no-snapshot), so a rebuild
// during a long run does not mix two versions of the tool in one table.
//
// Wall time is process.hrtime around the child. CPU time and peak RSS come from GNU `/usr/bin/time -v` ("Maximum
// resident set size"); without /usr/bin/time the child is started with `node --import <hook>`, a hook that prints
// process.resourceUsage().maxRSS when the child exits (the same kernel figure, in KiB; CPU time is then not shown).
// A run that takes longer than --timeout (default 600 s) is killed and the larger sizes are skipped.
//
// Modes: "cli" (default) is the check command above. --declared adds "declared": every size through the library
// API with each document's story key from the manifest (`check()` with TextInput.story, as a manifest would
// declare them), which takes clustering out of the measurement. --cache adds "warm" (when factlint has --cache):
// every size twice with one analysis cache, empty then warm; the second run is reported. --profile N runs size N
// under `node --cpu-prof` (in --profile-mode cli or declared) and prints the functions and files with the most self
// time, summed over all threads.
//
// Mode "hostile" (#17.2, #17.4): inputs that once hung a run, generated here: a 9 MB single-line text and a line of
// 1,000,000 × "1. " through the CLI (refused with FL119, the line limit), the same lines and single lines of 1, 2 and
// 4 MB through the library with the line limit raised (so the sentence splitter's time in the length of a line is
// measured), and the config pattern `^(a+)+$` against 44 "a"s and "!". Printed: wall time, peak RSS, the exit code
// and the error code.
//
// Mode "tm" (translation memories, #17.5): for each --units count a memory is generated once (gen-corpus.mjs
// generateTm: short segments and some sentences of generated stories, one change planted in a quarter of the stories)
// and written as PO, XLIFF 1.2 and/or TMX 1.4, cached under os.tmpdir()/factlint-bench/; then `factlint check FILE
// --format <report formats> --output-dir OUT --fail-on none --quiet --max-file-size 256MiB` runs once per memory
// file. Printed per run: wall and CPU time, peak RSS, the size of each report written (and the text report's lines),
// the units checked and with findings, the planted units found (a finding of the planted category on the unit) and
// the units flagged where nothing was planted; with html among the formats, the HTML report's pages and how long
// the first takes to load in Chromium (Debian's /usr/bin/chromium through playwright-core; left out when either is
// missing). The corpus modes and the cold start are skipped when only tm is asked.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { GENERATOR_VERSION, formatTm, generateTm, writeCorpus } from './gen-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_CLI = join(ROOT, 'dist', 'factlint.js');
/** The CLI that runs: a snapshot of dist/ unless --no-snapshot (set in main). */
let CLI = BUILT_CLI;
let DIST = join(ROOT, 'dist');
let snapshotDir;
const WORK = join(os.tmpdir(), 'factlint-bench');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = {
    sizes: [10, 250, 500, 1000, 2000, 4000], full: false, seed: '1', jobs: undefined, timeout: 600, profile: undefined, json: undefined, seedsRuns: 5, modes: ['cli'], snapshot: true, profileMode: 'cli',
    units: [20000], tmFormats: ['po'], reportFormats: [...TM_REPORT_FORMATS],
  };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
    if (a === '--sizes') { o.sizes = val().split(',').map((s) => Number(s.trim())); sizesGiven = true; }
    else if (a === '--full') o.full = true;
    else if (a === '--no-snapshot') o.snapshot = false;
    else if (a === '--declared') o.modes = ['cli', 'declared'];
    else if (a === '--modes') o.modes = val().split(',').map((x) => x.trim());
    else if (a === '--cache') o.modes = [...new Set([...o.modes, 'warm'])];
    else if (a === '--seed') o.seed = val();
    else if (a === '--jobs') o.jobs = Number(val());
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--profile') o.profile = Number(val());
    else if (a === '--profile-mode') o.profileMode = val();
    else if (a === '--json') o.json = val();
    else if (a === '--seeds-runs') o.seedsRuns = Number(val());
    else if (a === '--units') o.units = val().split(',').map((x) => Number(x.trim()));
    else if (a === '--tm-formats') o.tmFormats = val().split(',').map((x) => x.trim());
    else if (a === '--report-formats') o.reportFormats = val().split(',').map((x) => x.trim());
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.full && !sizesGiven) o.sizes.push(5000);
  if (o.profileMode !== 'cli' && o.profileMode !== 'declared') throw new Error('--profile-mode takes cli or declared');
  if (!o.modes.length || o.modes.some((x) => !['cli', 'declared', 'warm', 'tm', 'hostile'].includes(x))) throw new Error('--modes takes a comma-separated list of cli, declared, warm, tm, hostile');
  if (o.units.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--units takes positive integers, e.g. --units 20000,200000');
  if (!o.tmFormats.length || o.tmFormats.some((f) => !TM_EXT[f])) throw new Error('--tm-formats takes a comma-separated list of po, xliff, tmx');
  if (!o.reportFormats.length || o.reportFormats.some((f) => !TM_REPORT_FORMATS.includes(f))) throw new Error(`--report-formats takes a comma-separated list of ${TM_REPORT_FORMATS.join(', ')}`);
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive integers, e.g. --sizes 10,250,1000');
  if (o.jobs !== undefined && (!Number.isInteger(o.jobs) || o.jobs < 1)) throw new Error('--jobs takes a positive integer');
  if (!(o.timeout > 0)) throw new Error('--timeout takes a number of seconds');
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  o.units = [...new Set(o.units)].sort((a, b) => a - b);
  return o;
}

// ---------------------------------------------------------------- translation memories

/**
 * Seconds from navigation to the load event of an HTML report in Debian's Chromium (through playwright-core), or
 * undefined when either is missing.
 */
async function htmlLoadSeconds(file) {
  if (!existsSync('/usr/bin/chromium')) return undefined;
  let chromium;
  try { ({ chromium } = await import('playwright-core')); } catch { return undefined; }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const t = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
    return (performance.now() - t) / 1000;
  } finally {
    await browser.close();
  }
}

/** The report formats a tm run writes (github annotations go to stdout, so they are not among them). */
const TM_REPORT_FORMATS = ['json', 'text', 'html', 'junit', 'sarif'];
/** File extensions of the memory formats, and of the reports as the CLI names them in --output-dir. */
const TM_EXT = { po: 'po', xliff: 'xlf', tmx: 'tmx' };
const REPORT_EXT = { json: 'json', text: 'txt', html: 'html', junit: 'junit.xml', sarif: 'sarif' };

/** The memory of `units` units as `format`, generated once and cached (with its planted changes beside it). */
function tmFile(units, seed, format) {
  const stem = join(WORK, `tm-v${GENERATOR_VERSION}-seed${seed}-n${units}`);
  const file = `${stem}.${TM_EXT[format]}`;
  const plantedFile = `${stem}.planted.json`;
  if (existsSync(file) && existsSync(plantedFile)) return { file, planted: JSON.parse(readFileSync(plantedFile, 'utf8')), cached: true };
  const tm = generateTm({ units, seed });
  writeFileSync(file, formatTm(tm, format));
  writeFileSync(plantedFile, JSON.stringify(tm.planted));
  return { file, planted: tm.planted, cached: false };
}

/**
 * The unit id a reader gives a generated unit: XLIFF and TMX keep the generator's ids ("u000042"); PO entries have
 * none, and are numbered in file order ("unit-42"), which is the generator's order.
 */
const tmUnitId = (id, format) => (format === 'po' ? `unit-${Number(id.slice(1))}` : id);

/** Planted units found (a finding of the planted category on the unit) and units with findings where none was planted. */
function scoreTm(report, planted, format) {
  const categoriesOf = new Map();
  for (const f of report.findings ?? []) if (f.story !== undefined) (categoriesOf.get(f.story) ?? categoriesOf.set(f.story, new Set()).get(f.story)).add(f.category);
  const plantedIds = new Set();
  let found = 0;
  for (const p of planted) {
    const id = tmUnitId(p.unit, format);
    plantedIds.add(id);
    if (categoriesOf.get(id)?.has(p.category)) found++;
  }
  const flaggedUnplanted = [...categoriesOf.keys()].filter((id) => !plantedIds.has(id)).length;
  return { planted: planted.length, found, flaggedUnplanted };
}

// ---------------------------------------------------------------- running the child

const RSS_HOOK = join(WORK, 'rss-hook.mjs');
const DECLARED_CHILD = join(WORK, 'declared-child.mjs');
// Reads the corpus and checks it through the library with the manifest's story keys; writes the JSON report.
const DECLARED_SOURCE = `import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dist, dir, out] = process.argv.slice(2);
const { check, render } = await import(pathToFileURL(join(dist, 'index.js')).href);
const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const inputs = m.stories.flatMap((s) => s.files.map((f) => ({ id: f.file, text: readFileSync(join(dir, f.file), 'utf8'), story: s.id })));
const r = await check(inputs);
writeFileSync(out, render('json', r.report, r.context));
`;
// FACTLINT_BENCH_NO_TIME=1 forces the fallback (to test it on machines that have /usr/bin/time).
const hasTime = !process.env.FACTLINT_BENCH_NO_TIME && existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `node <args>` in its own process group, with /usr/bin/time -v around it when available. Resolves with wall
 * seconds, peak RSS (KiB), exit code or signal, CPU seconds, and the last of stderr; kills the group after `timeoutS`.
 */
function runNode(nodeArgs, { timeoutS, cwd = ROOT, stdout = 'ignore' } = {}) {
  return new Promise((resolvePromise) => {
    const cmd = hasTime ? TIME : process.execPath;
    const args = hasTime ? ['-v', process.execPath, ...nodeArgs] : ['--import', RSS_HOOK, ...nodeArgs];
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'], detached: true });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => { err += d; if (err.length > 4e6) err = err.slice(-2e6); });
    child.stdout?.on('data', (d) => { out += d; });
    let timedOut = false;
    const timer = timeoutS ? setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutS * 1000) : undefined;
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      if (timer) clearTimeout(timer);
      const r = { wall, code, signal, timedOut, stdout: out };
      if (hasTime) {
        const num = (re) => { const m = err.match(re); return m ? Number(m[1]) : undefined; };
        r.rssKiB = num(/Maximum resident set size \(kbytes\): (\d+)/);
        const sig = num(/Command terminated by signal (\d+)/);
        if (sig !== undefined) { r.signal = `signal ${sig}`; r.code = null; }
        else { const st = num(/Exit status: (\d+)/); if (st !== undefined) r.code = st; }
        r.cpu = (num(/User time \(seconds\): ([\d.]+)/) ?? 0) + (num(/System time \(seconds\): ([\d.]+)/) ?? 0);
        const cut = err.search(/\n?\tCommand being timed:/);
        err = cut >= 0 ? err.slice(0, cut) : err;
        err = err.replace(/Command (exited with non-zero status|terminated by signal) \d+\n?/, '');
      } else {
        const m = err.match(/\nfactlint-bench maxrss (\d+)\n/);
        if (m) { r.rssKiB = Number(m[1]); err = err.replace(m[0], ''); }
      }
      r.stderr = err.trim();
      resolvePromise(r);
    });
  });
}

// ---------------------------------------------------------------- corpora

function corpusDir(n, seed) {
  const dir = join(WORK, `corpus-v${GENERATOR_VERSION}-seed${seed}-n${n}`);
  const mf = join(dir, 'manifest.json');
  if (existsSync(mf)) {
    try {
      const m = JSON.parse(readFileSync(mf, 'utf8'));
      const count = readdirSync(dir).filter((f) => f.endsWith('.txt')).length;
      if (m.version === GENERATOR_VERSION && m.seed === String(seed) && m.docs === n && count === n) return { dir, manifest: m, cached: true };
    } catch { /* regenerate */ }
  }
  const manifest = writeCorpus(dir, { docs: n, seed });
  return { dir, manifest, cached: false };
}

// ---------------------------------------------------------------- scoring a report against the manifest

const PAIR_CATEGORIES = new Set(['entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch', 'negation-mismatch']);

/** Source ids are paths (relative or absolute); the corpus is flat, so the file name identifies the document. */
const fileOf = (sourceId) => basename(String(sourceId));

function score(report, manifest) {
  const storyOfFile = new Map();
  const noise = new Set();
  for (const s of manifest.stories) for (const f of s.files) { storyOfFile.set(f.file, s.id); if (s.kind === 'noise') noise.add(f.file); }
  // category -> files touched by a finding of that category
  const touched = new Map();
  let onNoise = 0, crossStory = 0;
  for (const f of report.findings ?? []) {
    const files = new Set((f.locations ?? []).map((l) => fileOf(l.source)));
    let set = touched.get(f.category);
    if (!set) touched.set(f.category, (set = new Set()));
    for (const x of files) set.add(x);
    if (PAIR_CATEGORIES.has(f.category)) {
      if ([...files].some((x) => noise.has(x))) onNoise++;
      if (new Set([...files].map((x) => storyOfFile.get(x))).size > 1) crossStory++;
    }
  }
  const byKind = {};
  let planted = 0, found = 0;
  for (const s of manifest.stories) {
    for (const p of s.planted) {
      const k = (byKind[p.kind] ??= { planted: 0, found: 0 });
      k.planted++; planted++;
      if (touched.get(p.category)?.has(p.file)) { k.found++; found++; }
    }
  }
  // Clustering, pairwise: two documents in one reported story vs in one generated story.
  const cells = new Map();
  const reportStoryOf = new Map();
  for (const st of report.stories ?? []) for (const src of st.sources ?? []) reportStoryOf.set(fileOf(src), st.id);
  const pairs = (n) => (n * (n - 1)) / 2;
  const rs = new Map(), ms = new Map();
  for (const [file, m] of storyOfFile) {
    const r = reportStoryOf.get(file) ?? `(none):${file}`;
    const key = `${r}\u0000${m}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rs.set(r, (rs.get(r) ?? 0) + 1);
    ms.set(m, (ms.get(m) ?? 0) + 1);
  }
  const tp = [...cells.values()].reduce((s, n) => s + pairs(n), 0);
  const rp = [...rs.values()].reduce((s, n) => s + pairs(n), 0);
  const mp = [...ms.values()].reduce((s, n) => s + pairs(n), 0);
  return {
    planted, found, recall: planted ? found / planted : null, byKind,
    clusterPrecision: rp ? tp / rp : null, clusterRecall: mp ? tp / mp : null,
    pairFindingsOnNoise: onNoise, pairFindingsAcrossStories: crossStory,
  };
}

// ---------------------------------------------------------------- profile summary

/** Self time per function and per file, summed over the profiles of every thread (main and workers). */
function summariseProfile(files, top = 15) {
  const byFn = new Map(), byFile = new Map();
  let total = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8'));
    const self = new Map();
    (p.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0)));
    for (const n of p.nodes) {
      const us = self.get(n.id) ?? 0;
      if (!us) continue;
      // Idle workers waiting for work are not cost.
      if (n.callFrame.functionName === '(idle)') continue;
      total += us;
      const cf = n.callFrame;
      const url = cf.url ? cf.url.replace(/^file:\/\//, '').replace(`${dirname(DIST)}/`, '').replace(`${ROOT}/`, '') : '';
      const fn = `${cf.functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}` : ''}`.trim();
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
      const where = url ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1') : `(${cf.functionName || 'native'})`;
      byFile.set(where, (byFile.get(where) ?? 0) + us);
    }
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, functions: sorted(byFn), files: sorted(byFile) };
}

// ---------------------------------------------------------------- figures

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Least-squares slope of y on x. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; }
  return sxx ? sxy / sxx : NaN;
}

const f1 = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
const pct = (x) => (x === undefined || x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const mib = (kib) => (kib === undefined ? '–' : (kib / 1024).toFixed(0));
/** Bytes as B, KB or MB (decimal, as file sizes are usually read). */
const size = (b) => (b === undefined ? '–' : b < 1e3 ? `${b} B` : b < 1e6 ? `${(b / 1e3).toFixed(1)} KB` : `${(b / 1e6).toFixed(1)} MB`);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length, memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, rss: hasTime ? '/usr/bin/time -v' : 'node --import hook (resourceUsage().maxRSS)',
  };
}

// ---------------------------------------------------------------- main

async function main() {
  let o;
  try { o = parseArgs(process.argv.slice(2)); } catch (e) { process.stderr.write(`bench: ${e.message}\n`); return 1; }
  if (o.help) { process.stdout.write('usage: node scripts/bench.mjs [--sizes 10,250,...] [--full] [--seed S] [--jobs N] [--timeout S] [--declared] [--cache] [--modes cli,warm,declared,tm,hostile] [--units 20000,200000] [--tm-formats po,xliff,tmx] [--report-formats json,text,html,junit,sarif] [--no-snapshot] [--profile N [--profile-mode cli|declared]] [--json FILE]\n'); return 0; }
  if (!existsSync(BUILT_CLI)) { process.stderr.write(`bench: ${BUILT_CLI} is missing; build first (npm run build)\n`); return 1; }
  mkdirSync(WORK, { recursive: true });
  if (o.snapshot) {
    // A long run must measure one build: copy dist/ and rules/ (the package root is dist/..), share node_modules.
    const snap = join(WORK, `snapshot-${process.pid}`);
    snapshotDir = snap;
    rmSync(snap, { recursive: true, force: true });
    cpSync(join(ROOT, 'dist'), join(snap, 'dist'), { recursive: true });
    if (existsSync(join(ROOT, 'rules'))) cpSync(join(ROOT, 'rules'), join(snap, 'rules'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(snap, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(snap, 'node_modules'), 'dir');
    DIST = join(snap, 'dist');
    CLI = join(DIST, 'factlint.js');
  }
  writeFileSync(DECLARED_CHILD, DECLARED_SOURCE);
  writeFileSync(RSS_HOOK, "process.on('exit', () => { process.stderr.write(`\\nfactlint-bench maxrss ${process.resourceUsage().maxRSS}\\n`); });\n");
  const m = machine();
  const log = (s) => process.stderr.write(`bench: ${s}\n`);
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, node ${m.node}; peak RSS via ${m.rss}`);

  const help = spawnSync(process.execPath, [CLI, 'check', '--help'], { cwd: ROOT, encoding: 'utf8' });
  const version = spawnSync(process.execPath, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const built = statSync(BUILT_CLI).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  const jobsSupported = /--jobs\b/.test(`${help.stdout}${help.stderr}`);
  const jobArgs = o.jobs !== undefined && jobsSupported ? ['--jobs', String(o.jobs)] : [];
  if (o.jobs !== undefined && !jobsSupported) log(`--jobs ${o.jobs} ignored: "factlint check --help" does not mention --jobs`);

  let crashed = false;
  /** Runs every size in one mode ("cli": the check command; "declared": the library with story keys). */
  const series = async (mode) => {
    const rows = [];
    let stop = false;
    for (const n of o.sizes) {
      if (stop) { rows.push({ docs: n, skipped: 'skipped (a smaller size timed out)' }); continue; }
      const t0 = Date.now();
      const { dir, manifest, cached } = corpusDir(n, o.seed);
      if (mode === 'cli') log(`${n} docs: corpus ${cached ? 'cached' : `generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`} (${(manifest.bytes / 1e6).toFixed(2)} MB) at ${dir}`);
      const out = join(WORK, 'reports', `report-${mode}-seed${o.seed}-n${n}.json`);
      mkdirSync(dirname(out), { recursive: true });
      rmSync(out, { force: true });
      const cacheDir = join(WORK, 'cache', `n${n}`);
      const args = mode === 'declared' ? [DECLARED_CHILD, DIST, dir, out]
        : [CLI, 'check', dir, '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet', ...jobArgs, ...(mode === 'warm' ? ['--cache', cacheDir] : [])];
      let fill;
      if (mode === 'warm') {
        // First run fills an empty cache (its time is the cold run with cache writes); the second is measured.
        rmSync(cacheDir, { recursive: true, force: true });
        fill = await runNode(args, { timeoutS: o.timeout });
        rmSync(out, { force: true });
      }
      const r = fill?.timedOut ? fill : await runNode(args, { timeoutS: o.timeout });
      const row = { docs: n, bytes: manifest.bytes, wall: r.wall, cpu: r.cpu, rssKiB: r.rssKiB, code: r.code, signal: r.signal, ...(fill ? { fillWall: fill.wall } : {}) };
      if (r.timedOut) {
        row.skipped = `timed out after ${o.timeout} s`;
        stop = true;
        log(`${mode} ${n} docs: ${row.skipped}; larger sizes skipped`);
      } else {
        let report;
        try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { /* missing or broken */ }
        if (r.code === 2 || r.signal || (r.code !== 0 && r.code !== 1) || !report) {
          crashed = true;
          row.crash = r.signal ? `${r.signal}` : `exit ${r.code}${report ? '' : ', no report'}`;
          log(`${mode} ${n} docs: factlint crashed (${row.crash}); stderr:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
        } else {
          row.reportBytes = statSync(out).size;
          row.sources = report.sources?.length;
          row.stories = report.stories?.length;
          row.findings = report.findings?.length;
          row.byCategory = report.summary?.byCategory;
          Object.assign(row, score(report, manifest));
          log(`${mode} ${n} docs: ${r.wall.toFixed(2)} s, ${mib(r.rssKiB)} MiB peak, ${row.findings} findings, recall ${pct(row.recall)}`);
        }
      }
      rows.push(row);
    }
    return rows;
  };
  const rows = o.modes.includes('cli') ? await series('cli') : [];

  /** Every memory size in every memory format: one check run writing every report format. */
  const tmSeries = async () => {
    const out = [];
    let stop = false;
    for (const n of o.units) {
      for (const format of o.tmFormats) {
        if (stop) { out.push({ units: n, format, skipped: 'skipped (a smaller size timed out)' }); continue; }
        const t0 = Date.now();
        const { file, planted, cached } = tmFile(n, o.seed, format);
        const bytes = statSync(file).size;
        log(`tm ${n} units (${format}): ${cached ? 'cached' : `generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`} (${(bytes / 1e6).toFixed(2)} MB) at ${file}`);
        const dir = join(WORK, 'reports', `tm-seed${o.seed}-n${n}-${format}-${process.pid}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const args = [CLI, 'check', file, '--format', o.reportFormats.join(','), '--output-dir', dir, '--fail-on', 'none', '--quiet', '--max-file-size', '256MiB', ...jobArgs];
        const r = await runNode(args, { timeoutS: o.timeout });
        const row = { units: n, format, bytes, wall: r.wall, cpu: r.cpu, rssKiB: r.rssKiB, code: r.code, signal: r.signal, outputs: {} };
        if (r.timedOut) {
          row.skipped = `timed out after ${o.timeout} s`;
          stop = true;
          log(`tm ${n} units (${format}): ${row.skipped}; larger sizes skipped`);
          out.push(row);
          continue;
        }
        const stem = basename(file).replace(/\.[^.]+$/, '');
        for (const f of o.reportFormats) {
          const path = join(dir, `${stem}.${REPORT_EXT[f]}`);
          if (!existsSync(path)) continue;
          row.outputs[f] = { bytes: statSync(path).size };
          if (f === 'text') row.outputs[f].lines = readFileSync(path, 'utf8').split('\n').length - 1;
        }
        let report;
        const json = join(dir, `${stem}.json`);
        try { report = JSON.parse(readFileSync(json, 'utf8')); } catch { /* missing, broken or not asked for */ }
        if (r.code === 2 || r.signal || (r.code !== 0 && r.code !== 1) || Object.keys(row.outputs).length < o.reportFormats.length) {
          crashed = true;
          row.crash = r.signal ? `${r.signal}` : `exit ${r.code}${Object.keys(row.outputs).length < o.reportFormats.length ? ', reports missing' : ''}`;
          log(`tm ${n} units (${format}): factlint crashed (${row.crash}); stderr:\n${r.stderr.split('\n').slice(-15).join('\n')}`);
        } else {
          if (report) {
            row.findings = report.findings?.length;
            row.checked = report.units?.checked ?? report.stories?.length;
            row.withFindings = report.units?.withFindings ?? new Set((report.findings ?? []).map((x) => x.story)).size;
            Object.assign(row, scoreTm(report, planted, format));
          }
          if (row.outputs.html) {
            row.htmlPages = readdirSync(dir).filter((x) => x === `${stem}.html` || (x.startsWith(`${stem}-`) && /^-\d+\.html$/.test(x.slice(stem.length)))).length;
            row.htmlOpenS = await htmlLoadSeconds(join(dir, `${stem}.html`));
          }
          log(`tm ${n} units (${format}): ${r.wall.toFixed(2)} s, ${mib(r.rssKiB)} MiB peak, ${o.reportFormats.map((f) => `${f} ${size(row.outputs[f]?.bytes)}`).join(', ')}${row.htmlPages ? `; html ${row.htmlPages} pages, the first loaded in Chromium in ${row.htmlOpenS?.toFixed(2) ?? '–'} s` : ''}`);
        }
        out.push(row);
      }
    }
    return out;
  };
  const tmRows = o.modes.includes('tm') ? await tmSeries() : undefined;

  /** The error codes a run printed, in order ("FL102, FL119"), or a dash. */
  const codesOf = (stderr) => [...new Set(stderr.match(/\bFL\d{3}\b/gu) ?? [])].join(', ') || '–';
  /** Inputs that once hung a run: each through the CLI or the library, timed. */
  const hostileSeries = async () => {
    const dir = join(WORK, `hostile-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const prose = 'The council approved a budget of 12 million dollars on Monday after a long debate, the mayor said. ';
    const line = (bytes) => prose.repeat(Math.ceil(bytes / prose.length));
    const out = [];
    const cli = async (name, files, args, config) => {
      const d = join(dir, `case-${out.length}`);
      mkdirSync(d, { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
      if (config) writeFileSync(join(d, 'factlint.config.json'), JSON.stringify(config));
      const r = await runNode([CLI, 'check', ...args, '--format', 'json', '-o', join(d, 'r.json'), '--fail-on', 'none', '--quiet'], { timeoutS: o.timeout, cwd: d });
      out.push({ name, how: `factlint check ${args.join(' ')}${config ? ` (config ${JSON.stringify(config)})` : ''}`, wall: r.wall, rssKiB: r.rssKiB, exit: r.timedOut ? 'timed out' : r.code, code: codesOf(r.stderr) });
      log(`hostile: ${name}: ${r.wall.toFixed(2)} s, exit ${r.timedOut ? 'timed out' : r.code}`);
    };
    const lib = async (name, text) => {
      const f = join(dir, `lib-${out.length}.txt`);
      writeFileSync(f, text);
      const script = `import { readFileSync } from 'node:fs'; import { check } from ${JSON.stringify(pathToFileURL(join(dirname(CLI), 'index.js')).href)};
        const text = readFileSync(${JSON.stringify(f)}, 'utf8');
        const { report } = await check([{ id: 'long.txt', text, lang: 'en' }], { load: { maxLineLength: 20_000_000 } });
        process.stdout.write(String(report.sources[0]?.sentences ?? 0));`;
      const r = await runNode(['--input-type=module', '-e', script], { timeoutS: o.timeout, stdout: 'pipe' });
      out.push({ name, how: `check() with maxLineLength raised: ${r.stdout || '?'} sentences`, wall: r.wall, rssKiB: r.rssKiB, exit: r.timedOut ? 'timed out' : r.code, code: codesOf(r.stderr) });
      log(`hostile: ${name} (library): ${r.wall.toFixed(2)} s, exit ${r.timedOut ? 'timed out' : r.code}`);
    };
    await cli('9 MB single-line text', { 'long.txt': line(9_000_000) }, ['long.txt']);
    await cli('a line of 1,000,000 × "1. "', { 'long.txt': '1. '.repeat(1_000_000) }, ['long.txt']);
    await cli('furniture pattern ^(a+)+$, a line of 44 "a"s and "!"', { 'a.txt': `${'a'.repeat(44)}!\n\n${prose}\n`, 'b.txt': `${prose}\n` }, ['a.txt', 'b.txt'], { furniture: ['^(a+)+$'] });
    for (const mb of [1, 2, 4]) await lib(`${mb} MB single-line text`, line(mb * 1_000_000));
    await lib('a line of 1,000,000 × "1. "', '1. '.repeat(1_000_000));
    rmSync(dir, { recursive: true, force: true });
    return out;
  };
  const hostileRows = o.modes.includes('hostile') ? await hostileSeries() : undefined;
  const cacheSupported = /--cache\b/.test(`${help.stdout}${help.stderr}`);
  if (o.modes.includes('warm') && !cacheSupported) log('--cache ignored: "factlint check --help" does not mention --cache');
  const warmRows = o.modes.includes('warm') && cacheSupported ? await series('warm') : undefined;
  const declaredRows = o.modes.includes('declared') ? await series('declared') : undefined;

  // Cold start on the seeds folder, against a bare node start.
  const seedTimes = [], nodeTimes = [];
  let seedsCrash;
  if (existsSync(join(ROOT, 'seeds')) && o.modes.some((x) => x !== 'tm' && x !== 'hostile')) {
    for (let i = 0; i < o.seedsRuns; i++) {
      const r = await runNode([CLI, 'check', 'seeds', '--format', 'json'], { timeoutS: 300, stdout: 'pipe' });
      let parsed = true;
      try { JSON.parse(r.stdout); } catch { parsed = false; }
      if (r.signal || (r.code !== 0 && r.code !== 1) || !parsed) { seedsCrash = r.signal ?? `exit ${r.code}${parsed ? '' : ', no JSON report on stdout'}`; crashed = true; log(`seeds check crashed (${seedsCrash}):\n${r.stderr.split('\n').slice(-10).join('\n')}`); break; }
      seedTimes.push(r.wall);
      nodeTimes.push((await runNode(['-e', '0'], { timeoutS: 60 })).wall);
    }
  }

  const rowsFit = (rs) => {
    // Scaling: log(time) against log(docs) over 250..4000; per-document marginal cost and memory from 250 up.
    const ok = rs.filter((r) => r.findings !== undefined);
    const fit = ok.filter((r) => r.docs >= 250 && r.docs <= 4000);
    const lin = ok.filter((r) => r.docs >= 250);
    return {
      exponent: fit.length >= 2 ? slope(fit.map((r) => Math.log(r.docs)), fit.map((r) => Math.log(r.wall))) : undefined,
      // The same on CPU seconds: steadier than wall time on a shared machine.
      cpuExponent: fit.length >= 2 && fit.every((r) => r.cpu) ? slope(fit.map((r) => Math.log(r.docs)), fit.map((r) => Math.log(r.cpu))) : undefined,
      msPerDoc: lin.length >= 2 ? slope(lin.map((r) => r.docs), lin.map((r) => r.wall)) * 1000 : undefined,
      memPerDocKiB: lin.length >= 2 && lin.every((r) => r.rssKiB) ? slope(lin.map((r) => r.docs), lin.map((r) => r.rssKiB)) : undefined,
    };
  };
  const fitCli = rowsFit(rows);
  const fitDeclared = declaredRows ? rowsFit(declaredRows) : undefined;

  // ---- print
  const p = (s = '') => process.stdout.write(`${s}\n`);
  p(`## factlint check: ${rows.length || warmRows || declaredRows ? 'synthetic corpora' : 'translation memories'}`);
  p();
  p(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}. factlint ${version} (dist built ${built}). Corpus seed ${o.seed}, generator v${GENERATOR_VERSION}.${jobArgs.length ? ` factlint ${jobArgs.join(' ')}.` : ''}`);
  p();
  if (hostileRows) {
    p('### Hostile input (one run each)');
    p();
    p('| input | run | wall s | peak RSS MiB | exit | code |');
    p('|---|---|---:|---:|---:|---|');
    for (const r of hostileRows) p(`| ${r.name} | ${r.how} | ${f1(r.wall, 2)} | ${mib(r.rssKiB)} | ${r.exit} | ${r.code} |`);
    p();
  }
  if (tmRows) {
    p(`### Translation memories (\`factlint check FILE --format ${o.reportFormats.join(',')} --output-dir DIR\`, one run each)`);
    p();
    p(`| units | file | MB | wall s | CPU s | peak RSS MiB | ${o.reportFormats.map((f) => `${f}${f === 'text' ? ' (lines)' : f === 'html' ? ' (pages; first page loaded in Chromium)' : ''}`).join(' | ')} | with findings | planted found | flagged, not planted |`);
    p(`|---:|---|---:|---:|---:|---:|${o.reportFormats.map(() => '---:').join('|')}|---:|---:|---:|`);
    for (const r of tmRows) {
      const head = `| ${r.units} | ${r.format} | ${f1(r.bytes ? r.bytes / 1e6 : undefined, 1)} |`;
      if (r.skipped || r.crash) { p(`${head} ${r.crash ? `crash (${r.crash})` : r.skipped} | | |${o.reportFormats.map(() => ' |').join('')} | | |`); continue; }
      const outs = o.reportFormats.map((f) => {
        const x = r.outputs[f];
        if (!x) return '–';
        if (f === 'html') return `${size(x.bytes)} (${r.htmlPages ?? '–'}; ${r.htmlOpenS !== undefined ? `${r.htmlOpenS.toFixed(2)} s` : 'not opened'})`;
        return `${size(x.bytes)}${x.lines !== undefined ? ` (${x.lines})` : ''}`;
      });
      p(`${head} ${f1(r.wall, 1)} | ${f1(r.cpu, 1)} | ${mib(r.rssKiB)} | ${outs.join(' | ')} | ${r.withFindings ?? '–'} of ${r.checked ?? '–'} | ${r.found ?? '–'}/${r.planted ?? '–'} | ${r.flaggedUnplanted ?? '–'} |`);
    }
    p();
  }
  const table = (rs, fit) => {
    p('| docs | MB | wall s | CPU s | peak RSS MiB | docs/s | MB/s | stories | findings | planted recall | cluster P / R |');
    p('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of rs) {
      if (r.skipped || r.crash) { p(`| ${r.docs} | ${f1(r.bytes ? r.bytes / 1e6 : undefined, 2)} | ${r.crash ? `crash (${r.crash})` : r.skipped} | | | | | | | | |`); continue; }
      p(`| ${r.docs} | ${f1(r.bytes / 1e6, 2)} | ${f1(r.wall, 2)} | ${f1(r.cpu, 2)} | ${mib(r.rssKiB)} | ${f1(r.docs / r.wall)} | ${f1(r.bytes / 1e6 / r.wall, 2)} | ${r.stories} | ${r.findings} | ${pct(r.recall)} (${r.found}/${r.planted}) | ${pct(r.clusterPrecision)} / ${pct(r.clusterRecall)} |`);
    }
    p();
    p(`Scaling exponent (least-squares slope of log time on log docs, 250–4000): ${fit.exponent === undefined ? '– (needs two sizes in range)' : `${fit.exponent.toFixed(2)} on wall time${fit.cpuExponent === undefined ? '' : `, ${fit.cpuExponent.toFixed(2)} on CPU time`}`}` +
      `${fit.msPerDoc !== undefined ? `; marginal cost ${fit.msPerDoc.toFixed(1)} ms per document` : ''}` +
      `${fit.memPerDocKiB !== undefined ? `, ${fit.memPerDocKiB.toFixed(0)} KiB peak RSS per document` : ''}.`);
  };
  if (rows.length) table(rows, fitCli);
  const kinds = ['amount', 'name', 'month', 'negation'];
  const recallTable = (rs) => {
    const ok = rs.filter((r) => r.findings !== undefined);
    if (!ok.length) return;
    p();
    p('Planted-discrepancy recall by kind (found if a finding of the planted category touches the planted file); pair-category findings touching a single-version noise story, and spanning documents of different generated stories:');
    p();
    p(`| docs | ${kinds.map((k) => `${k} (${{ amount: 'number', name: 'entity', month: 'date', negation: 'negation' }[k]}-mismatch)`).join(' | ')} | pair findings on noise | across stories |`);
    p(`|---:|${kinds.map(() => '---:').join('|')}|---:|---:|`);
    for (const r of ok) p(`| ${r.docs} | ${kinds.map((k) => { const b = r.byKind[k]; return b ? `${pct(b.found / b.planted)} (${b.found}/${b.planted})` : '–'; }).join(' | ')} | ${r.pairFindingsOnNoise} | ${r.pairFindingsAcrossStories} |`);
  };
  recallTable(rows);
  if (warmRows) {
    p();
    p('### Second run with a warm analysis cache (`--cache DIR`; the first run filled it)');
    p();
    p('| docs | first run (filling) s | warm run s | CPU s | peak RSS MiB | findings | speed-up |');
    p('|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of warmRows) {
      if (r.skipped || r.crash) { p(`| ${r.docs} | ${r.crash ? `crash (${r.crash})` : r.skipped} | | | | | |`); continue; }
      p(`| ${r.docs} | ${f1(r.fillWall, 2)} | ${f1(r.wall, 2)} | ${f1(r.cpu, 2)} | ${mib(r.rssKiB)} | ${r.findings} | ${f1(r.fillWall / r.wall, 1)}× |`);
    }
  }
  if (declaredRows) {
    if (rows.length) p();
    p(`### ${rows.length ? 'The same corpora' : 'Corpora'} with story keys declared (library \`check()\` with \`TextInput.story\`: no clustering)`);
    p();
    table(declaredRows, fitDeclared);
    recallTable(declaredRows);
  }
  p();
  if (seedTimes.length) {
    p(`Cold start, \`factlint check seeds --format json\` (${seedTimes.length} runs): median ${f1(median(seedTimes) * 1000, 0)} ms (min ${f1(Math.min(...seedTimes) * 1000, 0)}, max ${f1(Math.max(...seedTimes) * 1000, 0)}); bare \`node -e 0\`: median ${f1(median(nodeTimes) * 1000, 0)} ms.`);
  } else if (seedsCrash) p(`Cold start on seeds: factlint crashed (${seedsCrash}).`);

  let profile;
  if (o.profile) {
    const { dir } = corpusDir(o.profile, o.seed);
    const profDir = join(WORK, 'profiles', `n${o.profile}-${Date.now()}`);
    mkdirSync(profDir, { recursive: true });
    log(`profiling ${o.profile} docs (node --cpu-prof) into ${profDir}`);
    const out = join(WORK, 'reports', `report-profile-${o.profileMode}-n${o.profile}.json`);
    const target = o.profileMode === 'cli' ? [CLI, 'check', dir, '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet', ...jobArgs] : [DECLARED_CHILD, DIST, dir, out];
    const r = await runNode(['--cpu-prof', '--cpu-prof-dir', profDir, ...target], { timeoutS: o.timeout });
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length) {
      profile = summariseProfile(files.map((f) => join(profDir, f)));
      p();
      p(`### Where the time goes (${o.profile} docs, ${o.profileMode === 'cli' ? 'factlint check' : 'story keys declared'}, node --cpu-prof, ${f1(r.wall, 1)} s wall, ${f1(profile.totalMs / 1000, 1)} s of CPU sampled over ${files.length} thread${files.length === 1 ? '' : 's'})`);
      p();
      p('| self ms | share | file |');
      p('|---:|---:|---|');
      for (const x of profile.files) p(`| ${f1(x.ms, 0)} | ${pct(x.share)} | ${x.name} |`);
      p();
      p('| self ms | share | function |');
      p('|---:|---:|---|');
      for (const x of profile.functions) p(`| ${f1(x.ms, 0)} | ${pct(x.share)} | \`${x.name}\` |`);
      p();
      p(`Profiles (${files.length}, one per thread): ${profDir} (open in Chrome DevTools or speedscope).`);
    } else p(`Profiling produced no .cpuprofile (${r.timedOut ? 'timed out' : r.signal ?? `exit ${r.code}`}).`);
  }

  if (o.json) writeFileSync(o.json, `${JSON.stringify({ machine: m, seed: o.seed, rows, fit: fitCli, warm: warmRows, declared: declaredRows, fitDeclared, tm: tmRows, seeds: { runs: seedTimes, node: nodeTimes }, profile }, null, 1)}\n`);
  return crashed ? 2 : 0;
}

const cleanUp = () => { if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true }); };
main().then((code) => { cleanUp(); process.exitCode = code; }, (e) => { cleanUp(); process.stderr.write(`bench: internal error: ${e?.stack ?? e}\n`); process.exitCode = 1; });
