#!/usr/bin/env node
// Bundles the built CLI (dist/cli/main.js) and the analysis worker into one file each, dist/factlint.js and
// dist/analyse-worker.js, with their dependencies. Run by `npm run build` after tsc.
//
// Why: starting the CLI meant loading ~140 ES modules of ours and ~100 files of dependencies; Node 20 resolves and
// compiles each one, which cost about 120-150 ms of a 0.6-0.9 s check of seeds/ (measured with `node --cpu-prof`
// and by timing both entry points on the same machine). The library (dist/index.js) stays as tsc wrote it, so
// integrations import typed modules and their own bundlers see ordinary code.
import { build } from 'esbuild';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // esbuild counts Unicode property escapes (\p{L}) as supported from Node 20.12 only (newer Unicode data), so for
  // 'node20' it rewrote every such literal into `new RegExp("…")`, built again each time the expression runs (a
  // regular expression inside a per-word callback: 2-3% of a translation memory's check). Node 20.0 reads them.
  supported: { 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
  legalComments: 'eof',
  // Loaded from node_modules on first use only (legacy encodings, bitext files, user patterns, documents): bundled,
  // their code (iconv-lite's tables, PDF.js's 1.4 MB, linkedom, mammoth) would be parsed on every start. The document
  // readers import theirs with import() inside functions, which esbuild leaves as it is for an external package.
  external: ['iconv-lite', 'jschardet', 'fast-xml-parser', 'ajv', 're2js', 'mammoth', 'linkedom', '@mozilla/readability', 'unpdf', 'fflate', 'htmlparser2'],
  // CommonJS dependencies (ajv, yargs' helpers) call require() for Node's own modules.
  banner: { js: "import { createRequire as __factlintRequire } from 'node:module'; const require = __factlintRequire(import.meta.url);" },
};

/** Bundles one entry and replaces the output in one step (tests may be running the previous bundle meanwhile). */
async function bundle(entry, out, mode) {
  const result = await build({ ...common, entryPoints: [resolve(root, entry)], outfile: resolve(root, out), write: false });
  const tmp = resolve(root, `${out}.${process.pid}.tmp`);
  writeFileSync(tmp, result.outputFiles[0].contents, { mode });
  renameSync(tmp, resolve(root, out));
}

// Schemas compiled ahead (src/schema.ts takes a validator from here when its schema's hash matches).
async function precompileSchemas() {
  const { Ajv } = await import('ajv');
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  const { AJV_OPTIONS, schemaHash } = await import(pathToFileURL(resolve(root, 'dist/schema.js')).href);
  const { KINDS } = await import(pathToFileURL(resolve(root, 'dist/rules/registry.js')).href);
  // Optimised here (build time is not start-up time): the same checks, smaller code.
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, optimize: true } });
  const schemas = {};
  for (const f of readdirSync(resolve(root, 'rules/schema')).filter((n) => n.endsWith('.schema.json')).sort()) {
    schemas[f] = JSON.parse(readFileSync(resolve(root, 'rules/schema', f), 'utf8'));
  }
  for (const k of Object.keys(KINDS).sort()) schemas[`kind:${k}`] = KINDS[k].paramsSchema;
  const hashes = {};
  for (const [name, schema] of Object.entries(schemas)) { ajv.addSchema(schema, name); hashes[name] = schemaHash(schema); }
  const code = standaloneCode(ajv, Object.fromEntries(Object.keys(schemas).map((n) => [n, n])));
  const tmp = resolve(root, `dist/validators.cjs.${process.pid}.tmp`);
  writeFileSync(tmp, `${code}\nmodule.exports = { validators: module.exports, hashes: ${JSON.stringify(hashes)} };\n`);
  renameSync(tmp, resolve(root, 'dist/validators.cjs'));
}

await precompileSchemas();
await bundle('dist/cli/main.js', 'dist/factlint.js', 0o755);
// The worker sits beside the CLI bundle: analyse.ts starts it as new URL('./analyse-worker.js', import.meta.url).
await bundle('dist/pipeline/analyse-worker.js', 'dist/analyse-worker.js', 0o644);
// The same for the unit pool's worker (segment files: units.ts starts it as new URL('./units-worker.js', …)).
await bundle('dist/pipeline/units-worker.js', 'dist/units-worker.js', 0o644);
