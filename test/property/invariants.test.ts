/**
 * Invariants of `check()` on generated text (HOUSE-STYLE "Property tests"): no crash on arbitrary Unicode, offsets
 * that slice to their text, a report that validates against its schema, byte-identical reruns. Realistic texts
 * (order, renaming, self-comparison) are in corpus.test.ts. Seed and runs: see arbitraries.ts and scripts/fuzz.mjs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { FactlintError } from '../../src/errors.js';
import { anyText, editedGroup, generatedVersions, GROUPS, newsText, runs, sources, TIMEOUT, unicodeText } from './arbitraries.js';
import { expectSound, expectSpansSound, expectValidJson } from './sound.js';

/** Versions of one article, generated or realistic (small dev cases and NTREX stories, edited), that yield findings. */
const versions = fc.oneof(
  { weight: 3, arbitrary: generatedVersions },
  { weight: 1, arbitrary: editedGroup(GROUPS.filter((g) => g.name !== 'seeds')).map((g) => g.inputs) },
);

describe('check() on generated text', () => {
  it('never throws on arbitrary Unicode in 1–3 sources (astral, lone surrogates, controls)', async () => {
    await fc.assert(fc.asyncProperty(sources(unicodeText), async (inputs) => {
      expectSound(inputs, await check(inputs));
    }), runs(80));
  }, TIMEOUT);

  it('never throws on news-like text (figures, dates, names, vi/ru words, quotes, controls, BOM, CR/CRLF)', async () => {
    await fc.assert(fc.asyncProperty(sources(newsText), async (inputs) => {
      expectSound(inputs, await check(inputs));
    }), runs(40));
  }, TIMEOUT);

  it('every finding location and context slices to its text; every alignment span lies inside its text', async () => {
    let withFindings = 0;
    await fc.assert(fc.asyncProperty(versions, async (inputs) => {
      const result = await check(inputs);
      if (result.report.findings.length) withFindings++;
      expectSpansSound(inputs, result);
    }), runs(30));
    // The property says nothing unless edited versions actually produce findings.
    expect(withFindings).toBeGreaterThan(0);
  }, TIMEOUT);

  it('the JSON report validates against rules/schema/report.schema.json', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(sources(anyText), versions), async (inputs) => {
      expectValidJson(await check(inputs));
    }), runs(30));
  }, TIMEOUT);

  it('running check() twice gives byte-identical JSON, even with another check in between', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(sources(anyText), versions), fc.oneof(sources(anyText), versions), async (inputs, other) => {
      const first = JSON.stringify((await check(inputs)).report);
      await check(other);
      const second = JSON.stringify((await check(inputs)).report);
      expect(second).toBe(first);
    }), runs(20));
  }, TIMEOUT);

  it('the analysis cache changes nothing: no cache, a cold cache and a warm cache give byte-identical JSON', async () => {
    // The cache stores the per-source analysis as JSON; anything JSON does not carry (NaN, Infinity, undefined,
    // -0, Maps) would come back different.
    const cacheDir = mkdtempSync(join(tmpdir(), 'factlint-prop-cache-'));
    try {
      await fc.assert(fc.asyncProperty(fc.oneof(sources(anyText), versions), async (inputs) => {
        const plain = JSON.stringify((await check(inputs)).report);
        expect(JSON.stringify((await check(inputs, { cacheDir })).report)).toBe(plain);
        expect(JSON.stringify((await check(inputs, { cacheDir })).report)).toBe(plain);
      }), runs(10));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, TIMEOUT);

  // check() copies an in-memory source's `published` into the report unchecked; the schema requires yyyy-mm-dd.
  // Either a user error (FactlintError) or a normalised date would do; a report that breaks its schema will not.
  it('a free-form `published` date is a user error (FL114), never a report that fails the schema', async () => {
    let result;
    try {
      result = await check([{ id: 'a.txt', text: 'Ivan Petrov said on Monday the deal was worth $5 million.', published: '14 March 2024' }]);
    } catch (e) {
      expect(e).toBeInstanceOf(FactlintError);
      return;
    }
    expectValidJson(result);
  });
});
