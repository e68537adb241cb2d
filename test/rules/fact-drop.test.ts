import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

/** omitted-fact findings when `b` (in `langB`) is checked against the original `a` (English): the fact's text. */
async function dropped(a: string, b: string, langB: string): Promise<string[]> {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: 'en', story: 's', original: true },
    { id: 'b.txt', text: b, lang: langB, story: 's' },
  ], { relations: { s: 'versions' } });
  return report.findings.filter((f) => f.ruleId === 'omitted-fact').map((f) => f.locations[0]!.text);
}

const A = [
  'Flooding closes Harwick rail line',
  'The rail line between Harwick and Dunmore was closed on October 14, 2022 after the river burst its banks, the operator said.',
  'Repairs to the embankment will cost £3.2 million, Reuters reported.',
  'About 140 trains a week use the line.',
].join('\n\n');

describe('omitted-fact (fact-drop)', () => {
  it('reports a date the aligned sentence leaves out (across languages)', async () => {
    const vi = [
      'Lũ lụt làm đóng cửa tuyến đường sắt Harwick',
      'Tuyến đường sắt giữa Harwick và Dunmore đã bị đóng cửa sau khi sông vỡ bờ, nhà điều hành cho biết.',
      'Việc sửa chữa bờ kè sẽ tốn 3,2 triệu bảng Anh, Reuters đưa tin.',
      'Khoảng 140 chuyến tàu mỗi tuần sử dụng tuyến đường này.',
    ].join('\n\n');
    expect(await dropped(A, vi, 'vi')).toEqual(['October 14, 2022']);
  });

  it('not when the translator moved the date to the next sentence', async () => {
    const vi = [
      'Lũ lụt làm đóng cửa tuyến đường sắt Harwick',
      'Tuyến đường sắt giữa Harwick và Dunmore đã bị đóng cửa sau khi sông vỡ bờ, nhà điều hành cho biết. Việc này xảy ra vào ngày 14/10/2022.',
      'Việc sửa chữa bờ kè sẽ tốn 3,2 triệu bảng Anh, Reuters đưa tin.',
      'Khoảng 140 chuyến tàu mỗi tuần sử dụng tuyến đường này.',
    ].join('\n\n');
    expect(await dropped(A, vi, 'vi')).toEqual([]);
  });

  it('reports a figure and a one-word source left out, not a figure given differently', async () => {
    const de = [
      'Hochwasser legt Bahnstrecke in Harwick lahm',
      'Die Bahnstrecke zwischen Harwick und Dunmore wurde am 14. Oktober 2022 gesperrt, nachdem der Fluss über die Ufer getreten war, teilte der Betreiber mit.',
      'Die Reparatur des Damms wird teuer.',
      'Etwa 410 Züge pro Woche nutzen die Strecke.',
    ].join('\n\n');
    // "140" / "410" is a changed figure (number-conflict), not a dropped one.
    expect(await dropped(A, de, 'de')).toEqual(['£3.2 million', 'Reuters']);
  });

  it('leaves nearly identical sentences in one language to the edit rules', async () => {
    const draft = A.replace(' on October 14, 2022', '');
    expect(await dropped(A, draft, 'en')).toEqual([]);
  });

  it('does not take a word before the source, or a person, for a named source', async () => {
    const a = 'A Harwick official said the line would reopen in spring.\n\nThe line will reopen in spring, Marsh said, according to Tom Marsh of the operator.';
    const vi = 'Một quan chức Harwick cho biết tuyến đường sẽ mở lại vào mùa xuân.\n\nTuyến đường sẽ mở lại vào mùa xuân.';
    expect(await dropped(a, vi, 'vi')).toEqual([]);
  });
});
