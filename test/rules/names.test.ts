/**
 * Names spelt differently between versions: in a same-language draft (edited-name), across languages in one script
 * and across scripts (entity-spelling), and within one article (name-inconsistency). Each row is two short versions,
 * the first the declared original, and the findings of the rules about names, as "rule: span A | span B".
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

const NAME_RULES = new Set(['edited-name', 'entity-spelling', 'name-inconsistency']);

async function nameFindings(a: string, b: string, langA: string, langB: string, original = true): Promise<string[]> {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: langA, story: 's', ...(original ? { original: true } : {}) },
    { id: 'b.txt', text: b, lang: langB, story: 's' },
  ], { relations: { s: 'versions' } });
  return report.findings.filter((f) => NAME_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' | ')}`).sort();
}

describe('a name edited in a same-language draft', () => {
  it.each([
    ['a surname, one letter dropped',
      'Council member Dana Whitfield voted against the harbour plan on Tuesday.',
      'Council member Dana Whitfeld voted against the harbour plan on Tuesday.',
      ['edited-name: Whitfield | Whitfeld']],
    ['a place, one vowel changed',
      'The ferry to Tremont was cancelled after the storm, the operator said.',
      'The ferry to Tramont was cancelled after the storm, the operator said.',
      ['edited-name: Tremont | Tramont']],
    ['a name that became a common word',
      'The rally in Ohio drew thousands of supporters of Senator Marcus Bell.',
      'The rally in Ohio drew thousands of supporters of Senator Marcus Ball.',
      ['edited-name: Bell | Ball']],
    ['a capitalised institution',
      'The Senate approved the budget late on Thursday after a long debate.',
      'The Senute approved the budget late on Thursday after a long debate.',
      ['edited-name: Senate | Senute']],
    ['a weekday is a proper word too',
      'The mayor will announce the winners on Friday at the town hall.',
      'The mayor will announce the winners on Fraday at the town hall.',
      ['edited-name: Friday | Fraday']],
    ['a name with a possessive',
      "Inspectors found cracks in the Kellerman's Bridge supports last week.",
      "Inspectors found cracks in the Kellermen's Bridge supports last week.",
      ["edited-name: Kellerman's | Kellermen's"]],
    ['a German name in a German draft',
      'Der Bürgermeister von Lindau, Tobias Wendlinger, eröffnete die Messe.',
      'Der Bürgermeister von Lindau, Tobias Wendlanger, eröffnete die Messe.',
      ['edited-name: Wendlinger | Wendlanger']],
  ])('%s is reported', async (_what, a, b, want) => {
    const lang = /Bürgermeister/.test(a) ? 'de' : 'en';
    expect(await nameFindings(a, b, lang, lang)).toEqual(want);
  });

  it.each([
    ['a common word misspelt', 'The government announced new measures on housing.', 'The goverment announced new measures on housing.'],
    ['a sentence-initial common word misspelt', 'Residents were told to leave their homes by noon.', 'Recidents were told to leave their homes by noon.'],
    ['a sentence-initial function word misspelt', 'Since the bridge closed, traffic has doubled in the centre.', 'Sicne the bridge closed, traffic has doubled in the centre.'],
    ['an accent dropped', 'Police chief José Alvarado said the road would reopen.', 'Police chief Jose Alvarado said the road would reopen.'],
    ['an ending added', 'The Emmy went to a drama about a Welsh mining town.', 'The Emmys went to a drama about a Welsh mining town.'],
    ['a German noun misspelt', 'Der Präsident sprach am Montag in Bonn vor Studenten.', 'Der Präsidant sprach am Montag in Bonn vor Studenten.'],
  ])('%s is not a name change', async (_what, a, b) => {
    const lang = /Präsident/.test(a) ? 'de' : 'en';
    expect(await nameFindings(a, b, lang, lang)).toEqual([]);
  });
});
