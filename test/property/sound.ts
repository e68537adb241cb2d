/**
 * What every report must satisfy whatever the input (checked after every `check()` in the property tests), and
 * the normal form used to compare reports of renamed sources.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import type { CheckResult, TextInput } from '../../src/check.js';
import type { Finding, Location, Report, Span } from '../../src/model/index.js';
import { renderJson } from '../../src/report/json.js';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../rules/schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The text every offset points into: the input as given, leading BOM removed (report.schema.json). */
export const textOf = (t: TextInput): string => t.text.replace(/^\uFEFF/, '');

/** The JSON report as `--format json` writes it validates against rules/schema/report.schema.json. */
export function expectValidJson({ report, context }: CheckResult): void {
  const written = JSON.parse(renderJson(report, context)) as unknown;
  const ok = validate(written);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const within = (span: Span, texts: Map<string, string>, what: string): string => {
  const text = texts.get(span.source);
  expect(text, `${what} names an unknown source "${span.source}"`).toBeDefined();
  expect(Number.isInteger(span.start) && Number.isInteger(span.end), `${what} has non-integer offsets`).toBe(true);
  expect(0 <= span.start && span.start <= span.end && span.end <= text!.length, `${what} [${span.start}, ${span.end}) lies outside its text (length ${text!.length})`).toBe(true);
  return text!;
};

const sliceMatches = (loc: Location, texts: Map<string, string>, what: string): void => {
  const text = within(loc, texts, what);
  expect(loc.text, `${what}: text must equal the slice [${loc.start}, ${loc.end}) of ${loc.source}`).toBe(text.slice(loc.start, loc.end));
};

/**
 * Offsets: every finding location and context slices to its `text`; every alignment span lies inside its text.
 * Structure: sources as given, each in one story, findings in known stories, summary counts that add up.
 */
export function expectSpansSound(inputs: TextInput[], { report, context }: CheckResult): void {
  const texts = new Map(inputs.map((t) => [t.id, textOf(t)]));
  expect(report.sources.map((s) => s.id).sort()).toEqual([...texts.keys()].sort());
  for (const s of report.sources) {
    expect(s.chars).toBe(texts.get(s.id)!.length);
    expect(context.texts[s.id], `context text of ${s.id}`).toBe(texts.get(s.id));
  }
  const storyIds = new Set(report.stories.map((s) => s.id));
  expect(report.stories.flatMap((s) => s.sources).sort()).toEqual([...texts.keys()].sort());
  report.findings.forEach((f, i) => {
    const what = `finding ${i} (${f.ruleId})`;
    expect(f.locations.length, `${what} has no location`).toBeGreaterThan(0);
    f.locations.forEach((l, j) => sliceMatches(l, texts, `${what} location ${j}`));
    f.context.forEach((l, j) => sliceMatches(l, texts, `${what} context ${j}`));
    if (f.story !== undefined) expect(storyIds.has(f.story), `${what} names an unknown story ${f.story}`).toBe(true);
  });
  report.alignments.forEach((a, i) => {
    within(a.a, texts, `alignment ${i} side a`);
    within(a.b, texts, `alignment ${i} side b`);
    expect(storyIds.has(a.story), `alignment ${i} names an unknown story ${a.story}`).toBe(true);
    for (const id of a.aSentences) expect(id.startsWith(`${a.a.source}#`), `alignment ${i}: sentence ${id} is not in ${a.a.source}`).toBe(true);
    for (const id of a.bSentences) expect(id.startsWith(`${a.b.source}#`), `alignment ${i}: sentence ${id} is not in ${a.b.source}`).toBe(true);
  });
  expect(report.summary.findings).toBe(report.findings.length);
  expect(Object.values(report.summary.bySeverity).reduce((x, y) => x + y, 0)).toBe(report.findings.length);
  expect(Object.values(report.summary.byCategory).reduce((x, y) => x + (y ?? 0), 0)).toBe(report.findings.length);
}

/** Everything a report must satisfy whatever the input. */
export function expectSound(inputs: TextInput[], result: CheckResult): void {
  expectSpansSound(inputs, result);
  expectValidJson(result);
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing reports of renamed sources

/** Replaces every id in `s` by its original in one pass (ids are of equal length, so none contains another). */
const mapText = (s: string, back: Map<string, string>): string => {
  if (back.size === 0) return s;
  const re = new RegExp([...back.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return s.replace(re, (m) => back.get(m)!);
};

/**
 * The findings of a report with source ids mapped back through `back` (new id → original id) and story ids
 * replaced by the sorted list of their (original) sources, sorted: two reports of the same texts under other
 * names must give equal normal forms. The fingerprint is left out: it hashes the file names on purpose, so that
 * a baseline entry stays with its file (src/baseline.ts).
 */
export function normalFindings(report: Report, back: Map<string, string>): string[] {
  const id = (s: string): string => back.get(s) ?? s;
  const storyKey = new Map(report.stories.map((s) => [s.id, s.sources.map(id).sort().join(' + ')]));
  const loc = (l: Location): Location => ({ ...l, source: id(l.source) });
  return report.findings
    .map(({ fingerprint: _, ...f }: Finding) => JSON.stringify({
      ...f,
      message: mapText(f.message, back),
      locations: f.locations.map(loc),
      context: f.context.map(loc),
      ...(f.story !== undefined ? { story: storyKey.get(f.story) ?? `?${f.story}` } : {}),
      ...(f.versus !== undefined ? { versus: id(f.versus) } : {}),
    }))
    .sort();
}

/** Stories as sets of (original) sources with their relation and related stories, likewise comparable. */
export function normalStories(report: Report, back: Map<string, string>): string[] {
  const id = (s: string): string => back.get(s) ?? s;
  const key = new Map(report.stories.map((s) => [s.id, s.sources.map(id).sort().join(' + ')]));
  return report.stories
    .map((s) => JSON.stringify({ sources: key.get(s.id), relation: s.relation, related: s.related.map((r) => key.get(r)).sort(), original: s.original === undefined ? undefined : id(s.original) }))
    .sort();
}
