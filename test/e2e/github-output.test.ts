/**
 * `--format github` prints workflow annotations on standard output, the only place a GitHub runner reads them,
 * whatever -o or --output-dir do with the other formats; the job summary is still appended to
 * $GITHUB_STEP_SUMMARY.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');

const ENV = { ...process.env };
delete ENV.GITHUB_STEP_SUMMARY;
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = ENV) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });

/** The README workspace: a published story in two languages whose versions disagree (findings at error severity). */
function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-github-'));
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}

const ANNOTATION = /^::(error|warning|notice) file=stories\/published\/harbor-ferry-(en|vi)\.txt,line=\d+/m;

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('--format github', () => {
  it('with --output-dir: annotations on stdout, not in a file; the other formats in files; the text summary after', () => {
    const d = workspace();
    const summary = join(d, 'summary.md');
    const r = run(['check', 'stories/published', '--format', 'github,sarif,html', '--output-dir', 'reports'], d, { ...ENV, GITHUB_STEP_SUMMARY: summary });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(ANNOTATION);
    expect(existsSync(join(d, 'reports', 'published.github.txt'))).toBe(false);
    expect(existsSync(join(d, 'reports', 'published.sarif'))).toBe(true);
    expect(existsSync(join(d, 'reports', 'published.html'))).toBe(true);
    expect(r.stdout).toMatch(/\n\d+ sources?, \d+ stor(y|ies), \d+ findings? /);
    expect(r.stdout).toContain('reports written: reports/published.sarif, reports/published.html\n');
    // The job summary, as before.
    expect(readFileSync(summary, 'utf8')).toMatch(/^### factlint .*\n[\s\S]*\| error \| /);
  });

  it('with -o for another format: that format in the file, annotations on stdout', () => {
    const d = workspace();
    const r = run(['check', 'stories/published', '--format', 'json,github', '-o', 'report.json'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(ANNOTATION);
    expect((JSON.parse(readFileSync(join(d, 'report.json'), 'utf8')) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('reports written: report.json\n');
  });

  it('from the config, with its outputDir: annotations on stdout', () => {
    const d = workspace();
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ formats: ['github', 'junit'], outputDir: 'out' }));
    const r = run(['check', 'stories/published'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(ANNOTATION);
    expect(existsSync(join(d, 'out', 'published.junit.xml'))).toBe(true);
    expect(existsSync(join(d, 'out', 'published.github.txt'))).toBe(false);
  });

  it('with --quiet: the annotations and nothing else on stdout', () => {
    const d = workspace();
    const r = run(['check', 'stories/published', '--format', 'github,sarif', '--output-dir', 'reports', '-q'], d);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').every((l) => l.startsWith('::'))).toBe(true);
    expect(r.stdout).toMatch(ANNOTATION);
  });

  it('-o with github alone is refused: the annotations cannot go to a file (FL003)', () => {
    const d = workspace();
    const r = run(['check', 'stories/published', '--format', 'github', '-o', 'annotations.txt'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL003: --output takes a format written to a file; github annotations always go to standard output/);
    expect(existsSync(join(d, 'annotations.txt'))).toBe(false);
  });
});
