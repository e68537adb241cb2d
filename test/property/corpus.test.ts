/**
 * Invariants of `check()` on realistic texts — the seed files, the dev cases and NTREX documents, as given and
 * with small edits: input order and source names change nothing; a text compared with an identical copy yields no
 * pair findings; reruns are byte-identical. Seed and runs: see arbitraries.ts and scripts/fuzz.mjs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, type TextInput } from '../../src/check.js';
import type { Category, Report } from '../../src/model/index.js';
import {
  DEV_CASES, editedGroup, FUZZING, generatedVersions, GROUPS, inputsOf, newIds, newsText, ntrex, orderKeepingIds, runs, SEEDS, TIMEOUT, variantOf,
} from './arbitraries.js';
import { expectSound, normalFindings, normalStories } from './sound.js';

/** Categories that compare two sources; a source and its copy must never raise one. */
const PAIR_CATEGORIES: readonly Category[] = [
  'entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch',
  'negation-mismatch', 'omission', 'addition',
];

/** Reports of unedited groups, which most runs start from (as JSON, so no run can alter a shared object). */
const cache = new Map<string, string>();
async function reportOf(inputs: TextInput[]): Promise<Report> {
  const key = JSON.stringify(inputs);
  let json = cache.get(key);
  if (json === undefined) {
    const result = await check(inputs);
    expectSound(inputs, result);
    cache.set(key, (json = JSON.stringify(result.report)));
  }
  return JSON.parse(json) as Report;
}

/** Findings and stories of `inputs` checked under the names `ids` (same index), mapped back to the old names. */
async function renamedForms(inputs: TextInput[], ids: string[]): Promise<{ stories: string[]; findings: string[] }> {
  const renamed = inputs.map((t, i) => ({ ...t, id: ids[i]! }));
  const result = await check(renamed);
  expectSound(renamed, result);
  const back = new Map(inputs.map((t, i) => [ids[i]!, t.id]));
  return { stories: normalStories(result.report, back), findings: normalFindings(result.report, back) };
}

const forms = (report: Report): { stories: string[]; findings: string[] } =>
  ({ stories: normalStories(report, new Map()), findings: normalFindings(report, new Map()) });

/**
 * Versions of one story, realistic or generated. The seed files (5 long articles, ~1 s a check) are left to the
 * fixed cases below in CI and join the draw when fuzzing.
 */
const group = fc.oneof(
  { weight: 2, arbitrary: editedGroup(FUZZING ? GROUPS : GROUPS.filter((g) => g.name !== 'seeds')).map((g) => g.inputs) },
  { weight: 1, arbitrary: generatedVersions },
);

/** A permutation of 0..n-1. */
const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

describe('check() on realistic texts', () => {
  it('has its corpus: seed files, dev cases, NTREX documents', () => {
    expect(SEEDS.length).toBe(5);
    expect(DEV_CASES.length).toBeGreaterThanOrEqual(4);
    expect(ntrex('en', 6).length).toBe(6);
  });

  it('shuffling the input order gives a byte-identical report', async () => {
    await fc.assert(fc.asyncProperty(group.chain((inputs) => fc.tuple(fc.constant(inputs), permutation(inputs.length))), async ([inputs, order]) => {
      const base = await reportOf(inputs);
      expect(JSON.stringify((await check(order.map((i) => inputs[i]!))).report)).toBe(JSON.stringify(base));
    }), runs(6, 'corpus'));
  }, TIMEOUT);

  // Narrowed to renamings that keep the sources' name order: pair findings are oriented by name order (see
  // "known bugs" below), so a renaming that changes which source sorts first changes the findings today.
  it('renaming the sources (name order kept) gives the same findings and stories, names mapped back', async () => {
    const scenario = group.chain((inputs) => fc.tuple(fc.constant(inputs), orderKeepingIds(inputs.map((t) => t.id)), permutation(inputs.length)));
    await fc.assert(fc.asyncProperty(scenario, async ([inputs, ids, order]) => {
      const base = forms(await reportOf(inputs));
      // In another input order too: the names alone decide.
      const renamed = await renamedForms(order.map((i) => inputs[i]!), order.map((i) => ids[i]!));
      expect(renamed.stories).toEqual(base.stories);
      expect(renamed.findings).toEqual(base.findings);
    }), runs(8, 'corpus'));
  }, TIMEOUT);

  it('the seed files: a rerun and the reversed input order give byte-identical JSON', async () => {
    const inputs = inputsOf(SEEDS);
    const first = JSON.stringify((await reportOf(inputs)));
    expect(JSON.stringify((await check(inputs)).report)).toBe(first);
    expect(JSON.stringify((await check([...inputs].reverse())).report)).toBe(first);
  });
});

/**
 * Known bugs found by the renaming property, reduced to two short versions `a` and `b`: checked as x.txt + y.txt
 * and again with the names swapped, the findings (names mapped back) should be the same and are not. Each case
 * was a bug found by the property; pairs are now oriented by content (publication, then length, then a content
 * hash), so these stay as regression tests.
 */
describe('findings do not depend on which source name sorts first (fixed bugs, kept as regression tests)', () => {
  const expectSameUnderSwap = async (a: string, b: string): Promise<void> => {
    const first = await check([{ id: 'x.txt', text: a }, { id: 'y.txt', text: b }]);
    const swapped = await renamedForms([{ id: 'x.txt', text: a }, { id: 'y.txt', text: b }], ['y.txt', 'x.txt']);
    expect(swapped.findings).toEqual(forms(first.report).findings);
  };

  // Pair findings put the source whose name sorts first as the primary location and the "before" side of the
  // message, so renaming a file flips "420 became 240" into "240 became 420" and moves SARIF/GitHub annotations.
  it('a changed figure is reported from the side whose name sorts first', async () => {
    await expectSameUnderSwap(
      'Meridian Port Partners will invest $420 million in the first phase, Daniel Koh said on Thursday. Construction begins in September.',
      'Meridian Port Partners will invest $240 million in the first phase, Daniel Koh said on Thursday. Construction begins in September.',
    );
  });

  // With no original known and equal sentence counts, the name that sorts first is taken as the original
  // (originalOf / edit-diff): the same two words are "edited-addition" (addition) or "edited-deletion" (omission).
  it('words present in one version only are an addition or an omission depending on the file names', async () => {
    await expectSameUnderSwap(
      'Vinci Group signed a deal with Jovi Technologies in Moscow. The deal is worth $5 million.',
      'Vinci Group signed a deal with Jovi Technologies in Moscow, Ivan Petrov said. The deal is worth $5 million.',
    );
  });

  // attribution-conflict is not symmetric: with the "according to … spokesperson" version sorting first it
  // reads "Forestry Department" as the speaker and reports a conflict with Kelsey Brandt (a false positive, from
  // dev2-two-outlets-en); with the names swapped it reports nothing.
  it('attribution-conflict fires only when the "according to" version sorts first', async () => {
    await expectSameUnderSwap(
      'The state has spent $4.8m on the firefight so far, ODF spokesperson Kelsey Brandt said.',
      'Firefighting costs have reached $4.8 million so far, according to Forestry Department spokesperson Kelsey Brandt.',
    );
  });
});

const pairFindings = async (a: string, b = a, ids = ['copy-a.txt', 'copy-b.txt']): Promise<string[]> => {
  const inputs = [{ id: ids[0]!, text: a }, { id: ids[1]!, text: b }];
  const result = await check(inputs);
  expectSound(inputs, result);
  return result.report.findings.filter((f) => PAIR_CATEGORIES.includes(f.category))
    .map((f) => `${f.ruleId}: ${f.message} @ ${f.locations.map((l) => `${l.source}:${JSON.stringify(l.text)}`).join(' ')}`);
};

const DOCS = [...SEEDS, ...ntrex('en', 6), ...ntrex('vi', 1), ...ntrex('ru', 1), ...DEV_CASES.flat()];

describe('a source compared with an identical copy yields no pair findings', () => {
  it.each(DOCS.map((d) => [d.name, d.text]))('%s', async (_name, text) => {
    expect(await pairFindings(text)).toEqual([]);
  });

  // Narrowed: every text starts and ends with a plain sentence, because of the known bug below (a first or last
  // sentence that is only a figure or a date is not aligned with itself). Drop the frame when that bug is fixed.
  it('edited realistic texts and generated news-like text, copied', async () => {
    const text = fc.oneof(fc.constantFrom(...DOCS).chain((d) => variantOf(d.text)), newsText)
      .map((t) => `The report begins here.\n${t}\nThe report ends here.`);
    await fc.assert(fc.asyncProperty(text, newIds(2), async (t, ids) => {
      expect(await pairFindings(t, t, ids)).toEqual([]);
    }), runs(16, 'corpus'));
  }, TIMEOUT);

  // Found by the property above (fuzz seeds 1543894999 and 864699945, the second on dev2_sentinel.txt with its
  // first sentence dropped: "9, 2024, 6:10 p.m. RENNICK — …"). The aligner drops length-only links at a
  // document's ends (align.ts), and a sentence that is only "5", "May 5" or "9, 2024, 6:10 p.m." has no anchor or
  // word to link on; unaligned-content still counts its figure, so the text is both omitted from and added to itself.
  it('fixed: a last sentence that is only a figure is an omission and an addition against itself', async () => {
    expect(await pairFindings('Fire burns. Water flows. Earth turns.\n5')).toEqual([]);
  });
  it('fixed: a first sentence that is only a figure is an omission and an addition against itself', async () => {
    expect(await pairFindings('5\nFire burns. Water flows. Earth turns.')).toEqual([]);
  });
});

/** The same text as another tool or platform may save it. */
const ENCODINGS: Record<string, (t: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\r?\n/g, '\r\n'),
  'CR line ends': (t) => t.replace(/\r?\n/g, '\r'),
  'a leading BOM': (t) => `\ufeff${t}`,
  'trailing blank lines': (t) => `${t}\n\n\n`,
};

describe('a source compared with the same text saved differently yields no pair findings', () => {
  // Narrowed to the encodings that work: NFD and no-break spaces are known bugs (below).
  it('CRLF or CR line ends, a leading BOM, trailing blank lines', async () => {
    const scenario = fc.tuple(fc.constantFrom(...DOCS), fc.constantFrom(...Object.keys(ENCODINGS)));
    await fc.assert(fc.asyncProperty(scenario, async ([doc, enc]) => {
      expect(await pairFindings(doc.text, ENCODINGS[enc]!(doc.text))).toEqual([]);
    }), runs(10, 'corpus'));
  }, TIMEOUT);

  // Canonically equivalent text (macOS and some CMSs save Vietnamese decomposed) is compared code unit by code
  // unit: names "change" into themselves, and the byline is not recognised in the NFD copy.
  it.fails('known bug: NFD text: a name "changes" into itself', async () => {
    const text = 'Hải Đăng cho biết.\nChưa có quyết định.';
    expect(await pairFindings(text, text.normalize('NFD'))).toEqual([]);
  });
  it.fails('known bug: NFD text: the byline "MINH CHÂU" is content in the NFD copy, an omission', async () => {
    const text = 'Công ty Hải Đăng đã ký hợp đồng vào tháng 10/2023.\nMINH CHÂU';
    expect(await pairFindings(text, text.normalize('NFD'))).toEqual([]);
  });

  // No-break spaces (common in scraped and French/Russian-typeset text) hide the byline and the dateline from
  // the cleaner: the byline becomes omitted content, and edit-diff reports the dateline as 'Words were removed:
  // "(nothing)"'.
  it.fails('known bug: no-break spaces: "Reporting by Hannah Lee" is a byline in one copy and omitted content in the other', async () => {
    const text = 'Meridian Port Partners said on Wednesday it will build a terminal.\nReporting by Hannah Lee';
    expect(await pairFindings(text, text.replace(/ /g, '\u00a0'))).toEqual([]);
  });
  it.fails('known bug: no-break spaces: a dateline is "Words were removed: (nothing)"', async () => {
    const text = 'HO CHI MINH CITY — Singapore-based Meridian Port Partners will build a terminal, it said on Wednesday.';
    const findings = await pairFindings(`${text}\nReporting by Hannah Lee`, `${text}\nReporting by Hannah Lee`.replace(/ /g, '\u00a0'));
    expect(findings.filter((f) => f.startsWith('edited-deletion'))).toEqual([]);
  });
});
