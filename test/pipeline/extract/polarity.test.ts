import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/load.js';
import { buildClaim } from '../../../src/pipeline/extract/claims.js';
import type { Sentence } from '../../../src/model/sentence.js';

/** The claim of `text` read as one sentence, with no names, figures or dates. */
function claimOf(lang: string, text: string) {
  const s: Sentence = { source: 't', start: 0, end: text.length, id: 't#0', index: 0, block: 0, isTitle: false, text };
  return buildClaim(text, s, getPack(lang), { quantities: [], dates: [], entities: [] }, false);
}
/** Negations of predicates (what negation-flip counts), negations of a word, and words that negate by meaning. */
function polarity(lang: string, text: string) {
  const c = claimOf(lang, text);
  return {
    predicate: c.negations.filter((n) => !n.concord && !n.constituent).map((n) => n.text),
    word: c.negations.filter((n) => !n.concord && n.constituent).map((n) => n.text),
    lexical: (c.lexicalNegations ?? []).map((n) => n.text),
  };
}

describe('negation of the predicate', () => {
  it.each([
    ['en', 'The committee did not approve the plan.', ['not']],
    ['en', "The mayor won't attend the meeting.", ["n't"]],
    ['en', 'Nobody answered the phone at the depot.', ['Nobody']],
    ['vi', 'Ủy ban đã không phê duyệt kế hoạch.', ['không']],
    ['vi', 'Thị trưởng sẽ không tham dự cuộc họp.', ['không']],
    ['ru', 'Комитет не утвердил план.', ['не']],
    ['ru', 'Мэр не придёт на встречу.', ['не']],
    ['de', 'Der Ausschuss hat den Plan nicht gebilligt.', ['nicht']],
    ['de', 'Der Ausschuss billigte den Plan nicht.', ['nicht']],
    ['de', 'Der Bürgermeister wird nicht kommen.', ['nicht']],
  ])('%s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).predicate).toEqual(expected);
  });
});

describe('negative concord: one negation however many negative words', () => {
  it.each([
    ['ru', 'Никто ничего не сказал о сделке.', ['не']],
    ['ru', 'Он никогда не был в этом городе.', ['не']],
    ['ru', 'Ни министр, ни его заместитель не приехали.', ['не']],
    ['fr', "Le ministre ne visite jamais l'usine.", ['ne']],
    ['es', 'El ministro no dijo nada sobre el acuerdo.', ['no']],
    ['en', 'Neither the minister nor his deputy came.', ['Neither']],
  ])('%s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).predicate).toEqual(expected);
  });
  it('a concord word with no negator near it negates on its own', () => {
    const c = claimOf('ru', 'Ничего страшного: завод работает.');
    expect(c.negations.filter((n) => !n.concord).map((n) => n.text)).toEqual(['Ничего']);
  });
});

describe('words that contain a negator but do not negate', () => {
  it.each([
    ['vi', 'Chất lượng không khí ở thủ đô được cải thiện.'],
    ['vi', 'Hãng hàng không mở thêm ba đường bay.'],
    ['vi', 'Lực lượng không quân tham gia cuộc diễn tập.'],
    ['vi', 'Công ty không chỉ bán xe mà còn cho thuê.'],
    ['ru', 'Небо над городом было ясным.'],
    ['ru', 'Цены немного выросли за неделю.'],
    ['ru', 'Компания не только продаёт машины, но и сдаёт их в аренду.'],
    ['ru', 'Тем не менее завод продолжил работу.'],
    ['de', 'Seine Nichte leitet die Firma.'],
    ['de', 'Die Firma verkauft nicht nur Autos, sondern vermietet sie auch.'],
    ['en', 'The company not only sells cars but also rents them.'],
    ['en', 'The vote will take place no later than Friday.'],
  ])('%s: %s', (lang, text) => {
    expect(claimOf(lang, text).negations.filter((n) => !n.concord)).toEqual([]);
  });
});

describe('negation of a word, and negation by meaning, only account for a negation elsewhere', () => {
  it.each([
    ['vi', 'Ông nói rằng ông không phù hợp với vị trí này.', { word: ['không'] }],
    ['ru', 'Полиция рекомендовала жителям не приближаться к вулкану.', { word: ['не'] }],
    ['en', 'The minister said he was unfit to serve.', { lexical: ['unfit'] }],
    ['en', 'The plant lacked spare parts.', { lexical: ['lacked'] }],
    ['en', 'The company refused to comment.', { lexical: ['refused'] }],
    ['vi', 'Công ty từ chối bình luận.', { lexical: ['từ chối'] }],
    ['ru', 'Компания отказалась от комментариев.', { lexical: ['отказалась'] }],
    ['ru', 'Это было невозможно предсказать.', { lexical: ['невозможно'] }],
    ['de', 'Die Firma verweigerte jeden Kommentar.', { lexical: ['verweigerte'] }],
  ])('%s: %s', (lang, text, expected) => {
    const p = polarity(lang, text);
    expect(p.predicate).toEqual([]);
    if ('word' in expected) expect(p.word).toEqual(expected.word);
    if ('lexical' in expected) expect(p.lexical).toEqual(expect.arrayContaining(expected.lexical));
  });
});
