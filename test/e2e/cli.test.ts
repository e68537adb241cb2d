import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const SCORE = resolve(ROOT, '../shared/eval/score.mjs');

const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

beforeAll(() => {
  // The CLI runs from dist/ (the bundle dist/factlint.js that the bin names): build it once so the test exercises
  // what users run.
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
});

describe('factlint check seeds', () => {
  let report: { sources: { id: string; path: string; lang: string; published?: string; byline?: string }[]; findings: { ruleId: string; category: string; locations: { source: string; start: number; end: number; text: string }[] }[]; alignments: unknown[] };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'factlint-e2e-'));
    const r = run(['check', 'seeds', '--format', 'json,html', '--output-dir', dir]);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect([0, 1]).toContain(r.status);
    report = JSON.parse(readFileSync(join(dir, 'seeds.json'), 'utf8'));
  });

  it('reads the five seed files with their languages, the dateline and the source line', () => {
    expect(report.sources.map((s) => s.path)).toEqual(readdirSync(resolve(ROOT, 'seeds')).sort().map((f) => `seeds/${f}`));
    const by = Object.fromEntries(report.sources.map((s) => [s.path.slice(6, 9), s]));
    expect(by['000']!.lang).toBe('en');
    expect(by['002']!.lang).toBe('vi');
    expect(by['000']!.published).toBe('2020-02-07');
    expect(by['003']!.byline).toMatch(/Noah Wire Services/);
    expect(by['004']!.byline).toBeUndefined();
  });

  it('finds the three headline discrepancies', () => {
    const has = (cat: string, file: string, text: string) =>
      report.findings.some((f) => f.category === cat && f.locations.some((l) => l.source.includes(file) && l.text.includes(text)));
    expect(has('entity-mismatch', '002_', 'Vocalord')).toBe(true);
    expect(has('event-mismatch', '000_', 'rights')).toBe(true);
    expect(has('unsourced-claim', '004_', 'Yandex partnered')).toBe(true);
  });

  it('every location quotes exactly its slice of the file', () => {
    const texts = new Map(report.sources.map((s) => [s.id, readFileSync(resolve(ROOT, s.path), 'utf8').replace(/^\uFEFF/, '')]));
    for (const f of report.findings) for (const l of f.locations) expect(texts.get(l.source)!.slice(l.start, l.end)).toBe(l.text);
  });

  it('meets the seed gold thresholds of issue 2 with the shared scorer', () => {
    const r = spawnSync(process.execPath, [SCORE, '--report', join(dir, 'seeds.json'), '--gold', resolve(ROOT, '../shared/eval/seeds.gold.json'), '--root', resolve(ROOT, 'seeds'),
      '--require-must', '--min-precision', '0.6', '--max-violations', '2'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/score: /);
    expect(r.status, r.stdout).toBe(0);
  });

  it('writes a self-contained HTML report', () => {
    const html = readFileSync(join(dir, 'seeds.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Vocalord');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']https?:/i);
  });
});

describe('exit codes and errors', () => {
  it('exits 2 with a clear message for a missing input, without a stack trace', () => {
    const r = run(['check', 'no-such-folder']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FL100.*no-such-folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('exits 2 for an unknown option or format', () => {
    expect(run(['check', 'seeds', '--bogus']).status).toBe(2);
    const r = run(['check', 'seeds', '--format', 'pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FL002.*pdf/);
  });
  it('exits 0 when nothing reaches --fail-on and 1 when something does', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-exit-'));
    writeFileSync(join(d, 'a.txt'), 'The company said on Monday it hired 40 engineers in Hanoi.');
    writeFileSync(join(d, 'b.txt'), 'The company said on Monday it hired 40 engineers in Hanoi.');
    expect(run(['check', d]).status).toBe(0);
    writeFileSync(join(d, 'b.txt'), 'The company said on Monday it hired 90 engineers in Hanoi.');
    expect(run(['check', d, '--format', 'json']).status).toBe(1);
    expect(run(['check', d, '--fail-on', 'none']).status).toBe(0);
  });
  it('skips non-text files in a folder and says so with --verbose', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-skip-'));
    mkdirSync(join(d, 'story'));
    for (const f of ['000_72efca07dd40d858.txt', '002_6d85bfe9b2468d9b.txt']) copyFileSync(resolve(ROOT, 'seeds', f), join(d, 'story', f));
    writeFileSync(join(d, 'story', 'gold.json'), '{}');
    const r = run(['check', d, '--verbose']);
    expect(r.stderr).toMatch(/gold\.json.*FL101/);
  });
});
