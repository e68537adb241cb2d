#!/usr/bin/env node
// Snapshot of the reports a build gives on the evaluation data, and a byte-level comparison of two snapshots: the
// check that a change of structure changed no finding ("reports identical before and after").
//
//   node scripts/snapshot-reports.mjs save DIR [--only seeds,dev,ntrex,edits,demetr] [--project PATH]
//   node scripts/snapshot-reports.mjs compare OLD_DIR NEW_DIR
//
// To snapshot another commit: `git worktree add DIR COMMIT`, link node_modules into it, `npm run build` there, and
// `save --project DIR` (the evaluation data is read from DIR/../shared/eval: link the shared folder beside DIR).
//
// `save` runs the build in PATH/dist (default: this checkout) and writes one JSON file per run into DIR:
//   seeds.json, dev-<case>.json      the CLI's JSON report (`factlint check FOLDER --format json`), as evalall.sh runs it;
//   ntrex/<doc>-<lang>.json          check([en.txt, <lang>.txt]) of every NTREX dev document, as eval-ntrex.mjs runs it
//                                    (the paths relative to the data folder);
//   edits/<batch>.json               the findings of every planted-change case (../shared/eval/edits/dev.jsonl), run in
//                                    batches of 100 as score.mjs runs them, listed per case id;
//   demetr/<run>.json                the CLI's JSON report of each pairs run of eval-demetr.mjs.
// Reports are written with stable key order (JSON.stringify of the report object, or the CLI's own file), so two
// builds that find the same things give byte-identical files. `compare` lists the files that differ and, for
// each, the findings only one side has (rule, locations), then exits 1 if anything differs.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { checkedCases } from './edit-cases.mjs';

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const [cmd, ...rest] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));

async function save(dir) {
  const project = resolve(opt('--project', resolve(import.meta.dirname, '..')));
  const shared = resolve(project, '../shared/eval');
  const only = new Set((opt('--only', 'seeds,dev,ntrex,edits,demetr')).split(','));
  const cli = join(project, 'dist/factlint.js');
  const { check } = await import(pathToFileURL(join(project, 'dist/index.js')).href);
  mkdirSync(dir, { recursive: true });
  const runCli = (argv, out, cwd = project) => {
    const r = spawnSync(process.execPath, [cli, ...argv, '--format', 'json', '-o', out, '--fail-on', 'none', '-q'], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`factlint ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  };
  if (only.has('seeds')) runCli(['check', 'seeds'], join(dir, 'seeds.json'));
  if (only.has('dev')) {
    for (const c of readdirSync(join(shared, 'dev')).sort()) {
      const p = join(shared, 'dev', c);
      // Run in the case folder: the report names its files without a path that depends on the checkout's place.
      if (statSync(p).isDirectory()) runCli(['check', '.'], join(dir, `dev-${c}.json`), p);
    }
  }
  if (only.has('ntrex')) {
    const data = join(shared, 'external/ntrex-dev');
    mkdirSync(join(dir, 'ntrex'), { recursive: true });
    for (const doc of readdirSync(data).sort()) {
      for (const l of ['vi', 'ru', 'de']) {
        // Sources named relative to the data folder, so that snapshots of checkouts in other places compare.
        const { report } = await check([`${doc}/en.txt`, `${doc}/${l}.txt`], { load: { cwd: data }, cwd: data });
        writeFileSync(join(dir, 'ntrex', `${doc}-${l}.json`), `${JSON.stringify(report, null, 1)}\n`);
      }
    }
  }
  if (only.has('edits')) {
    const cases = readFileSync(join(shared, 'edits/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    mkdirSync(join(dir, 'edits'), { recursive: true });
    for await (const { k, byCase: found } of checkedCases(check, cases)) {
      const byCase = Object.fromEntries(found);
      writeFileSync(join(dir, 'edits', `${String(k / 100).padStart(3, '0')}.json`), `${JSON.stringify(byCase, null, 1)}\n`);
    }
  }
  if (only.has('demetr')) {
    const data = join(shared, 'external/demetr-dev.jsonl');
    const tmp = join(dir, 'demetr-inputs');
    mkdirSync(tmp, { recursive: true });
    mkdirSync(join(dir, 'demetr'), { recursive: true });
    const rows = readFileSync(data, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    // Run in the folder of the input, named without a path: the report names the file as given, the same in every snapshot.
    const pairs = (name, file, left, right, ll, rl) =>
      runCli(['pairs', relative(tmp, file), '--left', left, '--right', right, '--id', 'id', ...(ll ? ['--left-lang', ll, '--right-lang', rl] : [])], join(dir, 'demetr', `${name}.json`), tmp);
    writeFileSync(join(tmp, 'demetr-dev.jsonl'), readFileSync(data));
    pairs('good-vs-bad-en', join(tmp, 'demetr-dev.jsonl'), 'good', 'bad');
    for (const lp of ['ru-en', 'de-en']) {
      const f = join(tmp, `${lp}.jsonl`);
      writeFileSync(f, rows.filter((r) => r.lang_pair === lp).map((r) => JSON.stringify(r)).join('\n'));
      pairs(`source-vs-bad-${lp}`, f, 'source', 'bad', lp.slice(0, 2), 'en');
      const g = join(tmp, `${lp}-control.jsonl`);
      writeFileSync(g, rows.filter((r) => r.lang_pair === lp).map((r) => JSON.stringify({ ...r, bad: r.good, error_type: 'source_vs_good', expect: null })).join('\n'));
      pairs(`source-vs-good-${lp}`, g, 'source', 'bad', lp.slice(0, 2), 'en');
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  const n = files(dir).length;
  console.log(`saved ${n} report files in ${dir}`);
}

function files(dir, base = dir) {
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...files(p, base));
    else out.push(relative(base, p));
  }
  return out;
}

/** Every finding of a report file (a report, or edits' case -> findings), as one line each. */
function findingLines(text) {
  const data = JSON.parse(text);
  const list = Array.isArray(data.findings) ? data.findings : Object.values(data).flat();
  // The path prefix of a source differs between checkouts only when a report names absolute paths.
  return list.map((f) => `${f.ruleId} [${f.severity}] ${f.locations.map((l) => `${l.source}:${l.start}-${l.end}`).join(' ~ ')} ${JSON.stringify(f.message)}`);
}

function compare(a, b) {
  const fa = new Set(files(a));
  const fb = new Set(files(b));
  let differ = 0;
  let same = 0;
  for (const f of [...new Set([...fa, ...fb])].sort()) {
    if (!fa.has(f) || !fb.has(f)) { console.log(`only in ${fa.has(f) ? a : b}: ${f}`); differ++; continue; }
    const ta = readFileSync(join(a, f), 'utf8');
    const tb = readFileSync(join(b, f), 'utf8');
    if (ta === tb) { same++; continue; }
    differ++;
    const la = findingLines(ta);
    const lb = findingLines(tb);
    const sa = new Set(la);
    const sb = new Set(lb);
    const gone = la.filter((l) => !sb.has(l));
    const added = lb.filter((l) => !sa.has(l));
    console.log(`differs: ${f} (${gone.length} findings only before, ${added.length} only after${!gone.length && !added.length ? '; the findings are the same, something else differs' : ''})`);
    for (const l of gone.slice(0, 20)) console.log(`  - ${l}`);
    for (const l of added.slice(0, 20)) console.log(`  + ${l}`);
  }
  console.log(`${same} files identical, ${differ} differ`);
  return differ === 0;
}

if (cmd === 'save' && rest[0]) await save(resolve(rest[0]));
else if (cmd === 'compare' && rest[0] && rest[1]) process.exit(compare(resolve(rest[0]), resolve(rest[1])) ? 0 : 1);
else {
  console.error('usage: snapshot-reports.mjs save DIR [--only seeds,dev,ntrex,edits,demetr] [--project PATH] | compare OLD NEW');
  process.exit(2);
}
