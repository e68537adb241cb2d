/**
 * Draft mode keeps what concerns the draft: what it lost (located in the published version), changed or added
 * against the published versions, and nothing the published versions say about each other. An empty draft, or one
 * that matches no published article, is an error that says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const run = (args: string[], cwd: string, input?: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

const EN = [
  'Orchard growers in Vellmar expect a record apple harvest',
  'Growers in the Vellmar valley expect to pick 86,000 tonnes of apples this autumn, the growers\' association said on Thursday.',
  '"We have never seen trees this full," said Ilka Brandvold, who chairs the association.',
  'A warm spring and late rain helped the fruit, and frost damage was limited to a few hillside farms.',
  'Prices are expected to fall by about 8 percent as a result.',
].join('\n\n');
/** The Vietnamese version as published: it leaves out the growers' quote (an omission between published versions). */
const VI = [
  'Nông dân trồng táo ở Vellmar dự kiến có vụ thu hoạch kỷ lục',
  'Hiệp hội nông dân cho biết hôm thứ Năm rằng các nhà vườn ở thung lũng Vellmar dự kiến thu hoạch 86.000 tấn táo trong mùa thu này.',
  'Mùa xuân ấm áp và mưa muộn đã giúp trái cây phát triển, thiệt hại do sương giá chỉ giới hạn ở một vài trang trại trên sườn đồi.',
  'Do đó, giá dự kiến sẽ giảm khoảng 8%.',
].join('\n\n');

function workspace(draft: string): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-draftmode-'));
  mkdirSync(join(d, 'published'));
  writeFileSync(join(d, 'published', 'apples-en.txt'), EN);
  writeFileSync(join(d, 'published', 'apples-vi.txt'), VI);
  writeFileSync(join(d, 'draft.txt'), draft);
  return d;
}

interface Finding { ruleId: string; severity: string; versus?: string; locations: { source: string; text: string }[] }
const findings = (d: string, args: string[] = ['check', 'draft.txt', '--against', 'published/'], input?: string): Finding[] => {
  const r = run([...args, '--format', 'json'], d, input);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
};

describe('draft mode reports what the draft lost', () => {
  const draft = EN.replace('\n\n"We have never seen trees this full," said Ilka Brandvold, who chairs the association.', '');

  it('the dropped quote with its speaker: an omission located in the published version, a warning, against the draft', () => {
    const omitted = findings(workspace(draft)).filter((f) => f.ruleId === 'omitted-content');
    expect(omitted.map((f) => [f.severity, f.locations[0]!.source, f.locations[0]!.text, f.versus])).toEqual([
      ['warning', 'published/apples-en.txt', '"We have never seen trees this full," said Ilka Brandvold, who chairs the association.', 'draft.txt'],
    ]);
  });

  it('from standard input too', () => {
    const omitted = findings(workspace(''), ['check', '-', '--against', 'published/'], draft).filter((f) => f.ruleId === 'omitted-content');
    expect(omitted.map((f) => [f.locations[0]!.source, f.versus])).toEqual([['published/apples-en.txt', 'stdin']]);
  });

  it('not what one published version lacks against the other (the Vietnamese one leaves the quote out too)', () => {
    const all = findings(workspace(EN));
    expect(all.filter((f) => f.locations.every((l) => l.source.startsWith('published/')) && !(f.versus ?? '').endsWith('draft.txt'))).toEqual([]);
    // Without draft mode, the published versions' omission is reported.
    const r = run(['check', 'published/', '--format', 'json'], workspace(EN));
    const plain = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    expect(plain.some((f) => f.ruleId === 'omitted-content' && f.versus === 'published/apples-vi.txt')).toBe(true);
  });
});

describe('draft mode says when there is nothing to compare', () => {
  it.each([
    ['an empty draft file', ''],
    ['a draft of whitespace', '  \n\n  \n'],
  ])('%s: error FL132, exit 2', (_what, text) => {
    const r = run(['check', 'draft.txt', '--against', 'published/'], workspace(text));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL132: .*the draft is empty/);
    expect(r.stdout).not.toMatch(/0 findings/);
  });

  it('an empty standard input: error FL132', () => {
    const r = run(['check', '-', '--against', 'published/'], workspace('x'), '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL132/);
  });

  it('one draft against one published file: compared however little they share (the editor paired them)', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-draftpair-'));
    writeFileSync(join(d, 'en.txt'), 'The mayor did not attend.\n');
    writeFileSync(join(d, 'vi.txt'), 'Thị trưởng đã tham dự.\n');
    const r = run(['check', 'vi.txt', '--against', 'en.txt', '--format', 'json'], d);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Finding[] };
    expect(report.findings.map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' | ')}`)).toEqual(['negation-flip: not | Thị trưởng đã tham dự.']);
  });

  it('a draft of another article: error FL133 naming the draft and the folder', () => {
    const other = 'City buses switch to a winter timetable\n\nFrom Monday, the number 4 and number 9 buses in Hollin will run every 20 minutes instead of every 15, the transport office said.';
    const r = run(['check', 'draft.txt', '--against', 'published/'], workspace(other));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL133: draft\.txt: the draft matches none of the published versions in published\//);
  });
});
