import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import type { DateMention } from '../../../src/model/mention.js';
import { extractDates } from '../../../src/pipeline/extract/dates.js';
import { extractAll } from './helpers.js';

type Want = Partial<Pick<DateMention, 'granularity' | 'year' | 'quarter' | 'month' | 'day' | 'weekday' | 'relative' | 'preposition'>>;
type Row = [lang: string, text: string, published: string | null, span: string, want: Want];

const en: Row[] = [
  ['en', 'on March 14, 2024 the deal closed', null, 'March 14, 2024', { granularity: 'day', year: 2024, month: 3, day: 14 }],
  ['en', 'dated 14 March 2024', null, '14 March 2024', { year: 2024, month: 3, day: 14 }],
  ['en', 'the 14th of March, 2024', null, 'the 14th of March, 2024', { year: 2024, month: 3, day: 14 }],
  ['en', 'March 5, 2024', null, 'March 5, 2024', { year: 2024, month: 3, day: 5 }],
  ['en', 'Published Sept. 9, 2024, 6:10 p.m.', null, 'Sept. 9, 2024', { year: 2024, month: 9, day: 9 }],
  ['en', 'September 9, 2024 · Updated 8:45 p.m. PDT', null, 'September 9, 2024', { year: 2024, month: 9, day: 9 }],
  ['en', 'October 15, 2024 4:12 PM EDT', null, 'October 15, 2024', { year: 2024, month: 10, day: 15 }],
  ['en', 'contained by Sept. 20 if rain arrives', '2024-09-09', 'Sept. 20', { month: 9, day: 20, year: undefined, preposition: 'by' }],
  ['en', 'contained by Sept. 5 as planned', '2024-09-09', 'Sept. 5', { month: 9, day: 5, year: 2024, preposition: 'by' }],
  ['en', 'crews expect to have it contained by September 20', '2024-09-09', 'September 20', { month: 9, day: 20, year: undefined }],
  ['en', 'scheduled to vote on Dec. 10, and a review', '2024-10-15', 'Dec. 10', { month: 12, day: 10, year: undefined, preposition: 'on' }],
  ['en', 'a premium over the Oct. 14 close', '2024-10-16', 'Oct. 14', { month: 10, day: 14, year: 2024 }],
  ['en', 'TORONTO, Oct 15 (Atlas Wire) - news', '2024-10-15', 'Oct 15', { month: 10, day: 15, year: 2024 }],
  ['en', 'not to sell any shares until June 30.', '2024-03-05', 'June 30', { month: 6, day: 30, year: undefined, preposition: 'until' }],
  ['en', 'The fire started Saturday, Sept. 7, along Highway 31.', '2024-09-09', 'Saturday, Sept. 7', { granularity: 'day', year: 2024, month: 9, day: 7, weekday: 6 }],
  ['en', 'It happened on Tuesday, March 5, 2024.', null, 'Tuesday, March 5, 2024', { year: 2024, month: 3, day: 5, weekday: 2 }],
  ['en', 'orders late on September 8, the office said', '2024-09-09', 'September 8', { year: 2024, month: 9, day: 8, preposition: 'late on' }],
  ['en', 'released in February 2019, the strategy', null, 'February 2019', { granularity: 'month', year: 2019, month: 2, preposition: 'in' }],
  ['en', 'by the end of March 2025', null, 'March 2025', { granularity: 'month', year: 2025, month: 3, preposition: 'by the end of' }],
  ['en', 'The fund launched in September with', '2020-02-07', 'September', { granularity: 'month', month: 9, year: undefined, preposition: 'in' }],
  ['en', 'joined forces in May to release a camera', '2020-02-07', 'May', { month: 5, year: undefined }],
  ['en', 'In December, Chinese software developer', '2020-02-07', 'December', { month: 12, preposition: 'in' }],
  ['en', 'Huawei waded in deeper in August', null, 'August', { month: 8 }],
  ['en', 'In January, Putin shook things up', '2020-02-07', 'January', { month: 1, year: 2020 }],
  ['en', 'Construction is scheduled to begin in September', '2024-03-14', 'September', { month: 9, year: undefined }],
  ['en', 'sales fell in February', '2024-03-14', 'February', { month: 2, year: 2024, relative: true }],
  ['en', 'when Xi visited Russia last June', '2020-02-07', 'last June', { granularity: 'month', year: 2019, month: 6, relative: true }],
  ['en', 'approved by the province last October', '2024-03-14', 'last October', { year: 2023, month: 10 }],
  ['en', 'the vote is set for next June', '2024-03-14', 'next June', { year: 2024, month: 6 }],
  ['en', 'the company said on Wednesday', '2024-03-14', 'Wednesday', { granularity: 'day', year: 2024, month: 3, day: 13, weekday: 3, preposition: 'on', relative: true }],
  ['en', 'the company said on Tuesday as trading began', '2024-03-05', 'Tuesday', { year: 2024, month: 3, day: 5, weekday: 2 }],
  ['en', 'The fire broke out Friday afternoon near the highway', '2024-09-09', 'Friday afternoon', { year: 2024, month: 9, day: 6, weekday: 5 }],
  ['en', 'deputies went door to door Sunday night', '2024-09-09', 'Sunday night', { year: 2024, month: 9, day: 8, weekday: 0 }],
  ['en', 'The order book closed on Friday.', '2024-03-05', 'Friday', { year: 2024, month: 3, day: 1 }],
  ['en', 'the board will meet on Friday', '2024-03-05', 'Friday', { granularity: 'weekday', weekday: 5, day: undefined }],
  ['en', 'It rained last Friday', '2024-03-05', 'last Friday', { year: 2024, month: 3, day: 1 }],
  ['en', 'The vote is next Monday', '2024-03-05', 'next Monday', { year: 2024, month: 3, day: 11 }],
  ['en', 'met on Monday', null, 'Monday', { granularity: 'weekday', weekday: 1 }],
  ['en', 'the Tues. meeting', '2024-03-07', 'Tues.', { weekday: 2, day: 5 }],
  ['en', 'sanctions in 2019, the maker', null, '2019', { granularity: 'year', year: 2019, preposition: 'in' }],
  ['en', 'an AI ecosystem in Russia by 2025', null, '2025', { granularity: 'year', year: 2025, preposition: 'by' }],
  ['en', 'the Ukraine crisis in 2014', null, '2014', { year: 2014 }],
  ['en', 'Founded in 2017, the lender', null, '2017', { year: 2017 }],
  ['en', 'a net profit for 2023.', null, '2023', { year: 2023, preposition: 'for' }],
  ['en', 'no dividends before 2026', null, '2026', { year: 2026, preposition: 'before' }],
  ['en', 'first berth due by the end of 2027', null, '2027', { year: 2027, preposition: 'by the end of' }],
  ['en', 'up 12% from 2022', null, '2022', { year: 2022, preposition: 'from' }],
  ['en', 'since 2014 the market', null, '2014', { year: 2014, preposition: 'since' }],
  ['en', 'a meeting in early 2023', null, '2023', { year: 2023, preposition: 'early' }],
  ['en', 'close in the first quarter of 2025', null, 'the first quarter of 2025', { granularity: 'quarter', year: 2025, quarter: 1 }],
  ['en', 'results for the second quarter of 2026', null, 'the second quarter of 2026', { quarter: 2, year: 2026 }],
  ['en', 'expected in Q2 2026', null, 'Q2 2026', { quarter: 2, year: 2026 }],
  ['en', 'profit fell in the fourth quarter', '2024-03-14', 'the fourth quarter', { quarter: 4 }],
  ['en', 'sales last year rose', '2024-10-16', 'last year', { granularity: 'year', year: 2023, relative: true }],
  ['en', 'earlier this year', '2024-10-16', 'this year', { year: 2024 }],
  ['en', 'next year the plant opens', '2024-10-16', 'next year', { year: 2025 }],
  ['en', 'last month sales fell', '2024-01-16', 'last month', { granularity: 'month', year: 2023, month: 12 }],
  ['en', 'he said yesterday', '2024-03-01', 'yesterday', { granularity: 'day', year: 2024, month: 2, day: 29 }],
  ['en', 'the report out today', '2024-03-01', 'today', { year: 2024, month: 3, day: 1 }],
  ['en', 'the vote is tomorrow', '2024-12-31', 'tomorrow', { year: 2025, month: 1, day: 1 }],
  ['en', 'on 3/14/2024 we met', null, '3/14/2024', { year: 2024, month: 3, day: 14 }],
  ['en', 'as of 2024-03-14', null, '2024-03-14', { year: 2024, month: 3, day: 14 }],
  ['en', 'in mid-2025', null, '2025', { year: 2025 }],
];

const vi: Row[] = [
  ['vi', 'Thứ Năm, 14/03/2024 - 16:20 (GMT+7)', null, 'Thứ Năm, 14/03/2024', { year: 2024, month: 3, day: 14, weekday: 4 }],
  ['vi', 'vào ngày 14/3/2024', null, 'ngày 14/3/2024', { year: 2024, month: 3, day: 14, preposition: 'vào' }],
  ['vi', 'hạn chót 18/3/2024', null, '18/3/2024', { year: 2024, month: 3, day: 18 }],
  ['vi', '10:00, 06/01/2020', null, '06/01/2020', { year: 2020, month: 1, day: 6 }],
  ['vi', 'được công bố ngày 13/3, sau khi ký', '2024-03-14', 'ngày 13/3', { year: 2024, month: 3, day: 13 }],
  ['vi', 'ngày 5 tháng 3 năm 2024', null, 'ngày 5 tháng 3 năm 2024', { year: 2024, month: 3, day: 5 }],
  ['vi', 'ngày 5 tháng 3', '2024-03-14', 'ngày 5 tháng 3', { year: 2024, month: 3, day: 5 }],
  ['vi', 'Tập Cận Bình vào tháng 6/2019', null, 'tháng 6/2019', { granularity: 'month', year: 2019, month: 6, preposition: 'vào' }],
  ['vi', 'phê duyệt vào tháng 10/2023.', null, 'tháng 10/2023', { year: 2023, month: 10 }],
  ['vi', 'công bố vào tháng 2 năm 2019', null, 'tháng 2 năm 2019', { year: 2019, month: 2 }],
  ['vi', 'Quỹ này được ra mắt vào tháng 9 với ngân sách', '2020-02-07', 'tháng 9', { granularity: 'month', month: 9, year: undefined }],
  ['vi', 'Đến tháng 8, Huawei đã tiến thêm', null, 'tháng 8', { month: 8, preposition: 'đến' }],
  ['vi', 'dự án dự kiến khởi công vào tháng 7', '2024-03-14', 'tháng 7', { month: 7, year: undefined }],
  ['vi', 'Vào tháng 6, Huawei đã rót', null, 'tháng 6', { month: 6 }],
  ['vi', 'vào tháng 5 vừa qua', '2020-02-07', 'tháng 5 vừa qua', { month: 5, year: 2019, relative: true }],
  ['vi', 'tháng 12 tới', '2024-03-14', 'tháng 12 tới', { month: 12, year: 2024 }],
  ['vi', 'vào tháng Giêng', null, 'tháng Giêng', { month: 1 }],
  ['vi', 'ở Nga vào năm 2025.', null, 'năm 2025', { granularity: 'year', year: 2025, preposition: 'vào' }],
  ['vi', 'khủng hoảng Ukraine năm 2014', null, 'năm 2014', { year: 2014 }],
  ['vi', 'trước cuối năm 2027', null, 'năm 2027', { year: 2027, preposition: 'trước cuối' }],
  ['vi', 'tuyên bố năm 2020 là năm hợp tác', null, 'năm 2020', { year: 2020 }],
  ['vi', 'hoàn thành trong quý II/2026', null, 'quý II/2026', { granularity: 'quarter', quarter: 2, year: 2026 }],
  ['vi', 'quý 1 năm 2025', null, 'quý 1 năm 2025', { quarter: 1, year: 2025 }],
  ['vi', 'trong quý IV', '2024-03-14', 'quý IV', { quarter: 4 }],
  ['vi', 'tăng so với năm ngoái', '2024-03-14', 'năm ngoái', { year: 2023, relative: true }],
  ['vi', 'kế hoạch năm nay', '2024-03-14', 'năm nay', { year: 2024 }],
  ['vi', 'sẽ hoàn thành năm tới', '2024-03-14', 'năm tới', { year: 2025 }],
  ['vi', 'giảm so với tháng trước', '2024-03-14', 'tháng trước', { year: 2024, month: 2 }],
  ['vi', 'ông cho biết hôm qua', '2024-03-14', 'hôm qua', { year: 2024, month: 3, day: 13 }],
  ['vi', 'công bố hôm thứ Hai', '2024-03-14', 'thứ Hai', { year: 2024, month: 3, day: 11, weekday: 1, preposition: 'hôm' }],
  ['vi', 'vào thứ Sáu tuần trước', '2024-03-14', 'thứ Sáu', { weekday: 5, day: 8 }],
  ['vi', 'chiều thứ Sáu', '2024-09-09', 'thứ Sáu', { weekday: 5, day: 6, preposition: 'chiều' }],
  ['vi', 'vào Chủ nhật', '2024-09-09', 'Chủ nhật', { weekday: 0, day: 8 }],
  ['vi', 'ngày 01-02-2021', null, 'ngày 01-02-2021', { year: 2021, month: 2, day: 1 }],
];

const ru: Row[] = [
  ['ru', '5 марта 2024 года, 15:40', null, '5 марта 2024 года', { granularity: 'day', year: 2024, month: 3, day: 5 }],
  ['ru', 'сообщила компания 5 марта, в день', '2024-03-05', '5 марта', { year: 2024, month: 3, day: 5 }],
  ['ru', 'не продавать бумаги до 30 июля.', '2024-03-05', '30 июля', { month: 7, day: 30, year: undefined, preposition: 'до' }],
  ['ru', '7 февраля 2020', null, '7 февраля 2020', { year: 2020, month: 2, day: 7 }],
  ['ru', '07 февраля 2020', null, '07 февраля 2020', { year: 2020, month: 2, day: 7 }],
  ['ru', 'В субботу, 29-го октября, лидеры встретились', null, 'субботу, 29-го октября', { granularity: 'day', month: 10, day: 29, weekday: 6 }],
  ['ru', 'к 1 сентября 2025 г.', null, '1 сентября 2025 г.', { year: 2025, month: 9, day: 1, preposition: 'к' }],
  ['ru', '16 апреля 2024', null, '16 апреля 2024', { year: 2024, month: 4, day: 16 }],
  ['ru', 'в среду, 6 марта', '2024-03-07', 'среду, 6 марта', { weekday: 3, month: 3, day: 6 }],
  ['ru', 'в марте 2024 года', null, 'марте 2024 года', { granularity: 'month', year: 2024, month: 3, preposition: 'в' }],
  ['ru', 'в марте', '2024-03-14', 'марте', { month: 3, year: 2024 }],
  ['ru', 'в декабре', '2020-02-07', 'декабре', { month: 12, year: undefined }],
  ['ru', 'до конца марта 2025 года', null, 'марта 2025 года', { year: 2025, month: 3, preposition: 'до конца' }],
  ['ru', 'в феврале 2019 года', null, 'феврале 2019 года', { year: 2019, month: 2 }],
  ['ru', 'основанная в 2017 году', null, '2017 году', { granularity: 'year', year: 2017, preposition: 'в' }],
  ['ru', 'по итогам 2023 года получила', null, '2023 года', { year: 2023, preposition: 'по итогам' }],
  ['ru', 'дивиденды до 2026 года', null, '2026 года', { year: 2026, preposition: 'до' }],
  ['ru', 'к 2025 г.', null, '2025 г.', { year: 2025 }],
  ['ru', 'в 2020 годах', null, '2020 годах', { year: 2020 }],
  ['ru', 'была закрыта в понедельник', '2024-03-05', 'понедельник', { weekday: 1, year: 2024, month: 3, day: 4, preposition: 'в' }],
  ['ru', 'во вторник', '2024-03-07', 'вторник', { weekday: 2, day: 5, preposition: 'во' }],
  ['ru', 'в среду', '2024-03-07', 'среду', { weekday: 3, day: 6 }],
  ['ru', 'в пятницу вечером', '2024-03-05', 'пятницу вечером', { weekday: 5, day: 1 }],
  ['ru', 'в субботу', '2024-09-09', 'субботу', { weekday: 6, day: 7 }],
  ['ru', 'в воскресенье', '2024-09-09', 'воскресенье', { weekday: 0, day: 8 }],
  ['ru', 'в четверг', '2024-03-14', 'четверг', { weekday: 4, day: 14 }],
  ['ru', 'в прошлый четверг', '2024-03-14', 'прошлый четверг', { weekday: 4, day: 7 }],
  ['ru', 'в прошлом году', '2024-03-14', 'в прошлом году', { granularity: 'year', year: 2023, relative: true }],
  ['ru', 'в этом году', '2024-03-14', 'в этом году', { year: 2024 }],
  ['ru', 'в следующем году', '2024-03-14', 'в следующем году', { year: 2025 }],
  ['ru', 'итоги прошлого года', '2024-03-14', 'прошлого года', { year: 2023 }],
  ['ru', 'в прошлом месяце', '2024-03-14', 'в прошлом месяце', { year: 2024, month: 2 }],
  ['ru', 'заявил вчера', '2024-03-14', 'вчера', { day: 13, month: 3, year: 2024 }],
  ['ru', 'во втором квартале 2026 года', null, 'втором квартале 2026 года', { granularity: 'quarter', quarter: 2, year: 2026 }],
  ['ru', 'в I квартале 2025 г.', null, 'I квартале 2025 г.', { quarter: 1, year: 2025 }],
  ['ru', 'в первом квартале', '2024-10-16', 'первом квартале', { quarter: 1, year: 2024 }],
  ['ru', 'на 05.03.2024', null, '05.03.2024', { year: 2024, month: 3, day: 5 }],
  ['ru', 'ко вторнику', '2024-03-07', 'вторнику', { weekday: 2, day: 5 }],
];

/**
 * How names and words are matched, as the packs' expressions matched them before the extractor matched the template
 * trees (these cases were guarded by a copy of the old extractor): word boundaries, a month name that begins a
 * hyphenated name, case-sensitive packs, any kind of space, either apostrophe, day suffixes, prepositions ending in a
 * hyphen.
 */
const matching: Row[] = [
  ['en', 'May-Britt Moser won the prize in 2014.', null, '2014', { year: 2014, preposition: 'in' }],
  ['en', 'Prices may rise in 2024, Mayor Ruth Hadley said.', null, '2024', { year: 2024 }],
  ['en', 'The Marchetti family sold the firm in 2019.', null, '2019', { year: 2019 }],
  ['en', 'The talks ended on March\u00a014,\u202f2024 in Oslo.', null, 'March\u00a014,\u202f2024', { year: 2024, month: 3, day: 14, preposition: 'on' }],
  ['en', 'The talks ended on March 1st, 2024 in Oslo.', null, 'March 1st, 2024', { year: 2024, month: 3, day: 1 }],
  ['en', 'He said in mid-June that prices would fall.', '2024-03-14', 'June', { month: 6, preposition: 'mid-' }],
  ['fr', 'Le chantier doit finir d’ici 2025.', null, '2025', { year: 2025, preposition: "d'ici" }],
  ['fr', "Le chantier doit finir d'ici 2025.", null, '2025', { year: 2025, preposition: "d'ici" }],
  ['ru', 'Рейс в Сент-Луис отменили в 2019 году.', null, '2019 году', { year: 2019, preposition: 'в' }],
  ['ru', 'Завод открылся в конце 2019 года.', null, '2019 года', { year: 2019, preposition: 'в конце' }],
  ['de', 'Am 3. Mai 2021 begann der Prozess.', null, '3. Mai 2021', { year: 2021, month: 5, day: 3, preposition: 'am' }],
];

const rows = [...en, ...vi, ...ru, ...matching];

describe('extractDates', () => {
  it.each(rows)('[%s] %j (%s) -> %j', (lang, text, published, span, want) => {
    const { dates } = extractAll(lang, text, published ?? undefined);
    expect(dates.map((d) => d.text)).toEqual([span]);
    const d = dates[0]!;
    expect(text.slice(d.start, d.end)).toBe(d.text);
    for (const [k, v] of Object.entries(want)) expect(d[k as keyof DateMention], k).toBe(v);
  });

  it.each<[string, string]>([
    ['en', 'Russia may have only a handful of startups'],
    ['en', 'They march on Washington.'],
    ['en', 'He sold 2,000 shares.'],
    ['en', 'the 2015 Sheep Canyon Fire'],
    ['en', 'over 20 universities'],
    ['en', 'for a third straight day'],
    ['vi', 'đứng thứ hai thế giới'],
    ['vi', 'trong 5 năm tới'],
    ['ru', 'в течение двух лет'],
    ['ru', 'экологическая среда города'],
    ['ru', 'между Сент-Луисом и Омахой'],
    // A case-sensitive pack's month is not a common word ("Maier", a name), and an underscore is a word character.
    ['de', 'Die Maier AG meldete das Ergebnis.'],
    ['en', 'she spoke on Monday_night'],
  ])('[%s] %j has no date', (lang, text) => {
    expect(extractAll(lang, text, '2024-03-14').dates.map((d) => d.text)).toEqual([]);
  });

  it('returns absolute offsets inside a sentence range', () => {
    const text = 'Intro. It launched in September 2019. End.';
    const [d] = extractDates(text, { source: 'doc', start: 7, end: 37 }, getPack('en'), {});
    expect(d).toMatchObject({ source: 'doc', text: 'September 2019', start: 22, end: 36, year: 2019, month: 9 });
  });

  it('uses ICU names for months and weekdays (Russian genitive from the format context)', () => {
    const pack = getPack('ru');
    expect(pack.monthNames.get('июля')).toBe(7);
    expect(pack.monthNames.get('июль')).toBe(7);
    expect(pack.monthNames.get('февраля')).toBe(2);
    expect(pack.weekdayNames.get('понедельник')).toBe(1);
    expect(getPack('en').monthNames.get('september')).toBe(9);
    expect(getPack('vi').weekdayNames.get('thứ hai')).toBe(1);
  });

  it.each<[string, string, string, Want]>([
    ['de', 'am 5. März 2024', '5. März 2024', { year: 2024, month: 3, day: 5 }],
    ['de', 'im März 2024', 'März 2024', { year: 2024, month: 3 }],
    ['de', 'am 05.03.2024', '05.03.2024', { year: 2024, month: 3, day: 5 }],
    ['fr', 'le 5 mars 2024', 'le 5 mars 2024', { year: 2024, month: 3, day: 5 }],
    ['fr', 'le 1er mars 2024', 'le 1er mars 2024', { year: 2024, month: 3, day: 1 }],
    ['fr', 'en mars 2024', 'mars 2024', { year: 2024, month: 3 }],
    ['es', 'el 5 de marzo de 2024', 'el 5 de marzo de 2024', { year: 2024, month: 3, day: 5 }],
    ['es', 'en marzo de 2024', 'marzo de 2024', { year: 2024, month: 3 }],
  ])('[%s] %j -> %j', (lang, text, span, want) => {
    const { dates } = extractAll(lang, text);
    expect(dates.map((d) => d.text)).toEqual([span]);
    for (const [k, v] of Object.entries(want)) expect(dates[0]![k as keyof DateMention], k).toBe(v);
  });
});
