/**
 * Invariants of `check()` on realistic texts — the seed files, the dev cases and NTREX documents, as given and
 * with small edits: input order and source names change nothing; a text compared with an identical copy yields no
 * pair findings; reruns are byte-identical. Seed and runs: see arbitraries.ts and scripts/fuzz.mjs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, type TextInput } from '../../src/check.js';
import type { Category } from '../../src/model/index.js';
import { DEV_CASES, newIds, newsText, ntrex, ntrexGroups, runs, SEEDS, TIMEOUT, variantOf, type Doc } from './arbitraries.js';
import { expectSound, normalFindings, normalStories } from './sound.js';

/** Categories that compare two sources; a source and its copy must never raise one. */
const PAIR_CATEGORIES: readonly Category[] = [
  'entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch',
  'negation-mismatch', 'omission', 'addition',
];

const GROUPS: { name: string; docs: Doc[] }[] = [
  { name: 'seeds', docs: SEEDS },
  ...DEV_CASES.map((docs) => ({ name: docs[0]!.name.split('/').slice(0, 2).join('/'), docs })),
  ...ntrexGroups(3).map((docs) => ({ name: docs[0]!.name.split('/').slice(0, 2).join('/'), docs })),
];

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
const inputsOf = (docs: Doc[]): TextInput[] => docs.map((d) => ({ id: baseName(d.name), text: d.text }));

/** Results of check() on unedited groups, which most runs start from. */
const cache = new Map<string, string>();
async function reportJson(inputs: TextInput[]): Promise<string> {
  const key = JSON.stringify(inputs);
  let json = cache.get(key);
  if (json === undefined) {
    const result = await check(inputs);
    expectSound(inputs, result);
    cache.set(key, (json = JSON.stringify(result.report)));
  }
  return json;
}

/** A group of realistic versions, each kept or edited, in a random order and under random new names. */
const scenario = fc.constantFrom(...GROUPS).chain(({ name, docs }) =>
  fc.record({
    name: fc.constant(name),
    inputs: fc.tuple(...docs.map((d) => fc.oneof({ weight: 3, arbitrary: fc.constant(d.text) }, { weight: 1, arbitrary: variantOf(d.text) })))
      .map((texts) => texts.map((text, i) => ({ id: baseName(docs[i]!.name), text }))),
    order: fc.shuffledSubarray(docs.map((_, i) => i), { minLength: docs.length, maxLength: docs.length }),
    ids: newIds(docs.length),
  }));

/** Checks `inputs` as given and as `order` and `ids` rearrange and rename them; all three must agree. */
async function expectOrderAndNamesIrrelevant(inputs: TextInput[], order: number[], ids: string[]): Promise<void> {
  const base = JSON.parse(await reportJson(inputs)) as Awaited<ReturnType<typeof check>>['report'];
  const shuffled = order.map((i) => inputs[i]!);
  // Same names, other order: the very same bytes.
  expect(JSON.stringify((await check(shuffled)).report)).toBe(JSON.stringify(base));
  // Other names (which sort differently): the same findings and stories once names are mapped back.
  const renamed = shuffled.map((t, k) => ({ ...t, id: ids[order[k]!]! }));
  const result = await check(renamed);
  expectSound(renamed, result);
  const back = new Map(inputs.map((t, i) => [ids[i]!, t.id]));
  expect(normalStories(result.report, back)).toEqual(normalStories(base, new Map()));
  expect(normalFindings(result.report, back)).toEqual(normalFindings(base, new Map()));
}

describe('check() on realistic texts', () => {
  it('has its corpus: seed files, dev cases, NTREX documents', () => {
    expect(SEEDS.length).toBe(5);
    expect(DEV_CASES.length).toBeGreaterThanOrEqual(4);
    expect(ntrex('en', 6).length).toBe(6);
  });

  it('shuffling the input order or renaming the sources gives the same findings', async () => {
    await fc.assert(fc.asyncProperty(scenario, async ({ inputs, order, ids }) => {
      await expectOrderAndNamesIrrelevant(inputs, order, ids);
    }), runs(14, 'corpus'));
  }, TIMEOUT);

  it('running check() twice on the seed files gives byte-identical JSON', async () => {
    const inputs = inputsOf(SEEDS);
    const first = JSON.stringify((await check(inputs)).report);
    const second = JSON.stringify((await check(inputs)).report);
    expect(second).toBe(first);
  });
});

describe('a source compared with an identical copy yields no pair findings', () => {
  const pairFindings = async (text: string, ids = ['copy-a.txt', 'copy-b.txt']): Promise<string[]> => {
    const inputs = ids.map((id) => ({ id, text }));
    const result = await check(inputs);
    expectSound(inputs, result);
    return result.report.findings.filter((f) => PAIR_CATEGORIES.includes(f.category)).map((f) => `${f.ruleId}: ${f.message}`);
  };

  const docs = [...SEEDS, ...ntrex('en', 6), ...ntrex('vi', 1), ...ntrex('ru', 1), ...DEV_CASES.flat()];
  it.each(docs.map((d) => [d.name, d.text]))('%s', async (_name, text) => {
    expect(await pairFindings(text)).toEqual([]);
  });

  it('edited realistic texts and generated news-like text, copied', async () => {
    const text = fc.oneof(fc.constantFrom(...docs).chain((d) => variantOf(d.text)), newsText);
    await fc.assert(fc.asyncProperty(text, newIds(2), async (t, ids) => {
      expect(await pairFindings(t, ids)).toEqual([]);
    }), runs(40, 'corpus'));
  }, TIMEOUT);
});
