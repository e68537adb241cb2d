import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_MAX_UNITS } from '../../src/report/html.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const run = (args: string[], cwd: string, input?: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `factlint-${name}-`));
const SEED_EN = '000_72efca07dd40d858.txt';
const SEED_VI = '002_6d85bfe9b2468d9b.txt';

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('draft mode', () => {
  it('checks a draft against published versions and reports only findings that involve the draft', () => {
    const d = tmp('draft');
    mkdirSync(join(d, 'published'));
    cpSync(resolve(ROOT, 'seeds', SEED_EN), join(d, 'published', SEED_EN));
    cpSync(resolve(ROOT, 'seeds', '001_a0a335a8a0dc25ba.txt'), join(d, 'published', 'other.txt'));
    cpSync(resolve(ROOT, 'seeds', SEED_VI), join(d, 'draft-vi.txt'));
    const r = run(['check', 'draft-vi.txt', '--against', 'published', '--format', 'json', '-o', 'r.json', '--fail-on', 'none'], d);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8')) as { findings: { ruleId: string; versus?: string; locations: { source: string }[] }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    // Located in the draft, or (what the draft lost) in the published version compared with the draft.
    for (const f of report.findings) expect(f.locations.some((l) => l.source === 'draft-vi.txt') || f.versus === 'draft-vi.txt').toBe(true);
    expect(report.findings.some((f) => f.ruleId === 'omitted-content' && f.versus === 'draft-vi.txt')).toBe(true);
    expect(report.findings.some((f) => f.ruleId === 'entity-spelling')).toBe(true);
  });

  it('reads the draft from standard input with -', () => {
    const d = tmp('stdin');
    mkdirSync(join(d, 'published'));
    cpSync(resolve(ROOT, 'seeds', SEED_EN), join(d, 'published', SEED_EN));
    const r = run(['check', '-', '--against', 'published', '--format', 'json', '--fail-on', 'none'], d, readFileSync(resolve(ROOT, 'seeds', SEED_VI), 'utf8'));
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { sources: { id: string }[]; findings: { locations: { source: string }[] }[] };
    expect(report.sources.map((s) => s.id)).toContain('stdin');
    expect(report.findings.some((f) => f.locations.some((l) => l.source === 'stdin' && /Vocalord/.test(JSON.stringify(f))))).toBe(true);
  });

  it('refuses - without --against, with a code and no stack trace', () => {
    const r = run(['check', '-'], tmp('stdin2'), 'text');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FL131/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bitext files', () => {
  it.each(readdirSync(resolve(ROOT, 'test/fixtures/bitext')).filter((f) => /\.(po|xlf|xliff|tmx|tsv|jsonl)$/.test(f)))('checks %s unit by unit', async (f) => {
    const file = resolve(ROOT, 'test/fixtures/bitext', f);
    const r = run(['check', file, '--format', 'json', '--fail-on', 'none'], tmp('bitext'));
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      sources: { id: string }[]; stories: { id: string; sources: string[] }[]; findings: { story?: string }[];
      units: { checked: number; withFindings: number; withoutFindings: number };
    };
    // every unit the reader gives is checked: counted in report.units, listed only when it has findings
    const { readBitext, toArray } = await import(resolve(ROOT, 'dist/bitext/index.js')) as typeof import('../../src/bitext/index.js');
    const rows = await toArray(await readBitext(file));
    expect(report.units.checked).toBe(rows.length);
    expect(report.units.withFindings + report.units.withoutFindings).toBe(rows.length);
    expect(report.stories).toHaveLength(report.units.withFindings);
    expect(new Set(report.findings.map((x) => x.story))).toEqual(new Set(report.stories.map((s) => s.id)));
    // every listed unit is one story of exactly two versions, both among the sources
    for (const s of report.stories) expect(s.sources).toHaveLength(2);
    expect(report.sources).toHaveLength(2 * report.stories.length);
  });

  it('writes the HTML report of a memory with many units with findings as pages linked to each other', () => {
    const d = tmp('pages');
    // 1,100 units, each with a changed figure: more units with findings than one page shows.
    const rows = Array.from({ length: 1100 }, (_, i) => `The council approved ${i + 10} new homes in the east district.\tThe council approved ${i + 11} new homes in the east district.`);
    writeFileSync(join(d, 'tm.tsv'), `source\ttarget\n${rows.join('\n')}\n`);
    const r = run(['check', 'tm.tsv', '--format', 'html,json', '--output-dir', 'out', '--fail-on', 'none'], d);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(d, 'out', 'tm.json'), 'utf8')) as { units: { withFindings: number } };
    expect(report.units.withFindings).toBe(1100);
    const pages = readdirSync(join(d, 'out')).filter((f) => f.endsWith('.html')).sort();
    expect(pages).toEqual(['tm-2.html', 'tm-3.html', 'tm.html']);
    const stories = pages.map((f) => readFileSync(join(d, 'out', f), 'utf8').match(/<section class="story"/gu)?.length ?? 0);
    expect(stories.reduce((a, b) => a + b, 0)).toBe(1100);
    expect(Math.max(...stories)).toBe(HTML_MAX_UNITS);
    expect(readFileSync(join(d, 'out', 'tm.html'), 'utf8')).toContain('<a href="tm-2.html" rel="next">next ›</a>');
    expect(r.stdout).toContain('tm.html (and 2 more pages: ');
  }, 120_000);
});

describe('init and config', () => {
  it('writes a config once and refuses to overwrite it without --force', () => {
    const d = tmp('init');
    expect(run(['init'], d).status).toBe(0);
    expect(existsSync(join(d, 'factlint.config.json'))).toBe(true);
    const again = run(['init'], d);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/FL605.*factlint\.config\.json/);
    expect(run(['init', '--force'], d).status).toBe(0);
  });

  it('applies the config: a rule switched off is not reported, and a bad key is an error naming the field', () => {
    const d = tmp('config');
    cpSync(resolve(ROOT, 'seeds'), join(d, 'seeds'), { recursive: true });
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ rules: { 'entity-spelling': 'off' } }));
    const r = run(['check', 'seeds', '--format', 'json', '--fail-on', 'none'], d);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'entity-spelling')).toBe(false);
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ rulez: {} }));
    const bad = run(['check', 'seeds'], d);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/FL602.*rulez/);
  });
});

describe('manifest', () => {
  it('declares stories, languages and the original with sources.json beside the files', () => {
    const d = tmp('manifest');
    mkdirSync(join(d, 'story'));
    writeFileSync(join(d, 'story', 'a.txt'), 'The council approved the budget of 40 million on Monday, the mayor said.');
    writeFileSync(join(d, 'story', 'b.txt'), 'Совет утвердил бюджет в 90 млн в понедельник, сообщил мэр.');
    writeFileSync(join(d, 'story', 'sources.json'), JSON.stringify({ sources: [
      { file: 'a.txt', story: 'budget', lang: 'en', original: true, published: '2024-03-05' },
      { file: 'b.txt', story: 'budget', lang: 'ru', published: '2024-03-05' },
    ] }));
    const r = run(['check', 'story', '--format', 'json', '--fail-on', 'none'], d);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { stories: { sources: string[]; original?: string }[]; sources: { id: string; lang: string }[]; findings: { category: string }[] };
    expect(report.stories.find((s) => s.sources.length === 2)?.original).toBe('story/a.txt');
    expect(report.sources.map((s) => s.lang)).toEqual(['en', 'ru']);
    expect(report.findings.some((f) => f.category === 'number-mismatch')).toBe(true);
  });

  it('rejects a manifest with an unknown field, naming the file and the field', () => {
    const d = tmp('manifest-bad');
    writeFileSync(join(d, 'a.txt'), 'The council approved the budget on Monday, the mayor said.');
    writeFileSync(join(d, 'sources.json'), JSON.stringify({ sources: [{ file: 'a.txt', langage: 'en' }] }));
    const r = run(['check', '.'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FL141.*sources\.json.*langage/);
  });
});

describe('jobs and cache', () => {
  const folder = (): string => {
    const d = tmp('jobs');
    mkdirSync(join(d, 'all'));
    for (const c of readdirSync(resolve(ROOT, '../shared/eval/dev'))) {
      const dir = resolve(ROOT, '../shared/eval/dev', c);
      if (!existsSync(join(dir, 'gold.json'))) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) cpSync(join(dir, f), join(d, 'all', f));
    }
    cpSync(resolve(ROOT, 'seeds'), join(d, 'all'), { recursive: true });
    return d;
  };
  it('gives byte-identical JSON with --jobs 1 and --jobs 2, and with a cold and a warm cache', () => {
    const d = folder();
    const out = (name: string, extra: string[]) => {
      const r = run(['check', 'all', '--format', 'json', '-o', `${name}.json`, '--fail-on', 'none', ...extra], d);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(d, `${name}.json`), 'utf8');
    };
    const one = out('j1', ['--jobs', '1']);
    expect(out('j2', ['--jobs', '2'])).toBe(one);
    expect(out('cold', ['--cache', 'cache'])).toBe(one);
    expect(existsSync(join(d, 'cache'))).toBe(true);
    expect(out('warm', ['--cache', 'cache', '--jobs', '2'])).toBe(one);
  }, 240_000);
});
