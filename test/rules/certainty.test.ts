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
    ['The Ashby line will close on Monday, the operator said.', 'Tuyến Ashby có thể đóng cửa vào thứ Hai, nhà điều hành cho biết.', 'vi', 'will / có thể'],
    // A negated possibility is on no step: the "can't" of the condition is not compared, the "will" of the statement is.
    ['Ruiz says the Ashby plant will never reopen if it can\'t find a buyer.', 'Ruiz nói rằng nhà máy Ashby có thể không bao giờ mở cửa trở lại trừ khi họ có thể tìm được người mua.', 'vi', 'will / có thể'],
    // A conditional is as firm as a future, given its condition.
    ['On those figures, Ruiz would win the Ashby seat in 2026.', 'По этим данным, Руис может получить место от Эшби в 2026 году.', 'ru', 'would / может'],
    // A possibility stacked on an expectation both state.
    ['The Rhine crossing is expected to open on Friday.', 'Die Rheinquerung könnte voraussichtlich am Freitag eröffnet werden.', 'de', 'expected / könnte'],
    // A possibility against a plain statement, in a version of it.
    ['Northwind opens its Ashby depot at 9 a.m. on 3 March.', 'Northwind könnte sein Depot in Ashby am 3. März um 9 Uhr eröffnen.', 'de', 'Northwind opens its Ashby depot at 9 a.m. on 3 March. / könnte'],
    // A possibility against a clause with no marker, the other markers of the sentence rendering each other.
    ['Ruiz has wide respect in Ashby, and the council would benefit from her advice, the mayor said.', 'Ruiz könnte in Ashby weithin respektiert sein, und der Rat würde von ihrem Rat profitieren, sagte der Bürgermeister.', 'de', 'Ruiz has wide respect in Ashby, and the council would benefit from her advice, the mayor said. / könnte'],
    // A word that may say what someone can do, said of one event on a given day, hedges it.
    ['Mayor Ruiz arrives for the Ashby harbour conference on 29 September 2025.', 'Thị trưởng Ruiz có thể tham dự hội nghị cảng Ashby vào ngày 29 tháng 9 năm 2025.', 'vi', 'Mayor Ruiz arrives for the Ashby harbour conference on 29 September 2025. / có thể'],
  ])('reported: %s', async (a, b, lang, expected) => {
    expect(await drift(a, b, lang)).toEqual([expected]);
  });

  it.each([
    // Every marker renders one of the other side.
    ['The Ashby line will close on Monday and could stay shut until May, the operator said.', 'Tuyến Ashby sẽ đóng cửa vào thứ Hai và có thể đóng đến tháng Năm, nhà điều hành cho biết.', 'vi'],
    // One step: an expectation against a possibility, a future against an expectation.
    ['The Rhine crossing is expected to open on Friday.', 'Die Rheinquerung könnte am Freitag eröffnet werden.', 'de'],
    ['Ruiz will likely run in 2026, her aides said.', 'Các trợ lý của Ruiz cho biết bà có thể ra tranh cử vào năm 2026.', 'vi'],
    // A word that may say what someone can do, before a verb of doing, against a plain statement.
    ['Northwind customers order the kits online and pay on delivery.', 'Khách hàng của Northwind có thể đặt bộ dụng cụ trực tuyến và trả tiền khi nhận hàng.', 'vi'],
    ['In Ashby, we agreed on him driving the 40 route.', 'В Эшби мы договорились, что он может водить автобус по маршруту 40.', 'ru'],
    // A possibility of the past against a statement.
    ['The Ashby dam may have prevented a flood in 2019.', 'Der Ashby-Damm verhinderte 2019 eine Flut.', 'de'],
    // A question is not compared with a statement.
    ['What is sold at the Ashby market in 2024?', 'Was könnte auf dem Markt von Ashby im Jahr 2024 verkauft werden?', 'de'],
    // A necessity is no plain statement.
    ['There could be more work for Ashby crews after the 2024 storm.', 'Các đội ở Ashby phải làm thêm nhiều việc sau cơn bão năm 2024.', 'vi'],
  ])('not reported: %s', async (a, b, lang) => {
    expect(await drift(a, b, lang)).toEqual([]);
  });

  it('independent reports hedge as they see fit: a plain statement and a conditional are not compared in coverage', async () => {
    const a = 'Harwick Foods will open 12 stores in Dunmore in 2025, the company said.';
    expect(await drift(a, 'Harwick Foods could open 12 stores in Dunmore in 2025, analysts say.', 'en', 'coverage')).toEqual(['will / could']);
    expect(await drift('Harwick Foods opens 12 stores in Dunmore in 2025.', 'Harwick Foods could open 12 stores in Dunmore in 2025.', 'en', 'coverage')).toEqual([]);
    expect(await drift('Harwick Foods would open 12 stores in Dunmore in 2025.', 'Harwick Foods could open 12 stores in Dunmore in 2025.', 'en', 'coverage')).toEqual([]);
  });

  it('within one language, one step is a modal edited between near-identical sentences, not between rewritten ones', async () => {
    const a = 'The Ashby council is expected to approve the budget on 3 March, the mayor said.';
    expect(await drift(a, 'The Ashby council may approve the budget on 3 March, the mayor said.', 'en')).toEqual(['expected / may']);
    expect(await drift(a, 'According to the mayor, Ashby councillors may well back the spending plan when they meet on 3 March.', 'en')).toEqual([]);
  });

  it('what someone will not do is no inability: a denied future against a denied possibility at the same verb', async () => {
    expect(await drift('The Ashby mayor said she would not attend the summit in 2025.', 'Мэр Эшби сказала, что не может присутствовать на саммите в 2025 году.', 'ru')).toEqual(['would not / не может']);
    expect(await drift('The Ashby mayor said she cannot attend the summit in 2025.', 'Thị trưởng Ashby nói bà sẽ không tham dự hội nghị thượng đỉnh năm 2025.', 'vi')).toEqual(['cannot / sẽ']);
    expect(await drift('The Ashby mayor says she won\'t attend the summit in 2025.', 'Die Bürgermeisterin von Ashby sagt, sie kann am Gipfel 2025 nicht teilnehmen.', 'de')).toEqual(['won\'t / kann']);
    // Not hidden by a future of another clause ("after the hall opens" / "после того, как зал откроется").
    expect(await drift('The Ashby mayor said she would not attend any summit in 2025 after the new hall opens.', 'Мэр Эшби сказала, что не может присутствовать ни на каком саммите в 2025 году после того, как откроется новый зал.', 'ru')).toEqual(['would not / не может']);
    // The same modality rendered, and a future of being able denied, are not reported.
    expect(await drift('The Ashby mayor said she would not attend the summit in 2025.', 'Мэр Эшби сказала, что не будет присутствовать на саммите в 2025 году.', 'ru')).toEqual([]);
    expect(await drift('The Ashby mayor said she will not be able to attend the summit in 2025.', 'Мэр Эшби сказала, что не сможет присутствовать на саммите в 2025 году.', 'ru')).toEqual([]);
    expect(await drift('The Ashby mayor said she cannot attend the summit in 2025.', 'Мэр Эшби сказала, что не может присутствовать на саммите в 2025 году.', 'ru')).toEqual([]);
    // A future denied of a thing is a prediction, which a "cannot" renders; of someone, a refusal.
    expect(await drift('The mayor says the new Ashby bridge won\'t end the traffic jams by 2026.', 'Thị trưởng nói cây cầu Ashby mới không thể chấm dứt tình trạng kẹt xe trước năm 2026.', 'vi')).toEqual([]);
    expect(await drift('In 2025 it will not change how Ashby votes, the mayor said.', 'В 2025 году это не может изменить то, как голосует Эшби, сказал мэр.', 'ru')).toEqual([]);
    expect(await drift('In 2025 Ruiz will not change how Ashby votes, the mayor said.', 'В 2025 году Руис не может изменить то, как голосует Эшби, сказал мэр.', 'ru')).toEqual(['will / не может']);
  });

  it('a future after a verb of fear is an expectation across languages, and the word it is within one', async () => {
    const a = 'In Ashby, Ruiz fears the reserves will run dry by 2030.';
    expect(await drift(a, 'In Ashby, Ruiz fears the reserves may run dry by 2030.', 'en')).toEqual(['will / may']);
    expect(await drift(a, 'Ở Ashby, bà Ruiz lo ngại nguồn dự trữ có thể cạn kiệt vào năm 2030.', 'vi')).toEqual([]);
  });
});
