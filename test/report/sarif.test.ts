import fc from 'fast-check';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { SARIF_SCHEMA, positioner, relativePath, renderSarif } from '../../src/report/sarif.js';
import { EN, HOSTILE, RU, VI, fixture, hostileFixture, nastyFixture, nastyText } from './fixtures.js';

const { report, ctx } = fixture();
const log = JSON.parse(renderSarif(report, ctx)) as Sarif.Log;
const run = log.runs[0] as Sarif.Run;
const results = run.results ?? [];

/** Line and column by a different method than the reporter's: split the text before the offset. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/u);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

describe('positioner', () => {
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [3, 2, 1], // after \r\n
    [5, 3, 1], // after lone \r
    [7, 4, 1], // after \n
    [8, 4, 2], // U+2028 does not end a line
    [100, 4, 4], // clamped to the end
  ])('offset %i -> %i:%i', (offset, line, column) => {
    expect(positioner('a\r\nb\rc\nd\u2028e')(offset)).toEqual({ line, column });
  });
});

describe('relativePath', () => {
  it.each([
    ['/repo/a/b.txt', '/repo', 'a/b.txt'],
    ['a/./b.txt', '/repo', 'a/b.txt'],
    ['/elsewhere/x.txt', '/repo', '../elsewhere/x.txt'],
    ['/abs.txt', '', '/abs.txt'],
  ])('%s from %s', (p, cwd, expected) => {
    expect(relativePath(p, cwd)).toBe(expected);
  });
});

describe('renderSarif', () => {
  it('is a SARIF 2.1.0 log with the required top-level fields', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('factlint');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(results).toHaveLength(report.findings.length);
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
  });

  it('describes every rule of the context', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([...ctx.rules.map((r) => r.id)].sort());
    for (const r of rules) {
      expect(r.shortDescription?.text).toBeTruthy();
      expect(r.fullDescription?.text).toBeTruthy();
      expect(r.help?.text).toBeTruthy();
      expect(r.help?.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration?.level);
    }
    const spelling = rules.find((r) => r.id === 'entity-spelling');
    expect(spelling?.shortDescription?.text).toBe('A name is spelled differently across versions.');
    expect(rules.find((r) => r.id === 'added-claim')?.defaultConfiguration?.level).toBe('note');
  });

  it('gives each result its rule, level, message, fingerprint and an index into the rules', () => {
    report.findings.forEach((f, i) => {
      const r = results[i] as Sarif.Result;
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe(f.severity === 'info' ? 'note' : f.severity);
      expect(r.message.text).toBe(f.message);
      expect(r.partialFingerprints).toEqual({ 'factlint/v1': f.fingerprint });
      expect(run.tool.driver.rules?.[r.ruleIndex ?? -1]?.id).toBe(f.ruleId);
    });
  });

  it('locates the primary span with a relative URI, line/column region and char offsets', () => {
    report.findings.forEach((f, i) => {
      const r = results[i] as Sarif.Result;
      const primary = f.locations[0];
      if (!primary) throw new Error('fixture finding without location');
      const phys = r.locations?.[0]?.physicalLocation;
      expect(phys?.artifactLocation?.uri).toBe(primary.source);
      expect(phys?.artifactLocation?.uri).not.toMatch(/^\/|\\/u);
      const text = ctx.texts[primary.source] ?? '';
      const start = expectedPosition(text, primary.start);
      const end = expectedPosition(text, primary.end);
      expect(phys?.region).toMatchObject({
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
        charOffset: primary.start,
        charLength: primary.end - primary.start,
        snippet: { text: primary.text },
      });
      expect(text.slice(primary.start, primary.end)).toBe(primary.text);
      expect(r.relatedLocations ?? []).toHaveLength(f.locations.length - 1);
    });
  });

  it('points at the Vocord/Vocalord pair exactly, with the counterpart as a related location', () => {
    const r = results[0] as Sarif.Result;
    expect(r.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: 3, startColumn: 49, endLine: 3, endColumn: 55 });
    const rel = r.relatedLocations?.[0];
    expect(rel?.physicalLocation?.artifactLocation?.uri).toBe(VI);
    expect(rel?.physicalLocation?.region?.snippet?.text).toBe('Vocalord');
    expect(rel?.message?.text).toBe(`${VI}:3:47: "Vocalord"`);
    expect(rel?.physicalLocation?.contextRegion?.snippet?.text).toContain('Vocalord của Nga');
  });

  it('counts lines on CR/LF only, so a U+2028 inside the hostile sentence does not shift the region', () => {
    const r = results.find((x) => x.ruleId === 'unsourced-claim');
    const region = r?.locations?.[0]?.physicalLocation?.region;
    expect(region?.startLine).toBe(7);
    const en = ctx.texts[EN] ?? '';
    expect(region?.startColumn).toBe(HOSTILE.indexOf('<img') + 1);
    expect(en.split('\n')[6]).toBe(HOSTILE);
  });

  it('lists the sources as artifacts with their language', () => {
    expect(run.artifacts?.map((a) => a.location?.uri)).toEqual([EN, VI, RU]);
    expect(run.artifacts?.[1]?.properties?.['lang']).toBe('vi');
  });

  it('round-trips hostile text through JSON and percent-encodes hostile file names', () => {
    const h = hostileFixture();
    const out = renderSarif(h.report, h.ctx);
    const parsed = JSON.parse(out) as Sarif.Log;
    const rs = parsed.runs[0]?.results ?? [];
    expect(rs.map((r) => r.message.text)).toEqual(h.report.findings.map((f) => f.message));
    expect(rs[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('in/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.txt');
    expect(out).not.toContain('\u0000');
  });

  it('adds a descriptor for a rule the context does not know', () => {
    const { report: r, ctx: c } = fixture();
    const out = JSON.parse(renderSarif(r, { ...c, rules: [] })) as Sarif.Log;
    const rules = out.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((x) => x.id)).toContain('entity-spelling');
    expect(out.runs[0]?.results?.every((x) => rules[x.ruleIndex ?? -1]?.id === x.ruleId)).toBe(true);
  });

  it('reports skipped inputs as tool notifications', () => {
    const { report: r, ctx: c } = fixture();
    r.skipped.push({ path: '/repo/in/broken.pdf', code: 'FL103', reason: 'not a text file' });
    const inv = (JSON.parse(renderSarif(r, c)) as Sarif.Log).runs[0]?.invocations?.[0];
    expect(inv?.toolExecutionNotifications?.[0]).toMatchObject({ descriptor: { id: 'FL103' }, message: { text: 'in/broken.pdf: not a text file' } });
  });

  it('is deterministic', () => {
    expect(renderSarif(report, ctx)).toBe(renderSarif(report, ctx));
  });

  it('keeps messages and snippets exact and regions consistent whatever the text (property)', () => {
    fc.assert(
      fc.property(nastyText, nastyText, nastyText, (text, message, name) => {
        const { report: r, ctx: c } = nastyFixture(text, message, name);
        const out = JSON.parse(renderSarif(r, c)) as Sarif.Log;
        const res = out.runs[0]?.results?.[0];
        const loc = r.findings[0]?.locations[0];
        expect(res?.message.text).toBe(message);
        const region = res?.locations?.[0]?.physicalLocation?.region;
        expect(region?.snippet?.text).toBe(text);
        const expected = expectedPosition(c.texts[loc?.source ?? ''] ?? '', loc?.end ?? 0);
        expect([region?.endLine, region?.endColumn]).toEqual([expected.line, expected.column]);
      }),
      { numRuns: 200 },
    );
  });
});
