/**
 * The command line's contract on user mistakes: every one is a coded error (exit 2, the code, what to do, no stack
 * trace); a corrupt cache entry is recomputed; a closed standard output ends the run quietly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const workspace = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'factlint-contract-'));
  cpSync(FIXTURE, d, { recursive: true });
  return d;
};
const NO_TRACE = /\n\s+at \S+|internal error|EPIPE/u;

describe('option values out of range are FL004', () => {
  const d = workspace();
  it.each([
    [['--jobs', '0'], /--jobs "0": expected a whole number from 1 to 256/],
    [['--jobs', '-1'], /--jobs "-1": expected a whole number from 1 to 256/],
    [['--jobs', '1.5'], /--jobs "1\.5": expected a whole number/],
    [['--jobs', 'abc'], /--jobs "abc": expected a whole number/],
    [['--max-file-size', 'abc'], /--max-file-size "abc": expected a size from 1 byte to 268,435,456 bytes/],
    [['--max-file-size', '-5'], /--max-file-size "-5": expected a size/],
    [['--max-file-size', '1TiB'], /--max-file-size "1TiB": expected a size/],
  ])('%j', (extra, message) => {
    const r = run(['check', 'stories/published', ...extra], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^factlint: error FL004: /u);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(NO_TRACE);
  });

  it('sizes with a unit, and more jobs than cores, are accepted', () => {
    const r = run(['check', 'stories/published', '--max-file-size', '20MiB', '--jobs', '64', '--format', 'json', '-o', 'r.json'], d);
    expect(r.status, r.stderr).toBe(1);
  });
});

describe('the analysis cache', () => {
  it('--cache naming a file is FL117', () => {
    const d = workspace();
    const r = run(['check', 'stories/published', '--cache', 'draft.txt'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^factlint: error FL117: draft\.txt: --cache must name a folder, but this is a file/u);
    expect(r.stderr).not.toMatch(NO_TRACE);
  });

  it('a corrupt entry ({}, a truncated file) is discarded and recomputed: the same report, the entry written again', () => {
    const d = workspace();
    const first = run(['check', 'stories/published', '--cache', 'c', '--format', 'json', '-o', 'first.json'], d);
    expect(first.status, first.stderr).toBe(1);
    const entries = readdirSync(join(d, 'c'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(entries.length).toBe(2);
    writeFileSync(entries[0]!, '{}');
    writeFileSync(entries[1]!, readFileSync(entries[1]!, 'utf8').slice(0, 100));
    for (const n of [1, 2]) {
      const again = run(['check', 'stories/published', '--cache', 'c', '--format', 'json', '-o', `again${n}.json`], d);
      expect(again.status, again.stderr).toBe(1);
      expect(again.stderr).not.toMatch(NO_TRACE);
      expect(readFileSync(join(d, `again${n}.json`), 'utf8')).toBe(readFileSync(join(d, 'first.json'), 'utf8'));
    }
    for (const e of entries) expect(statSync(e).size).toBeGreaterThan(1000);
  });
});

describe('standard output', () => {
  // Reports larger than a pipe's buffer (64 KiB), so the write meets the closed pipe (EPIPE).
  it.each([
    ['html', ['--format', 'html']],
    ['sarif', ['--format', 'sarif']],
  ])('closed early (| head -c 300, %s): no trace, the exit code the findings give', (_name, format) => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" check seeds ${format.join(' ')} | head -c 300 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(NO_TRACE);
    expect(r.stderr).toMatch(/status 1\n$/u);
  });

  it.each([
    [['--format', 'json,html']],
    [['--format', 'github,json']],
    [['--format', 'text,sarif', '-q']],
  ])('several formats to standard output are FL003: %j', (extra) => {
    const d = workspace();
    const r = run(['check', 'stories/published', ...extra], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^factlint: error FL003: \w+ and \w+ cannot both go to standard output\n  hint: write the reports to files with --output-dir/u);
    expect(r.stdout).toBe('');
  });
});

describe('bitext files', () => {
  it('--max-file-size applies to them as to every input (FL106)', () => {
    const d = workspace();
    const r = run(['check', 'translation.po', '--max-file-size', '100'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL106: translation\.po: PO file is too large: [\d,]+ bytes, the limit is 100 bytes/u);
  });

  it.each([
    [['check', 'translation.po', 'draft.txt']],
    [['check', 'draft.txt', 'segments.jsonl']],
    [['check', 'translation.po', '--against', 'stories/published']],
  ])('among other inputs they are FL708, which says how to check them: %j', (args) => {
    const d = workspace();
    const r = run(args, d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^factlint: error FL708: (translation\.po|segments\.jsonl): a bitext file is checked unit by unit, on its own, not among other inputs\n  hint: check it alone: factlint check (translation\.po|segments\.jsonl)/u);
  });
});
