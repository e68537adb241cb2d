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

describe('segment: long lines in linear time, with the sentences they would have had', () => {
  // Paragraphs of varied sentences (abbreviations, initials, quotes, numbers, a question), each ending a sentence.
  const SENTENCES = [
    'Gov. Tina Kotek declared an emergency on Sept. 7 after the fire spread.',
    'The U.S. Army sent 1,200 troops, officials said.',
    '"We are ready," said Dr. J. R. Smith of the agency.',
    'Is the bridge safe?',
    'Prices rose 3.5% in March, the highest since 2019.',
    'Mr. Ivanov (the mayor) did not comment.',
  ];
  const paragraph = (seed: number): string => {
    const out: string[] = [];
    let len = 0;
    for (let i = seed; len < 4000; i++) {
      const s = SENTENCES[i % SENTENCES.length]!;
      out.push(s);
      len += s.length + 1;
    }
    return out.join(' ');
  };

  it('a 200,000-character line gives the sentences of its paragraphs segmented one by one', () => {
    const paras = Array.from({ length: 50 }, (_, i) => paragraph(i));
    const line = paras.join(' ');
    expect(line.length).toBeGreaterThan(200_000);
    const expected: string[] = [];
    for (const p of paras) expected.push(...segment(src(p), defaultKnowledge()).map((s) => s.text));
    const got = segment(src(line), defaultKnowledge());
    expect(got.map((s) => s.text)).toEqual(expected);
    for (const s of got) expect(line.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ['"1. " repeated', '1. '],
    ['"Mr. " repeated (every break repaired)', 'Mr. '],
    ['one word without a space', 'a'],
    ['"aa.Bb " repeated (glued stops)', 'aa.Bb '],
  ])('a 600,000-character line of %s finishes, every sentence slicing to its text', (_name, unit) => {
    const line = unit.repeat(Math.floor(600_000 / unit.length));
    const got = segment(src(line), defaultKnowledge());
    expect(got.length).toBeGreaterThan(0);
    let last = 0;
    const bad = got.filter((s) => {
      const ok = s.start >= last && line.slice(s.start, s.end) === s.text;
      last = s.end;
      return !ok;
    });
    expect(bad).toEqual([]);
  }, 60_000);
});
