import { describe, expect, it } from 'vitest';
import { alignPair } from '../../src/pipeline/align.js';
import type { PairAlignment } from '../../src/model/alignment.js';
import { analyseSource } from '../../src/pipeline/run.js';
import type { SourceData } from '../../src/rules/types.js';

const source = (id: string, text: string, lang: string): SourceData =>
  analyseSource({ id, path: id, lang, text, provenance: {}, warnings: [] }, { clean: { langHints: { [id]: lang } } });

/** Each sentence of `x` (by its first words) with the first words of what it is aligned to, or "-". */
function pairs(p: PairAlignment, a: SourceData, b: SourceData): Record<string, string> {
  const head = (t: string): string => t.split(/\s+/u).slice(0, 3).join(' ');
  const text = new Map([...a.sentences, ...b.sentences].map((s) => [s.id, head(s.text)]));
  const out: Record<string, string> = {};
  for (const s of a.sentences) {
    const l = p.links.find((x) => x.aSentences.includes(s.id));
    out[head(s.text)] = l ? l.bSentences.map((id) => text.get(id)).join(' + ') : '-';
  }
  return out;
}

describe('alignPair', () => {
  it('joins the two sentences a translator made of one, within a paragraph (1-2)', () => {
    const a = source('a', [
      'Harbour pilots at Port Ellery went on strike on Monday over a new rota.',
      'The port handled 2.4 million containers last year, and the stoppage halted loading at all nine berths while the union and the port authority met in the afternoon.',
      'Talks are due to resume on Thursday.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Các hoa tiêu cảng Port Ellery đã đình công hôm thứ Hai để phản đối lịch trực mới.',
      'Cảng đã xử lý 2,4 triệu container vào năm ngoái. Cuộc đình công làm ngừng bốc dỡ hàng tại cả chín bến trong khi công đoàn và ban quản lý cảng họp vào buổi chiều.',
      'Các cuộc đàm phán dự kiến sẽ tiếp tục vào thứ Năm.',
    ].join('\n\n'), 'vi');
    const p = alignPair('s', a, b);
    expect(p.unalignedA).toEqual([]);
    expect(p.unalignedB).toEqual([]);
    expect(pairs(p, a, b)['The port handled']).toBe('Cảng đã xử + Cuộc đình công');
  });

  it('keeps paragraphs one for one when both versions have as many, where the sentences share no words', () => {
    // The third paragraph's translation is much shorter than the original: on length alone, each later sentence
    // fits its neighbour's partner better, and the alignment would slide by one.
    const a = source('a', [
      'Mayor Ilse Varga opened the new library in Dorvik on Monday.',
      '"Historically, the old people I have talked to say there was a reading room on every corner," she said.',
      '"People spend their evenings in a different way now that every home has a screen," she said.',
      '"Reading rooms are no longer places where the whole street goes on a regular basis."',
      'As for the old building, she worries that the money from selling it will not last as long as the council expects, "and sooner or later we will be right back where we started."',
      'It could be replaced by flats, she added.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Мэр Ильзе Варга открыла новую библиотеку в Дорвике в понедельник.',
      '«Старожилы, с которыми я говорила, рассказывали, что раньше на каждом углу был читальный зал», — сказала она.',
      '«Формат досуга изменился».',
      '«Читальный зал перестал быть местом, куда регулярно приходила вся улица».',
      'Что касается старого здания, ее беспокоит, что денег от его продажи хватит ненадолго, как бы на то ни надеялся совет. «Рано или поздно мы останемся ни с чем».',
      'На его месте, добавила она, могут появиться квартиры.',
    ].join('\n\n'), 'ru');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)).toEqual({
      'Mayor Ilse Varga': 'Мэр Ильзе Варга',
      '"Historically, the old': '«Старожилы, с которыми',
      '"People spend their': '«Формат досуга изменился».',
      '"Reading rooms are': '«Читальный зал перестал',
      'As for the': 'Что касается старого + «Рано или поздно',
      'It could be': 'На его месте,',
    });
  });

  it('joins three sentences a translator made of one, within a paragraph (1-3)', () => {
    const a = source('a', [
      'Mayor Ilse Varga opened the new library in Dorvik on Monday.',
      'Tensions remain high in the town a year after the old library was closed by the council despite protests.',
      'Varga thanked the volunteers who had moved every book by hand.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Мэр Ильзе Варга открыла новую библиотеку в Дорвике в понедельник.',
      'Год назад совет закрыл старую библиотеку. Жители протестовали. Напряжение в городе сохраняется.',
      'Варга поблагодарила волонтеров, которые перенесли каждую книгу вручную.',
    ].join('\n\n'), 'ru');
    const p = alignPair('s', a, b);
    expect(p.unalignedB).toEqual([]);
    expect(pairs(p, a, b)['Tensions remain high']).toBe('Год назад совет + Жители протестовали. + Напряжение в городе');
  });

  it('pairs no sentence of figures and names with one that has none of them, whatever their lengths', () => {
    const a = source('a', [
      'Hearing watched by more than 20 million people',
      'Over 20 million watched Brett Kavanaugh.',
      'Broadcasters interrupted their regular programmes on Friday for the vote.',
      'Ford told the committee that she was certain Brett Kavanaugh had attacked her.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Über 20 Millionen Menschen sahen die Anhörung',
      'In der Zwischenzeit hielt die Pattsituation an. Die Sender unterbrachen am Freitag ihr reguläres Programm für die Abstimmung.',
      'Ford sagte dem Ausschuss, sie sei sicher, dass Brett Kavanaugh sie angegriffen habe.',
    ].join('\n\n'), 'de');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)).toEqual({
      'Hearing watched by': 'Über 20 Millionen',
      'Over 20 million': '-',
      'Broadcasters interrupted their': 'Die Sender unterbrachen',
      'Ford told the': 'Ford sagte dem',
    });
  });

  it('leaves a dropped sentence unaligned rather than merging it with its neighbour (its figure is not there)', () => {
    const a = source('a', [
      'The council of Brindle approved the new tram line on Tuesday.',
      'The line will cost 310 million euros and carry 45,000 passengers a day, the council said.',
      'Construction starts in the spring.',
      'Brindle last built a tram line in 1962.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Der Stadtrat von Brindle hat am Dienstag die neue Straßenbahnlinie genehmigt.',
      'Der Bau beginnt im Frühjahr.',
      'Zuletzt baute Brindle 1962 eine Straßenbahnlinie.',
    ].join('\n\n'), 'de');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)).toEqual({
      'The council of': 'Der Stadtrat von',
      'The line will': '-',
      'Construction starts in': 'Der Bau beginnt',
      'Brindle last built': 'Zuletzt baute Brindle',
    });
  });

  it('in a draft of the same text, a dropped sentence is not absorbed by the identical sentence before it', () => {
    const title = 'Marlow Ferries cuts winter sailings to Ostra';
    const kept = 'The company said the cuts would save money.';
    const a = source('a', `${title}\n\nChief executive Hana Berg said Marlow Ferries cuts winter sailings to Ostra to 14 a week from 22.\n\n${kept}`, 'en');
    const b = source('b', `${title}\n\n${kept}`, 'en');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)).toEqual({ 'Marlow Ferries cuts': 'Marlow Ferries cuts', 'Chief executive Hana': '-', 'The company said': 'The company said' });
  });

  it('keeps a length-only chain in step: the sentence whose name the other version lacks there is the one left out', () => {
    const a = source('a', [
      'Rain is expected across the region this week.',
      'Forecaster Ilse Marten of the Tarrow weather office said rivers could rise quickly.',
      'Residents near the banks should prepare sandbags.',
      'Schools will stay open, Marten said.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Diese Woche wird in der ganzen Region Regen erwartet.',
      'Anwohner in Ufernähe sollten Sandsäcke bereithalten.',
      'Die Schulen bleiben geöffnet, sagte Marten.',
    ].join('\n\n'), 'de');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)).toEqual({
      'Rain is expected': 'Diese Woche wird',
      'Forecaster Ilse Marten': '-',
      'Residents near the': 'Anwohner in Ufernähe',
      'Schools will stay': 'Die Schulen bleiben',
    });
  });
  it('does not join a dropped paragraph to the one before it on a shared name alone (a merge across paragraphs needs anchors)', () => {
    const a = source('a', [
      'Volunteers in Corrin have begun planting trees along the river.',
      'Ms Varga said: "I worry that the banks will wash away."',
      'Ms Varga started the project, "to give people somewhere to meet, even if it is only to plant a tree together.',
      'Nobody should sit at home alone."',
      'The first trees went in on Saturday morning.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'Freiwillige in Corrin haben begonnen, Bäume am Fluss zu pflanzen.',
      'Varga erklärte: „Ich befürchte, dass die Ufer weggespült werden.“',
      'Niemand sollte allein zu Hause sitzen.“',
      'Die ersten Bäume wurden am Samstagmorgen gepflanzt.',
    ].join('\n\n'), 'de');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)['Ms Varga started']).toBe('-');
    expect(pairs(p, a, b)['Ms Varga said:']).toBe('Varga erklärte: „Ich');
  });

  it('across scripts, a name transliterated another way still anchors its sentence (sound keys)', () => {
    const a = source('a', [
      'Man shot with air rifle in Pelcombe',
      'A man has been shot several times with an air rifle as he walked home from a night out.',
      'The victim, in his 40s, was in the Mill Lane area of Pelcombe when he was shot in the chest.',
      'Officers described the shooting as a random act.',
    ].join('\n\n'), 'en');
    const b = source('b', [
      'В Пелкомбе мужчину ранили из пневматической винтовки',
      'Мужчину несколько раз ранили из пневматической винтовки, когда он возвращался домой.',
      'Полиция назвала стрельбу случайным нападением.',
    ].join('\n\n'), 'ru');
    const p = alignPair('s', a, b);
    expect(pairs(p, a, b)['Man shot with']).toBe('В Пелкомбе мужчину');
    expect(pairs(p, a, b)['The victim, in']).toBe('-');
  });
});
