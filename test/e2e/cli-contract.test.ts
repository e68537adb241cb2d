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

describe('the size limit (--max-file-size, the config\'s maxFileSize) applies to every input kind (FL106)', () => {
  const BITEXT = resolve(ROOT, 'test/fixtures/bitext');
  const PAGE = `<!doctype html><html><head><title>Ferries</title></head><body><article><p>${'The first two ferries are due in service in March 2027. '.repeat(8)}</p></article></body></html>`;
  // Every file below is longer than 300 bytes and shorter than 100,000.
  // [what, arguments, set-up, file piped to standard input, what the FL106 line names]
  const cases: [string, string[], (d: string) => void, string | undefined, RegExp][] = [
    ['an article (.txt)', ['check', 'draft.txt'], () => undefined, undefined, /draft\.txt \(FL106: too large: 857 bytes, the limit is 300 bytes/u],
    ['a saved page (.html)', ['check', 'page.html'], (d) => writeFileSync(join(d, 'page.html'), PAGE), undefined, /page\.html \(FL106: too large/u],
    ['a TSV file', ['check', 'story.tsv'], (d) => cpSync(join(BITEXT, 'story.tsv'), join(d, 'story.tsv')), undefined, /FL106: story\.tsv: TSV file is too large/u],
    ['a JSONL file', ['check', 'story.jsonl'], (d) => cpSync(join(BITEXT, 'story.jsonl'), join(d, 'story.jsonl')), undefined, /FL106: story\.jsonl: JSONL file is too large/u],
    ['a PO file', ['check', 'story.po'], (d) => cpSync(join(BITEXT, 'story.po'), join(d, 'story.po')), undefined, /FL106: story\.po: PO file is too large/u],
    ['an XLIFF file', ['check', 'story-12.xlf'], (d) => cpSync(join(BITEXT, 'story-12.xlf'), join(d, 'story-12.xlf')), undefined, /FL106: story-12\.xlf: XLIFF file is too large/u],
    ['a TMX file', ['check', 'story.tmx'], (d) => cpSync(join(BITEXT, 'story.tmx'), join(d, 'story.tmx')), undefined, /FL106: story\.tmx: TMX file is too large/u],
    ['a pairs file', ['pairs', 'segments.jsonl', '--left', 'source', '--right', 'target'], () => undefined, undefined, /FL106: segments\.jsonl: pairs file is too large/u],
    ['standard input', ['check', '-', '--against', 'stories/published'], () => undefined, 'draft.txt', /FL106: -: standard input is larger than the limit of 300 bytes/u],
  ];
  const runWith = (d: string, args: string[], stdinFile: string | undefined) =>
    spawnSync(process.execPath, [CLI, ...args, '--format', 'json'], { cwd: d, encoding: 'utf8', ...(stdinFile ? { input: readFileSync(join(d, stdinFile)) } : {}) });

  it.each(cases)('%s', (_name, args, setup, stdinFile, named) => {
    const d = workspace();
    setup(d);
    const byOption = runWith(d, [...args, '--max-file-size', '300'], stdinFile);
    expect(byOption.status).toBe(2);
    expect(byOption.stderr).toMatch(named);
    expect(byOption.stderr).not.toMatch(NO_TRACE);
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ maxFileSize: 300 }));
    const byConfig = runWith(d, args, stdinFile);
    expect(byConfig.status).toBe(2);
    expect(byConfig.stderr).toMatch(named);
    // The control: the same input under a limit it fits in is read.
    const fits = runWith(d, [...args, '--max-file-size', '100000'], stdinFile);
    expect(fits.stderr).not.toMatch(/FL106/u);
    expect([0, 1]).toContain(fits.status);
  }, 60_000);
});

describe('bitext files', () => {
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
