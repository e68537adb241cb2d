/**
 * Language detection: franc's trigram profiles on a text of some length, and on a short one (a translation unit, a
 * DEMETR row, a one-sentence draft) the packs' closed-class words, where trigrams guess (an English sentence read as
 * German or Hausa).
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../src/lang/knowledge.js';
import { closedClassLanguage, detectLanguage } from '../../src/lang/detect.js';
import type { Source } from '../../src/model/source.js';
import { clean } from '../../src/pipeline/clean.js';

const k = defaultKnowledge();
const langOf = (text: string, languages?: string[]): string => {
  const src: Source = { id: 's', path: 's', lang: 'und', text, provenance: {}, warnings: [] };
  return clean(src, { ...(languages ? { languages } : {}) }, k).lang;
};

describe('the language of a short text', () => {
  it.each([
    ['You have undertaken a difficult task, Lech Walesa said.', 'en'],
    ['The mayor of Ashby did not attend the meeting on Monday.', 'en'],
    ['Thị trưởng Ashby đã không tham dự cuộc họp hôm thứ Hai.', 'vi'],
    ['Мэр Эшби не пришёл на встречу в понедельник.', 'ru'],
    ['Der Bürgermeister von Ashby war am Montag nicht bei der Sitzung.', 'de'],
  ])('%s is %s', (text, lang) => {
    expect(langOf(text)).toBe(lang);
  });

  it('franc alone reads that English sentence as another language (why the closed-class words decide)', () => {
    expect(detectLanguage('You have undertaken a difficult task, Lech Walesa said.')).not.toBe('en');
  });

  it('no clear lead is no answer, and only the languages asked are candidates', () => {
    const words = new Map([['en', new Set(['the', 'of', 'in'])], ['de', new Set(['der', 'die', 'in'])]]);
    expect(closedClassLanguage('In Ashby, in May.', words)).toBeUndefined();
    expect(closedClassLanguage('The mayor of the town in May.', words)).toBe('en');
    expect(langOf('The mayor of Ashby did not attend the meeting on Monday.', ['de', 'vi'])).not.toBe('en');
  });
});
