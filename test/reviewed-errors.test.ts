import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/reviewed-errors.json: the NTREX reference errors the eval scripts count as right (docs/evaluation-notes.md). */
const ROOT = resolve(import.meta.dirname, '..');
const NTREX = resolve(ROOT, '../shared/eval/external/ntrex-dev');
const { errors } = JSON.parse(readFileSync(join(ROOT, 'docs/reviewed-errors.json'), 'utf8')) as {
  errors: { doc: string; lang: string; en: string; translation: string; why: string }[];
};
const notes = readFileSync(join(ROOT, 'docs/evaluation-notes.md'), 'utf8');
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

describe('reviewed translation errors', () => {
  it.each(errors.map((e) => [`${e.doc} ${e.lang} ${e.en}`, e] as const))('%s: quoted from both texts, explained, and in the notes', (_k, e) => {
    expect(e.why.length).toBeGreaterThan(20);
    // A row of the notes names the document, the language and the translated span.
    expect(notes.split('\n').some((l) => l.startsWith(`| ${e.doc} | ${e.lang} |`) && l.includes(e.translation))).toBe(true);
    if (!existsSync(NTREX)) return;
    expect(flat(readFileSync(join(NTREX, e.doc, 'en.txt'), 'utf8'))).toContain(e.en);
    expect(flat(readFileSync(join(NTREX, e.doc, `${e.lang}.txt`), 'utf8'))).toContain(e.translation);
  });
});
