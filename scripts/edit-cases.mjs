// The planted-change cases of ../shared/eval/edits checked as the benchmark checks them: each case's two texts as one
// story of versions (a.txt the original), a hundred cases per check() call; yields each batch with its findings by case.
/**
 * @param {(inputs: object[], opts: object) => Promise<{ report: { findings: { locations: { source: string }[] }[] } }>} check
 * @param {{ id: string, a: string, b: string }[]} cases
 */
export async function* checkedCases(check, cases) {
  for (let k = 0; k < cases.length; k += 100) {
    const batch = cases.slice(k, k + 100);
    const inputs = batch.flatMap((c) => [
      { id: `${c.id}/a.txt`, text: c.a, story: c.id, original: true },
      { id: `${c.id}/b.txt`, text: c.b, story: c.id },
    ]);
    const { report } = await check(inputs, { relations: Object.fromEntries(batch.map((c) => [c.id, 'versions'])) });
    const byCase = new Map(batch.map((c) => [c.id, []]));
    for (const f of report.findings) byCase.get(f.locations[0]?.source.replace(/\/[ab]\.txt$/, ''))?.push(f);
    yield { k, batch, byCase };
  }
}
