#!/usr/bin/env node
// The planted-change benchmark (../shared/eval/edits) scored as ../shared/eval/edits/score.mjs scores it, except that
// a finding on a reviewed translation error of the NTREX reference (docs/reviewed-errors.json, docs/evaluation-notes.md)
// is right, not a false flag: the controls are those references, and a few of them mistranslate a figure or a date.
//   node scripts/eval-edits.mjs [--type T] [--lang L] [--misses N] [--false-flags N] [--json]
// --misses N lists N planted changes not caught; --false-flags N lists N findings outside the planted change (on the
// controls, every finding) that are not on a reviewed error: the case, the rule and the text of each location.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../dist/index.js';
import { checkedCases } from './edit-cases.mjs';
import { isReviewedError } from './reviewed-errors.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '../shared/eval/edits/dev.jsonl');
const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
let cases = readFileSync(DATA, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
if (opt('--type')) cases = cases.filter((c) => c.type === opt('--type'));
if (opt('--lang')) cases = cases.filter((c) => c.lang === opt('--lang'));
const PAIR = new Set(['entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch',
  'modality-mismatch', 'negation-mismatch', 'omission', 'addition', 'internal-contradiction']);
const LANGS = ['en', 'vi', 'ru', 'de'];

const results = [];
for await (const { batch, byCase } of checkedCases(check, cases)) {
  for (const c of batch) {
    const fs = byCase.get(c.id).filter((f) => PAIR.has(f.category));
    const inside = (f) => c.where && f.locations.some((l) => l.source === `${c.id}/${c.where.side}.txt` && l.start < c.where.end && l.end > c.where.start);
    // A reviewed error of the translation is in every case built from it (a planted change elsewhere leaves it there).
    const real = (f) => c.lang !== 'en' && isReviewedError(f, c.doc, c.lang, (s) => s === `${c.id}/a.txt`, (s) => s === `${c.id}/b.txt`);
    const hit = fs.filter((f) => inside(f) && c.expect.includes(f.category));
    const extra = fs.filter((f) => !inside(f) && !real(f));
    results.push({ id: c.id, type: c.type, lang: c.lang, caught: hit.length > 0, caughtAny: fs.some(inside), extra: extra.length, extraFindings: extra,
      reviewed: fs.filter((f) => !inside(f) && real(f)).length, where: c.where, got: fs.filter(inside).map((f) => `${f.ruleId}:${f.category}`) });
  }
}

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(0) : '-');
const types = [...new Set(results.map((r) => r.type))].sort();
const planted = results.filter((r) => r.type !== 'control');
const controls = results.filter((r) => r.type === 'control');
const summary = {
  cases: results.length,
  caught: +(planted.filter((r) => r.caught).length / (planted.length || 1)).toFixed(3),
  caughtAny: +(planted.filter((r) => r.caughtAny).length / (planted.length || 1)).toFixed(3),
  controlFlagged: +(controls.filter((r) => r.extra > 0).length / (controls.length || 1)).toFixed(3),
  extraPerCase: +(results.reduce((s, r) => s + r.extra, 0) / (results.length || 1)).toFixed(2),
  reviewedFindings: results.reduce((s, r) => s + r.reviewed, 0),
};
if (args.includes('--json')) {
  console.log(JSON.stringify({ summary, misses: planted.filter((r) => !r.caught).map((r) => r.id) }));
} else {
  console.log('type       n    ' + LANGS.map((l) => l.padStart(7)).join('') + '   caught  any-cat  flagged-elsewhere');
  for (const t of types) {
    const rs = results.filter((r) => r.type === t);
    const cell = (l) => {
      const ys = rs.filter((r) => r.lang === l);
      if (!ys.length) return '-';
      return t === 'control' ? `${pct(ys.filter((y) => y.extra > 0).length, ys.length)}%ff` : `${pct(ys.filter((y) => y.caught).length, ys.length)}%`;
    };
    const caught = t === 'control' ? '-' : pct(rs.filter((r) => r.caught).length, rs.length);
    const any = t === 'control' ? '-' : pct(rs.filter((r) => r.caughtAny).length, rs.length);
    console.log(`${t.padEnd(10)} ${String(rs.length).padStart(4)} ${LANGS.map((l) => cell(l).padStart(7)).join('')}   ${String(caught).padStart(5)}%  ${String(any).padStart(6)}%  ${pct(rs.filter((r) => r.extra > 0).length, rs.length)}%`);
  }
  const n = +opt('--misses', 0);
  if (n) for (const r of planted.filter((x) => !x.caught).slice(0, n)) console.log('miss', r.id, JSON.stringify(r.where?.old ?? ''), '->', JSON.stringify(r.where?.new ?? ''), r.got.join(' '));
  const nf = +opt('--false-flags', 0);
  if (nf) {
    const flags = results.flatMap((r) => r.extraFindings.map((f) => ({ r, f })));
    for (const { r, f } of flags.slice(0, nf)) {
      const at = f.locations.map((l) => `${l.source.endsWith('/a.txt') ? 'a' : 'b'}: ${JSON.stringify(l.text.length > 160 ? l.text.slice(0, 157) + '...' : l.text)}`);
      console.log('false', r.id, f.ruleId, '|', at.join(' | '));
    }
    console.log(`${flags.length} false flags in ${results.filter((r) => r.extra > 0).length} cases`);
  }
  console.log(`edits: caught ${(summary.caught * 100).toFixed(1)}% (any category ${(summary.caughtAny * 100).toFixed(1)}%) of ${planted.length} planted changes; controls with a false flag ${(summary.controlFlagged * 100).toFixed(1)}%; false flags per case ${summary.extraPerCase}; findings on reviewed translation errors (counted as right) ${summary.reviewedFindings}`);
}
