/**
 * Segment files are checked in batches of units (src/pipeline/units.ts), in worker threads with --jobs: the report is
 * the same whatever the threads, and lists only the units with findings.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { formatTm, generateTm } from '../../scripts/gen-corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');

interface Planted { unit: string; category: string }
interface Report { findings: { story?: string; category: string }[]; stories: { id: string }[]; units: { checked: number; withFindings: number; withoutFindings: number } }

describe('a translation memory of more than one batch of units', () => {
  // 1,200 units: two batches (of 1,000 and 200), so --jobs 2 starts two worker threads.
  const tm = generateTm({ units: 1200, seed: 3 }) as { planted: Planted[] };
  const d = mkdtempSync(join(tmpdir(), 'factlint-tm-'));
  writeFileSync(join(d, 'tm.xlf'), formatTm(tm, 'xliff') as string);
  const check = (jobs: string): string => {
    const out = `r${jobs}.json`;
    const r = spawnSync(process.execPath, [CLI, 'check', 'tm.xlf', '--format', 'json', '-o', out, '--fail-on', 'none', '--quiet', '--jobs', jobs], { cwd: d, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(join(d, out), 'utf8');
  };

  it('gives one report with --jobs 1 and --jobs 2, counting every unit and listing those with findings', () => {
    const one = check('1');
    expect(check('2')).toBe(one);
    const report = JSON.parse(one) as Report;
    expect(report.units.checked).toBe(1200);
    expect(report.units.withFindings + report.units.withoutFindings).toBe(1200);
    expect(report.stories.map((s) => s.id).sort()).toEqual([...new Set(report.findings.map((f) => f.story))].sort());
    // Planted changes are found in the second batch as in the first.
    const found = new Set(report.findings.map((f) => `${f.story} ${f.category}`));
    const hit = tm.planted.filter((p) => found.has(`${p.unit} ${p.category}`)).map((p) => Number(p.unit.slice(1)));
    expect(hit.some((n) => n <= 1000)).toBe(true);
    expect(hit.some((n) => n > 1000)).toBe(true);
  });
});
