#!/usr/bin/env node
// Peer comparison: factlint's pairs mode against Translate Toolkit's `pofilter` on the DEMETR dev rows.
//
//   node scripts/peer-pofilter.mjs [--data ../shared/eval/external/demetr-dev.jsonl] [--keep DIR]
//
// Builds a PO file from the JSONL (msgctxt = row id, msgid = `good`, msgstr = `bad`), runs `pofilter -t numbers`
// and `pofilter` with its default tests on it, and `factlint pairs` on the same rows, timing each. A row counts as
// flagged by pofilter when its msgctxt appears in pofilter's output, and by factlint when a finding's location
// source starts with "<row id>:". Prints a markdown table: detection on the number rows
// (critical_id10_numbers_replaced) and entity rows (critical_id9_ne_replaced), false flags on the controls
// (base_id35_reference: a faithful human paraphrase; minor_id26_misspelled: one misspelt word).
// Without `pofilter` on the PATH (Debian: apt-get install translate-toolkit) its rows are skipped with a note.
// Exit codes: 0 done; 1 setup problem (no data, no dist/ build); 2 factlint crashed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'factlint.js');
const SCORER = resolve(ROOT, '..', 'shared', 'eval', 'score-pairs.mjs');

const NUMBER_ROWS = 'critical_id10_numbers_replaced';
const ENTITY_ROWS = 'critical_id9_ne_replaced';
const CONTROLS = ['base_id35_reference', 'minor_id26_misspelled'];
const PAIR_CATEGORIES = new Set(['entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch', 'negation-mismatch']);

// ---------------------------------------------------------------- PO

/** A PO string literal: backslash, quote and control characters escaped as gettext reads them. */
export function poString(s) {
  return `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
}

export function buildPo(rows) {
  const head = ['msgid ""', 'msgstr ""', '"Project-Id-Version: demetr-dev\\n"', '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"', '"Language: en\\n"', ''];
  const units = rows.map((r) => `#. ${r.error_type}\nmsgctxt ${poString(r.id)}\nmsgid ${poString(r.good)}\nmsgstr ${poString(r.bad)}\n`);
  return `${head.join('\n')}\n${units.join('\n')}`;
}

const unescapePo = (s) => s.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, c) => (c[0] === 'x' && c.length === 3 ? String.fromCharCode(parseInt(c.slice(1), 16))
  : ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[c] ?? c)));

/** The msgctxt of every unit in a PO file, with the pofilter tests named in its comments. */
function poUnits(text) {
  const units = [];
  let tests = [];
  let ctx;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.match(/^# \(pofilter\) ([\w-]+):/);
    if (t) tests.push(t[1]);
    const m = line.match(/^msgctxt "(.*)"$/);
    if (m) {
      ctx = unescapePo(m[1]);
      while (lines[i + 1]?.startsWith('"')) ctx += unescapePo(lines[++i].slice(1, -1));
      units.push({ ctx, tests });
      tests = [];
    } else if (line.trim() === '') tests = [];
  }
  return units;
}

// ---------------------------------------------------------------- running

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME) && spawnSync(TIME, ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;
const MARK = 'peer-pofilter-rusage';

/** Runs a command; wall seconds from hrtime, CPU seconds and peak RSS from GNU time when it is installed. */
function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ['-f', `${MARK} %U %S %M`, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = hasTime ? String(r.stderr).match(new RegExp(`${MARK} ([\\d.]+) ([\\d.]+) (\\d+)\\s*$`)) : null;
  if (m) r.stderr = r.stderr.slice(0, m.index);
  const sig = hasTime ? String(r.stderr).match(/Command terminated by signal (\d+)/) : null;
  if (sig) r.signal = `signal ${sig[1]}`;
  return { ...r, seconds, ...(m ? { cpu: Number(m[1]) + Number(m[2]), rssMiB: Number(m[3]) / 1024 } : {}) };
}

/** The line of a child's stderr that says what went wrong. */
const errorLine = (err) => { const l = String(err ?? '').trim().split('\n'); return (l.find((x) => /error/i.test(x)) ?? l.at(-1) ?? '').trim(); };

const which = (name) => (process.env.PATH ?? '').split(':').map((d) => join(d, name)).find((p) => p && existsSync(p));

function rates(flagged, byType) {
  const rate = (type) => { const ids = byType.get(type) ?? []; return { hit: ids.filter((id) => flagged.has(id)).length, of: ids.length }; };
  return { numbers: rate(NUMBER_ROWS), entities: rate(ENTITY_ROWS), controls: CONTROLS.map(rate) };
}

async function main() {
  const args = { data: resolve(ROOT, '..', 'shared', 'eval', 'external', 'demetr-dev.jsonl') };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') args.data = resolve(argv[++i]);
    else if (argv[i] === '--keep') args.keep = resolve(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') { process.stdout.write('usage: node scripts/peer-pofilter.mjs [--data FILE.jsonl] [--keep DIR]\n'); return 0; }
    else { process.stderr.write(`peer-pofilter: unknown argument ${argv[i]}\n`); return 1; }
  }
  if (!existsSync(args.data)) { process.stderr.write(`peer-pofilter: ${args.data} not found\n`); return 1; }
  const rows = readFileSync(args.data, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const byType = new Map();
  for (const r of rows) { const l = byType.get(r.error_type) ?? []; l.push(r.id); byType.set(r.error_type, l); }

  const work = args.keep ?? mkdtempSync(join(os.tmpdir(), 'factlint-peer-'));
  mkdirSync(work, { recursive: true });
  const po = join(work, 'demetr-dev.po');
  writeFileSync(po, buildPo(rows));

  // Check the escaping: the PO file must parse back to exactly the rows (gettext-parser is a factlint dependency).
  try {
    const { po: parser } = createRequire(join(ROOT, 'package.json'))('gettext-parser');
    const parsed = parser.parse(readFileSync(po));
    let bad = 0;
    for (const r of rows) {
      const u = parsed.translations[r.id]?.[r.good];
      if (!u || u.msgstr[0] !== r.bad) bad++;
    }
    process.stderr.write(`peer-pofilter: ${rows.length} rows -> ${po}; ${bad ? `${bad} rows do NOT round-trip through gettext-parser` : 'all rows round-trip through gettext-parser'}\n`);
  } catch (e) { process.stderr.write(`peer-pofilter: could not check the PO file with gettext-parser (${e.message})\n`); }

  const results = [];
  const notes = [];
  const pofilter = which('pofilter');
  if (!pofilter) {
    notes.push('`pofilter` is not installed (Debian/Ubuntu: `apt-get install translate-toolkit`; elsewhere `pip install translate-toolkit`): its rows are skipped.');
  } else {
    const version = spawnSync(pofilter, ['--version'], { encoding: 'utf8' }).stdout.trim();
    for (const [label, extra] of [['-t numbers', ['-t', 'numbers']], ['default tests', []]]) {
      const out = join(work, `pofilter-${extra.length ? 'numbers' : 'default'}.po`);
      rmSync(out, { force: true });
      const r = timed(pofilter, ['--progress=none', ...extra, '-i', po, '-o', out]);
      if (r.status !== 0 || !existsSync(out)) { notes.push(`pofilter ${label} failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`); continue; }
      const units = poUnits(readFileSync(out, 'utf8')).filter((u) => u.ctx);
      const flagged = new Set(units.map((u) => u.ctx));
      // Which tests fire on the control rows: the false flags, by test.
      const controlIds = new Set(CONTROLS.flatMap((t) => byType.get(t) ?? []));
      const testsOnControls = {};
      for (const u of units) if (controlIds.has(u.ctx)) for (const t of u.tests) testsOnControls[t] = (testsOnControls[t] ?? 0) + 1;
      results.push({ tool: `pofilter (${version})`, test: label, seconds: r.seconds, cpu: r.cpu, rssMiB: r.rssMiB, ...rates(flagged, byType), testsOnControls });
    }
  }

  let crashed = false;
  if (!existsSync(CLI)) notes.push(`factlint is not built (${CLI} missing): run \`npm run build\`; its rows are skipped.`);
  else {
    const out = join(work, 'factlint-pairs.json');
    rmSync(out, { force: true });
    const r = timed(process.execPath, [CLI, 'pairs', args.data, '--left', 'good', '--right', 'bad', '--id', 'id', '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet'], { cwd: ROOT });
    let report;
    try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { /* crashed */ }
    if (r.status === 2 || r.signal || !report) {
      crashed = true;
      notes.push(`factlint pairs crashed (${r.signal ?? `exit ${r.status}`}${report ? '' : ', no report'}): ${errorLine(r.stderr)}`);
    } else {
      const rowOf = (src) => String(src).replace(/:[^:]*$/, '');
      const ids = new Set(rows.map((x) => x.id));
      const any = new Set(), cats = new Map();
      for (const f of report.findings ?? []) {
        for (const l of f.locations ?? []) {
          const id = rowOf(l.source);
          if (!ids.has(id)) continue;
          any.add(id);
          let c = cats.get(id);
          if (!c) cats.set(id, (c = new Set()));
          c.add(f.category);
        }
      }
      results.push({ tool: 'factlint pairs', test: 'all rules, any finding', seconds: r.seconds, cpu: r.cpu, rssMiB: r.rssMiB, ...rates(any, byType) });
      // The same run, counting only the finding a checker should give: number rows as number-mismatch, entity rows as
      // entity-mismatch, controls flagged only by a pair category (as ../shared/eval/score-pairs.mjs counts them).
      const want = (cat) => new Set([...cats].filter(([, c]) => c.has(cat)).map(([id]) => id));
      const pairFlag = new Set([...cats].filter(([, c]) => [...c].some((x) => PAIR_CATEGORIES.has(x))).map(([id]) => id));
      const num = rates(want('number-mismatch'), byType), ent = rates(want('entity-mismatch'), byType), ctl = rates(pairFlag, byType);
      results.push({ tool: 'factlint pairs', test: 'expected category (same run)', seconds: undefined, numbers: num.numbers, entities: ent.entities, controls: ctl.controls });
      const byCat = {};
      const controlIds = new Set(CONTROLS.flatMap((t) => byType.get(t) ?? []));
      for (const [id, c] of cats) if (controlIds.has(id)) for (const x of c) byCat[x] = (byCat[x] ?? 0) + 1;
      results[results.length - 2].testsOnControls = byCat;
      if (existsSync(SCORER)) {
        const s = spawnSync(process.execPath, [SCORER, '--report', out, '--data', args.data], { encoding: 'utf8' });
        if (s.status === 0) notes.push(`score-pairs.mjs on the factlint report:\n\n\`\`\`\n${s.stdout.trimEnd()}\n\`\`\``);
      }
    }
  }

  // ---- print
  const p = (s = '') => process.stdout.write(`${s}\n`);
  const n = (t) => (byType.get(t) ?? []).length;
  const cell = (x) => `${(100 * x.hit / Math.max(1, x.of)).toFixed(1)}% (${x.hit}/${x.of})`;
  const cpu = os.cpus();
  p('## Peer comparison: factlint pairs vs pofilter on DEMETR dev');
  p();
  p(`Machine: ${cpu[0]?.model?.trim()}, ${cpu.length} cores, Node ${process.version}. Data: ${rows.length} rows of ${args.data.replace(`${resolve(ROOT, '..')}/`, '../')}.`);
  p();
  p(`| tool | test | seconds | CPU s | peak RSS MiB | number rows (n=${n(NUMBER_ROWS)}) | entity rows (n=${n(ENTITY_ROWS)}) | false flags: reference (n=${n(CONTROLS[0])}) | false flags: misspelled (n=${n(CONTROLS[1])}) |`);
  p('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const opt = (x, d) => (x === undefined ? '' : x.toFixed(d));
  for (const r of results) p(`| ${r.tool} | ${r.test} | ${r.seconds === undefined ? '(same run)' : r.seconds.toFixed(2)} | ${opt(r.cpu, 2)} | ${opt(r.rssMiB, 0)} | ${cell(r.numbers)} | ${cell(r.entities)} | ${cell(r.controls[0])} | ${cell(r.controls[1])} |`);
  for (const r of results) {
    if (!r.testsOnControls || !Object.keys(r.testsOnControls).length) continue;
    const top = Object.entries(r.testsOnControls).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
    p();
    p(`${r.tool} ${r.test}: what fires on the control rows (rows per ${r.tool.startsWith('pofilter') ? 'test' : 'category'}): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  }
  for (const note of notes) { p(); p(note); }
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`peer-pofilter: files kept in ${work}\n`);
  return crashed ? 2 : 0;
}

main().then((c) => { process.exitCode = c; }, (e) => { process.stderr.write(`peer-pofilter: internal error: ${e?.stack ?? e}\n`); process.exitCode = 1; });
