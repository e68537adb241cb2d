#!/usr/bin/env node
// Measures factlint on DEMETR (../shared/eval/external/demetr-dev.jsonl) in pairs mode:
//   1. good vs bad (both English): detection per perturbation type and false flags on the controls;
//   2. across languages: source vs bad for ru-en and de-en (number rows), and source vs good as a control.
// Prints the tables of ../shared/eval/score-pairs.mjs. Never fails on a score; exits 2 if the tool crashes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '../shared/eval/external/demetr-dev.jsonl');
const SCORE = resolve(ROOT, '../shared/eval/score-pairs.mjs');
const CLI = resolve(ROOT, 'dist/factlint.js');
const dir = mkdtempSync(join(tmpdir(), 'factlint-demetr-'));
const rows = readFileSync(DATA, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function run(name, file, left, right, leftLang, rightLang) {
  const out = join(dir, `${name}.json`);
  const args = [CLI, 'pairs', file, '--left', left, '--right', right, '--id', 'id', '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet'];
  if (leftLang) args.push('--left-lang', leftLang);
  if (rightLang) args.push('--right-lang', rightLang);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) { console.error(r.stderr); process.exit(2); }
  const s = spawnSync(process.execPath, [SCORE, '--report', out, '--data', file], { encoding: 'utf8' });
  console.log(`\n## ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n${s.stdout.trim()}`);
}

run('good-vs-bad-en', DATA, 'good', 'bad');
for (const lp of ['ru-en', 'de-en']) {
  const src = lp.slice(0, 2);
  const f = join(dir, `${lp}.jsonl`);
  writeFileSync(f, rows.filter((r) => r.lang_pair === lp).map((r) => JSON.stringify(r)).join('\n'));
  run(`source-vs-bad-${lp}`, f, 'source', 'bad', src, 'en');
  // source vs good: every row is a control (good is a corrected translation of source).
  const g = join(dir, `${lp}-control.jsonl`);
  writeFileSync(g, rows.filter((r) => r.lang_pair === lp).map((r) => JSON.stringify({ ...r, bad: r.good, error_type: 'source_vs_good', expect: null })).join('\n'));
  run(`source-vs-good-${lp}`, g, 'source', 'bad', src, 'en');
}
