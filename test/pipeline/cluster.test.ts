/**
 * Story clustering: versions of one article in several languages and reports of one event by two outlets are one
 * story; articles about different events that share a person, a country or a figure are not, however many versions
 * each has. The texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { foldKey, soundKey } from '../../src/lang/keys.js';

const PORT_EN = `Harborline to expand Kestrel Bay terminal

Harborline Logistics will spend $420 million to expand the Kestrel Bay container terminal, chief executive Marta Oyelaran said on Tuesday.

The project adds 1.2 million containers of yearly capacity by 2027, and 850 workers will be hired.

Work on the new quay begins in March, the company said. Governor Tomasz Ilyin welcomed the plan.`;

const PORT_VI = `Harborline mở rộng cảng Kestrel Bay

Harborline Logistics sẽ chi 420 triệu USD để mở rộng cảng container Kestrel Bay, giám đốc điều hành Marta Oyelaran cho biết hôm thứ Ba.

Dự án bổ sung công suất 1,2 triệu container mỗi năm vào năm 2027, và 850 công nhân sẽ được tuyển dụng.

Công trình bến mới sẽ khởi công vào tháng Ba, công ty cho biết. Thống đốc Tomasz Ilyin hoan nghênh kế hoạch.`;

const PORT_RU = `Harborline расширит терминал в Кестрел-Бей

Компания Harborline Logistics потратит 420 млн долларов на расширение контейнерного терминала Кестрел-Бей, сообщила во вторник генеральный директор Марта Ойеларан.

Проект добавит 1,2 млн контейнеров годовой мощности к 2027 году, будут наняты 850 рабочих.

Работы на новом причале начнутся в марте, сообщили в компании. Губернатор Томаш Ильин приветствовал план.`;

/** Another outlet's report of the same announcement: the same people, figures and day, in other words. */
const PORT_OTHER_OUTLET = `Kestrel Bay terminal set for $420 million expansion

The Kestrel Bay container terminal is to get a $420 million expansion, Harborline Logistics announced on Tuesday.

Marta Oyelaran, the company's chief executive, said 850 jobs would be created and capacity would rise by 1.2 million containers a year from 2027.

Governor Tomasz Ilyin called it good news for the region. Construction of a new quay is due to start in March.`;

/** A different event with the same governor and the same region. */
const HOSPITAL_EN = `Governor opens hospital wing in Dunmore

Governor Tomasz Ilyin opened a new cardiology wing at Dunmore General Hospital on Friday.

The wing cost $38 million and has 64 beds, hospital director Sunil Achterberg said.

Ilyin said the region would open two more clinics by 2026.`;

const HOSPITAL_VI = `Thống đốc khai trương khu điều trị mới tại Dunmore

Thống đốc Tomasz Ilyin đã khai trương khu tim mạch mới tại Bệnh viện Đa khoa Dunmore hôm thứ Sáu.

Khu điều trị trị giá 38 triệu USD và có 64 giường bệnh, giám đốc bệnh viện Sunil Achterberg cho biết.

Ông Ilyin cho biết khu vực sẽ mở thêm hai phòng khám vào năm 2026.`;

/** Two football matches on one Saturday, in one league, with one club in common: two stories. */
const MATCH_A = `Carrow Albion beat Westbridge 2-1

Carrow Albion came from behind to beat Westbridge 2-1 on Saturday, with Danny Okafor scoring twice in the second half.

Westbridge had led through a penalty from Lukas Brandvold after 23 minutes.

Albion manager Ellen Pryce said her side had shown character. Albion move up to fourth in the Premier Division.`;

const MATCH_B = `Westbridge coach under pressure after third defeat

Westbridge coach Rui Amaral says he retains the backing of the board despite a third straight defeat in the Premier Division.

Amaral spoke to reporters on Monday ahead of Wednesday's cup tie against Hollins Town, who have won five of their last six games.

Midfielder Arne Solheim is expected to return from a hamstring injury, Amaral said.`;

async function stories(inputs: { id: string; text: string }[]): Promise<string[][]> {
  const { report } = await check(inputs);
  return report.stories.map((s) => [...s.sources].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('cluster', () => {
  it('keeps the versions of one article together across languages and scripts, and apart from another event with the same governor', async () => {
    const got = await stories([
      { id: 'port-en.txt', text: PORT_EN }, { id: 'port-vi.txt', text: PORT_VI }, { id: 'port-ru.txt', text: PORT_RU },
      { id: 'hospital-en.txt', text: HOSPITAL_EN }, { id: 'hospital-vi.txt', text: HOSPITAL_VI },
    ]);
    expect(got).toEqual([['hospital-en.txt', 'hospital-vi.txt'], ['port-en.txt', 'port-ru.txt', 'port-vi.txt']]);
  });

  it('joins two outlets\' reports of one event', async () => {
    const got = await stories([{ id: 'port-en.txt', text: PORT_EN }, { id: 'port-other.txt', text: PORT_OTHER_OUTLET }, { id: 'hospital-en.txt', text: HOSPITAL_EN }]);
    expect(got).toEqual([['hospital-en.txt'], ['port-en.txt', 'port-other.txt']]);
  });

  it('does not join two reports of different events about one club, each a single version', async () => {
    const got = await stories([{ id: 'match-a.txt', text: MATCH_A }, { id: 'match-b.txt', text: MATCH_B }]);
    expect(got).toEqual([['match-a.txt'], ['match-b.txt']]);
  });

  it('joins a one-sentence note and its edit, which share no name or figure the other spells the same', async () => {
    const got = await stories([
      { id: 'note.txt', text: 'The delegation from the northern provinces arrived in the capital on Monday.' },
      { id: 'note-edit.txt', text: 'The delegation from the northern provinces arrived in the capitol on Monday.' },
      { id: 'other.txt', text: 'Heavy rain closed the coastal road for most of Tuesday, police said.' },
    ]);
    expect(got).toEqual([['note-edit.txt', 'note.txt'], ['other.txt']]);
  });

  it('does not let one strong pair join two stories that each have several versions (average linkage)', async () => {
    // The hospital story in two languages and the port story in three share the governor: one pair of versions
    // that share his name and the region's year must not pull the five files into one story.
    const got = await stories([
      { id: 'port-en.txt', text: PORT_EN }, { id: 'port-vi.txt', text: PORT_VI }, { id: 'port-ru.txt', text: PORT_RU },
      { id: 'port-other.txt', text: PORT_OTHER_OUTLET },
      { id: 'hospital-en.txt', text: HOSPITAL_EN }, { id: 'hospital-vi.txt', text: HOSPITAL_VI },
    ]);
    expect(got).toEqual([['hospital-en.txt', 'hospital-vi.txt'], ['port-en.txt', 'port-other.txt', 'port-ru.txt', 'port-vi.txt']]);
  });
});

describe('soundKey', () => {
  it.each([
    ['Wheeling', 'Уилинг'],
    ['Christine', 'Кристин'],
    ['Virginia', 'Вирджиния'],
    ['Congress', 'Конгресс'],
    ['Oyelaran', 'Ойеларан'],
    ['Washington', 'Уошингтон'],
  ])('%s and %s sound alike', (latin, cyrillic) => {
    expect(soundKey(foldKey(latin))).toBe(soundKey(foldKey(cyrillic)));
  });

  it.each([
    ['Petrov', 'Pavlov'],
    ['Carrow', 'Harrow'],
    ['Ilyin', 'Ilkin'],
  ])('%s and %s do not', (x, y) => {
    expect(soundKey(foldKey(x))).not.toBe(soundKey(foldKey(y)));
  });
});
