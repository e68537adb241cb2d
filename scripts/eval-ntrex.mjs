#!/usr/bin/env node
// Runs factlint on every NTREX document of ../shared/eval/external/ntrex-dev (en, vi, ru, de versions) and scores
// each report with ../shared/eval/score.mjs: alignment recall and false positives (the translations are faithful).
//   node scripts/eval-ntrex.mjs [--langs vi,ru,de] [--verbose]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { check } from '../dist/index.js';
import { isReviewedError } from './reviewed-errors.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '../shared/eval/external/ntrex-dev');
const SCORE = resolve(ROOT, '../shared/eval/score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const langs = (args[args.indexOf('--langs') + 1] && args.includes('--langs') ? args[args.indexOf('--langs') + 1] : 'vi,ru,de').split(',');
const out = mkdtempSync(join(tmpdir(), 'factlint-ntrex-'));
let alignSum = 0, docs = 0, pairFindings = 0, reviewed = 0, otherFindings = 0, words = 0;
const PAIR = new Set(['entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch', 'negation-mismatch']);
const byRule = new Map();
for (const doc of readdirSync(DATA).sort()) {
  const dir = join(DATA, doc);
  // Each translation is checked against the English original on its own, as a translation reviewer would.
  const enWords = readFileSync(join(dir, 'en.txt'), 'utf8').split(/\s+/).filter(Boolean).length;
  const reports = [];
  for (const l of langs) {
    words += enWords;
    reports.push((await check([join(dir, 'en.txt'), join(dir, `${l}.txt`)])).report);
  }
  const report = { ...reports[0], sources: [...new Map(reports.flatMap((r) => r.sources).map((x) => [x.id, x])).values()],
    findings: reports.flatMap((r) => r.findings), alignments: reports.flatMap((r) => r.alignments) };
  const rp = join(out, `${doc}.json`);
  writeFileSync(rp, JSON.stringify(report));
  const r = spawnSync(process.execPath, [SCORE, '--report', rp, '--gold', join(dir, 'gold.json'), '--json'], { encoding: 'utf8' });
  const s = JSON.parse(r.stdout);
  // Gold pairs for languages not checked cannot be found: rescale to the languages we ran.
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  const wanted = gold.alignment.filter((p) => langs.some((l) => p.b.source === `${l}.txt`)).length;
  const foundPairs = Math.round((s.alignRecall ?? 0) * gold.alignment.length);
  alignSum += wanted ? foundPairs / wanted : 1;
  docs++;
  for (const f of report.findings) {
    if (PAIR.has(f.category)) pairFindings++; else otherFindings++;
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    // A finding on a reviewed translation error of the reference (docs/evaluation-notes.md) is right.
    const lang = f.locations.map((l) => l.source.split('/').pop().replace(/\.txt$/, '')).find((x) => x !== 'en');
    const real = PAIR.has(f.category) && lang !== undefined
      && isReviewedError(f, doc, lang, (src) => src.endsWith('/en.txt'), (src) => src.endsWith(`/${lang}.txt`));
    if (real) reviewed++;
    if (verbose && PAIR.has(f.category)) console.log(`  ${doc} ${f.ruleId}: ${f.locations.map((l) => `${l.source.split('/').pop()}:"${l.text.slice(0, 50)}"`).join(' ~ ')}${real ? '  (reviewed translation error)' : ''}`);
  }
  if (verbose) console.log(`${doc}: align=${s.alignRecall?.toFixed(2)} P=${s.precision.toFixed(2)} findings=${report.findings.length}`);
}
console.log(`NTREX ${docs} documents, languages en+${langs.join('+')}: mean align recall ${(alignSum / docs).toFixed(3)}; pair-category findings ${pairFindings} (${(1000 * pairFindings / words).toFixed(2)} per 1,000 English words, counting each language pair); omission/addition/other ${otherFindings}`);
console.log(`of which on reviewed translation errors of the references (docs/evaluation-notes.md) ${reviewed}: false pair findings ${pairFindings - reviewed} (${(1000 * (pairFindings - reviewed) / words).toFixed(2)} per 1,000 English words)`);
console.log(`by rule: ${[...byRule.entries()].sort().map(([k, v]) => `${k}=${v}`).join(', ')}`);
