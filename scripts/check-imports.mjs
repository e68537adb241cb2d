#!/usr/bin/env node
// Checks the import graph of src/ against the layers of docs/architecture.md: no cycle, and each folder imports
// only what it may. Prints each violation (the importing file, the imported file, the rule) and exits 1 if there is
// one. test/architecture.test.ts runs it on every test run.
//
//   node scripts/check-imports.mjs [--graph]      (--graph: also print every edge)
//
// Imports are read with the TypeScript compiler's own pre-processor (static imports, re-exports, `import type`,
// dynamic import() with a literal, `new URL('./x.js', import.meta.url)` worker entries are not imports).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/**
 * Who may import whom, by folder (the first path segment under src/, or rules/kinds). A folder not listed may import
 * anything; every folder may import itself (but a kind not another kind) and the top-level helpers listed in SHARED.
 */
export const LAYERS = {
  model: [],
  lang: ['model'],
  'rules/kinds': ['model', 'lang', 'rules'],
  rules: ['model', 'lang', 'rules/kinds'],
  pipeline: ['model', 'lang', 'rules/registry', 'report'],
  report: ['model'],
};
/** Files under src/ outside any folder that any layer may use: paths, errors, version, schema helpers. */
export const SHARED = ['paths.ts', 'errors.ts', 'version.ts', 'schema.ts'];

function files(dir) {
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (f.endsWith('.ts') && !f.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The layer of a file under src/ ("rules/kinds" for a kind, the file itself for a top-level file). */
function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'rules' && parts[1] === 'kinds') return 'rules/kinds';
  return parts.length > 1 ? parts[0] : rel;
}

/** Every import edge of src/: [from, to] as paths relative to src/. */
export function edges() {
  const out = [];
  for (const f of files(SRC)) {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(f), fileName).replace(/\.js$/, '.ts');
      out.push([relative(SRC, f), relative(SRC, target)]);
    }
  }
  return out;
}

/** The violations of the layer rules and every cycle, as readable lines. */
export function violations(list = edges()) {
  const bad = [];
  for (const [from, to] of list) {
    const lf = layerOf(from);
    const lt = layerOf(to);
    if (lf === 'rules/kinds' && lt === 'rules/kinds') {
      if (from !== to) bad.push(`${from} -> ${to}: a rule kind imports another kind (shared helpers go in src/rules/compare/)`);
      continue;
    }
    const allowed = LAYERS[lf];
    if (!allowed || lf === lt || SHARED.includes(to)) continue;
    const ok = allowed.some((a) => a === lt || to === `${a}.ts` || to.startsWith(`${a}/`));
    if (!ok) bad.push(`${from} -> ${to}: ${lf}/ may import only ${[...allowed, ...SHARED].join(', ') || 'nothing of ours'}`);
  }
  // Cycles: depth-first search over the file graph; each cycle reported once, from its smallest file.
  const next = new Map();
  for (const [from, to] of list) (next.get(from) ?? next.set(from, []).get(from)).push(to);
  const seen = new Set();
  const cycles = new Set();
  const stack = [];
  const onStack = new Set();
  const visit = (f) => {
    if (onStack.has(f)) {
      const cycle = stack.slice(stack.indexOf(f));
      const k = cycle.indexOf([...cycle].sort()[0]);
      cycles.add([...cycle.slice(k), ...cycle.slice(0, k), cycle[k]].join(' -> '));
      return;
    }
    if (seen.has(f)) return;
    seen.add(f);
    stack.push(f);
    onStack.add(f);
    for (const t of next.get(f) ?? []) visit(t);
    stack.pop();
    onStack.delete(f);
  };
  for (const f of [...next.keys()].sort()) visit(f);
  for (const c of [...cycles].sort()) bad.push(`cycle: ${c}`);
  return bad;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = edges();
  if (process.argv.includes('--graph')) for (const [a, b] of list) console.log(`${a} -> ${b}`);
  const bad = violations(list);
  for (const b of bad) console.log(b);
  console.log(`${list.length} imports in src/, ${bad.length} violation${bad.length === 1 ? '' : 's'}`);
  process.exit(bad.length ? 1 : 0);
}
