/**
 * Findings in a bitext (or pairs) file point at that file and the line of the unit's text in it, in every format
 * that points at files (text, SARIF, GitHub, JUnit), not at a made-up "unit-3:source" path with a line and column of
 * the unit's own text. The JSON report keeps unit-specific source ids, each with the file as its path.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');
const ENV = { ...process.env };
delete ENV.GITHUB_STEP_SUMMARY;
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });

interface Sarif {
  runs: {
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region?: { startLine: number; startColumn?: number; charOffset?: number; snippet: { text: string } } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } }; message: { text: string } }[];
    }[];
  }[];
}

/** A folder with the README workspace (translation.po: the planted 8,4 on line 11, its original on line 10) and more files. */
function workspace(extra: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-bitext-loc-'));
  cpSync(FIXTURE, d, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(d, name), text);
  return d;
}

/** The output of one format, for a check that finds the planted error (exit 1). */
function output(d: string, file: string, format: string, extra: string[] = []): string {
  const r = run(['check', file, '--format', format, ...extra], d);
  expect(r.stderr).not.toMatch(/error|internal/);
  expect(r.status).toBe(1);
  return r.stdout;
}

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('a PO file: locations name the file and the lines of msgid and msgstr', () => {
  const d = workspace();

  it('text', () => {
    const text = output(d, 'translation.po', 'text');
    expect(text).toContain('      translation.po:10 (unit-1:source)  «$84 million»\n');
    expect(text).toContain('      translation.po:11 (unit-1:target)  «8,4 triệu USD»\n');
    expect(text).not.toMatch(/unit-1:(source|target):\d+:\d+/);
  });

  it('SARIF: one artifact for the file, regions on its lines, the unit as a logical location', () => {
    const sarif = JSON.parse(output(d, 'translation.po', 'sarif')) as Sarif;
    const { artifacts, results } = sarif.runs[0]!;
    expect(artifacts.map((a) => a.location.uri)).toEqual(['translation.po']);
    const result = results.find((x) => x.ruleId === 'number-conflict')!;
    const primary = result.locations[0]!;
    expect(primary.physicalLocation.artifactLocation).toMatchObject({ uri: 'translation.po', index: 0 });
    expect(primary.physicalLocation.region).toEqual({ startLine: 10, snippet: { text: '$84 million' } });
    expect(primary.logicalLocations).toEqual([{ fullyQualifiedName: 'unit-1:source' }]);
    const related = result.relatedLocations![0]!;
    expect(related.physicalLocation.artifactLocation.uri).toBe('translation.po');
    expect(related.physicalLocation.region?.startLine).toBe(11);
    expect(related.message.text).toBe('translation.po:11 (unit-1:target): "8,4 triệu USD"');
    expect(JSON.stringify(sarif)).not.toContain('%3A');
  });

  it('GitHub: the annotation is on the file and the line, without a column of the unit text', () => {
    const annotations = output(d, 'translation.po', 'github');
    expect(annotations).toMatch(/^::error file=translation\.po,line=10,title=factlint number-conflict \(number-mismatch\)::.*%0Atranslation\.po:11 \(unit-1:target\): "8,4 triệu USD"$/m);
    expect(annotations).not.toMatch(/col=|unit-1%3A/);
  });

  it('JUnit: failures point at the file and lines; cases name the file and the unit', () => {
    const junit = output(d, 'translation.po', 'junit');
    expect(junit).toContain('  at translation.po:10 (unit-1:source) "$84 million"\n  at translation.po:11 (unit-1:target) "8,4 triệu USD"');
    expect(junit).toContain('name="number-conflict: translation.po (unit-1:source) vs translation.po (unit-1:target)"');
  });

  it('HTML: quotes and the sources table name the file, line and unit', () => {
    const html = output(d, 'translation.po', 'html');
    expect(html).toContain('translation.po:11 (unit-1:target)</span>');
    expect(html).toContain('<span class="srcname">translation.po (unit-1:source)</span>');
  });

  it('JSON: unit-specific source ids as before, each with the file as its path', () => {
    const report = JSON.parse(output(d, 'translation.po', 'json')) as { sources: { id: string; path: string }[]; findings: { locations: { source: string }[] }[] };
    expect(report.sources.map((s) => [s.id, s.path]).slice(0, 2)).toEqual([['unit-1:source', 'translation.po'], ['unit-1:target', 'translation.po']]);
    expect(report.findings[0]!.locations.map((l) => l.source)).toEqual(['unit-1:source', 'unit-1:target']);
  });
});

describe('other segment files: the line of the unit', () => {
  it('TSV: the row line (both sides on it)', () => {
    const d = workspace({ 'units.tsv': 'id\ten\tvi\nk1\tThe ferries arrive in March.\tPhà đến vào tháng Ba.\nk2\tThe city will spend $84 million.\tThành phố sẽ chi 48 triệu USD.\n' });
    const text = output(d, 'units.tsv', 'text');
    expect(text).toContain('units.tsv:3 (k2:source)  «$84 million»');
    expect(text).toContain('units.tsv:3 (k2:target)  «48 triệu USD»');
  });

  it('XLIFF: the lines of <source> and <target>', () => {
    const xliff = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff version="1.2"><file source-language="en" target-language="vi" original="f.md"><body>',
      '  <trans-unit id="a">',
      '    <source>The city will spend $84 million.</source>',
      '',
      '    <target>Thành phố sẽ chi 48 triệu USD.</target>',
      '  </trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    const text = output(workspace({ 'units.xlf': xliff }), 'units.xlf', 'text');
    expect(text).toContain('units.xlf:4 (a:source)  «$84 million»');
    expect(text).toContain('units.xlf:6 (a:target)  «48 triệu USD»');
  });

  it('pairs: the JSONL line of the row', () => {
    const d = workspace();
    const r = run(['pairs', 'segments.jsonl', '--left', 'source', '--right', 'target', '--format', 'github'], d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=segments\.jsonl,line=2,title=factlint number-conflict/m);
  });
});
