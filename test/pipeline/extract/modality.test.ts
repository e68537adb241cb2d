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
    ['She told reporters: "It would be a disaster."'],
  ])('elsewhere it is no marker: %s', (text) => {
    expect(modality('en', text)).toEqual([]);
  });
});

describe('evidential hedges are expectations; a passive infinitive is no future', () => {
  it.each([
    ['en', 'A comeback looks as though it will be beyond them.', ['expected:looks as though', 'future:will']],
    ['de', 'Der Plan scheint zu scheitern.', ['expected:scheint']],
    ['de', 'Der Linienrichter musste behandelt werden musste.', []],
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
