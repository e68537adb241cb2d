import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import { buildClaim } from '../../../src/pipeline/extract/claims.js';
import type { Sentence } from '../../../src/model/sentence.js';

/** The modal markers of `text` read as one sentence: "level:text". */
function modality(lang: string, text: string): string[] {
  const s: Sentence = { source: 't', start: 0, end: text.length, id: 't#0', index: 0, block: 0, isTitle: false, text };
  return buildClaim(text, s, getPack(lang), { quantities: [], dates: [], entities: [] }, false).modality.map((m) => `${m.level}:${m.text}`);
}

describe('the Russian perfective future is a firm future', () => {
  it.each([
    ['Компания проведет вторичное размещение в течение двух лет.', ['future:проведет']],
    ['Министр заявит об отставке в понедельник.', ['future:заявит']],
    ['Парламент примет закон осенью.', ['future:примет']],
    ['Стороны подпишут соглашение в марте.', ['future:подпишут']],
    ['Встреча состоится во вторник.', ['future:состоится']],
    ['Компания решит вопрос до конца года.', ['future:решит']],
  ])('%s', (text, expected) => {
    expect(modality('ru', text)).toEqual(expected);
  });
  it.each([
    ['Компания проводит размещение каждый год.'],
    ['Министр заявляет о поддержке плана.'],
    ['Парламент принимает законы осенью.'],
    ['Всё зависит от погоды.'],
    ['Музей находится в центре города.'],
    ['Ответ министерства пришёл в понедельник.'],
    ['Совет директоров одобрил сделку.'],
    ['Он смотрит матч по телевизору.'],
  ])('present tenses and nouns that look alike are not: %s', (text) => {
    expect(modality('ru', text).filter((m) => m.startsWith('future:'))).toEqual([]);
  });
});

describe('a possibility after a conjunction of purpose is an ability', () => {
  it.each([
    ['vi', 'Họ đang xem xét lịch phát sóng để khán giả người Anh có thể xem chương trình.', ['ability:có thể']],
    ['ru', 'Они составят расписание, чтобы зрители могли смотреть бои.', ['future:составят', 'ability:могли']],
    ['de', 'Sie ändern den Plan, damit die Zuschauer die Kämpfe sehen könnten.', ['ability:könnten']],
  ])('%s: %s', (lang, text, expected) => {
    expect(modality(lang, text)).toEqual(expected);
  });
  it('a hedge in its own clause stays one', () => {
    expect(modality('vi', 'Công ty có thể tăng giá vào tháng tới.')).toEqual(['possible:có thể']);
  });
});

describe('the future in the past of reported speech', () => {
  it('after a speech verb, "would" is a firm future', () => {
    expect(modality('en', 'Warren said she would take a hard look at running for president.')).toEqual(['future:would']);
  });
  it.each([
    ['It would be hard to ignore the demand.'],
    ['But would you put your children in their hands?'],
    // Across a colon and a quotation mark the speech verb does not report it.
    ['She told reporters: "It would be a disaster."'],
  ])('elsewhere it is a conditional, no reported future: %s', (text) => {
    expect(modality('en', text)).toEqual(['conditional:would']);
  });
  it.each([
    ['I would like to thank everyone who helped.'],
    ['We would urge residents to check their meters.'],
  ])('a polite "would" is no marker: %s', (text) => {
    expect(modality('en', text)).toEqual([]);
  });
});

describe('evidential hedges are expectations; a passive infinitive is no future', () => {
  it.each([
    ['en', 'A comeback looks as though it will be beyond them.', ['expected:looks as though', 'future:will']],
    ['de', 'Der Plan scheint zu scheitern.', ['expected:scheint']],
    // The first "musste" is a necessity; the second closes a passive infinitive.
    ['de', 'Der Linienrichter musste behandelt werden musste.', ['necessity:musste']],
  ])('%s: %s', (lang, text, expected) => {
    expect(modality(lang, text)).toEqual(expected);
  });
  it('de "werden" before a modal is a passive infinitive', () => {
    expect(modality('de', 'Der Linienrichter, der behandelt werden musste, kehrte zurück.')).toEqual([]);
  });
});

describe('a future reported by a verb of warning or fear, and alternatives', () => {
  const levels = (lang: string, text: string) => {
    const s: Sentence = { source: 't', start: 0, end: text.length, id: 't#0', index: 0, block: 0, isTitle: false, text };
    return buildClaim(text, s, getPack(lang), { quantities: [], dates: [], entities: [] }, false).modality.map((m) => `${m.text}:${m.level}${m.alternative ? ':or' : ''}`);
  };
  it.each([
    ['en', 'Economists warned that the tariffs will raise food prices.', ['will:expected']],
    ['en', 'Economists said that the tariffs will raise food prices.', ['will:future']],
    ['vi', 'Các nhà kinh tế cảnh báo thuế quan sẽ làm tăng giá lương thực.', ['sẽ:expected']],
    ['de', 'Ökonomen warnten, die Zölle werden die Preise erhöhen.', ['werden:expected']],
    // Across a quotation the warning does not reach.
    ['en', 'He warned: "The tariffs will raise prices."', ['will:future']],
  ])('%s: %s', (lang, text, expected) => {
    expect(levels(lang, text)).toEqual(expected);
  });
  it('a marker right after a disjunction is an alternative ("chắc chắn hoặc có thể")', () => {
    expect(levels('vi', 'Họ chắc chắn hoặc có thể tin vào lời khai.')).toContain('có thể:possible:or');
    expect(levels('en', 'The deal could fail.')).toEqual(['could:possible']);
  });
});

/** The markers of `text` with the flags the certainty comparison reads: "level:text[+perfect][+ability]". */
function flagged(lang: string, text: string): string[] {
  const s: Sentence = { source: 't', start: 0, end: text.length, id: 't#0', index: 0, block: 0, isTitle: false, text };
  return buildClaim(text, s, getPack(lang), { quantities: [], dates: [], entities: [] }, false).modality
    .map((m) => `${m.level}:${m.text}${m.perfect ? '+perfect' : ''}${m.alsoAbility ? '+ability' : ''}`);
}

describe('each language\'s certainty scale', () => {
  it.each([
    // Contracted futures are attached to the word before them.
    ['en', "It's going to rain on Monday.", ["future:'s going to"]],
    ['en', 'You’re going to see a change.', ['future:’re going to']],
    ['en', 'Rates are likely to rise.', ['expected:are likely']],
    ['en', 'Rates might rise.', ['possible:might']],
    ['en', 'The council plans to vote in March.', ['expected:plans to']],
    ['de', 'Die Preise dürften steigen.', ['expected:dürften']],
    ['de', 'Die Preise steigen eventuell.', ['possible:eventuell']],
    ['de', 'Es wird davon ausgegangen, dass die Preise steigen.', ['future:wird', 'expected:davon ausgegangen']],
    ['de', 'Er würde kandidieren.', ['conditional:würde']],
    ['ru', 'Это могло задержать поставки.', ['possible:могло']],
    ['ru', 'Цены, вероятно, вырастут.', ['expected:вероятно', 'future:вырастут']],
    ['ru', 'Он бы согласился.', ['conditional:бы']],
    ['ru', 'Они смогли договориться.', ['ability:смогли']],
    ['ru', 'Компания не смогла выплатить долг.', ['impossible:не смогла']],
    ['vi', 'Giá có lẽ sẽ tăng.', ['possible:có lẽ sẽ']],
    ['vi', 'Ông hy vọng giá sẽ giảm.', ['expected:hy vọng', 'future:sẽ']],
    // After a complementiser "có khả năng" has no subject: it is likely that.
    ['vi', 'Ông cho rằng có khả năng giá sẽ giảm.', ['expected:rằng có khả năng', 'future:sẽ']],
    ['vi', 'Họ đã có thể về nhà.', ['ability:đã có thể']],
    ['vi', 'Họ khó có thể trả khoản nợ này.', ['impossible:khó có thể']],
  ])('%s: %s', (lang, text, expected) => {
    expect(modality(lang, text)).toEqual(expected);
  });
  it.each([
    // "sắp" in "sắp xếp" (arrange) and in "sắp tới" after a time noun (upcoming) is no future.
    ['vi', 'Họ sắp xếp lịch trong những ngày sắp tới.'],
    // "tình hình" (situation) followed by "như" (like) holds "hình như" (apparently).
    ['vi', 'Tình hình như thế khiến họ lo lắng.'],
    // A plan, an aim, a hope as nouns: the verbs of intention take "to".
    ['en', 'The spending plan was approved in March.'],
    ['ru', 'Он хотя бы пришёл.'],
    ['ru', 'Город может похвастаться старым парком.'],
  ])('words that hold a marker without being one: %s: %s', (lang, text) => {
    expect(modality(lang, text)).toEqual([]);
  });
  it.each([
    // "may have" before a noun reads as a perfect too: a relative clause of who may have something, no hedge of the statement.
    ['en', 'The council wrote to anyone who may have records of the sale.', ['possible:may+perfect+ability']],
    // "cost" is something that happens: no ability.
    ['en', 'The delay may have cost the firm a contract.', ['possible:may+perfect']],
    ['en', "They could've won.", ['possible:could+perfect+ability']],
    ['en', 'The talks may fail.', ['possible:may+ability']],
    ['en', 'The talks may be delayed.', ['possible:may']],
    ['vi', 'Khách hàng có thể đặt hàng trực tuyến.', ['possible:có thể+ability']],
    ['vi', 'Cuộc họp có thể diễn ra vào tháng Năm.', ['possible:có thể']],
    ['vi', 'Lượng mưa có thể còn lên tới 10 cm.', ['possible:có thể']],
    ['ru', 'Он может водить автобус.', ['possible:может+ability']],
    ['ru', 'Это может стать проблемой.', ['possible:может']],
    ['de', 'Der Plan könnte scheitern.', ['possible:könnte']],
  ])('a possibility of the past, and one that may say what someone can do: %s: %s', (lang, text, expected) => {
    expect(flagged(lang, text)).toEqual(expected);
  });
  it.each([
    ['en', 'The possible merger was discussed.', ['notion:possible']],
    ['ru', 'Банк изучает возможные риски.', ['notion:возможные']],
    ['en', 'The team had to leave.', ['necessity:had to']],
    ['vi', 'Họ phải rời đi.', ['necessity:phải']],
  ])('words of possibility and necessity are markers off the scale: %s: %s', (lang, text, expected) => {
    expect(modality(lang, text)).toEqual(expected);
  });
});
