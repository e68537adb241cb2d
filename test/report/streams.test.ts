import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPieces, writeAtomic, writePieces } from '../../src/output.js';
import { defuseJson } from '../../src/report/escape.js';
import { jsonChunks, renderJson } from '../../src/report/json.js';
import { buildSarif, renderSarif, streamSarif } from '../../src/report/sarif.js';
import { renderJunit, streamJunit } from '../../src/report/junit.js';
import { fixture, unitsFixture } from './fixtures.js';

/** A JSON-like value with what JSON.stringify treats apart: undefined members, functions, toJSON, empty containers. */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, () => 1, [], {}, new Date(0), { toJSON: () => ({ via: 'toJSON' }) }, 'a\nb', '##[x', '\u2028'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonChunks: JSON.stringify(value, null, 2) in pieces', () => {
  it('joined, the pieces are exactly the text JSON.stringify gives, at any depth', () => {
    fc.assert(
      fc.property(jsonish, fc.integer({ min: 0, max: 6 }), (v, depth) => {
        fc.pre(v !== undefined && typeof v !== 'function');
        expect([...jsonChunks(v, depth)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a large array member by member', () => {
    const pieces = [...jsonChunks({ findings: Array.from({ length: 1000 }, (_, i) => ({ id: i, text: 'x'.repeat(50) })) })];
    expect(pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
  });
});

describe('JSON, SARIF and JUnit reports are written in pieces', () => {
  const { report, ctx } = unitsFixture(40);

  it('JSON: the pieces joined are the report stringified, made inert in a CI log', () => {
    expect([...renderPieces('json', report, ctx)].join('')).toBe(`${defuseJson(JSON.stringify(report, null, 2))}\n`);
    expect(renderJson(report, ctx)).toBe(`${defuseJson(JSON.stringify(report, null, 2))}\n`);
  });

  it('SARIF: the pieces joined are the log stringified; each result comes in pieces of its own', () => {
    const whole = `${defuseJson(JSON.stringify(buildSarif(report, ctx), null, 2))}\n`;
    const pieces = [...streamSarif(report, ctx)];
    expect(pieces.join('')).toBe(whole);
    expect(renderSarif(report, ctx)).toBe(whole);
    expect(pieces.length).toBeGreaterThan(buildSarif(report, ctx).runs[0]!.results!.length);
  });

  it('JUnit: a piece per suite, each ending a line, the suites in order', () => {
    const pieces = [...streamJunit(report, ctx)];
    expect(pieces.length).toBe(report.stories.length + 2);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    expect(pieces[0]).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /u);
    expect(pieces.at(-1)).toBe('</testsuites>\n');
    expect(pieces.join('')).toBe(renderJunit(report, ctx));
  });

  it('the other formats stay one string', () => {
    const { report: r, ctx: c } = fixture();
    expect(typeof renderPieces('text', r, c)).toBe('string');
    expect(typeof renderPieces('html', r, c)).toBe('string');
  });
});

describe('writing pieces', () => {
  it('gathers pieces into writes of about a megabyte, in order', () => {
    const writes: string[] = [];
    const piece = 'y'.repeat(1000);
    writePieces((function* () { for (let i = 0; i < 3000; i++) yield piece; })(), (w) => writes.push(w));
    expect(writes.join('')).toBe(piece.repeat(3000));
    expect(writes.length).toBe(3);
    for (const w of writes) expect(w.length).toBeLessThanOrEqual((1 << 20) + 1000);
  });

  it('writeAtomic writes a streamed report to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlint-pieces-'));
    try {
      const { report, ctx } = unitsFixture(5);
      const file = join(dir, 'r.sarif');
      writeAtomic(file, streamSarif(report, ctx));
      expect(readFileSync(file, 'utf8')).toBe(renderSarif(report, ctx));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
