/**
 * Unit ids of segment files: `check FILE.tsv|.jsonl --id COL` names the id column or field, and `check` and
 * `pairs` both take a column or field named "id" when the file has one (else the line number).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

const EN = ['The fund has $84 million for the ferries.', 'The mayor said the ferries arrive in March.'];
// Both rows differ (an amount, a month), so both have findings and are listed in the report.
const VI = ['Quỹ có 8,4 triệu USD cho các chiếc phà.', 'Thị trưởng cho biết phà đến vào tháng Tư.'];

/** A folder with the given files. */
function files(contents: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-ids-'));
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(d, name), text);
  return d;
}
const jsonl = (rows: object[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** The source ids of a JSON report on stdout (every unit has a finding, so every unit is listed). */
function sourceIds(args: string[], cwd: string): string[] {
  const r = run([...args, '--format', 'json', '--fail-on', 'none'], cwd);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(r.stdout) as { sources: { id: string }[]; units: { checked: number; withoutFindings: number } };
  expect(report.units).toMatchObject({ checked: EN.length, withoutFindings: 0 });
  return report.sources.map((s) => s.id).sort();
}

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('check FILE --id', () => {
  it('TSV: --id names the id column', () => {
    const d = files({ 'units.tsv': `key\ten\tvi\n${EN.map((e, i) => `k${i + 1}\t${e}\t${VI[i]}`).join('\n')}\n` });
    expect(sourceIds(['check', 'units.tsv', '--id', 'key'], d)).toEqual(['k1:source', 'k1:target', 'k2:source', 'k2:target']);
  });

  it('JSONL: --id names the id field', () => {
    const d = files({ 'units.jsonl': jsonl(EN.map((e, i) => ({ key: `k${i + 1}`, en: e, vi: VI[i] }))) });
    expect(sourceIds(['check', 'units.jsonl', '--id', 'key', '--left', 'en', '--right', 'vi'], d)).toEqual(['k1:source', 'k1:target', 'k2:source', 'k2:target']);
  });

  it('an --id the file does not have is FL706, naming it', () => {
    const d = files({ 'units.tsv': `key\ten\tvi\nk1\t${EN[0]}\t${VI[0]}\n` });
    const r = run(['check', 'units.tsv', '--id', 'nope'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL706: units\.tsv:1: no column "nope" \(--id\)/);
  });
});

describe('check and pairs choose the same row ids', () => {
  const rows = EN.map((e, i) => ({ id: `seg-${i + 1}`, source: e, target: VI[i] }));

  it('a JSONL field named "id": check and pairs both use it without --id', () => {
    const d = files({ 'segments.jsonl': jsonl(rows) });
    const expected = ['seg-1:source', 'seg-1:target', 'seg-2:source', 'seg-2:target'];
    expect(sourceIds(['check', 'segments.jsonl', '--left', 'source', '--right', 'target'], d)).toEqual(expected);
    expect(sourceIds(['pairs', 'segments.jsonl', '--left', 'source', '--right', 'target'], d)).toEqual(expected);
  });

  it('no id field: both number rows by line', () => {
    const d = files({ 'segments.jsonl': jsonl(rows.map(({ source, target }) => ({ source, target }))) });
    const expected = ['row-1:source', 'row-1:target', 'row-2:source', 'row-2:target'];
    expect(sourceIds(['check', 'segments.jsonl', '--left', 'source', '--right', 'target'], d)).toEqual(expected);
    expect(sourceIds(['pairs', 'segments.jsonl', '--left', 'source', '--right', 'target'], d)).toEqual(expected);
  });

  it('pairs: an --id field a row lacks is FL121, as check refuses it (FL706)', () => {
    const d = files({ 'segments.jsonl': jsonl(rows) });
    const r = run(['pairs', 'segments.jsonl', '--left', 'source', '--right', 'target', '--id', 'key'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL121: segments\.jsonl:1: field "key" \(--id\) is missing/);
  });

  it('pairs: two rows with one id are FL707, as in check', () => {
    const d = files({ 'segments.jsonl': jsonl(rows.map((r) => ({ ...r, id: 'same' }))) });
    for (const cmd of ['pairs', 'check']) {
      const r = run([cmd, 'segments.jsonl', '--left', 'source', '--right', 'target'], d);
      expect(r.status, cmd).toBe(2);
      expect(r.stderr, cmd).toMatch(/error FL707: segments\.jsonl:2: id "same" is used twice/);
    }
  });
});
