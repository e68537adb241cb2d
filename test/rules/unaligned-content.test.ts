import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

/** Findings of one rule when `b` is checked against the original `a`, as "severity: text" of their first location. */
async function found(ruleId: string, a: string, b: string, langA = 'en', langB = 'en'): Promise<string[]> {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: langA, story: 's', original: true },
    { id: 'b.txt', text: b, lang: langB, story: 's' },
  ], { relations: { s: 'versions' } });
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity}: ${f.locations[0]!.text}`);
}

const original = [
  'Glenrock library reopens after flood repairs',
  'The Glenrock public library reopened on Monday after a flood closed it for 14 weeks.',
  'Most of the summer went into drying and sorting the books that could still be saved.',
  'The reading room now has new shelves and a ramp at the entrance, librarian Odile Fisk said.',
].join('\n\n');

describe('unaligned-content', () => {
  it('reports a dropped paragraph without names or figures as a note when it is a whole paragraph', async () => {
    const draft = original.replace('\n\nMost of the summer went into drying and sorting the books that could still be saved.', '');
    expect(await found('omitted-content', original, draft)).toEqual([
      'info: Most of the summer went into drying and sorting the books that could still be saved.',
    ]);
  });

  it('does the same across languages', async () => {
    const de = [
      'Bibliothek in Glenrock nach Hochwasserschäden wieder geöffnet',
      'Die öffentliche Bibliothek von Glenrock hat am Montag wieder geöffnet, nachdem ein Hochwasser sie 14 Wochen lang geschlossen hatte.',
      'Der Lesesaal hat jetzt neue Regale und eine Rampe am Eingang, sagte die Bibliothekarin Odile Fisk.',
    ].join('\n\n');
    expect(await found('omitted-content', original, de, 'en', 'de')).toEqual([
      'info: Most of the summer went into drying and sorting the books that could still be saved.',
    ]);
  });

  it('reports a dropped paragraph with a name as a note; with a figure, or credited to a named speaker, as a warning', async () => {
    const withName = `${original}\n\nThe new shelves were built by Harlow Joinery from oak felled in the valley.`;
    expect(await found('omitted-content', withName, original)).toEqual([
      'info: The new shelves were built by Harlow Joinery from oak felled in the valley.',
    ]);
    const noSpeaker = original.replace('\n\nThe reading room now has new shelves and a ramp at the entrance, librarian Odile Fisk said.', '');
    expect(await found('omitted-content', original, noSpeaker)).toEqual([
      'warning: The reading room now has new shelves and a ramp at the entrance, librarian Odile Fisk said.',
    ]);
    const noFigure = original.replace('\n\nThe Glenrock public library reopened on Monday after a flood closed it for 14 weeks.', '');
    expect(await found('omitted-content', original, noFigure)).toEqual([
      'warning: The Glenrock public library reopened on Monday after a flood closed it for 14 weeks.',
    ]);
  });

  it('leaves out a short paragraph without anchors, and a sentence dropped from inside a paragraph without them', async () => {
    const a = `${original}\n\nIt is open daily.`;
    expect(await found('omitted-content', a, original)).toEqual([]);
    const joined = original.replace('14 weeks.\n\nMost of', '14 weeks. Most of');
    const cut = joined.replace(' Most of the summer went into drying and sorting the books that could still be saved.', '');
    expect(await found('omitted-content', joined, cut)).toEqual([]);
  });

  it('reports an inserted paragraph on the derived side', async () => {
    const draft = original.replace('\n\nThe reading room', '\n\nThe city council has promised to pay for a new roof before the winter storms arrive.\n\nThe reading room');
    expect(await found('added-content', original, draft)).toEqual([
      'info: The city council has promised to pay for a new roof before the winter storms arrive.',
    ]);
  });
});
