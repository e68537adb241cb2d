import { describe, expect, it } from 'vitest';
import { segment } from '../../src/pipeline/segment.js';
import type { CleanSource } from '../../src/model/source.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';

const src = (text: string, lang = 'en'): CleanSource => ({
  id: 's', path: 's', lang, text, provenance: {}, warnings: [],
  blocks: [{ source: 's', start: 0, end: text.length, kind: 'content' }],
});

describe('segment', () => {
  it.each([
    ['Huawei acquired the firm. It launched a 5G zone in Moscow.', ['Huawei acquired the firm.', 'It launched a 5G zone in Moscow.']],
    ['The fire started Saturday, Sept. 7, along Highway 31.', ['The fire started Saturday, Sept. 7, along Highway 31.']],
    ['Gov. Tina Kotek declared an emergency. Crews arrived.', ['Gov. Tina Kotek declared an emergency.', 'Crews arrived.']],
    ['The U.S. was trying to force it out. Putin said so.', ['The U.S. was trying to force it out.', 'Putin said so.']],
    ['đây là một con số khổng lồ.Vì vậy, tất nhiên các công ty Nga quan tâm.', ['đây là một con số khổng lồ.', 'Vì vậy, tất nhiên các công ty Nga quan tâm.']],
    ['Он сказал, что т.е. всё хорошо. Потом ушёл.', ['Он сказал, что т.е. всё хорошо.', 'Потом ушёл.']],
  ])('%s', (text, expected) => {
    const out = segment(src(text), defaultKnowledge());
    expect(out.map((s) => s.text)).toEqual(expected);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each<[string, string, string[]]>([
    ['de', 'Am Samstag (29. September) herrschten lächelnde Gesichter. Die Sonne schien.', ['Am Samstag (29. September) herrschten lächelnde Gesichter.', 'Die Sonne schien.']],
    ['de', 'Beide wurden am 19. Juni 1953 hingerichtet.', ['Beide wurden am 19. Juni 1953 hingerichtet.']],
    // A number at the end of a sentence, and the next sentence starting with a noun, is still two sentences.
    ['de', 'Die Zahl stieg auf 30. Die Regierung schwieg.', ['Die Zahl stieg auf 30.', 'Die Regierung schwieg.']],
    ['en', 'Sales rose to 12. March was quieter.', ['Sales rose to 12.', 'March was quieter.']],
  ])('[%s] a day number with a full stop before a month: %s', (lang, text, expected) => {
    expect(segment(src(text, lang), defaultKnowledge()).map((s) => s.text)).toEqual(expected);
  });

  it('skips furniture blocks and numbers sentences per source', () => {
    const text = 'Share This\nHuawei acquired it. Then it left.';
    const s: CleanSource = { ...src(text), blocks: [
      { source: 's', start: 0, end: 10, kind: 'furniture' },
      { source: 's', start: 11, end: text.length, kind: 'content' },
    ] };
    const out = segment(s, defaultKnowledge());
    expect(out.map((x) => x.id)).toEqual(['s#0', 's#1']);
    expect(out[0]!.block).toBe(1);
  });
});
