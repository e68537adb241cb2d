import { describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { FactlintError } from '../src/errors.js';

/** What a plain-JavaScript caller of the library gets for a call of the wrong shape: FL118 naming the field. */
async function errorOf(inputs: unknown, opts?: unknown): Promise<FactlintError> {
  try {
    await check(inputs as never, opts as never);
  } catch (e) {
    if (e instanceof FactlintError) return e;
    throw e;
  }
  throw new Error('check() accepted the call');
}

describe('check() checks its inputs and options (zod) before any work', () => {
  it.each<[string, unknown, unknown, RegExp]>([
    ['a text that is not a string', [{ id: 'a.txt', text: 42 }], undefined, /^inputs\[0\]\.text: /],
    ['a source without an id', ['seeds', { text: 'A story.' }], undefined, /^inputs\[1\]\.id: /],
    ['an unknown field in a source', [{ id: 'a.txt', text: 'A story.', language: 'en' }], undefined, /^inputs\[0\]: .*language/],
    ['a language that is not a code', [{ id: 'a.txt', text: 'A story.', lang: 'English' }], undefined, /^inputs\[0\]\.lang: expected a language code/],
    ['inputs that are not a list', 'seeds', undefined, /^inputs: /],
    ['jobs below one', [{ id: 'a.txt', text: 'A story.' }], { jobs: 0 }, /^options\.jobs: /],
    ['a severity that does not exist', [{ id: 'a.txt', text: 'A story.' }], { ruleSettings: { 'number-conflict': 'fatal' } }, /^options\.ruleSettings\.number-conflict: /],
    ['an unknown option', [{ id: 'a.txt', text: 'A story.' }], { job: 2 }, /^options: .*job/],
    ['onProgress that is not a function', [{ id: 'a.txt', text: 'A story.' }], { onProgress: 'yes' }, /^options\.onProgress: expected a function/],
    ['a size limit that is not a positive whole number', [{ id: 'a.txt', text: 'A story.' }], { load: { maxFileSize: -5 } }, /^options\.load\.maxFileSize: /],
    ['both inputs and options wrong: each field named', [{ id: 'a.txt', text: 42 }], { jobs: 1.5 }, /^inputs\[0\]\.text: .*; options\.jobs: /],
  ])('%s', async (_what, inputs, opts, message) => {
    const e = await errorOf(inputs, opts);
    expect(e.code).toBe('FL118');
    expect(e.message).toMatch(message);
    expect(e.hint).toBeTruthy();
  });

  it('names the first 20 fields of a huge list of the wrong shape, then counts the others', async () => {
    const inputs = Array.from({ length: 50_000 }, (_, k) => ({ id: `u${k}`, text: k }));
    const e = await errorOf(inputs, { jobs: 0 });
    expect(e.code).toBe('FL118');
    const parts = e.message.split('; ');
    expect(parts).toHaveLength(21);
    expect(parts[0]).toMatch(/^inputs\[0\]\.text: /);
    expect(parts[19]).toMatch(/^inputs\[19\]\.text: /);
    // 50,000 texts and one option of the wrong shape: 20 named, 49,981 counted
    expect(parts[20]).toBe('and 49981 more fields of the wrong shape');
  });

  it('accepts a well-formed call, and leaves the date format to FL114 (which names the source)', async () => {
    const { report } = await check([{ id: 'a.txt', text: 'Harlow Rail will spend $310 million on new trains.', lang: 'en', story: 's', original: true, published: '2026-01-05' }], { jobs: 1, relations: { s: 'single' } });
    expect(report.sources.map((s) => s.id)).toEqual(['a.txt']);
    const e = await errorOf([{ id: 'b.txt', text: 'A story.', published: '5 January 2026' }]);
    expect([e.code, e.file]).toEqual(['FL114', 'b.txt']);
  });
});

describe('check() runs furniture patterns as the config does', () => {
  it.each([
    ['a pattern JavaScript rejects', ['^(unclosed$'], 'FL603', /^options\.furniturePatterns\[0\]: not a valid regular expression/],
    ['a pattern only a backtracking engine can run', ['^ok$', '(?<=a)b'], 'FL606', /^options\.furniturePatterns\[1\]: refused, it uses a lookahead or lookbehind/],
  ])('%s', async (_what, patterns, code, message) => {
    const e = await errorOf([{ id: 'a.txt', text: 'A story.' }], { furniturePatterns: patterns });
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.hint).toBeTruthy();
  });

  it('a catastrophic pattern finishes', async () => {
    const { report } = await check([{ id: 'a.txt', text: `The council approved the budget, the mayor said.\n${'a'.repeat(44)}!\n` }], { furniturePatterns: ['^(a+)+$'] });
    expect(report.sources[0]!.sentences).toBe(2);
  }, 30_000);
});
