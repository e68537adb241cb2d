/**
 * Names spelt differently between versions: in a same-language draft (edited-name), across languages in one script
 * and across scripts (entity-spelling), and within one article (name-inconsistency). Each row is two short versions,
 * the first the declared original, and the findings of the rules about names, as "rule: span A | span B".
 */
import { describe, expect, it } from 'vitest';
import { check, checkRows } from '../../src/check.js';
import { getPack } from '../../src/lang/packs.js';
import { respelled, stems } from '../../src/rules/kinds/entity-drift.js';

const NAME_RULES = new Set(['edited-name', 'entity-spelling', 'name-inconsistency', 'name-misspelling']);

async function nameFindings(a: string, b: string, langA: string, langB: string, original = true): Promise<string[]> {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: langA, story: 's', ...(original ? { original: true } : {}) },
    { id: 'b.txt', text: b, lang: langB, story: 's' },
  ], { relations: { s: 'versions' } });
  return report.findings.filter((f) => NAME_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' | ')}`).sort();
}

describe('a name edited in a same-language draft', () => {
  it.each([
    ['a surname, one letter dropped',
      'Council member Dana Whitfield voted against the harbour plan on Tuesday.',
      'Council member Dana Whitfeld voted against the harbour plan on Tuesday.',
      ['edited-name: Whitfield | Whitfeld']],
    ['a place, one vowel changed',
      'The ferry to Tremont was cancelled after the storm, the operator said.',
      'The ferry to Tramont was cancelled after the storm, the operator said.',
      ['edited-name: Tremont | Tramont']],
    ['a name that became a common word',
      'The rally in Ohio drew thousands of supporters of Senator Marcus Bell.',
      'The rally in Ohio drew thousands of supporters of Senator Marcus Ball.',
      ['edited-name: Bell | Ball']],
    ['a capitalised institution',
      'The Senate approved the budget late on Thursday after a long debate.',
      'The Senute approved the budget late on Thursday after a long debate.',
      ['edited-name: Senate | Senute']],
    ['a weekday is a proper word too',
      'The mayor will announce the winners on Friday at the town hall.',
      'The mayor will announce the winners on Fraday at the town hall.',
      ['edited-name: Friday | Fraday']],
    ['a name with a possessive',
      "Inspectors found cracks in the Kellerman's Bridge supports last week.",
      "Inspectors found cracks in the Kellermen's Bridge supports last week.",
      ["edited-name: Kellerman's | Kellermen's"]],
    ['a German name in a German draft',
      'Der Bürgermeister von Lindau, Tobias Wendlinger, eröffnete die Messe.',
      'Der Bürgermeister von Lindau, Tobias Wendlanger, eröffnete die Messe.',
      ['edited-name: Wendlinger | Wendlanger']],
    ['a surname beside a modal changed in its sentence (two changes, so entity-spelling reports it, not edited-name)',
      'The bridge will open in 2029, council leader Maren Oduya said after the vote. Oduya thanked the voters.',
      'The bridge could open in 2029, council leader Maren Oduyo said after the vote. Oduya thanked the voters.',
      ['entity-spelling: Oduya | Oduyo | Oduya', 'name-inconsistency: Oduyo | Oduya']],
  ])('%s is reported', async (_what, a, b, want) => {
    const lang = /Bürgermeister/.test(a) ? 'de' : 'en';
    expect(await nameFindings(a, b, lang, lang)).toEqual(want);
  });

  it.each([
    ['a common word misspelt', 'The government announced new measures on housing.', 'The goverment announced new measures on housing.'],
    ['a sentence-initial common word misspelt', 'Residents were told to leave their homes by noon.', 'Recidents were told to leave their homes by noon.'],
    ['a sentence-initial function word misspelt', 'Since the bridge closed, traffic has doubled in the centre.', 'Sicne the bridge closed, traffic has doubled in the centre.'],
    ['an accent dropped', 'Police chief José Alvarado said the road would reopen.', 'Police chief Jose Alvarado said the road would reopen.'],
    ['an ending added', 'The Emmy went to a drama about a Welsh mining town.', 'The Emmys went to a drama about a Welsh mining town.'],
    ['a German noun misspelt', 'Der Präsident sprach am Montag in Bonn vor Studenten.', 'Der Präsidant sprach am Montag in Bonn vor Studenten.'],
  ])('%s is not a name change', async (_what, a, b) => {
    const lang = /Präsident/.test(a) ? 'de' : 'en';
    expect(await nameFindings(a, b, lang, lang)).toEqual([]);
  });
});

describe('a name spelt differently across languages in one script', () => {
  it.each([
    ['vi: a one-off surname',
      'Flood warden Oskar Lindqvist said the river was still rising on Monday.',
      'Nhân viên phòng chống lũ Oskar Lindquist cho biết nước sông vẫn đang lên hôm thứ Hai.', 'vi',
      ['entity-spelling: Lindqvist | Lindquist']],
    ['vi: a name the version writes right elsewhere',
      'Mayor Hana Dvorak opened the bridge on Monday. Dvorak said the work had cost less than planned.',
      'Thị trưởng Hana Dvorak đã khánh thành cây cầu hôm thứ Hai. Bà Dvarak cho biết công trình tốn ít hơn dự kiến.', 'vi',
      ['entity-spelling: Dvorak | Dvarak | Dvorak', 'name-inconsistency: Dvorak | Dvarak']],
    ['de: a surname kept as written, one letter changed',
      'Mayor Hilde Brandauer opened the new bridge in Passau on Friday.',
      'Bürgermeisterin Hilde Brandaur eröffnete am Freitag die neue Brücke in Passau.', 'de',
      ['entity-spelling: Brandauer | Brandaur']],
    ['de: a name the version writes right elsewhere',
      'Coach Peter Holt praised the team. Holt said the players had earned the win.',
      'Trainer Peter Holt lobte die Mannschaft. Hilt sagte, die Spieler hätten sich den Sieg verdient.', 'de',
      ['entity-spelling: Holt | Hilt | Holt']],
    ['de: a name that became a German noun, where the version keeps the name elsewhere',
      'Coach Peter Holt praised the team. Holt said the players had earned the win.',
      'Trainer Peter Holt lobte die Mannschaft. Halt sagte, die Spieler hätten sich den Sieg verdient.', 'de',
      ['entity-spelling: Holt | Halt | Holt']],
    ['de: a name of a hyphenated compound, written apart and misspelt',
      'Both Ruiz and Governor Anna Holmberg want a second meeting. Aides are preparing a second Ruiz-Holmberg meeting in Ashby.',
      'Sowohl Ruiz als auch Gouverneurin Anna Holmberg wollen ein zweites Treffen. Mitarbeiter bereiten ein zweites Treffen zwischen Ruiz und Holmbarg in Ashby vor.', 'de',
      ['entity-spelling: Holmberg | Holmbarg | Holmberg']],
    ['de: a name written twice in the sentence, once right and once misspelt',
      'The Veltrona pump fits into a small bag (Veltrona/Studio North).',
      'Die Pumpe von Veltrana passt in eine kleine Tasche (Veltrona/Studio North).', 'de',
      ['entity-spelling: Veltrona | Veltrana']],
  ])('%s is reported', async (_what, a, b, lang, want) => {
    expect(await nameFindings(a, b, 'en', lang)).toEqual(want);
  });

  it.each([
    ['de: nouns that are cognates of the English capitalised words', 'The President spoke to Congress on Tuesday.', 'Der Präsident sprach am Dienstag vor dem Kongress.', 'de'],
    ['de: a word the version translates in one place and keeps in a name in another', 'Rhine Energy won the contract. Energy prices rose.', 'Rhine Energy gewann den Auftrag. Die Energiepreise stiegen.', 'de'],
    ['de: a derived form and an inflected one of a place', 'Europe must act, Europe\'s leaders said.', 'Die Europäer müssen handeln, sagten die Staatschefs Europas.', 'de'],
    ['de: a transliteration by the German rules', 'Prime Minister Dmitry Medvedev visited the plant in Tula.', 'Regierungschef Dmitri Medwedew besuchte das Werk in Tula.', 'de'],
    ['de: a German genitive', 'Tobias Wendlinger leads the company. Wendlinger said sales rose.', 'Tobias Wendlinger leitet die Firma. Wendlingers Umsatz stieg, sagte er.', 'de'],
    ['vi: the country for the demonym', 'The Argentine striker scored twice in the second half.', 'Tiền đạo người Argentina ghi hai bàn trong hiệp hai.', 'vi'],
    ['de: the German form of a name where a slogan keeps the English one', 'He wore a Make America Great cap. He said he would have left America long ago.', 'Er trug eine Make-America-Great-Kappe. Er sagte, er hätte Amerika längst verlassen.', 'de'],
    ['vi: a Vietnamese word at the start of a sentence', 'Long queues formed outside the Hanoi office. Officials said the wait was two hours.', 'Không ít người xếp hàng trước văn phòng ở Hà Nội. Các quan chức cho biết phải chờ hai giờ.', 'vi'],
  ])('%s is not reported', async (_what, a, b, lang) => {
    expect(await nameFindings(a, b, 'en', lang)).toEqual([]);
  });
});

describe('a name spelt differently across scripts, read from the version\'s own usage', () => {
  it('ru: the name written one way in two aligned sentences and another in a third', async () => {
    expect(await nameFindings(
      'Mayor Oskar Lindqvist opened the bridge on Monday. Lindqvist said it had cost less than planned. Later Lindqvist thanked the builders.',
      'Мэр Оскар Линдквист открыл мост в понедельник. Линдквист сказал, что он обошёлся дешевле, чем планировалось. Позже Линдквест поблагодарил строителей.',
      'en', 'ru')).toEqual(['entity-spelling: Lindqvist | Линдквест | Линдквист', 'name-inconsistency: Линдквист | Линдквест']);
  });

  it('ru: inflected forms of one name are one spelling', async () => {
    expect(await nameFindings(
      'Mayor Oskar Lindqvist opened the bridge on Monday. Critics of Lindqvist said it cost too much. Lindqvist thanked the builders.',
      'Мэр Оскар Линдквист открыл мост в понедельник. Критики Линдквиста заявили, что он обошёлся слишком дорого. Линдквист поблагодарил строителей.',
      'en', 'ru')).toEqual([]);
  });
});

describe('a name rendered in another script with a vowel the language never writes for it (entity-spelling)', () => {
  it.each([
    ['a Russian surname romanised, one vowel changed back',
      'Deputy mayor Pavel Sorokin opened the new depot on Monday.',
      'Заместитель мэра Павел Серукин открыл новое депо в понедельник.',
      ['entity-spelling: Sorokin | Серукин']],
    ['an English first name, "o" rendered as "и"',
      'Coach Dolly Parkes said the team had trained all winter.',
      'Тренер Дилли Паркс сказала, что команда тренировалась всю зиму.',
      ['entity-spelling: Dolly | Дилли']],
    ['a name with a soft "c", "e" rendered as "о"',
      'Inspector Cedric Vance closed the case on Friday.',
      'Инспектор Содрик Вэнс закрыл дело в пятницу.',
      ['entity-spelling: Cedric | Содрик']],
  ])('%s is reported', async (_what, a, b, want) => {
    expect(await nameFindings(a, b, 'en', 'ru')).toEqual(want);
  });

  it.each([
    ['"u" as "а" and "ur" as "ер"', 'Senators Buckley and Burke met the governor.', 'Сенаторы Бакли и Берк встретились с губернатором.'],
    ['"a" as "э", a silent "e"', 'Candace Hale thanked the volunteers.', 'Кэндис Хейл поблагодарила волонтёров.'],
    ['an inflected surname', 'Reporters asked Richter about the plan.', 'Журналисты спросили Рихтера о плане.'],
    ['a romanised "ё"', 'Former leader Gorbachev spoke in Berlin.', 'Бывший лидер Горбачёв выступил в Берлине.'],
    ['a glide before the first vowel, a surname in the instrumental', 'Reporters spoke with Yegorov on Monday.', 'Журналисты поговорили с Егоровым в понедельник.'],
    ['"w" sounded as a vowel, a diphthong', 'Rose West and Owen Lyon arrived late.', 'Роуз Уэст и Оуэн Лайон пришли поздно.'],
  ])('%s is the language\'s rendering', async (_what, a, b) => {
    expect(await nameFindings(a, b, 'en', 'ru')).toEqual([]);
  });
});

describe('the packs\' knowledge of name forms', () => {
  const de = getPack('de');
  it.each([
    ['medvedev', 'medwedew', true],
    ['yanukovych', 'janukowytsch', true],
    ['dmitry', 'dmitri', true],
    ['trump', 'tremp', false],
    ['berlin', 'berlan', false],
  ])('de respells "%s" as "%s": %s', (foreign, native, want) => {
    expect(respelled(de.nameRespellings ?? [], foreign, native)).toBe(want);
  });

  it.each([
    ['europas', ['europas', 'europa']],
    ['europaer', ['europaer', 'europa', 'europ']],
    ['holt', ['holt']],
  ])('de stems of "%s"', (key, want) => {
    expect(stems(key, de.nameEndings ?? []).sort()).toEqual([...want].sort());
  });
});

describe('one name spelt two ways within one article (name-inconsistency)', () => {
  const inconsistencies = async (text: string, lang = 'en'): Promise<string[]> =>
    (await nameFindings(text, text, lang, lang)).filter((f) => f.startsWith('name-inconsistency'));

  it.each([
    ['the same title before both spellings',
      'Ms Clara Fairleigh chairs the trust, which runs six shelters. Volunteers said the winter had been hard. Ms Fairlegh said more beds were needed.',
      ['name-inconsistency: Fairleigh | Fairlegh']],
    ['a bare surname after the full name',
      'Kestrel Shipping won the contract on Monday. The vessels will be built in Ulsan. Later, Kestral said delivery would start in 2027.',
      ['name-inconsistency: Kestrel | Kestral']],
  ])('%s is reported (once per copy of the article)', async (_what, text, want) => {
    expect([...new Set(await inconsistencies(text))]).toEqual(want);
  });

  it.each([
    ['two people with their own first names', 'Investor Dana Pruitt backed the plan. The council met on Monday. Senator Paul Pruett opposed it.', 'en'],
    ['a place and a sentence-initial title word', 'The plant in Binh Chieu opened in May. Output rose quickly. Chief engineer Lam Tran said output would double.', 'en'],
    ['two words of the language in a title-case headline and a name', 'Bà Warren sẽ "Nghiêm túc xem xét" việc tranh cử. Theo Trung tâm Nghiên cứu Chính trị, 58% cử tri không đồng ý.', 'vi'],
  ])('%s are not one name', async (_what, text, lang) => {
    expect(await inconsistencies(text, lang)).toEqual([]);
  });
});

describe('a word of a name misspelt in a translation (name-misspelling)', () => {
  it.each([
    ['a Russian word of an institution',
      'The Pacific Fisheries Commission met in Vladivostok on Monday.',
      'В понедельник во Владивостоке собралась Тихоокеанскоя рыболовная комиссия.',
      ['name-misspelling: Тихоокеанскоя | The Pacific Fisheries Commission met in Vladivostok on Monday.']],
    ['a word of the language in a name, one vowel changed, though its consonants render the original\'s word',
      'The Lakeside Festival opens on Friday.',
      'В пятницу открывается Озёрный Фистиваль.',
      ['name-misspelling: Фистиваль | The Lakeside Festival opens on Friday.']],
  ])('%s is reported', async (_what, a, b, want) => {
    expect(await nameFindings(a, b, 'en', 'ru')).toEqual(want);
  });

  it.each([
    ['a transliterated surname one letter from a word', 'Senator Jeff Flake said he would vote against the bill.', 'Сенатор Джефф Флейк заявил, что проголосует против законопроекта.'],
    ['a long transliterated name', 'Commissioner Margrethe Vestager fined the company on Monday.', 'Комиссар Маргрете Вестагер оштрафовала компанию в понедельник.'],
    ['a common word inside a name, transliterated letter for letter', 'The match is at the Tony Macaroni Arena on Sunday.', 'Матч пройдёт на стадионе «Тони Макарони Арена» в воскресенье.'],
  ])('%s is not reported', async (_what, a, b) => {
    expect(await nameFindings(a, b, 'en', 'ru')).toEqual([]);
  });
});

describe('names in bitext units and behind direction marks', () => {
  const unitFindings = (left: string, right: string, leftLang: string, rightLang: string): string[] =>
    checkRows([{ id: 'u1', left, right, leftLang, rightLang }], { left: 'source', right: 'target' }).report.findings
      .filter((f) => NAME_RULES.has(f.ruleId)).map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' | ')}`);

  it.each([
    ['a short translated unit', 'Council member Dana Whitfield voted no.', 'Nghị viên Dana Whitfeld bỏ phiếu chống.', 'en', 'vi', ['entity-spelling: Whitfield | Whitfeld']],
    ['a short same-language unit', 'Council member Dana Whitfield voted no.', 'Council member Dana Whitfeld voted no.', 'en', 'en', ['edited-name: Whitfield | Whitfeld']],
    ['a name wrapped in right-to-left override marks', 'The ferry to Tremont was cancelled.', 'The ferry to \u202eTramont\u202c was cancelled.', 'en', 'en', ['edited-name: Tremont | Tramont']],
    ['a translated name wrapped in isolate marks', 'Mayor Ana Ruiz visited the Clearwater plant on Monday.', 'Thị trưởng Ana Ruiz đã thăm nhà máy \u2067Clearweter\u2069 hôm thứ Hai.', 'en', 'vi', ['entity-spelling: Clearwater | Clearweter']],
  ])('%s: the changed name is reported', (_what, left, right, leftLang, rightLang, want) => {
    expect(unitFindings(left, right, leftLang, rightLang)).toEqual(want);
  });
});
