/**
 * The editor's scenario of issue #13 ("Done when"), through the CLI: an English draft of a published article with a
 * name misspelt by one letter, a changed figure, will -> could, a dropped quoted paragraph and a removed "not" gets
 * one finding for each, at the right spans, and nothing else. The fixture's README lists the five changes.
 *
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const DIR = resolve(ROOT, 'test/fixtures/editor-scenario');
const DRAFT = 'draft.txt';
const PUBLISHED = 'published/harbour-bridge.txt';

interface Loc { source: string; start: number; end: number; text: string }
interface Finding { ruleId: string; category: string; severity: string; locations: Loc[] }

const report = ((): { findings: Finding[] } => {
  const r = spawnSync(process.execPath, [CLI, 'check', DRAFT, '--against', 'published/', '--format', 'json'], { cwd: DIR, encoding: 'utf8' });
  return JSON.parse(r.stdout) as { findings: Finding[] };
})();
const text = (f: string): string => readFileSync(resolve(DIR, f), 'utf8');

/** The findings with a location on `file` exactly over `span`, found after `after` (its first occurrence there). */
function at(file: string, span: string, after = ''): Finding[] {
  const start = text(file).indexOf(after + span) + after.length;
  expect(start, `${after}${span} in ${file}`).toBeGreaterThanOrEqual(after.length);
  return report.findings.filter((f) => f.locations.some((l) => l.source === file && l.start === start && l.end === start + span.length));
}

/** The five changes: where each is, in the draft and in the published version, and the category that reports it. */
const changes = {
  name: { draft: 'Oduyo', published: 'Oduya', category: 'entity-mismatch' },
  figure: { draft: '421', published: '412', category: 'number-mismatch' },
  modality: { draft: 'could', published: 'will', category: 'modality-mismatch' },
  quote: { published: '"This is the most important thing this council has done in a generation," said Oduya, who has led the council since 2019.', category: 'omission' },
  negation: { published: 'not', after: 'The project does ', category: 'negation-mismatch' },
};

describe("the editor's scenario: a draft checked against the published article", () => {
  it('reports the dropped quoted paragraph once, as a warning, at the paragraph in the published version', () => {
    const found = at(PUBLISHED, changes.quote.published);
    expect(found.map((f) => [f.category, f.severity])).toEqual([['omission', 'warning']]);
  });

  it('reports the removed "not" once, at the "not" of the published version', () => {
    const found = at(PUBLISHED, changes.negation.published, changes.negation.after);
    expect(found.map((f) => f.category)).toEqual([changes.negation.category]);
  });

  it('reports the changed figure, at "412" in the published version and "421" in the draft', () => {
    const found = at(DRAFT, changes.figure.draft).filter((f) => f.category === changes.figure.category);
    expect(found.map((f) => f.locations.map((l) => [l.source, l.text]))).toContainEqual([[PUBLISHED, '412'], [DRAFT, '421']]);
  });

  // One change, one finding (issue #14 point 7): edited-number and number-conflict do not both report it.
  it('reports the changed figure once', () => {
    const found = report.findings.filter((f) => f.category === changes.figure.category);
    expect(found).toHaveLength(1);
  });

  // A name misspelt by one letter in a same-language draft, beside another change in its sentence (issue #13 point 1).
  it('reports the misspelt name once, at "Oduyo" in the draft', () => {
    const found = at(DRAFT, changes.name.draft);
    expect(found.map((f) => f.category)).toEqual([changes.name.category]);
  });

  // Certainty compared between aligned sentences in one language (issue #13 point 3).
  it('reports will -> could once, at "could" in the draft', () => {
    const found = at(DRAFT, changes.modality.draft);
    expect(found.map((f) => f.category)).toEqual([changes.modality.category]);
  });

  it('reports one finding for each of the five changes, and nothing else', () => {
    expect(report.findings.map((f) => f.category).sort()).toEqual(Object.values(changes).map((c) => c.category).sort());
  });
});
