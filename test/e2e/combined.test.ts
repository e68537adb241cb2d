/**
 * Unrelated stories checked together stay apart: the four dev cases of ../shared/eval/dev and the seeds, copied
 * into one folder, must cluster into their own stories, no finding may link two stories, and each case's findings
 * must be the same as when that case is checked alone.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEV = path.resolve(ROOT, '../shared/eval/dev');
const SEEDS = path.resolve(ROOT, 'seeds');

const txtFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const CASES = readdirSync(DEV, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^dev\d+-/u.test(d.name))
  .map((d) => d.name)
  .sort();
const SEED_FILES = txtFiles(SEEDS);

/** Files are told apart by base name: the dev README promises base names stay unique across cases. */
const base = (source: string): string => path.basename(source);
const devCase = (file: string): string | undefined => /^(dev\d+)_/u.exec(file)?.[1];
const seed = (file: string): string | undefined => /^(\d{3})_/u.exec(file)?.[1];

/**
 * The story group a file belongs to: each dev case is one group; seeds 000 (English) and 002 (its Vietnamese
 * version) are one; seeds 001, 003 and 004 are other reporting on the same topic and may be linked with one another
 * (003 and 004 are close), but never with 000/002 or with a dev case.
 */
function group(file: string): string {
  const dev = devCase(file);
  if (dev) return dev;
  const n = seed(file);
  if (n === '000' || n === '002') return 'seeds-000-002';
  if (n === '001' || n === '003' || n === '004') return 'seeds-001-003-004';
  throw new Error(`no story group for ${file}`);
}

/** What a finding says, independent of where the files lie and of story ids. */
const key = (f: Finding): string => JSON.stringify([f.ruleId, f.category, f.locations.map((l) => [base(l.source), l.text])]);

describe('dev cases and seeds checked together', () => {
  let dir: string;
  let report: Report;

  // The first check() in a worker loads rules and language packs: a few seconds alone, ~10 s beside another worker.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'factlint-combined-'));
    for (const c of CASES) for (const f of txtFiles(path.join(DEV, c))) copyFileSync(path.join(DEV, c, f), path.join(dir, f));
    for (const f of SEED_FILES) copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    report = (await check([dir])).report;
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every file once', () => {
    expect(CASES).toHaveLength(4);
    const expected = [...CASES.flatMap((c) => txtFiles(path.join(DEV, c))), ...SEED_FILES].sort();
    expect(report.sources.map((s) => base(s.id)).sort()).toEqual(expected);
  });

  it('no finding links sources of two story groups', () => {
    const crossing = report.findings
      .filter((f) => new Set(f.locations.map((l) => group(base(l.source)))).size > 1)
      .map((f) => `${f.ruleId}: ${f.locations.map((l) => `${base(l.source)} "${l.text.slice(0, 60)}"`).join(' / ')}`);
    expect(crossing).toEqual([]);
    // Not vacuous: the planted cross-version discrepancies are there.
    expect(report.findings.filter((f) => new Set(f.locations.map((l) => l.source)).size > 1).length).toBeGreaterThan(10);
  });

  it('clusters each case into its own story', () => {
    const storyOf = (file: string) => report.stories.find((st) => st.sources.some((s) => base(s) === file));
    const together = (files: string[]): void => {
      const st = storyOf(files[0]!);
      expect(st, `${files[0]} is in no story`).toBeDefined();
      expect(st!.sources.map(base).sort(), files.join(' + ')).toEqual(expect.arrayContaining(files));
    };
    for (const c of CASES) together(txtFiles(path.join(DEV, c)));
    together(SEED_FILES.filter((f) => seed(f) === '000' || seed(f) === '002'));

    // No story mixes two dev cases, a dev case and a seed, or 001 with 000/002.
    const mixed = report.stories
      .filter((st) => new Set(st.sources.map((s) => group(base(s)))).size > 1)
      .map((st) => `${st.id}: ${st.sources.map(base).join(', ')}`);
    expect(mixed).toEqual([]);
  });

  const cases = [
    ...CASES.map((c) => ({ name: c, folder: path.join(DEV, c), files: txtFiles(path.join(DEV, c)) })),
    { name: 'seeds', folder: SEEDS, files: SEED_FILES },
  ];
  it.each(cases)('$name has the same findings as when checked alone', async ({ folder, files }) => {
    const alone = (await check([folder])).report.findings.map(key).sort();
    const mine = new Set(files);
    const together = report.findings.filter((f) => f.locations.some((l) => mine.has(base(l.source)))).map(key).sort();
    expect(alone.length).toBeGreaterThan(0);
    expect(together).toEqual(alone);
  }, 30_000);
});
