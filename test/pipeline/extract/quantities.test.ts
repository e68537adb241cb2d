import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import { extractQuantities } from '../../../src/pipeline/extract/quantities.js';
import { extractAll } from './helpers.js';

type Row = [lang: string, text: string, span: string, value: number, unit: string, approx?: string, valueMax?: number];

/** Each text holds one quantity: its span text, value in base units, unit, approximator (default exact), range end. */
const en: Row[] = [
  ['en', 'The fund has an initial budget of $1 billion.', '$1 billion', 1e9, 'USD'],
  ['en', 'The market was $4.9 billion in 2018.', '$4.9 billion', 4.9e9, 'USD'],
  ['en', 'It spent $50 million for the rights.', '$50 million', 5e7, 'USD'],
  ['en', 'imports worth $200 billion', '$200 billion', 2e11, 'USD'],
  ['en', 'costs reached $4.8m so far', '$4.8m', 4.8e6, 'USD'],
  ['en', 'costs reached $4.8 million so far', '$4.8 million', 4.8e6, 'USD'],
  ['en', 'a bid of €820m for the unit', '€820m', 8.2e8, 'EUR'],
  ['en', 'a deal worth C$640M', 'C$640M', 6.4e8, 'CAD'],
  ['en', 'a deal worth C$640 million', 'C$640 million', 6.4e8, 'CAD'],
  ['en', 'an all-cash deal worth $640-million.', '$640-million', 6.4e8, 'USD'],
  ['en', 'revenue of US$465 million', 'US$465 million', 4.65e8, 'USD'],
  ['en', 'paying C$12.50 per share', 'C$12.50', 12.5, 'CAD'],
  ['en', 'a price of £2.4bn', '£2.4bn', 2.4e9, 'GBP'],
  ['en', 'sales of ¥3 trillion', '¥3 trillion', 3e12, 'JPY'],
  ['en', 'sold for 18.6 billion tenge on Friday', '18.6 billion tenge', 1.86e10, 'KZT'],
  ['en', 'a loan of 6.2 billion tenge', '6.2 billion tenge', 6.2e9, 'KZT'],
  ['en', 'costs 1,850 tenge apiece', '1,850 tenge', 1850, 'KZT'],
  ['en', 'about 33 trillion dong', 'about 33 trillion dong', 3.3e13, 'VND', 'approx'],
  ['en', 'a fine of 500 euros', '500 euros', 500, 'EUR'],
  ['en', 'a fine of 500 US dollars', '500 US dollars', 500, 'USD'],
  ['en', 'worth 2 million Canadian dollars', '2 million Canadian dollars', 2e6, 'CAD'],
  ['en', 'priced at USD 5 million', 'USD 5 million', 5e6, 'USD'],
  ['en', 'priced at 5 million USD', '5 million USD', 5e6, 'USD'],
  ['en', 'raised 300 million yuan', '300 million yuan', 3e8, 'CNY'],
  ['en', 'raised 300 million rubles', '300 million rubles', 3e8, 'RUB'],
  ['en', 'raised $2.5bn', '$2.5bn', 2.5e9, 'USD'],
  ['en', 'raised $750k', '$750k', 7.5e5, 'USD'],
  ['en', 'a $1.35 billion terminal', '$1.35 billion', 1.35e9, 'USD'],
  ['en', 'more than $1 billion', 'more than $1 billion', 1e9, 'USD', 'gt'],
  ['en', 'nearly $2 billion', 'nearly $2 billion', 2e9, 'USD', 'approx'],
  ['en', 'between $15 billion and $20 billion', 'between $15 billion and $20 billion', 1.5e10, 'USD', 'exact', 2e10],
  ['en', 'from $15 billion to $20 billion', '$15 billion to $20 billion', 1.5e10, 'USD', 'exact', 2e10],
  ['en', 'worth $15 to $20 billion', '$15 to $20 billion', 1.5e10, 'USD', 'exact', 2e10],
  ['en', 'worth $15-20 billion', '$15-20 billion', 1.5e10, 'USD', 'exact', 2e10],
  ['en', 'engage over 100,000 AI developers', 'over 100,000', 1e5, '', 'gt'],
  ['en', 'more than 100 vendors', 'more than 100', 100, '', 'gt'],
  ['en', 'over 20 universities', 'over 20', 20, '', 'gt'],
  ['en', 'about 1,100 firefighters', 'about 1,100', 1100, '', 'approx'],
  ['en', 'About 1,100 firefighters', 'About 1,100', 1100, '', 'approx'],
  ['en', 'roughly 1,100 firefighters', 'roughly 1,100', 1100, '', 'approx'],
  ['en', 'around 1.1 million subscribers', 'around 1.1 million', 1.1e6, '', 'approx'],
  ['en', 'nearly 2,000 residents', 'nearly 2,000', 2000, '', 'approx'],
  ['en', 'almost 2,000 people', 'almost 2,000', 2000, '', 'approx'],
  ['en', 'At least 37 homes were lost', 'At least 37', 37, '', 'ge'],
  ['en', 'at least 37 homes', 'at least 37', 37, '', 'ge'],
  ['en', 'said 27 homes had been destroyed', '27', 27, ''],
  ['en', 'fewer than 50 people', 'fewer than 50', 50, '', 'lt'],
  ['en', 'less than 5 tonnes', 'less than 5 tonnes', 5, 't', 'lt'],
  ['en', 'up to 300 jobs', 'up to 300', 300, '', 'le'],
  ['en', 'as many as 300 jobs', 'as many as 300', 300, '', 'le'],
  ['en', 'no more than 300 jobs', 'no more than 300', 300, '', 'le'],
  ['en', 'some 400 people', 'some 400', 400, '', 'approx'],
  ['en', 'an estimated 400 people', 'an estimated 400', 400, '', 'approx'],
  ['en', '100 people or more', '100 people or more'.slice(0, 3), 100, ''],
  ['en', 'supported by nine helicopters', 'nine', 9, ''],
  ['en', 'and 9 helicopters are working', '9', 9, ''],
  ['en', 'a dozen outbuildings', 'a dozen', 12, ''],
  ['en', '12 outbuildings', '12', 12, ''],
  ['en', 'the two governments announced', 'two', 2, ''],
  ['en', 'Three firefighters were treated', 'Three', 3, ''],
  ['en', 'twenty-five people', 'twenty-five', 25, ''],
  ['en', 'two million people', 'two million', 2e6, ''],
  ['en', 'one hundred people', 'one hundred', 100, ''],
  ['en', 'three hundred thousand people', 'three hundred thousand', 3e5, ''],
  ['en', 'over a thousand people', 'over a thousand', 1000, '', 'gt'],
  ['en', 'more than 1,000 people', 'more than 1,000', 1000, '', 'gt'],
  ['en', 'a million people', 'a million', 1e6, ''],
  ['en', 'half a dozen towns', 'half a dozen', 6, ''],
  ['en', '15% contained', '15%', 15, '%'],
  ['en', '15 percent contained', '15 percent', 15, '%'],
  ['en', 'a 31 per cent premium', '31 per cent', 31, '%'],
  ['en', 'shares rose 4.5% in the first hour', '4.5%', 4.5, '%'],
  ['en', 'a 49% stake', '49%', 49, '%'],
  ['en', 'to 7.5% on Monday', '7.5%', 7.5, '%'],
  ['en', 'some 16–17% of GDP', 'some 16–17%', 16, '%', 'approx', 17],
  ['en', 'about 16-17% of GDP', 'about 16-17%', 16, '%', 'approx', 17],
  ['en', 'a 15-percent cut', '15-percent', 15, '%'],
  ['en', 'rates rose 2 percentage points', '2 percentage points', 2, 'pp'],
  ['en', 'ships of up to 200,000 deadweight tonnes', 'up to 200,000 deadweight tonnes', 2e5, 'DWT', 'le'],
  ['en', 'add 1.2 million TEUs of capacity', '1.2 million TEUs', 1.2e6, 'TEU'],
  ['en', 'handle two million TEUs a year', 'two million TEUs a year', 2e6, 'TEU/year'],
  ['en', 'the 48-hectare site', '48-hectare', 48, 'ha'],
  ['en', 'burned 14,200 acres by Monday', '14,200 acres', 14200, 'acre'],
  ['en', 'has burned about 12,400 acres', 'about 12,400 acres', 12400, 'acre', 'approx'],
  ['en', 'more than 30,000 acres', 'more than 30,000 acres', 30000, 'acre', 'gt'],
  ['en', 'about six miles west of town', 'about six miles', 6, 'mi', 'approx'],
  ['en', 'a 1.4 GW plant', '1.4 GW', 1.4, 'GW'],
  ['en', 'a 500-megawatt plant', '500-megawatt', 500, 'MW'],
  ['en', '10 km away', '10 km', 10, 'km'],
  ['en', '3 million barrels a day', '3 million barrels a day', 3e6, 'bbl/day'],
  ['en', 'within five years', 'five years', 5, 'year'],
  ['en', 'within two years', 'two years', 2, 'year'],
  ['en', 'within 18 months', '18 months', 18, 'month'],
  ['en', 'a 50-year concession', '50-year', 50, 'year'],
  ['en', 'six to nine months', 'six to nine months', 6, 'month', 'exact', 9],
  ['en', 'for three weeks', 'three weeks', 3, 'week'],
  ['en', 'a fifth of its exports', 'a fifth of', 0.2, ''],
  ['en', 'half the homes burned', 'half', 0.5, ''],
  ['en', 'two-thirds of voters', 'two-thirds', 0.666667, ''],
  ['en', 'a third of voters', 'a third of', 0.333333, ''],
  ['en', 'more than twice oversubscribed', 'more than twice', 2, '×', 'gt'],
  ['en', 'sales tripled', 'tripled', 3, '×'],
  ['en', 'three times as many', 'three times', 3, '×'],
  ['en', 'finished 1st in the race', '1st', 1, ''],
  ['en', 'the 21st century', '21st', 21, ''],
  ['en', 'scores of 100,000 fans', '100,000', 1e5, ''],
  ['en', 'a population of 1,234,567', '1,234,567', 1234567, ''],
  ['en', 'a ratio of 0.75 overall', '0.75', 0.75, ''],
  ['en', 'over 20 universities, they said', 'over 20', 20, '', 'gt'],
  ['en', 'with 2,300 retail investors', '2,300', 2300, ''],
  ['en', 'FreshCrate shares jumped 27%', '27%', 27, '%'],
  ['en', 'Sales hit 5.5 million units', '5.5 million', 5.5e6, ''],
  ['en', 'Profit was 410 million', '410 million', 4.1e8, ''],
  ['en', 'A 45-year-old man was charged', '45-year-old', 45, 'age'],
  ['en', 'up to 10 inches of rain', 'up to 10 inches', 10, 'in', 'le'],
];

const vi: Row[] = [
  ['vi', 'Quỹ có ngân sách ban đầu là 1 tỷ USD.', '1 tỷ USD', 1e9, 'USD'],
  ['vi', 'thị trường là 4,9 tỷ USD', '4,9 tỷ USD', 4.9e9, 'USD'],
  ['vi', 'rót 1,35 tỷ USD vào bến', '1,35 tỷ USD', 1.35e9, 'USD'],
  ['vi', 'rót 50 triệu USD để hợp tác', '50 triệu USD', 5e7, 'USD'],
  ['vi', 'có tổng vốn 240 triệu USD', '240 triệu USD', 2.4e8, 'USD'],
  ['vi', 'khoảng 33.000 tỷ đồng', 'khoảng 33.000 tỷ đồng', 3.3e13, 'VND', 'approx'],
  ['vi', 'hơn 50.000 tỷ đồng', 'hơn 50.000 tỷ đồng', 5e13, 'VND', 'gt'],
  ['vi', 'giá 25.000 đồng', '25.000 đồng', 25000, 'VND'],
  ['vi', 'giá bán lẻ 25.000đ', '25.000đ', 25000, 'VND'],
  ['vi', 'vốn 2 nghìn tỷ đồng', '2 nghìn tỷ đồng', 2e12, 'VND'],
  ['vi', 'vốn 2 ngàn tỷ đồng', '2 ngàn tỷ đồng', 2e12, 'VND'],
  ['vi', 'lương 10 triệu đồng', '10 triệu đồng', 1e7, 'VND'],
  ['vi', 'khoản vay 500 triệu đô la', '500 triệu đô la', 5e8, 'USD'],
  ['vi', 'khoản vay 500 triệu đô la Mỹ', '500 triệu đô la Mỹ', 5e8, 'USD'],
  ['vi', 'thu 3 tỷ nhân dân tệ', '3 tỷ nhân dân tệ', 3e9, 'CNY'],
  ['vi', 'đạt 2 tỷ euro', '2 tỷ euro', 2e9, 'EUR'],
  ['vi', 'đạt 2 tỉ USD', '2 tỉ USD', 2e9, 'USD'],
  ['vi', 'thu hút hơn 100.000 nhà phát triển', 'hơn 100.000', 1e5, '', 'gt'],
  ['vi', 'hơn 100 nhà cung cấp', 'hơn 100', 100, '', 'gt'],
  ['vi', 'hơn 20 trường đại học', 'hơn 20', 20, '', 'gt'],
  ['vi', 'tạo ra hơn 1.500 việc làm', 'hơn 1.500', 1500, '', 'gt'],
  ['vi', 'khoảng 1.100 lính cứu hỏa', 'khoảng 1.100', 1100, '', 'approx'],
  ['vi', 'gần 2.000 người', 'gần 2.000', 2000, '', 'approx'],
  ['vi', 'ít nhất 37 ngôi nhà', 'ít nhất 37', 37, '', 'ge'],
  ['vi', 'trên 500 người', 'trên 500', 500, '', 'gt'],
  ['vi', 'dưới 50 người', 'dưới 50', 50, '', 'lt'],
  ['vi', 'tối đa 300 người', 'tối đa 300', 300, '', 'le'],
  ['vi', 'xấp xỉ 300 người', 'xấp xỉ 300', 300, '', 'approx'],
  ['vi', 'từ 10 người trở lên', '10', 10, ''],
  ['vi', 'có 1.234.567 dân', '1.234.567', 1234567, ''],
  ['vi', 'có 100.000 dân', '100.000', 1e5, ''],
  ['vi', 'tỷ lệ 0,75', '0,75', 0.75, ''],
  ['vi', 'chín trực thăng', 'chín', 9, ''],
  ['vi', 'hai chính phủ đã công bố', 'hai', 2, ''],
  ['vi', 'ba người bị thương', 'ba', 3, ''],
  ['vi', 'mười hai nhà kho', 'mười hai', 12, ''],
  ['vi', 'hai mươi lăm người', 'hai mươi lăm', 25, ''],
  ['vi', 'một trăm hai mươi người', 'một trăm hai mươi', 120, ''],
  ['vi', 'hai triệu người', 'hai triệu', 2e6, ''],
  ['vi', 'một tá nhà kho', 'một tá', 12, ''],
  ['vi', 'chiếm 49% vốn', '49%', 49, '%'],
  ['vi', '51% còn lại', '51%', 51, '%'],
  ['vi', 'tăng 12,5%', '12,5%', 12.5, '%'],
  ['vi', 'tăng 15 phần trăm', '15 phần trăm', 15, '%'],
  ['vi', 'chiếm khoảng 16-17% GDP', 'khoảng 16-17%', 16, '%', 'approx', 17],
  ['vi', 'giảm 7,5%', '7,5%', 7.5, '%'],
  ['vi', 'tàu trọng tải đến 200.000 DWT', 'đến 200.000 DWT', 2e5, 'DWT', 'le'],
  ['vi', 'tàu 240.000 DWT', '240.000 DWT', 2.4e5, 'DWT'],
  ['vi', 'công suất 1,2 triệu TEU mỗi năm', '1,2 triệu TEU mỗi năm', 1.2e6, 'TEU/year'],
  ['vi', 'công suất tối đa 2 triệu TEU/năm', 'tối đa 2 triệu TEU/năm', 2e6, 'TEU/year', 'le'],
  ['vi', 'khu đất rộng 48 ha', '48 ha', 48, 'ha'],
  ['vi', 'rộng 120 hecta', '120 hecta', 120, 'ha'],
  ['vi', 'dài 15 km', '15 km', 15, 'km'],
  ['vi', 'sản lượng 3 triệu tấn', '3 triệu tấn', 3e6, 't'],
  ['vi', 'nhà máy 1,4 GW', '1,4 GW', 1.4, 'GW'],
  ['vi', 'thời hạn khai thác 50 năm', '50 năm', 50, 'year'],
  ['vi', 'trong vòng 5 năm', '5 năm', 5, 'year'],
  ['vi', 'trong 18 tháng', '18 tháng', 18, 'month'],
  ['vi', 'sau ba tuần', 'ba tuần', 3, 'week'],
  ['vi', 'kéo dài 3 ngày', '3 ngày', 3, 'day'],
  ['vi', 'một phần năm ngân sách', 'một phần năm', 0.2, ''],
  ['vi', 'một nửa số nhà', 'một nửa', 0.5, ''],
  ['vi', 'hai phần ba cử tri', 'hai phần ba', 0.666667, ''],
  ['vi', 'doanh thu tăng gấp đôi', 'tăng gấp đôi', 2, '×'],
  ['vi', 'tăng gấp 3 lần', 'gấp 3 lần', 3, '×'],
  ['vi', 'Giai đoạn 1 của dự án', '1', 1, ''],
  ['vi', 'giá 1.850 tenge', '1.850 tenge', 1850, 'KZT'],
  ['vi', 'đạt 1.2 tỷ USD', '1.2 tỷ USD', 1.2e9, 'USD'],
  ['vi', 'Một người đàn ông 45 tuổi', '45 tuổi', 45, 'age'],
  ['vi', 'Phi công 53 năm tuổi đã hạ cánh an toàn.', '53 năm tuổi', 53, 'age'],
];

const ru: Row[] = [
  // A figure joined to an adjectival scale word: "a 25,000-strong crowd".
  ['ru', 'полиция не подпустила 25-тысячную толпу к входу', '25-тысячную', 25000, ''],
  ['ru', 'сериал собрал 3-миллионную аудиторию', '3-миллионную', 3e6, ''],
  ['ru', 'привлек 16,8 млрд тенге в ходе IPO', '16,8 млрд тенге', 1.68e10, 'KZT'],
  ['ru', 'прибыль 6,2 млрд тенге', '6,2 млрд тенге', 6.2e9, 'KZT'],
  ['ru', 'по цене 1 850 тенге за бумагу', '1 850 тенге', 1850, 'KZT'],
  ['ru', 'по цене 1\u00a0850 тенге за бумагу', '1\u00a0850 тенге', 1850, 'KZT'],
  ['ru', 'по цене 1\u202f850 тенге за бумагу', '1\u202f850 тенге', 1850, 'KZT'],
  ['ru', 'по цене 1850 тенге за бумагу', '1850 тенге', 1850, 'KZT'],
  ['ru', '(41,3 млн долларов)', '41,3 млн долларов', 4.13e7, 'USD'],
  ['ru', 'около 41,3 млн долларов США', 'около 41,3 млн долларов США', 4.13e7, 'USD', 'approx'],
  ['ru', 'заплатил 500 млн рублей', '500 млн рублей', 5e8, 'RUB'],
  ['ru', 'заплатил 500 млн руб.', '500 млн руб.', 5e8, 'RUB'],
  ['ru', 'заплатил 2 млрд евро', '2 млрд евро', 2e9, 'EUR'],
  ['ru', 'заплатил $50 млн', '$50 млн', 5e7, 'USD'],
  ['ru', 'выручка 3 трлн рублей', '3 трлн рублей', 3e12, 'RUB'],
  ['ru', 'выручка 3 миллиарда юаней', '3 миллиарда юаней', 3e9, 'CNY'],
  ['ru', 'стоимость 2,5 миллиона долларов', '2,5 миллиона долларов', 2.5e6, 'USD'],
  ['ru', 'бюджет 1 млрд долларов', '1 млрд долларов', 1e9, 'USD'],
  ['ru', 'бюджет 10 000 рублей', '10 000 рублей', 1e4, 'RUB'],
  ['ru', 'бюджет 10\u00a0000\u00a0000 рублей', '10\u00a0000\u00a0000 рублей', 1e7, 'RUB'],
  ['ru', 'свыше 2,3 тыс. розничных инвесторов', 'свыше 2,3 тыс.', 2300, '', 'gt'],
  ['ru', 'более 100 компаний', 'более 100', 100, '', 'gt'],
  ['ru', 'более чем 100 компаний', 'более чем 100', 100, '', 'gt'],
  ['ru', 'около 1100 пожарных', 'около 1100', 1100, '', 'approx'],
  ['ru', 'около 1 100 пожарных', 'около 1 100', 1100, '', 'approx'],
  ['ru', 'почти 2000 жителей', 'почти 2000', 2000, '', 'approx'],
  ['ru', 'примерно 300 человек', 'примерно 300', 300, '', 'approx'],
  ['ru', 'не менее 37 домов', 'не менее 37', 37, '', 'ge'],
  ['ru', 'менее 50 человек', 'менее 50', 50, '', 'lt'],
  ['ru', 'до 200 тыс. тонн', 'до 200 тыс. тонн', 2e5, 't', 'le'],
  ['ru', 'порядка 500 человек', 'порядка 500', 500, '', 'approx'],
  ['ru', 'на 1 234 567 жителей', '1 234 567', 1234567, ''],
  ['ru', 'два вертолета', 'два', 2, ''],
  ['ru', 'девять вертолетов', 'девять', 9, ''],
  ['ru', 'двенадцать построек', 'двенадцать', 12, ''],
  ['ru', 'двадцать пять человек', 'двадцать пять', 25, ''],
  ['ru', 'две тысячи человек', 'две тысячи', 2000, ''],
  ['ru', 'три миллиона человек', 'три миллиона', 3e6, ''],
  ['ru', 'сто человек', 'сто', 100, ''],
  ['ru', 'дюжина построек', 'дюжина', 12, ''],
  ['ru', 'трех пожарных', 'трех', 3, ''],
  ['ru', 'разместила 12,5% акций', '12,5%', 12.5, '%'],
  ['ru', 'подорожали на 4,5%', '4,5%', 4.5, '%'],
  ['ru', 'выросли на 15 процентов', '15 процентов', 15, '%'],
  ['ru', 'выросли на 3 процента', '3 процента', 3, '%'],
  ['ru', 'на 2 п.п.', '2 п.п.', 2, '%'],
  ['ru', 'около 16–17% ВВП', 'около 16–17%', 16, '%', 'approx', 17],
  ['ru', 'площадь 48 га', '48 га', 48, 'ha'],
  ['ru', 'площадь 48 гектаров', '48 гектаров', 48, 'ha'],
  ['ru', 'в 15 км от города', '15 км', 15, 'km'],
  ['ru', 'мощность 1,4 ГВт', '1,4 ГВт', 1.4, 'GW'],
  ['ru', 'в течение двух лет', 'двух лет', 2, 'year'],
  ['ru', 'в течение 5 лет', '5 лет', 5, 'year'],
  ['ru', 'на 50 лет', '50 лет', 50, 'year'],
  ['ru', 'за 18 месяцев', '18 месяцев', 18, 'month'],
  ['ru', 'через три недели', 'три недели', 3, 'week'],
  ['ru', 'за 2 года', '2 года', 2, 'year'],
  ['ru', 'более чем в два раза', 'более чем в два раза', 2, '×', 'gt'],
  ['ru', 'в три раза больше', 'в три раза', 3, '×'],
  ['ru', 'вдвое больше', 'вдвое', 2, '×'],
  ['ru', 'половина домов', 'половина', 0.5, ''],
  ['ru', 'треть избирателей', 'треть', 0.333333, ''],
  ['ru', 'пятая часть экспорта', 'пятая часть', 0.2, ''],
  ['ru', 'коэффициент 0,75', '0,75', 0.75, ''],
  ['ru', 'коэффициент 1.5', '1.5', 1.5, ''],
  ['ru', 'свыше 30 тыс. гектаров', 'свыше 30 тыс. гектаров', 3e4, 'ha', 'gt'],
  ['ru', 'с лишним 100 человек', '100', 100, ''],
  ['ru', '45-летний мужчина', '45-летний', 45, 'age'],
  ['ru', 'В Сомерсете 16-летний подросток', '16-летний', 16, 'age'],
  ['ru', 'пятеро погибших', 'пятеро', 5, ''],
];

/**
 * How the word lists are matched, as the packs' expressions matched them before TermSets did (these cases were guarded
 * by a copy of the old extractor): thousands separated by any kind of space, terms glued to a number (suffixes),
 * hyphenated percent, codes written in capitals only.
 */
const matching: Row[] = [
  ['ru', 'Это стоит 1\u202f850 тенге.', '1\u202f850 тенге', 1850, 'KZT'],
  ['ru', 'Это стоит 1\u00a0850 тенге.', '1\u00a0850 тенге', 1850, 'KZT'],
  ['vi', 'Giá vé là 50.000đ mỗi người.', '50.000đ', 50000, 'VND'],
  ['en', 'a 5-percent rise in prices', '5-percent', 5, '%'],
  ['en', 'a fee of 5 TRY per ticket', '5 TRY', 5, 'TRY'],
  // "try" is a verb, not the Turkish lira: a capitals-only code counts only in capitals.
  ['en', 'we try 5 times a day', '5 times', 5, '×'],
  // A comma before one or two digits cannot group thousands: a decimal comma, as translations from most of Europe
  // write it; before three digits it groups them.
  ['en', 'a deposit of 3,5 million per apartment', '3,5 million', 3.5e6, ''],
  ['en', 'a deposit of 3,500 per apartment', '3,500', 3500, ''],
  ['en', 'a deposit of 3,500,000 per apartment', '3,500,000', 3.5e6, ''],
  ['en', 'inflation of 2,75% a year', '2,75%', 2.75, '%'],
];

const rows = [...en, ...vi, ...ru, ...matching];

describe('extractQuantities', () => {
  it.each(rows)('[%s] %j -> %j', (lang, text, span, value, unit, approx = 'exact', valueMax) => {
    const { quantities } = extractAll(lang, text);
    expect(quantities.map((q) => q.text)).toEqual([span]);
    const q = quantities[0]!;
    expect(q.value).toBeCloseTo(value, 6);
    expect(q.unit).toBe(unit);
    expect(q.approx).toBe(approx);
    if (valueMax !== undefined) expect(q.valueMax).toBeCloseTo(valueMax, 6);
    else expect(q.valueMax).toBeUndefined();
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it.each<[string, string]>([
    ['en', 'It launched a 5G test zone.'],
    ['en', 'deputies delivered Level 3 orders along Highway 31.'],
    ['en', 'closed along Hwy. 31 on Monday.'],
    ['en', 'the 2015 Sheep Canyon Fire'],
    ['en', 'the Kremlin has declared 2020 the year of cooperation'],
    ['en', 'for a third straight day'],
    ['en', 'at 10:00 local time'],
    ['en', 'Published at 6:10 p.m. local time'],
    ['en', 'call +7 495 123-45-67 now'],
    ['en', 'Call the helpline on 0800 555 111 for advice.'],
    ['en', 'Ring 020 7946 0958 today.'],
    ['vi', 'Gọi đường dây nóng 0800 555 111 để được tư vấn.'],
    ['ru', 'Звоните по номеру 0800 555 111.'],
    ['en', 'Contact us at news2024@example.com'],
    ['en', 'One priority stands out.'],
    ['en', 'in the first half of the year'],
    ['en', 'Russia may have only a handful of startups'],
    ['en', 'the COVID-19 pandemic'],
    ['en', 'at GMT+7'],
    ['vi', 'Có thể bạn quan tâm 10:00, 06/01/2020'],
    ['vi', 'hàng trăm người'],
    ['vi', 'vài nghìn người'],
    ['vi', 'một sản phẩm mới'],
    ['vi', 'đứng thứ hai thế giới'],
    ['vi', '16:20 (GMT+7)'],
    ['ru', 'тысячи людей'],
    ['ru', 'в 15:40 по местному времени'],
    ['ru', 'один из проектов'],
    // Scores and tallies are one figure, not two counts.
    ['en', 'They earned a gritty 2&1 win over the pair.'],
    ['en', 'since February\'s 4-1 triumph at home'],
    ['de', 'Das Spiel endete 3–0 für die Gäste.'],
    ['vi', 'chiến thắng 2-1 trên sân khách'],
  ])('[%s] %j has no quantity', (lang, text) => {
    expect(extractAll(lang, text).quantities.map((q) => q.text)).toEqual([]);
  });

  it('skips numbers inside the excluded (date) spans', () => {
    const text = 'In 2019 it raised $5 million.';
    const pack = getPack('en');
    const all = extractQuantities(text, { source: 's', start: 0, end: text.length }, pack, [{ source: 's', start: 3, end: 7 }]);
    expect(all.map((q) => q.text)).toEqual(['$5 million']);
  });

  it('returns absolute offsets inside a sentence range', () => {
    const text = 'First sentence. It raised $5 million. Last.';
    const range = { source: 'doc', start: 16, end: 37 };
    const [q] = extractQuantities(text, range, getPack('en'));
    expect(q).toMatchObject({ source: 'doc', text: '$5 million', start: 26, end: 36, kind: 'money', value: 5e6 });
  });

  it('marks an amount in parentheses in another currency as a conversion', () => {
    const { quantities } = extractAll('en', 'raised 18.6 billion tenge ($41.3 million) in its offering');
    expect(quantities.map((q) => [q.text, q.conversion ?? false])).toEqual([
      ['18.6 billion tenge', false],
      ['$41.3 million', true],
    ]);
  });

  it('a range that goes up is not a score', () => {
    expect(extractAll('en', 'it takes 2-3 days').quantities.map((q) => [q.text, q.value, q.valueMax])).toEqual([['2-3 days', 2, 3]]);
  });

  it('pairs the words of a range only within a group of the pack ("von … bis", not "von … und")', () => {
    const read = (lang: string, t: string): unknown[] => extractAll(lang, t).quantities.map((q) => [q.text, q.value, q.valueMax]);
    expect(read('de', 'Er hat eine Bilanz von 18-7, einen Wert von 2,53 und 300 Punkte.')).toEqual([['2,53', 2.53, undefined], ['300', 300, undefined]]);
    expect(read('de', 'Es werden von 5 bis 7 Zentimeter erwartet.')).toEqual([['von 5 bis 7 Zentimeter', 5, 7]]);
    expect(read('ru', 'Осадки составят от 2,5 до 10 см.')).toEqual([['от 2,5 до 10 см', 2.5, 10]]);
    expect(read('ru', 'между 5 и 7 тоннами')).toEqual([['между 5 и 7 тоннами', 5, 7]]);
  });

  it('records the decimals written, which rounding may drop', () => {
    const d = (lang: string, t: string): number | undefined => extractAll(lang, t).quantities[0]?.decimals;
    expect(d('en', '$4.93 billion')).toBe(2);
    expect(d('vi', '4,9 tỷ USD')).toBe(1);
    expect(d('en', '1,250 people')).toBeUndefined();
    expect(d('de', '1.252 Menschen')).toBeUndefined();
  });

  it('reads an English-style amount in a German sentence ("£44m")', () => {
    expect(extractAll('de', 'Kettleby zahlte £44m für das Gelände.').quantities.map((q) => [q.text, q.value, q.unit])).toEqual([['£44m', 44e6, 'GBP']]);
    // A spaced "m" is no scale without a currency sign: 44, not 44 million.
    expect(extractAll('de', 'Der Turm ist 44 m hoch.').quantities.map((q) => q.value)).toEqual([44]);
  });

  it('reads a currency word that is also a unit both ways', () => {
    const [q] = extractAll('en', 'a baby weighing 10 pounds').quantities;
    expect(q).toMatchObject({ kind: 'money', unit: 'GBP', unitReading: 'lb' });
    expect(extractAll('en', 'a fee of £10').quantities[0]?.unitReading).toBeUndefined();
  });

  it('records precision as significant digits', () => {
    const p = (t: string): number | undefined => extractAll('en', t).quantities[0]?.precision;
    expect(p('1,100 people')).toBe(2);
    expect(p('1,094 people')).toBe(4);
    expect(p('$4.90 a share')).toBe(3);
    expect(p('$4.9 billion')).toBe(2);
  });

  it('kinds', () => {
    const k = (lang: string, t: string): string | undefined => extractAll(lang, t).quantities[0]?.kind;
    expect(k('en', '$5 million')).toBe('money');
    expect(k('en', '5 people')).toBe('count');
    expect(k('en', '5%')).toBe('percent');
    expect(k('en', '5 acres')).toBe('measure');
    expect(k('en', 'a fifth of it')).toBe('share');
    expect(k('en', 'five years')).toBe('duration');
    expect(k('vi', '5 năm')).toBe('duration');
    expect(k('ru', '5 лет')).toBe('duration');
  });

  it('works with the neutral pack for an unknown language', () => {
    const { quantities } = extractAll('xx', 'Total: 1,234.5 USD and $3');
    expect(quantities.map((q) => [q.text, q.value, q.unit])).toEqual([
      ['1,234.5 USD', 1234.5, 'USD'],
      ['$3', 3, 'USD'],
    ]);
  });
});

export const quantityRowCount = rows.length;
