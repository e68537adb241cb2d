#!/usr/bin/env node
// Story clustering on a mixed folder: the 57 NTREX development articles (en, vi, ru, de: 228 files), the four dev
// stories and the seeds, checked in one run as a CI gate would check a folder of many stories. Prints pairwise
// precision and recall over pairs of files and lists every story that mixes articles.
//   node scripts/eval-cluster.mjs [--verbose] [--json] [--langs en,vi,ru,de]
//
// Two files belong together when they are versions of one article or coverage of one event. The NTREX sample
// holds a few reports of one event by two outlets (read and listed below, with what makes them one event); those
// pairs count as true pairs. Reports of one long-running disaster written days apart (the Sulawesi earthquake:
// first toll, later toll, a rescue story) are neither required nor forbidden together: they are left out of both
// figures. Figures by article alone (each NTREX article its own story) are printed too.
//
// --langs keeps only those versions of the NTREX articles (the dev stories and seeds stay): with one language,
// every NTREX article is a single version, the case where a shared name is most likely to join two stories.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from '../dist/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const EVAL = resolve(ROOT, '../shared/eval');
const args = process.argv.slice(2);
const langs = (args.includes('--langs') ? args[args.indexOf('--langs') + 1] : 'en,vi,ru,de').split(',');
/** Reports of one event by two outlets (checked by reading both): the same town hall, match, speech, day of play. */
const COVERAGE = [
  ['abcnews.306755', 'newsweek.51300'], // one senator's town-hall remarks on running for president, the same Saturday
  ['bbc.381746', 'scotsman.133791'], // one football match, same score and scorer
  ['cnbc.com.6769', 'reuters.218861'], // one foreign minister's speech at the UN General Assembly
  ['independent.226301', 'reuters.218923'], // one Saturday of one golf tournament
];
/** Reports of one disaster over several days from different angles: not required together, not forbidden. */
const OPTIONAL = [['euronews-en.153797', 'euronews-en.153835', 'nytimes.184837', 'nytimes.184860', 'telegraph.405422', 'newsweek.51340'], ['seeds:c']];

/** Every input with the story it belongs to (gold), read from the evaluation data. */
function inputs() {
  const out = [];
  const ntrex = join(EVAL, 'external/ntrex-dev');
  for (const doc of readdirSync(ntrex).sort()) {
    for (const l of langs) out.push({ id: `ntrex/${doc}/${l}.txt`, text: readFileSync(join(ntrex, doc, `${l}.txt`), 'utf8'), gold: `ntrex:${doc}` });
  }
  const dev = join(EVAL, 'dev');
  for (const c of readdirSync(dev, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(dev, c)).filter((f) => f.endsWith('.txt')).sort()) out.push({ id: `dev/${c}/${f}`, text: readFileSync(join(dev, c, f), 'utf8'), gold: `dev:${c}` });
  }
  // The seeds' gold: 000 and 002 are versions of one story, 003 and 004 cover the same events, 001 is a story of
  // its own (related to 000, not the same).
  const seedStory = { '000': 'a', '002': 'a', '001': 'b', '003': 'c', '004': 'c' };
  const seeds = join(ROOT, 'seeds');
  for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) out.push({ id: `seeds/${f}`, text: readFileSync(join(seeds, f), 'utf8'), gold: `seeds:${seedStory[f.slice(0, 3)] ?? f}` });
  return out;
}

const all = inputs();
const t0 = performance.now();
const { report } = await check(all.map(({ id, text }) => ({ id, text })));
const ms = performance.now() - t0;
const gold = new Map(all.map((x) => [x.id, x.gold]));
const storyOf = new Map();
for (const s of report.stories) for (const id of s.sources) storyOf.set(id, s.id);
const article = (g) => g.replace(/^ntrex:/, '');
/** 'must' (one article, or one event), 'may' (one long-running event, or the seeds' two reports of one push), 'not'. */
function relation(x, y) {
  const gx = gold.get(x), gy = gold.get(y);
  if (gx === gy) return OPTIONAL.some((o) => o.includes(gx)) ? 'may' : 'must';
  if (COVERAGE.some((c) => c.includes(article(gx)) && c.includes(article(gy)))) return 'must';
  if (OPTIONAL.some((o) => o.includes(article(gx)) && o.includes(article(gy)))) return 'may';
  return 'not';
}
let tp = 0, fp = 0, fn = 0, tpA = 0, fpA = 0, fnA = 0;
const ids = all.map((x) => x.id);
for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
  const r = relation(ids[i], ids[j]);
  const together = storyOf.get(ids[i]) === storyOf.get(ids[j]);
  if (r === 'must' && together) tp++; else if (r === 'must') fn++; else if (r === 'not' && together) fp++;
  const sameArticle = gold.get(ids[i]) === gold.get(ids[j]);
  if (sameArticle && together) tpA++; else if (sameArticle) fnA++; else if (together) fpA++;
}
const mixed = report.stories.filter((s) => s.sources.some((x) => s.sources.some((y) => relation(x, y) === 'not')));
// A finding between two sources that are not one story links two stories: it is a false alarm by construction.
const crossFindings = report.findings.filter((f) => f.locations.some((a) => f.locations.some((b) => relation(a.source, b.source) === 'not')));
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
const byArticle = { precision: tpA / Math.max(1, tpA + fpA), recall: tpA / Math.max(1, tpA + fnA) };
if (args.includes('--json')) {
  console.log(JSON.stringify({ files: ids.length, stories: report.stories.length, mixed: mixed.length, precision, recall, byArticle, crossFindings: crossFindings.length }));
} else {
  if (args.includes('--verbose')) {
    for (const s of mixed) console.log(`mixed ${s.id} (${s.relation}): ${s.sources.join(' ')}`);
    const split = new Map();
    for (const x of all) { const k = x.gold; if (!split.has(k)) split.set(k, new Set()); split.get(k).add(storyOf.get(x.id)); }
    for (const [k, set] of split) if (set.size > 1) console.log(`split ${k}: ${[...set].join(' ')}`);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      if (relation(ids[i], ids[j]) === 'must' && storyOf.get(ids[i]) !== storyOf.get(ids[j]) && gold.get(ids[i]) !== gold.get(ids[j])) console.log(`coverage apart: ${ids[i]} ${ids[j]}`);
    }
  }
  console.log(`clustering: ${ids.length} files, ${report.stories.length} stories (${mixed.length} mixing articles); pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (by article alone: ${byArticle.precision.toFixed(3)}, ${byArticle.recall.toFixed(3)}); findings linking two stories ${crossFindings.length}; ${(ms / 1000).toFixed(1)} s`);
}
