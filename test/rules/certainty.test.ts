import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Story } from '../../src/model/story.js';

/**
 * modality-drift findings when `b` (in `langB`) is checked against `a` (English; the original when the story is one
 * of versions): the two spans, the original's first.
 */
async function drift(a: string, b: string, langB: string, relation: Story['relation'] = 'versions'): Promise<string[]> {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: 'en', story: 's', ...(relation === 'versions' ? { original: true } : {}) },
    { id: 'b.txt', text: b, lang: langB, story: 's' },
  ], { relations: { s: relation } });
  return report.findings.filter((f) => f.ruleId === 'modality-drift')
    .map((f) => [...f.locations].sort((x, y) => (x.source < y.source ? -1 : 1)).map((l) => l.text).join(' / '));
}

describe('modality-drift: the certainty of aligned sentences', () => {
  it.each([
    // A firm future against a possibility, two steps apart.
    ['Heavy rain will flood the valley on Monday, the agency said.', 'Mưa lớn có thể làm ngập thung lũng vào thứ Hai, cơ quan này cho biết.', 'vi', 'will / có thể'],
    // Each marker is paired with the one that renders it: the "can't" of the condition with its "có thể", the "will" is left.
    ['Ri Yong Ho says his nation will never disarm first if it can\'t trust Washington.', 'Ri Yong Ho nói rằng quốc gia của ông có thể không bao giờ giải trừ vũ khí trước trừ khi họ có thể tin cậy Washington.', 'vi', 'will / có thể'],
    // A conditional is as firm as a future, given its condition.
    ['On that logic, Warren would win the election in 2020.', 'По этой логике, Уоррен может выиграть выборы в 2020 году.', 'ru', 'would / может'],
    // A possibility stacked on an expectation both state.
    ['The Rhine crossing is expected to open on Friday.', 'Die Rheinquerung könnte voraussichtlich am Freitag eröffnet werden.', 'de', 'expected / könnte'],
    // A possibility against a plain statement, in a version of it.
    ['Liverpool play Napoli at 3 p.m. on Wednesday in Naples.', 'Liverpool könnte am Mittwoch um 15 Uhr in Neapel gegen Neapel spielen.', 'de', 'Liverpool play Napoli at 3 p.m. on Wednesday in Naples. / könnte'],
  ])('reported: %s', async (a, b, lang, expected) => {
    expect(await drift(a, b, lang)).toEqual([expected]);
  });

  it.each([
    // Every marker renders one of the other side.
    ['Heavy rain will flood the valley and could close the road, the agency said.', 'Mưa lớn sẽ làm ngập thung lũng và có thể khiến con đường bị đóng, cơ quan này cho biết.', 'vi'],
    // One step: an expectation against a possibility, a future against an expectation.
    ['The Rhine crossing is expected to open on Friday.', 'Die Rheinquerung könnte am Freitag eröffnet werden.', 'de'],
    ['Warren will likely run in 2020, her aides said.', 'Các trợ lý của Warren cho biết bà có thể ra tranh cử vào năm 2020.', 'vi'],
    // A word that may say what someone can do, before a verb of doing, against a plain statement.
    ['Students at Harwick click on the cups to learn about caffeine.', 'Sinh viên ở Harwick có thể nhấp vào những chiếc cốc để tìm hiểu về caffeine.', 'vi'],
    ['In Harwick, we spoke about him playing 60 minutes.', 'В Харвике мы договорились, что он может играть 60 минут.', 'ru'],
    // A possibility of the past against a statement.
    ['The Harwick decision may have saved 300 lives.', 'Die Entscheidung in Harwick rettete 300 Leben.', 'de'],
    // A question is not compared with a statement.
    ['What is taught at Harwick school in 2020?', 'Was könnte an der Harwick-Schule im Jahr 2020 gelehrt werden?', 'de'],
    // A necessity is no plain statement.
    ['There could be more trouble for Harwick after the 2-1 defeat.', 'Harwick phải đối mặt với nhiều rắc rối hơn sau thất bại 2-1.', 'vi'],
  ])('not reported: %s', async (a, b, lang) => {
    expect(await drift(a, b, lang)).toEqual([]);
  });

  it('independent reports hedge as they see fit: a plain statement and a conditional are not compared in coverage', async () => {
    const a = 'Harwick Foods will open 12 stores in Dunmore in 2025, the company said.';
    expect(await drift(a, 'Harwick Foods could open 12 stores in Dunmore in 2025, analysts say.', 'en', 'coverage')).toEqual(['will / could']);
    expect(await drift('Harwick Foods opens 12 stores in Dunmore in 2025.', 'Harwick Foods could open 12 stores in Dunmore in 2025.', 'en', 'coverage')).toEqual([]);
    expect(await drift('Harwick Foods would open 12 stores in Dunmore in 2025.', 'Harwick Foods could open 12 stores in Dunmore in 2025.', 'en', 'coverage')).toEqual([]);
  });

  it('a future after a verb of fear is an expectation across languages, and the word it is within one', async () => {
    const a = 'In Harwick, he worries that the money from selling assets will not last until 2030.';
    expect(await drift(a, 'In Harwick, he worries that the money from selling assets may not last until 2030.', 'en')).toEqual(['will / may']);
    expect(await drift(a, 'Ở Harwick, ông lo ngại rằng số tiền bán tài sản có thể không kéo dài đến năm 2030.', 'vi')).toEqual([]);
  });
});
