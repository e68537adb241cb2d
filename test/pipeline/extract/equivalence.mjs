#!/usr/bin/env node
// Equivalence check for the date and quantity extractors: runs extractDates and extractQuantities (with the dates
// as exclusions, the way extract() calls them) of two builds over the same inputs and compares the mentions
// byte for byte (JSON.stringify, so key order counts too). Not a vitest file: it needs two builds.
//
//   node test/pipeline/extract/equivalence.mjs --old DIST --new DIST [--fuzz N] [--quick]
//   node test/pipeline/extract/equivalence.mjs --old DIST --save FILE [--fuzz N]     (snapshot of one build)
//   node test/pipeline/extract/equivalence.mjs --new DIST --against FILE [--fuzz N]  (compare with a snapshot)
//
// Inputs (deterministic):
//   - the texts of scripts/perf-extract.mjs (/tmp/big50, seeds/, ../shared/eval/dev, ../shared/eval/external/ntrex-dev),
//     each with the pipeline's own sentences (clean + segment of the NEW build... of --segment DIST, default the
//     first build given), every line (as clean.ts's dateIn reads datelines), the whole text as one range, and a few
//     ranges that start and end inside words;
//   - in the text's own language with no publication date, the page's date and two fixed dates; in every other
//     pack (dateIn tries them all) with none;
//   - N fuzz strings per pack (default 3000) made of that pack's date words, numbers, separators, odd spacing and
//     case, glued letters, hyphens, apostrophes and marks, each with and without a publication date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles } from '../../../scripts/corpus-files.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PACKS = ['und', 'en', 'vi', 'ru', 'de', 'fr', 'es'];

function parseArgs(argv) {
  const o = { old: undefined, new: undefined, save: undefined, against: undefined, fuzz: 3000, quick: false, corpus: [], extra: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--old') o.old = resolve(val());
    else if (a === '--new') o.new = resolve(val());
    else if (a === '--save') o.save = val();
    else if (a === '--against') o.against = val();
    else if (a === '--fuzz') o.fuzz = Number(val());
    else if (a === '--quick') o.quick = true;
    else if (a === '--corpus') o.corpus.push(resolve(val()));
    else if (a === '--no-extra') o.extra = false;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------- deterministic PRNG

function rng(seed) {
  let a = 0x9e3779b9 ^ seed, b = 0x243f6a88, c = 0xb7e15162, d = seed * 2654435761;
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- inputs

/** Every case: [label, text, range, packCode, published|undefined]. Built with one build's clean/segment/getPack. */
async function buildCases(o, dist) {
  const imp = (p) => import(pathToFileURL(join(dist, p)).href);
  const { load } = await imp('pipeline/load.js');
  const { clean } = await imp('pipeline/clean.js');
  const { segment } = await imp('pipeline/segment.js');
  // Builds before the knowledge context (stages read a module cache) ignore the extra argument.
  const k = (await imp('lang/knowledge.js').catch(() => ({}))).defaultKnowledge?.();
  // Builds before the packs moved out of lang/load.js read them there.
  const { getPack } = await imp('lang/packs.js').catch(() => imp('lang/load.js'));
  const files = corpusFiles(o);
  const { sources } = await load(files, { cwd: '/' });
  const cases = [];
  const FIXED = ['2024-03-14', '2020-02-07'];
  for (const src of o.quick ? sources.slice(0, 40) : sources) {
    const c = clean(src, {}, k);
    const text = c.text;
    const id = c.id;
    const own = getPack(c.lang).code;
    const sentences = segment(c, k).map((s) => ({ source: s.source, start: s.start, end: s.end }));
    const lines = [];
    for (const m of text.matchAll(/[^\n]+/g)) lines.push({ source: id, start: m.index, end: m.index + m[0].length });
    const r = rng(text.length);
    const odd = [];
    for (let k = 0; k < 12; k++) {
      const s = Math.floor(r() * text.length);
      odd.push({ source: id, start: s, end: Math.min(text.length + 3, s + 1 + Math.floor(r() * 400)) });
    }
    const whole = { source: id, start: 0, end: text.length };
    const pubs = [undefined, c.published, ...FIXED].filter((p, i, a) => a.indexOf(p) === i);
    for (const pub of pubs) for (const s of sentences) cases.push([`${id}#s`, text, s, own, pub]);
    for (const s of lines) cases.push([`${id}#l`, text, s, own, undefined]);
    for (const s of odd) cases.push([`${id}#o`, text, s, own, c.published]);
    cases.push([`${id}#w`, text, whole, own, c.published]);
    for (const code of PACKS) {
      if (code === own) continue;
      for (const s of lines) cases.push([`${id}#l:${code}`, text, s, code, undefined]);
      if (!o.quick) for (const s of sentences) cases.push([`${id}#s:${code}`, text, s, code, '2024-03-14']);
    }
  }
  // Fuzz strings from each pack's own vocabulary.
  for (const code of PACKS) {
    fuzzStrings(getPack(code), o.fuzz, PACKS.indexOf(code)).forEach(([text, range, pub], k) =>
      cases.push([`fuzz:${code}:${k}${pub ? '@' : ''}`, text, range, code, pub]),
    );
  }
  return cases;
}

/**
 * `n` fuzz strings (each twice: without and with a publication date) made of a pack's date and number words, numbers
 * in many shapes, glued forms ("5bn", "$5", "12%"), odd spaces, case and punctuation: [text, range, published].
 */
export function fuzzStrings(pack, n, seed) {
  const d = pack.dates;
  const out = [];
  const nb = pack.numbers;
  const vocab = [
    ...pack.monthForms, ...pack.weekdayForms, ...Object.keys(d.quarters), ...d.last, ...d.next, ...d.this,
    ...d.yearWords, ...d.monthWords, ...(d.dayParts ?? []), ...d.prepositions, ...Object.keys(d.relativeDays),
    ...Object.keys(d.relativePeriods), ...(d.daySuffixes ?? []), ...(d.timeSuffixes ?? []), ...pack.modality.future,
    ...pack.modality.expected, ...pack.speech.verbs.slice(0, 15),
    ...Object.keys(nb.words), ...Object.keys(nb.scales), ...Object.keys(nb.fractions), ...Object.keys(nb.multipliers ?? {}),
    ...nb.percent, ...Object.keys(nb.approximators), ...Object.keys(nb.approximatorsAfter ?? {}), ...nb.rangeWords,
    ...(nb.between?.open ?? []), ...(nb.between?.and ?? []), ...(nb.multiplying ?? []), ...(nb.times ?? []),
    ...(nb.timesBefore ?? []), ...(nb.ordinalSuffixes ?? []), ...(nb.ordinalPrefixes ?? []), ...(nb.vague ?? []),
    ...(nb.per ?? []), ...Object.keys(pack.currencies.signs), ...Object.keys(pack.currencies.words),
    ...Object.keys(pack.units), ...Object.keys(pack.durations),
    'ngày', 'the', 'of', 'de', 'le', 'el', 'den', 'im', 'Q1', '3Q', 'T2', 'May-Britt', 'Сент-Луис', 'x', 'Bob', '_',
    'é', 'Marché', 'ſept', 'KM', '\u212a', 'ǅ', 'İ', 'ß', 'ẞ', 'Σ', 'ς', '#', '№', 'G7', 'COVID-19', '+7', '10:45',
    '3/14', 'a@b.co', 'www.x.com', '+1 555 123 4567', '2020-2021-2022',
  ].filter(Boolean);
  const glued = () => {
    const pick = (xs) => (xs.length ? xs[Math.floor(r() * xs.length)] : '');
    const k = Math.floor(r() * 6);
    const num = nums();
    if (k === 0) return num + pick(Object.keys(nb.scales));
    if (k === 1) return pick(Object.keys(pack.currencies.signs)) + num;
    if (k === 2) return num + pick(Object.keys(pack.units));
    if (k === 3) return num + pick(['%', '-' + pick(nb.percent), pick(Object.keys(pack.currencies.signs))]);
    if (k === 4) return num + pick(nb.ordinalSuffixes ?? ['th']);
    return num + '-' + pick(Object.keys(pack.durations));
  };
  const nums = () => {
    const k = Math.floor(r() * 14);
    if (k < 3) return String(1 + Math.floor(r() * 31));
    if (k < 5) return String(1990 + Math.floor(r() * 40));
    if (k < 6) return String(Math.floor(r() * 3000));
    if (k < 7) return `${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 31)}/${2000 + Math.floor(r() * 30)}`;
    if (k < 8) return `${2000 + Math.floor(r() * 30)}-${String(1 + Math.floor(r() * 13)).padStart(2, '0')}-${String(1 + Math.floor(r() * 32)).padStart(2, '0')}`;
    if (k < 9) return `${1 + Math.floor(r() * 31)}.${1 + Math.floor(r() * 12)}.${2000 + Math.floor(r() * 30)}`;
    if (k < 10) return `${1 + Math.floor(r() * 31)}${['st', 'nd', 'rd', 'th', 'er', ''][Math.floor(r() * 6)]}`;
    if (k < 11) return `${(r() * 100).toFixed(1)}`;
    if (k < 12) return `${1 + Math.floor(r() * 999)},${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
    if (k < 13) return `${1 + Math.floor(r() * 31)}-${1 + Math.floor(r() * 12)}-${2000 + Math.floor(r() * 30)}`;
    return `${1 + Math.floor(r() * 12)}/${2000 + Math.floor(r() * 30)}`;
  };
  const seps = [' ', ' ', ' ', ' ', ', ', ' ', '  ', '\u00a0', '\u202f', '\u2009', '\n', '\t', '. ', '/', '-', ' - ', '', ' (', ') ', '’', "'", '.', ',', ' — ', '_', '\u0301'];
  const caseOf = (w) => {
    const k = r();
    if (k < 0.6) return w;
    if (k < 0.75) return w.toLowerCase();
    if (k < 0.85) return w.toUpperCase();
    if (k < 0.95) return w ? w[0].toUpperCase() + w.slice(1) : w;
    return w.replace(/ /g, '  ').replace(/'/g, '’');
  };
  const r = rng(0x51 + seed);
  for (let k = 0; k < n; k++) {
    const len = 2 + Math.floor(r() * 9);
    let s = '';
    for (let j = 0; j < len; j++) {
      const x = r();
      const tok = x < 0.55 ? caseOf(vocab[Math.floor(r() * vocab.length)]) : x < 0.8 ? nums() : x < 0.95 ? caseOf(glued()) : 'Ab';
      s += tok + (j < len - 1 ? seps[Math.floor(r() * seps.length)] : r() < 0.3 ? '.' : '');
    }
    const pre = r() < 0.2 ? 'x' : r() < 0.3 ? 'In ' : '';
    const text = pre + s;
    const start = pre && r() < 0.5 ? 1 : 0;
    const range = { source: 'f', start, end: text.length };
    out.push([text, range, undefined]);
    out.push([text, range, ['2024-03-14', '2020-02-07', '2023-12-31', '2021-06-15'][k % 4]]);
  }
  return out;
}

async function runBuild(dist, cases) {
  const imp = (p) => import(pathToFileURL(join(dist, p)).href);
  // Builds before the packs moved out of lang/load.js read them there.
  const { getPack } = await imp('lang/packs.js').catch(() => imp('lang/load.js'));
  const { extractDates } = await imp('pipeline/extract/dates.js');
  const { extractQuantities } = await imp('pipeline/extract/quantities.js');
  const out = [];
  const t0 = performance.now();
  for (const [, text, range, code, pub] of cases) {
    const pack = getPack(code);
    let res;
    try {
      const dates = extractDates(text, range, pack, pub ? { published: pub } : {});
      const quantities = extractQuantities(text, range, pack, dates);
      res = JSON.stringify({ dates, quantities });
    } catch (e) {
      res = `THROW ${e instanceof Error ? e.message : String(e)}`;
    }
    out.push(res);
  }
  return { out, ms: performance.now() - t0 };
}

const digest = (outs) => createHash('sha256').update(outs.join('\n')).digest('hex');

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const first = o.old ?? o.new;
  if (!first) throw new Error('--old and/or --new needed');
  const cases = await buildCases(o, first);
  const counts = { dates: 0, quantities: 0 };
  const tally = (outs) => {
    for (const s of outs) {
      if (s.startsWith('THROW')) continue;
      const v = JSON.parse(s);
      counts.dates += v.dates.length;
      counts.quantities += v.quantities.length;
    }
  };
  if (o.save) {
    const { out, ms } = await runBuild(o.old ?? o.new, cases);
    tally(out);
    writeFileSync(o.save, JSON.stringify({ cases: cases.length, digest: digest(out), out }));
    console.log(`saved ${cases.length} cases (${counts.dates} dates, ${counts.quantities} quantities), ${ms.toFixed(0)} ms, digest ${digest(out)}`);
    return;
  }
  let a;
  let b;
  if (o.against) {
    const snap = JSON.parse(readFileSync(o.against, 'utf8'));
    if (snap.cases !== cases.length) throw new Error(`snapshot has ${snap.cases} cases, inputs give ${cases.length}: not the same inputs`);
    a = { out: snap.out, ms: NaN };
    b = await runBuild(o.new, cases);
  } else {
    a = await runBuild(o.old, cases);
    b = await runBuild(o.new, cases);
  }
  tally(a.out);
  let diffs = 0;
  for (let i = 0; i < cases.length; i++) {
    if (a.out[i] === b.out[i]) continue;
    diffs++;
    if (diffs <= 15) {
      const [label, text, range, code, pub] = cases[i];
      console.log(`DIFF ${label} [${code}] pub=${pub ?? '-'} ${JSON.stringify(text.slice(range.start, range.end).slice(0, 300))}`);
      console.log(`  old: ${a.out[i].slice(0, 1500)}`);
      console.log(`  new: ${b.out[i].slice(0, 1500)}`);
    }
  }
  console.log(`${cases.length} cases, ${counts.dates} date and ${counts.quantities} quantity mentions in the reference; old ${a.ms.toFixed(0)} ms, new ${b.ms.toFixed(0)} ms`);
  console.log(`reference digest ${digest(a.out)}\nnew       digest ${digest(b.out)}`);
  console.log(diffs ? `${diffs} case(s) differ` : 'identical');
  process.exit(diffs ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
