/**
 * Hostile input at scale, generated here (never committed as large files): each case finishes or is refused with a
 * code, within the test's own generous time limit. Speed is measured by `npm run bench`, not asserted here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const PUBLISHED = resolve(ROOT, 'test/fixtures/readme-workspace/stories/published');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

const PROSE = 'The council approved a budget of 12 million dollars on Monday after a long debate, the mayor said. ';

describe('lines longer than the line budget are refused with FL119 (nothing else read)', () => {
  it.each([
    ['a 9 MB single-line text', (): string => PROSE.repeat(Math.ceil(9_000_000 / PROSE.length))],
    ['a line of 1,000,000 × "1. "', (): string => '1. '.repeat(1_000_000)],
  ])('%s', (_name, make) => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-long-'));
    writeFileSync(join(d, 'long.txt'), make());
    const r = run(['check', 'long.txt'], d);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/error FL102: no readable sources; skipped: long\.txt \(FL119: a line of [\d,]+ characters, longer than the limit of 1,000,000 \(maxLineLength\)\)/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  }, 120_000);

  it('beside readable files: skipped with its code, the others checked', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-long-'));
    for (const f of ['harbor-ferry-en.txt', 'harbor-ferry-vi.txt']) copyFileSync(join(PUBLISHED, f), join(d, f));
    writeFileSync(join(d, 'long.txt'), '1. '.repeat(1_000_000));
    const r = run(['check', '.', '--format', 'json', '-o', 'r.json'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/skipped long\.txt: FL119 a line of 3,000,000 characters/u);
  }, 120_000);

  it('a text given in memory: skipped the same way', async () => {
    const { report } = await check([
      { id: 'long', text: '1. '.repeat(400_000) },
      { id: 'ok', text: 'The council approved the budget on Monday, the mayor said.' },
    ]);
    expect(report.skipped).toEqual([{ path: 'long', code: 'FL119', reason: 'a line of 1,200,000 characters, longer than the limit of 1,000,000 (maxLineLength)' }]);
    expect(report.sources.map((s) => s.id)).toEqual(['ok']);
  }, 60_000);
});

describe('lines under the budget are analysed in time linear in their length', () => {
  it.each([
    ['a 990,000-character line of prose', PROSE],
    ['a 990,000-character line of "$1 " (one sentence of amounts)', '$1 '],
  ])('%s: checked, exit 0', (_name, unit) => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-long-'));
    writeFileSync(join(d, 'line.txt'), unit.repeat(Math.floor(990_000 / unit.length)));
    const r = run(['check', 'line.txt', '--format', 'json', '-o', 'r.json'], d);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
});
