import { describe, expect, it } from 'vitest';
import { getPack } from '../../../src/lang/packs.js';
import { buildClaim } from '../../../src/pipeline/extract/claims.js';
import type { Sentence } from '../../../src/model/sentence.js';

/** The claim of `text` read as one sentence, with no names, figures or dates. */
function claimOf(lang: string, text: string) {
  const s: Sentence = { source: 't', start: 0, end: text.length, id: 't#0', index: 0, block: 0, isTitle: false, text };
  return buildClaim(text, s, getPack(lang), { quantities: [], dates: [], entities: [] }, false);
}
/**
 * Negations of predicates (what negation-flip counts), negations of a word, negative indefinites, and words that
 * negate by meaning (those cancelled by a negator before them left out).
 */
function polarity(lang: string, text: string) {
  const c = claimOf(lang, text);
  return {
    predicate: c.negations.filter((n) => !n.concord && !n.constituent && !n.indefinite && !n.double).map((n) => n.text),
    word: c.negations.filter((n) => !n.concord && (n.constituent || n.double) && !n.indefinite).map((n) => n.text),
    indefinite: c.negations.filter((n) => !n.concord && n.indefinite && !n.cancelled).map((n) => n.text),
    lexical: (c.lexicalNegations ?? []).filter((n) => !n.cancelled).map((n) => n.text),
  };
}

describe('negation of the predicate', () => {
  it.each([
    ['en', 'The committee did not approve the plan.', ['not']],
    ['en', "The mayor won't attend the meeting.", ["n't"]],
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
  it('a concord word with no negator near it is a negative indefinite', () => {
    expect(polarity('ru', 'Ничего страшного: завод работает.')).toMatchObject({ predicate: [], indefinite: ['Ничего'] });
  });
  it('a concord word listed as a negative indefinite too agrees with the negator of its clause, and is no indefinite there', () => {
    const ns = claimOf('ru', 'Никто вокруг не знал, что произошло.').negations;
    expect(ns.map((n) => [n.text, n.concord ?? false, n.indefinite ?? false])).toEqual([['Никто', true, false], ['не', false, false]]);
    expect(polarity('ru', 'На данный момент нет никаких признаков усталости.')).toMatchObject({ predicate: ['нет'], indefinite: [] });
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
    // Litotes: not without (it came to clashes; with some difficulty).
    ['ru', 'Не обошлось без столкновений с полицией.'],
    ['ru', 'Завод запустили не без труда.'],
    ['en', 'The plant was restarted, not without difficulty.'],
    ['de', 'Das Werk wurde nicht ohne Mühe wieder angefahren.'],
    ['vi', 'Chẳng mấy chốc, nước đã rút.'],
    // A phrase with a gap ("не составить … труда", to be easy).
    ['ru', 'Казалось, что это не составило ему никакого труда.'],
    ['de', 'Seine Nichte leitet die Firma.'],
    ['de', 'Die Firma verkauft nicht nur Autos, sondern vermietet sie auch.'],
    ['en', 'The company not only sells cars but also rents them.'],
    ['en', 'The vote will take place no later than Friday.'],
    ['vi', 'Trung tâm kiểm soát không lưu đã hoạt động trở lại.'],
  ])('%s: %s', (lang, text) => {
    expect(claimOf(lang, text).negations.filter((n) => !n.concord)).toEqual([]);
  });

  it('a noun that holds a negator, right after a tense or aspect marker, is the negator and a verb', () => {
    expect(polarity('vi', 'Con tàu đã không lưu lại tại cảng Ashby.').predicate).toEqual(['không']);
    expect(polarity('vi', 'Đoàn khách sẽ không lưu lại qua đêm.').predicate).toEqual(['không']);
  });
});

describe('negation of a word, and negation by meaning, only account for a negation elsewhere', () => {
  it.each([
    ['vi', 'Ông nói rằng ông không phù hợp với vị trí này.', { word: ['không'] }],
    // "không mấy", not very: a negation of the word after it.
    ['vi', 'Các tin nhắn đó không mấy thân thiện.', { word: ['không'] }],
    ['ru', 'Полиция рекомендовала жителям не приближаться к вулкану.', { word: ['не'] }],
    ['en', 'The minister said he was unfit to serve.', { lexical: ['unfit'] }],
    ['en', 'The plant lacked spare parts.', { lexical: ['lacked'] }],
    ['en', 'The company refused to comment.', { lexical: ['refused'] }],
    ['en', 'Police blocked the crowd from reaching the square.', { lexical: ['blocked'] }],
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

describe('negative pronouns, determiners and quantifiers are how translators paraphrase a negation', () => {
  it.each([
    ['en', 'Nobody answered the phone at the depot.', ['Nobody']],
    ['en', 'There was no time to save the cargo.', ['no']],
    ['de', 'Die Firma hat keine Zahlen genannt.', ['keine']],
    ['de', 'Die Passagiere bekamen nichts davon mit.', ['nichts']],
    ['vi', 'Không ai trả lời điện thoại.', ['Không ai']],
  ])('%s: %s', (lang, text, expected) => {
    expect(polarity(lang, text)).toMatchObject({ predicate: [], indefinite: expected });
  });
  it.each([
    ['en', 'There was little reason to hurry.', ['little']],
    ['de', 'Es gab wenig Grund zur Eile.', ['wenig']],
    ['ru', 'Причин торопиться было мало.', ['мало']],
    ['vi', 'Có ít lý do để vội vàng.', ['ít']],
    // The antonym a negated "good" or "well" is rendered by ("did not go well" / "прошло плохо").
    ['en', 'The talks went badly.', ['badly']],
    ['ru', 'Переговоры прошли плохо.', ['плохо']],
    ['de', 'Die Gespräche liefen schlecht.', ['schlecht']],
    ['vi', 'Cuộc đàm phán diễn ra tồi tệ.', ['tồi tệ']],
  ])('downtoners negate by meaning: %s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).lexical).toEqual(expected);
  });
  it.each([
    ['en', 'She stayed with a few friends.'],
    ['en', 'Prices rose over the last few months.'],
    ['vi', 'Có ít nhất ba người bị thương.'],
    // "mất" (lose) before a duration or an amount is "take": "mất vài giờ", it takes a few hours.
    ['vi', 'Việc sửa chữa sẽ mất vài giờ.'],
    // A word of the generated lexicon inside a phrase that does not negate: "without fail" is always.
    ['en', 'The ferry has sailed every morning without fail.'],
  ])('but not "a few", "ít nhất", "without fail", "mất vài giờ": %s: %s', (lang, text) => {
    expect(polarity(lang, text).lexical).toEqual([]);
  });
});

describe('a negated word that negates by meaning is affirmative (a double negation)', () => {
  it.each([
    ['ru', 'Она не переставала плакать.'],
    ['ru', 'Никто не может отрицать, что они заслужили победу.'],
    ['en', 'The women will not forget it.'],
    ['en', 'The court may not ignore the evidence.'],
    ['en', 'The driver did not fail to stop.'],
    ['de', 'Ich konnte mich des Eindrucks nicht verwehren.'],
    ['vi', 'Đừng quên các chi tiết nhỏ.'],
  ])('%s: %s', (lang, text) => {
    const p = polarity(lang, text);
    expect(p.predicate).toEqual([]);
    expect(p.word.length).toBe(1);
  });
  it('a word between the negator and the negative word keeps the negation ("won\'t come unless")', () => {
    expect(polarity('en', "Disarmament won't come unless it can trust them.").predicate).toEqual(["n't"]);
  });
});

describe('a negator and a negative indefinite of one clause cancel where there is no negative concord (German)', () => {
  it.each([
    ['de', 'Die Pumpe hat nicht keine Kabel.', { predicate: [], word: ['nicht'], indefinite: [] }],
    ['de', 'Die Nationals haben nicht noch keinen Werfer genannt.', { predicate: [], word: ['nicht'], indefinite: [] }],
    // Two clauses joined by a coordinator: two negations. A coordinator ends the clause of a "nicht" before it.
    ['de', 'Er kam nicht und sagte kein Wort.', { predicate: ['nicht'], word: [], indefinite: ['kein'] }],
    // English and Russian packs do not cancel (concord in speech: "you don't see no tail"; "никто не").
    ['en', "You don't see no tail.", { predicate: ["n't"], word: [], indefinite: ['no'] }],
  ])('%s: %s', (lang, text, expected) => {
    expect(polarity(lang, text)).toMatchObject(expected);
  });
});

describe('stems and phrases that negate by meaning', () => {
  it.each([
    ['ru', 'Она перестала отвечать на звонки.', ['перестала']],
    ['ru', 'Министр отказывался от интервью.', ['отказывался']],
    ['de', 'Der Minister verweigert das Interview.', ['verweigert']],
    // Verbs of avoidance: "fernhalten" (keep away), "fernbleiben" (stay away), "meiden".
    ['de', 'Die Behörde riet, sich von dem Vulkan fernzuhalten.', ['fernzuhalten']],
  ])('stems: %s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).lexical).toEqual(expected);
  });
  it('a phrase that holds a negator makes it a negator of a word ("не удалось")', () => {
    expect(polarity('ru', 'Сторонам не удалось договориться.')).toMatchObject({ predicate: [], word: ['не'] });
  });
  it('WordNet phrasal verbs that negate by meaning ("stayed up": not go to bed)', () => {
    expect(polarity('en', 'The fans stayed up all night.').lexical).toEqual(['stayed up']);
  });
  it.each([
    ['en', 'Clean water is scarce.', ['scarce']],
    ['en', 'The passengers were oblivious to her ordeal.', ['oblivious']],
    // An adjective of "-less" on a noun or verb: "without" it.
    ['en', 'He was speechless when he heard the news.', ['speechless']],
  ])('WordNet adjectives of absence: %s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).lexical).toEqual(expected);
  });  it.each([
    // After a determiner, a verb that negates by meaning is a noun whose usual sense negates nothing…
    ['en', 'There was a bar and a church on every corner.', []],
    ['en', 'The founder of the bakery opened a second shop.', []],
    ['en', 'The rest of the team arrived on Monday.', []],
    // … but stays the verb it is elsewhere, and a noun of absence or prohibition still negates.
    ['en', 'The new rules bar visitors from the harbour.', ['bar']],
    ['en', 'The court found a lack of evidence.', ['lack']],
  ])('nouns that are negative verbs too: %s: %s', (lang, text, expected) => {
    expect(polarity(lang, text).lexical).toEqual(expected);
  });
});

describe('negations translators routinely render without a negator (negationParaphrases)', () => {
  const loose = (lang: string, text: string) => claimOf(lang, text).negations.filter((n) => n.loose).map((n) => `${n.text}:${n.loose}`);
  it.each([
    ['en', 'The factory is no longer profitable.', ['no longer:cessative']],
    ['vi', 'Nhà máy không còn có lãi.', ['không còn:cessative']],
    ['ru', 'Завод больше не приносит прибыли.', ['не:cessative']],
    ['de', 'Die Fabrik ist nicht mehr rentabel.', ['nicht:cessative']],
    ['en', "Some members voted for the plan and some didn't.", ["n't:ellipsis"]],
    ['en', "Some members voted for it, others didn't and the vote failed.", ["n't:ellipsis"]],
    ['en', 'The committee did not approve the plan.', []],
    // Russian "пока … не" is "until": its negator is expletive.
    ['ru', 'Санкции сохранятся до тех пор, пока мы не увидим результат.', ['не:expletive']],
    ['ru', 'Завод не откроется, пока не закончат ремонт.', ['не:expletive']],
    ['ru', 'Пока завод работает, цены не растут.', []],
    // A German "nicht" ends its verb-final clause: not an ellipsis.
    ['de', 'Der Ausschuss billigte den Plan nicht.', []],
  ])('%s: %s', (lang, text, expected) => {
    expect(loose(lang, text)).toEqual(expected);
  });
  it.each([
    ['en', "\"Isn't that wonderful,\" she asked.", ["n't:question"]],
    ['en', "It was a fine result, wasn't it?", ["n't:question"]],
    ['en', "He said, 'don't they know the rules?'", ["n't:question"]],
    // Not a question: the negated auxiliary follows its subject.
    ['en', "He says it isn't that simple.", []],
    ['en', "They didn't see it coming.", []],
  ])('a negated auxiliary opening a question that asks for agreement: %s: %s', (lang, text, expected) => {
    expect(loose(lang, text)).toEqual(expected);
  });
  it('a loose negation accounts for a negation on the other side and is not counted as one', () => {
    expect(polarity('en', 'The factory is no longer profitable.')).toMatchObject({ predicate: [], word: ['no longer'] });
  });
  it('a negation with an exceptive after it in its clause ("won\'t … unless", "không … trừ khi")', () => {
    expect(claimOf('en', 'The plant will not reopen until the repairs are finished.').negations.map((n) => n.exceptive)).toEqual([true]);
    expect(claimOf('vi', 'Nhà máy sẽ không mở cửa trừ khi có người mua.').negations.map((n) => n.exceptive)).toEqual([true]);
    // Another clause's exceptive does not count.
    expect(claimOf('en', 'The plant did not reopen; it waits until spring.').negations.map((n) => n.exceptive ?? false)).toEqual([false]);
  });
  it.each([
    ['en', 'They come not only for the music but also for the cause.', ['not only:true']],
    ['de', 'Sie kommen nicht nur wegen der Musik, sondern auch wegen der Sache.', ['nicht nur:true']],
    ['vi', 'Họ đến không chỉ vì âm nhạc mà còn vì mục đích từ thiện.', ['không chỉ:true']],
    ['ru', 'Они приходят не только ради музыки, но и ради дела.', ['не только:true']],
    ['de', 'Sie kommen nur wegen der Musik.', ['nur:false']],
  ])('a restrictive under a negator ("not only") is negated and spans its phrase: %s: %s', (lang, text, expected) => {
    expect((claimOf(lang, text).restrictives ?? []).map((r) => `${r.text}:${r.negated ?? false}`)).toEqual(expected);
  });
  it('restrictives ("only", "nur", "chỉ", "только") are read', () => {
    expect((claimOf('de', 'Das Werk öffnet erst wieder, wenn die Reparaturen abgeschlossen sind.').restrictives ?? []).map((r) => r.text)).toEqual(['erst']);
    expect((claimOf('ru', 'Завод откроется, только если найдётся покупатель.').restrictives ?? []).map((r) => r.text)).toEqual(['только']);
  });
  it('the negated modal of a phrase that does not negate is kept aside ("couldn\'t help but"); words holding a negator are not', () => {
    expect((claimOf('en', "She couldn't help but laugh.").idiomNegations ?? []).map((n) => n.text)).toEqual(["n't"]);
    expect(claimOf('vi', 'Hãng hàng không đã mở đường bay mới.').idiomNegations).toBeUndefined();
    expect(claimOf('en', 'It is not only cheaper but also faster.').idiomNegations).toBeUndefined();
  });
});

describe('an event verb right after a conjunction of time order is another event of the sequence', () => {
  it.each([
    ['vi', 'Họ phải tham gia một chương trình học trước khi bắt đầu công việc.', ['bắt đầu']],
    ['en', 'The company will close the plant after it opens a new one.', ['opens']],
    ['en', 'The company opened a new plant.', []],
  ])('%s: %s', (lang, text, expected) => {
    expect(claimOf(lang, text).events.filter((e) => e.subordinate).map((e) => e.text)).toEqual(expected);
  });
});
