#!/usr/bin/env node
// Timing of the per-source analysis and of its two costliest extractors (dates, quantities), cold and warm.
//
//   node scripts/perf-extract.mjs [--dist DIR] [--corpus DIR]... [--no-extra] [--warm N] [--json FILE]
//
// Needs a build (npx tsc -p tsconfig.build.json). --dist points at another build (default ./dist), e.g. a copy of an
// older version, to compare. The corpus defaults to /tmp/big50 (generated with scripts/gen-corpus.mjs --docs 50 when
// missing) plus, unless --no-extra, the texts in seeds/, ../shared/eval/dev/*/*.txt and
// ../shared/eval/external/ntrex-dev/*/*.txt when they exist.
//
// Each measurement runs in its own child process, so "cold" is a fresh process (packs loaded, regular expressions
// compiled and tiered up during the pass):
//   - analyse: analyseSource() over every document, once cold, then --warm more passes (the median is "warm");
//   - stages:  clean + segment untimed, then extractDates and extractQuantities timed separately per sentence, the
//              way extract() calls them (quantities exclude the dates' spans), once cold and then --warm passes.
// Figures: total ms of the pass, mean ms per document, and ms per 5 KB of text (5,120 UTF-16 code units).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { dist: join(ROOT, 'dist'), corpus: [], extra: true, warm: 3, json: undefined, child: undefined };
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
    else if (a === '--warm') o.warm = Math.max(1, Number(val()));
    else if (a === '--json') o.json = val();
    else if (a === '--child') o.child = val();
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** The text files of the corpus, in a stable order. */
export function corpusFiles(o) {
  const files = [];
  const dirs = o.corpus.length ? o.corpus : ['/tmp/big50'];
  for (const d of dirs) {
    if (!existsSync(d)) {
      if (d === '/tmp/big50') {
        const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-corpus.mjs'), '--docs', '50', '--out', d], { stdio: 'inherit' });
        if (r.status !== 0) throw new Error('gen-corpus failed');
      } else throw new Error(`no corpus folder ${d}`);
    }
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(join(d, f));
  }
  if (o.extra) {
    const add = (dir, depth) => {
      if (!existsSync(dir)) return;
      for (const f of readdirSync(dir).sort()) {
        const p = join(dir, f);
        if (depth > 0 && statSync(p).isDirectory()) add(p, depth - 1);
        else if (depth === 0 && f.endsWith('.txt')) files.push(p);
      }
    };
    add(join(ROOT, 'seeds'), 0);
    add(join(ROOT, '..', 'shared', 'eval', 'dev'), 1);
    add(join(ROOT, '..', 'shared', 'eval', 'external', 'ntrex-dev'), 1);
  }
  return files;
}

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
  const out = { docs: sources.length, chars, passes: [] };
  if (o.child === 'analyse') {
    const { analyseSource } = await imp('pipeline/run.js');
    for (let pass = 0; pass <= o.warm; pass++) {
      const t0 = performance.now();
      for (const s of sources) analyseSource(s, {});
      out.passes.push({ total: performance.now() - t0 });
    }
  } else {
    const { clean } = await imp('pipeline/clean.js');
    const { segment } = await imp('pipeline/segment.js');
    const { getPack } = await imp('lang/load.js');
    const { extractDates } = await imp('pipeline/extract/dates.js');
    const { extractQuantities } = await imp('pipeline/extract/quantities.js');
    const prepared = sources.map((s) => {
      const c = clean(s, {});
      return { c, sentences: segment(c) };
    });
    for (let pass = 0; pass <= o.warm; pass++) {
      let dates = 0;
      let quantities = 0;
      let packs = 0;
      for (const { c, sentences } of prepared) {
        let t = performance.now();
        const pack = getPack(c.lang); // loading a pack (and compiling its date templates) is part of the cold cost
        const ctx = c.published ? { published: c.published } : {};
        let t1 = performance.now();
        packs += t1 - t;
        for (const s of sentences) {
          t = t1;
          const d = extractDates(c.text, s, pack, ctx);
          const t2 = performance.now();
          extractQuantities(c.text, s, pack, d);
          t1 = performance.now();
          dates += t2 - t;
          quantities += t1 - t2;
        }
      }
      out.passes.push({ dates, quantities, packs, total: dates + quantities + packs });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

function runChild(o, mode) {
  const args = [fileURLToPath(import.meta.url), '--child', mode, '--dist', o.dist, '--warm', String(o.warm)];
  for (const c of o.corpus) args.push('--corpus', c);
  if (!o.extra) args.push('--no-extra');
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
  const analyse = runChild(o, 'analyse');
  const stages = runChild(o, 'stages');
  const { docs, chars } = analyse;
  const per5k = (ms) => (ms * 5120) / chars;
  const rows = [];
  const row = (name, cold, warm) => rows.push({ name, coldTotal: cold, coldPerDoc: cold / docs, coldPer5k: per5k(cold), warmTotal: warm, warmPerDoc: warm / docs, warmPer5k: per5k(warm) });
  const warmOf = (res, k) => median(res.passes.slice(1).map((p) => p[k]));
  row('analyseSource', analyse.passes[0].total, warmOf(analyse, 'total'));
  row('extractDates', stages.passes[0].dates, warmOf(stages, 'dates'));
  row('extractQuantities', stages.passes[0].quantities, warmOf(stages, 'quantities'));
  row('dates+quantities', stages.passes[0].dates + stages.passes[0].quantities, warmOf(stages, 'dates') + warmOf(stages, 'quantities'));
  row('getPack', stages.passes[0].packs, warmOf(stages, 'packs'));

  console.log(`build ${o.dist}`);
  console.log(`${docs} documents, ${(chars / 1024).toFixed(0)} K chars (mean ${(chars / docs / 1024).toFixed(1)} K); warm = median of ${o.warm} passes after the cold one`);
  const f = (x) => x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2).padStart(9);
  console.log(`${'stage'.padEnd(20)}${'cold total'.padStart(11)}${'cold/doc'.padStart(10)}${'cold/5KB'.padStart(10)}${'warm total'.padStart(11)}${'warm/doc'.padStart(10)}${'warm/5KB'.padStart(10)}   (ms)`);
  for (const r of rows) console.log(`${r.name.padEnd(20)}  ${f(r.coldTotal)} ${f(r.coldPerDoc)} ${f(r.coldPer5k)}  ${f(r.warmTotal)} ${f(r.warmPerDoc)} ${f(r.warmPer5k)}`);
  if (o.json) writeFileSync(o.json, JSON.stringify({ dist: o.dist, docs, chars, rows }, null, 2));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
