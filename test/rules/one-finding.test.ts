import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { loadRules } from '../../src/rules/load.js';
import { applyBaseline, createBaseline } from '../../src/baseline.js';

/** A published text and a same-language draft of it, declared versions of one story. */
async function draft(published: string, edited: string, lang = 'en') {
  const { report } = await check(
    [
      { id: 'published.txt', text: published, story: 's', original: true, lang },
      { id: 'draft.txt', text: edited, story: 's', lang },
    ],
    { relations: { s: 'versions' } },
  );
  return report;
}
const found = (r: { findings: { ruleId: string; locations: { text: string }[] }[] }): string[] =>
  r.findings.map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' | ')}`);

const STORY = 'Tamsin County said on Monday that 46 houses were flooded. The council will vote on Dec. 10 on the relief fund.\n\n'
  + 'Crews worked through the night, Fire Chief Ola Brandt said.';

describe('one change, one finding', () => {
  it('the rules that supersede others name known rules, and no rule supersedes itself through others', () => {
    const rules = loadRules();
    const ids = new Set(rules.map((r) => r.id));
    const next = new Map(rules.map((r) => [r.id, r.supersedes ?? []]));
    for (const r of rules) for (const s of r.supersedes ?? []) expect(ids.has(s), `${r.id} supersedes ${s}`).toBe(true);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (next.get(from) ?? []).some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
    for (const r of rules) expect(reaches(r.id, r.id), r.id).toBe(false);
  });

  it('a changed figure in a same-language draft is one finding (the edit), not also a number conflict', async () => {
    expect(found(await draft(STORY, STORY.replace('46 houses', '64 houses')))).toEqual(['edited-number: 46 | 64']);
  });

  it('a weekday, a month or the day of a date changed in a same-language draft is a date conflict, the whole date its evidence', async () => {
    expect(found(await draft(STORY, STORY.replace('on Monday', 'on Friday')))).toEqual(['date-conflict: Monday | Friday']);
    expect(found(await draft(STORY, STORY.replace('Dec. 10', 'Nov. 10')))).toEqual(['date-conflict: Dec. 10 | Nov. 10']);
    expect(found(await draft(STORY, STORY.replace('Dec. 10', 'Dec. 12')))).toEqual(['date-conflict: Dec. 10 | Dec. 12']);
  });

  it.each([['the month', 'Nov. 10'], ['the day', 'Dec. 12']])('an unrelated date added elsewhere in the sentence keeps the evidence and the baseline entry (%s changed)', async (_what, changed) => {
    const before = await draft(STORY, STORY.replace('Dec. 10', changed));
    const withTuesday = (t: string): string => t.replace('The council will vote', 'On Tuesday the council will vote');
    const after = await draft(withTuesday(STORY), withTuesday(STORY).replace('Dec. 10', changed));
    expect(found(after)).toEqual(found(before));
    const applied = applyBaseline(after, createBaseline(before));
    expect(applied.baselined).toBe(1);
    expect(applied.report.findings).toEqual([]);
    expect(applied.stale).toEqual([]);
  });

  it('a date added in the draft beside a changed one does not take the evidence over', async () => {
    const r = await draft(STORY, STORY.replace('The council will vote on Dec. 10', 'On Tuesday the council will vote on Nov. 10'));
    expect(found(r).filter((f) => f.startsWith('date-conflict'))).toEqual(['date-conflict: Dec. 10 | Nov. 10']);
  });

  it('two changes in one sentence, a figure and the speaker, are two findings', async () => {
    const q = 'Tamsin County will spend $4 million on repairs, Finance Minister Ana Ruiz said.';
    const r = await draft(q, q.replace('$4 million', '$7 million').replace('Finance Minister Ana Ruiz', 'Mayor Tom Berg'));
    expect(found(r).sort()).toEqual(['attribution-conflict: Ana Ruiz | Tom Berg', 'number-conflict: $4 million | $7 million']);
  });

  it('a name left out of a short sentence is a deletion, however much of the sentence it was, and so is one whose possessive is left behind', async () => {
    const q = 'The Ashby Harbour Authority estimated that the storm caused $4 million in damage.';
    expect(found(await draft(q, 'Estimated that the storm caused $4 million in damage.'))).toEqual(['edited-deletion: The Ashby Harbour Authority | Estimated that the storm caused $4 million in damage.']);
    const p = "For the tenth time this year, Ashby's daily rainfall passed 100 millimetres.";
    expect(found(await draft(p, p.replace("Ashby's", "'s")))).toEqual(["edited-deletion: Ashby's | For the tenth time this year, 's daily rainfall passed 100 millimetres."]);
  });

  it('a sentence negated clause by clause is each negation, not a rewrite', async () => {
    const q = 'The Ashby council approved the harbour plan on Monday, the mayor signed it on Tuesday and the port opened in May.';
    const r = await draft(q, q.replace('approved', 'did not approve').replace('signed', 'did not sign').replace('opened', 'did not open'));
    expect(found(r).filter((f) => f.startsWith('edited-negation'))).toEqual([
      'edited-negation: approved | did not approve', 'edited-negation: signed | did not sign', 'edited-negation: opened | did not open',
    ]);
  });

  it('a name put for a name is one change, however long the new name', async () => {
    const q = 'Ruiz said the Ashby council would review the harbour plan in May.';
    expect(found(await draft(q, q.replace('Ruiz', 'The Northern Harbour Workers Federation of Ashby')))).toEqual(['edited-name: Ruiz | The Northern Harbour Workers Federation of Ashby']);
  });

  it('a sentence rewritten around a negator is no negation edited', async () => {
    const r = await draft('Harwick\'s board has unanimously recommended the offer to its shareholders.',
      'In our view it would be surprising if Harwick kits didn\'t eventually show up in stores.');
    expect(found(r).filter((f) => f.startsWith('edited-negation'))).toEqual([]);
  });

  it('a name and a figure changed side by side in one phrase list ("Ruiz, 52" / "Diaz, 53") are two findings', async () => {
    const q = 'Council member Dana Whitfield voted against the harbour plan, said Ana Ruiz, 52.';
    const r = await draft(q, q.replace('Ana Ruiz, 52', 'Ana Diaz, 53'));
    expect(found(r).sort()).toEqual(['edited-name: Ruiz | Diaz', 'edited-number: 52 | 53']);
  });
});
