/**
 * Draft mode: the published versions are the originals and the draft is the new version. Draft mode declares
 * them so (`originals` of check(), as a manifest's "original" is); the wording of changes ("84" became "48") also
 * needs the pipeline to orient pairs by the declared originals, which it does not yet (expected failure below).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');
const run = (args: string[], cwd: string, input?: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

interface Report { stories: { sources: string[]; original?: string }[]; findings: { ruleId: string; message: string }[] }

/** The README workspace: the ferry story published in English and Vietnamese, and a Vietnamese draft that says 48 for 84. */
function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-draft-'));
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}

const json = (args: string[], cwd: string, input?: string): Report => {
  const r = run([...args, '--format', 'json'], cwd, input);
  expect(r.stderr).not.toMatch(/error|internal/);
  return JSON.parse(r.stdout) as Report;
};

describe('draft mode declares the published versions as the originals', () => {
  it('a draft file: the story of the draft has a published version as its original, never the draft', () => {
    const report = json(['check', 'stories/draft-vi.txt', '--against', 'stories/published/'], workspace());
    const story = report.stories.find((s) => s.sources.includes('stories/draft-vi.txt'))!;
    expect(story.original).toMatch(/^stories\/published\//);
  });

  it('a draft on standard input: likewise', () => {
    const d = workspace();
    const report = json(['check', '-', '--against', 'stories/published'], d, readFileSync(join(d, 'draft.txt'), 'utf8'));
    const story = report.stories.find((s) => s.sources.includes('stdin'))!;
    expect(story.original).toMatch(/^stories\/published\//);
  });

  it('check(paths, { originals }) declares the sources under those paths (library)', async () => {
    const d = workspace();
    const { report } = await check([join(d, 'stories/draft-vi.txt'), join(d, 'stories/published/harbor-ferry-vi.txt')], { originals: [join(d, 'stories/published')] });
    expect(report.stories).toHaveLength(1);
    expect(report.stories[0]!.original).toBe(join(d, 'stories/published/harbor-ferry-vi.txt'));
  });
});

describe('draft mode reads changes from the published version to the draft', () => {
  // align puts declared originals first in each pair, and edit-diff words its message from the original.
  it('the draft changed 84 to 48: the message says "84" became "48"', () => {
    const report = json(['check', 'stories/draft-vi.txt', '--against', 'stories/published/'], workspace());
    const edits = report.findings.filter((f) => f.ruleId === 'edited-number').map((f) => f.message);
    expect(edits).toContain('A figure was changed: "84" became "48"');
    expect(edits).not.toContain('A figure was changed: "48" became "84"');
  });
});
