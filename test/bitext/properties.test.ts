import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBitext, toArray } from '../../src/bitext/index.js';
import { parseXml, textOf } from '../../src/bitext/xml.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'factlint-bitext-prop-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text XML can carry literally: no control characters (XML 1.0 forbids most; CR is normalised). */
const xmlText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f\ufffe\uffff]/u.test(s));
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('properties', () => {
  it('XML text with markup characters escaped reads back unchanged, entity-like text included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(xmlText, fc.constantFrom('&nbsp;', '&#8217;', '&amp;', 'a &lt; b', '&copy; 2024')), async (s) => {
        expect(textOf(parseXml(`<seg>${escapeXml(s)}</seg>`, 't.xml', 'a test'))).toBe(s);
      }),
    );
  });

  it('TSV cells without tabs or line breaks read back exactly as written', async () => {
    const cell = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => !/[\t\n\r\u2028\u2029\u0085]/u.test(s) && s.trim() !== '' && !s.startsWith('\ufeff'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), async (pairs) => {
        const path = join(dir, 'p.tsv');
        fs.writeFileSync(path, `source\ttarget\n${pairs.map(([a, b]) => `${a}\t${b}`).join('\n')}\n`);
        const rows = await toArray(await readBitext(path));
        expect(rows.map((r) => [r.left, r.right])).toEqual(pairs);
      }),
      { numRuns: 60 },
    );
  });
});
