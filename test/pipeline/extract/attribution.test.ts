import { describe, expect, it } from 'vitest';
import { check } from '../../../src/check.js';

/** The attribution of the first sentence with one, read from a one-source check. */
async function attributionOf(lang: string, text: string): Promise<{ cue?: string; speaker?: string; pronoun?: boolean; office?: string; roles?: string[] }> {
  const { context } = await check([{ id: 't.txt', text, lang }]);
  const a = context.claims['t.txt']!.find((c) => c.attribution)?.attribution;
  return a ? { cue: a.cue, ...(a.speaker !== undefined ? { speaker: a.speaker } : {}), ...(a.pronoun ? { pronoun: true } : {}), ...(a.office ? { office: a.office.text, roles: a.office.roles } : {}) } : {};
}

describe('who said it', () => {
  it.each<[string, string, string | undefined]>([
    // The name next to the cue speaks.
    ['en', 'The river is rising fast, Mayor Ruth Hadley said on Monday.', 'Ruth Hadley'],
    ['en', 'Paul Varga, the company\'s commercial director, said the aisles were new.', 'Paul Varga'],
    ['en', 'Ruth Hadley also said the river was rising.', 'Ruth Hadley'],
    ['en', 'The river is rising, according to Forestry Department spokesperson Kelsey Brandt.', 'Kelsey Brandt'],
    ['vi', 'Ông Nguyễn Văn Hải cho biết dự án sẽ khởi công vào tháng 9.', 'Nguyễn Văn Hải'],
    ['ru', 'Проект начнется в сентябре, заявил в понедельник министр финансов Иван Петров.', 'Иван Петров'],
    ['de', 'Die Krankenhäuser erhalten neue Mittel, sagte Finanzministerin Ana Ruiz am Montag.', 'Ana Ruiz'],
    // A name that is what the sentence is about does not speak.
    ['en', 'The show mocked his testimony before the Senate Judicial Committee on sexual assault claims made by a professor.', undefined],
    ['de', 'Er erklärte sich in allen 22 Anklagen für nicht schuldig.', 'Er'],
    ['vi', 'Rosa sẽ mang theo những cơn mưa lũ trên khắp miền Bắc Mexico và Tây Nam Hoa Kỳ.', undefined],
    ['vi', 'Sau khi văn phòng của nhân vật ôn hòa của Cộng hòa vừa đưa ra tuyên bố rằng ông sẽ bỏ phiếu, ông bị chặn lại.', undefined],
    ['de', 'Sie sagte, dass ihr Vater stolz auf das Buch war.', 'Sie'],
    // A rate is no "according to".
    ['en', 'Rainfall rates approach 3 inches per hour in parts of Nevada.', undefined],
  ])('[%s] %j -> %j', async (lang, text, speaker) => {
    expect((await attributionOf(lang, text)).speaker).toBe(speaker);
  });

  it('a speech verb after a quotation closed in this sentence is outside the quotation', async () => {
    const text = '"We will not leave the town. We\'re not racist people," husband Joel Varga told the Post.';
    const { context } = await check([{ id: 't.txt', text, lang: 'en' }]);
    const claims = context.claims['t.txt']!;
    expect(claims.at(-1)!.attribution?.speaker).toBe('Joel Varga');
  });

  it('reads a pronoun that speaks, and an office that speaks or names the speaker', async () => {
    expect(await attributionOf('en', '"We will rebuild," he said.')).toMatchObject({ speaker: 'he', pronoun: true });
    expect(await attributionOf('vi', '"Chúng tôi sẽ xây lại", ông nói.')).toMatchObject({ speaker: 'ông', pronoun: true });
    expect(await attributionOf('en', '"Hospitals will get new funds," the Minister of Health said.')).toMatchObject({ speaker: 'Minister of Health', roles: ['minister.health'] });
    expect(await attributionOf('vi', '"Các bệnh viện sẽ được cấp thêm vốn", Bộ trưởng Bộ Tài chính cho biết.')).toMatchObject({ roles: ['minister.finance'] });
    expect(await attributionOf('en', 'Funds will rise, Finance Minister Ana Ruiz said.')).toMatchObject({ speaker: 'Ana Ruiz', office: 'Finance Minister', roles: ['minister.finance'] });
  });
});
