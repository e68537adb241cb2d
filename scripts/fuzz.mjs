#!/usr/bin/env node
/**
 * Release fuzzing: runs the property tests in test/property/ (no crash on arbitrary Unicode, offsets that slice to
 * their text, order and name independence, no findings against an identical copy, schema-valid and byte-identical
 * reports) for longer and with a fresh random seed, which it prints first so that any failure can be replayed.
 *
 * It runs the TypeScript sources through vitest (no build needed), the same way CI does, with two variables that
 * test/property/arbitraries.ts reads:
 *   FUZZ_RUNS  runs per generated-text property; properties over whole articles run a tenth of it (CI: built-in counts)
 *   FUZZ_SEED  fast-check seed (CI: fixed, 20240314)
 *   FUZZ_PATH  fast-check replay path printed with a counterexample (with -t to pick that one property)
 *
 * Usage:
 *   node scripts/fuzz.mjs                          1000 runs, random seed          (npm run fuzz)
 *   node scripts/fuzz.mjs --runs 5000 --seed 42    more runs, a given seed
 *   node scripts/fuzz.mjs --seed 42 --path "3:1:0" -t "never throws on news-like"   replay one counterexample
 * Same as: FUZZ_RUNS=1000 FUZZ_SEED=42 npx vitest run test/property
 * Exits with vitest's status: 0 when every property held.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = resolve(ROOT, 'node_modules/vitest/vitest.mjs');

const usage = 'usage: node scripts/fuzz.mjs [--runs N] [--seed S] [--path P] [-t <test name pattern>]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: process.env.FUZZ_RUNS || '1000' },
      seed: { type: 'string', default: process.env.FUZZ_SEED || '' },
      path: { type: 'string', default: process.env.FUZZ_PATH || '' },
      t: { type: 'string', short: 't' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const isCount = (s) => /^\d+$/.test(s) && Number.isSafeInteger(Number(s));
if (!isCount(values.runs) || Number(values.runs) < 1) {
  console.error(`--runs must be a positive integer, got "${values.runs}"\n${usage}`);
  process.exit(2);
}
// fast-check seeds are 32-bit integers.
const seed = values.seed === '' ? String(randomInt(0, 2 ** 31)) : values.seed;
if (!isCount(seed) || Number(seed) >= 2 ** 32) {
  console.error(`--seed must be an integer from 0 to 4294967295, got "${seed}"\n${usage}`);
  process.exit(2);
}
if (!existsSync(VITEST)) {
  console.error('vitest is not installed: run npm install first');
  process.exit(2);
}

const replay = `node scripts/fuzz.mjs --runs ${values.runs} --seed ${seed}`;
console.log(`factlint fuzz: seed ${seed}, ${values.runs} runs per text property (${Math.ceil(Number(values.runs) / 10)} per article property)`);
console.log(`replay with: ${replay}${values.path ? ` --path "${values.path}"` : ''}${values.t ? ` -t "${values.t}"` : ''}\n`);

const started = Date.now();
const args = [VITEST, 'run', 'test/property', '--reporter=verbose', ...(values.t ? ['-t', values.t] : [])];
const result = spawnSync(process.execPath, args, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: seed, ...(values.path ? { FUZZ_PATH: values.path } : {}) },
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const status = result.status ?? 1;
console.log(`\nfactlint fuzz: ${status === 0 ? 'all properties held' : 'FAILED'} — seed ${seed}, ${values.runs} runs, ${minutes} min`);
if (status !== 0) {
  console.log(`replay with: ${replay}  (add --path "<path>" -t "<property>" from the counterexample above to replay just that one)`);
}
process.exit(status);
