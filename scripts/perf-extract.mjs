#!/usr/bin/env node
// Timing of the per-source analysis and of its two costliest extractors (dates, quantities), cold and warm.
//
//   node scripts/perf-extract.mjs [--dist DIR] [--corpus DIR]... [--only big50|all] [--warm N] [--json FILE]
//
// Needs a build (npx tsc -p tsconfig.build.json). --dist points at another build (default ./dist), e.g. a copy of an
// older version, to compare. Two corpora, one table each (--only picks one):
//   big50: /tmp/big50 (or the --corpus folders), generated with scripts/gen-corpus.mjs --docs 50 when missing;
//   all:   the same plus the texts in seeds/, ../shared/eval/dev/*/*.txt and ../shared/eval/external/ntrex-dev/*/*.txt.
//
// Each measurement runs in its own child process, so "cold" is a fresh process (packs loaded, regular expressions
// compiled and tiered up during the pass):
//   - analyse: analyseSource() over every document, once cold, then --warm more passes (the median is "warm");
//   - stages:  clean + segment untimed, then extractDates over every sentence of every document, then
//              extractQuantities over them with the dates found (as extract() calls it), each loop timed as a whole;
//              once cold and then --warm passes. (clean() already runs extractDates on header lines, so the date
//              templates of the documents' languages have been used once before the cold dates loop.)
// Figures: total ms of the pass, and ms per 5 KB of text (5,120 bytes of UTF-8, the size of the file) and per document. Each is given as
// process CPU time (user + system, process.cpuUsage: steadier on a shared machine) and as wall time.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles } from './corpus-files.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { dist: join(ROOT, 'dist'), corpus: [], extra: true, only: undefined, warm: 3, json: undefined, child: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dist') o.dist = resolve(val());
    else if (a === '--corpus') o.corpus.push(resolve(val()));
    else if (a === '--no-extra') o.extra = false;
    else if (a === '--only') o.only = val();
    else if (a === '--warm') o.warm = Math.max(1, Number(val()));
    else if (a === '--json') o.json = val();
    else if (a === '--child') o.child = val();
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- child: one measurement in a fresh process

async function child(o) {
  const imp = (p) => import(pathToFileURL(join(o.dist, p)).href);
  const files = corpusFiles(o);
  const { load } = await imp('pipeline/load.js');
  const { sources } = await load(files, { cwd: '/' });
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0);
  const out = { docs: sources.length, chars, bytes, passes: [] };
  if (o.child === 'analyse') {
    const { analyseSource } = await imp('pipeline/run.js');
    for (let pass = 0; pass <= o.warm; pass++) {
      const t0 = performance.now();
      const c0 = cpuMs();
      for (const s of sources) analyseSource(s, {});
      out.passes.push({ total: performance.now() - t0, totalCpu: cpuMs() - c0 });
    }
  } else {
    const { clean } = await imp('pipeline/clean.js');
    const { segment } = await imp('pipeline/segment.js');
  // Builds before the knowledge context (stages read a module cache) ignore the extra argument.
  const k = (await imp('lang/knowledge.js').catch(() => ({}))).defaultKnowledge?.();
    // Builds before the packs moved out of lang/load.js read them there.
  const { getPack } = await imp('lang/packs.js').catch(() => imp('lang/load.js'));
    const { extractDates } = await imp('pipeline/extract/dates.js');
    const { extractQuantities } = await imp('pipeline/extract/quantities.js');
    const prepared = sources.map((s) => {
      const c = clean(s, {}, k);
      return { c, sentences: segment(c, k) };
    });
    for (let pass = 0; pass <= o.warm; pass++) {
      // One loop per stage, each timed as a whole (process.cpuUsage costs microseconds: not per sentence). The
      // quantities loop gets the dates of the dates loop, as extract() passes them.
      const res = {};
      const timed = (key, f) => {
        const t = performance.now();
        const u = cpuMs();
        const v = f();
        res[key] = performance.now() - t;
        res[`${key}Cpu`] = cpuMs() - u;
        return v;
      };
      const packs = timed('packs', () => prepared.map(({ c: src }) => getPack(src.lang)));
      const dates = timed('dates', () =>
        prepared.map(({ c: src, sentences }, i) => {
          const ctx = src.published ? { published: src.published } : {};
          return sentences.map((s) => extractDates(src.text, s, packs[i], ctx));
        }),
      );
      timed('quantities', () =>
        prepared.forEach(({ c: src, sentences }, i) => sentences.forEach((s, k) => extractQuantities(src.text, s, packs[i], dates[i][k]))),
      );
      out.passes.push(res);
    }
  }
  process.stdout.write(JSON.stringify(out));
}

function runChild(o, mode, extra) {
  const args = [fileURLToPath(import.meta.url), '--child', mode, '--dist', o.dist, '--warm', String(o.warm)];
  for (const c of o.corpus) args.push('--corpus', c);
  if (!extra) args.push('--no-extra');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    console.log('node scripts/perf-extract.mjs [--dist DIR] [--corpus DIR]... [--no-extra] [--warm N] [--json FILE]');
    return;
  }
  if (o.child) return child(o);
  if (!existsSync(join(o.dist, 'pipeline', 'run.js'))) {
    console.error(`no build at ${o.dist}: run npx tsc -p tsconfig.build.json first`);
    process.exit(1);
  }
  const sets = [
    { name: 'big50', extra: false },
    { name: 'all', extra: true },
  ].filter((x) => !o.only || x.name === o.only);
  const report = { dist: o.dist, sets: [] };
  console.log(`build ${o.dist}`);
  for (const set of sets) {
    const analyse = runChild(o, 'analyse', set.extra);
    const stages = runChild(o, 'stages', set.extra);
    const { docs, chars, bytes } = analyse;
    const rows = [];
    const row = (name, res, keys) => {
      const sum = (pass, suffix) => keys.reduce((n, k) => n + pass[k + suffix], 0);
      const cold = sum(res.passes[0], 'Cpu');
      const coldWall = sum(res.passes[0], '');
      const warm = median(res.passes.slice(1).map((p) => sum(p, 'Cpu')));
      const warmWall = median(res.passes.slice(1).map((p) => sum(p, '')));
      rows.push({ name, cold, coldWall, warm, warmWall, coldPer5k: (cold * 5120) / bytes, warmPer5k: (warm * 5120) / bytes, coldPerDoc: cold / docs, warmPerDoc: warm / docs });
    };
    row('analyseSource', analyse, ['total']);
    row('extractDates', stages, ['dates']);
    row('extractQuantities', stages, ['quantities']);
    row('dates+quantities', stages, ['dates', 'quantities']);
    row('getPack', stages, ['packs']);
    console.log(`\n[${set.name}] ${docs} documents, ${(bytes / 1024).toFixed(0)} KB of UTF-8, ${(chars / 1024).toFixed(0)} K characters (mean ${(bytes / docs / 1024).toFixed(1)} KB); warm = median of ${o.warm} passes after the cold one`);
    const f = (x) => x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2).padStart(9);
    console.log(`${''.padEnd(18)}|${'---------------- cold ----------------'.padStart(40)} |${'---------------- warm ----------------'.padStart(40)}`);
    console.log(`${'ms'.padEnd(18)}|${'CPU'.padStart(10)}${'wall'.padStart(10)}${'CPU/5KB'.padStart(10)}${'CPU/doc'.padStart(10)} |${'CPU'.padStart(10)}${'wall'.padStart(10)}${'CPU/5KB'.padStart(10)}${'CPU/doc'.padStart(10)}`);
    for (const r of rows)
      console.log(`${r.name.padEnd(18)}|${f(r.cold)} ${f(r.coldWall)} ${f(r.coldPer5k)} ${f(r.coldPerDoc)}  |${f(r.warm)} ${f(r.warmWall)} ${f(r.warmPer5k)} ${f(r.warmPerDoc)}`);
    report.sets.push({ name: set.name, docs, chars, bytes, rows });
  }
  if (o.json) writeFileSync(o.json, JSON.stringify(report, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
