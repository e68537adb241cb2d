/**
 * Page furniture is language knowledge kept in the packs (`furniture`), and every pack's applies to every source,
 * whatever its language: pages mix languages (an English story with a Russian footer).
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../src/lang/knowledge.js';
import { getPack } from '../../src/lang/packs.js';
import type { Source } from '../../src/model/source.js';
import { clean } from '../../src/pipeline/clean.js';

const k = defaultKnowledge();
const PROSE = 'The regional council approved the budget for the new bridge on Tuesday, after a debate that lasted most of the afternoon.';
const kinds = (text: string, lang = 'en'): [string, string][] => {
  const src: Source = { id: 's', path: 's', lang, text, provenance: {}, warnings: [] };
  const out = clean(src, { langHints: { s: lang } }, k);
  return out.blocks.map((b) => [text.slice(b.start, b.end), b.kind]);
};

describe('furniture from the packs', () => {
  it('an English page with a Russian footer: the Russian tail marker ends the article', () => {
    expect(kinds(`Bridge budget approved\n${PROSE}\nНовости по теме\nA link to another story`).slice(-2)).toEqual([
      ['Новости по теме', 'furniture'], ['A link to another story', 'furniture'],
    ]);
  });

  it.each([
    ['Chia sẻ', 'furniture'],
    ['By Anna Berg', 'byline'],
    ['Nguồn: Thông tấn xã', 'byline'],
    ['Copyright 2024 Example Media', 'furniture'],
    ['Anna Berg is a staff reporter.', 'byline'],
  ])('%s is %s', (line, kind) => {
    expect(kinds(`Bridge budget approved\n${PROSE}\n${line}`).at(-1)).toEqual([line, kind]);
  });

  it('a paragraph that opens with a byline\'s word is content, not a byline', () => {
    const body = (line: string, lang = 'en') => kinds(`Bridge budget approved\n${PROSE}\n${line}\n${PROSE}`, lang)[2];
    expect(body('By that logic, the council should pay for the bridge.')).toEqual(['By that logic, the council should pay for the bridge.', 'content']);
    expect(body('Theo Bộ Tài chính, lạm phát năm nay ở mức 3%.', 'vi')).toEqual(['Theo Bộ Tài chính, lạm phát năm nay ở mức 3%.', 'content']);
    expect(body('By Anna Berg and Tom Hale, Reuters')).toEqual(['By Anna Berg and Tom Hale, Reuters', 'byline']);
    expect(body('By Anna Berg Jr.')).toEqual(['By Anna Berg Jr.', 'byline']);
  });

  it('a headline that names a year is the headline; a date line above it is a dateline', () => {
    const de = 'Die Senatorin gab am Samstag bekannt, dass sie nach den Wahlen eine Kandidatur für das Präsidentenamt prüfen wird.';
    expect(kinds(`Warren will eine Kandidatur 2020 „genau prüfen“, sagt die Senatorin für Massachusetts\n${de}`, 'de')[0])
      .toEqual(['Warren will eine Kandidatur 2020 „genau prüfen“, sagt die Senatorin für Massachusetts', 'title']);
    expect(kinds(`14 March 2024\nBridge budget approved for 2025\n${PROSE}`).slice(0, 2)).toEqual([
      ['14 March 2024', 'dateline'], ['Bridge budget approved for 2025', 'title'],
    ]);
  });

  it('a first line that does not end as a sentence does is the headline, however many syllables it has', () => {
    const vi = 'Các cử tri đi bỏ phiếu ngày Chủ Nhật về việc liệu họ có đổi tên quốc gia thành Cộng hòa Bắc Macedonia.';
    expect(kinds(`Người dân Macedonia bỏ phiếu trong cuộc trưng cầu dân ý về việc thay đổi tên quốc gia\n${vi}`, 'vi')).toEqual([
      ['Người dân Macedonia bỏ phiếu trong cuộc trưng cầu dân ý về việc thay đổi tên quốc gia', 'title'], [vi, 'content'],
    ]);
    expect(kinds(`${PROSE}\n${PROSE}`).map(([, kind]) => kind)).toEqual(['content', 'content']);
  });

  it('a byline cue is left out when two bylines are compared', () => {
    const cue = k.furniture().bylineCue;
    expect('By Anna Berg'.replace(cue, '')).toBe('Anna Berg');
    expect('Source: Anna Berg'.replace(cue, '')).toBe('Anna Berg');
  });

  it('the union is the packs\' own lists: und holds only what no language owns (timestamps, ©)', () => {
    const und = getPack('und').furniture;
    expect(und.lines).toEqual([]);
    expect(und.patterns.every((p) => !/\p{L}{3,}/u.test(p.replace(/\\[pP]\{\w+\}|\\[a-z]/g, '')))).toBe(true);
    expect(getPack('vi').furniture.lines).toContain('Chia sẻ');
  });

  it('user patterns are added to the packs\' furniture', () => {
    const f = k.furniture(['^Xem tiếp$']);
    expect(f.patterns.some((p) => p.test('Xem tiếp'))).toBe(true);
    expect(k.furniture().patterns.some((p) => p.test('Xem tiếp'))).toBe(false);
  });
});
