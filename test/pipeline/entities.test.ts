import { describe, expect, it } from 'vitest';
import { extractEntities, lowerVocabulary } from '../../src/pipeline/extract/entities.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';
import { getPack } from '../../src/lang/packs.js';

const run = (text: string) => extractEntities(text, { source: 's', start: 0, end: text.length }, {
  gazetteer: defaultKnowledge().gazetteer(),
  connectors: new Set(getPack('und').nameConnectors),
  lowerVocabulary: lowerVocabulary(`${text} meanwhile the`),
  stopwords: new Set(['the', 'in', 'ông', 'bà']),
  dateWords: new Set(['june', 'monday']),
});

describe('extractEntities', () => {
  it.each([
    ['Meanwhile Huawei bought Vocord in June.', ['Huawei', 'Vocord']],
    ['The Center for Naval Analyses is in Washington.', ['Center for Naval Analyses', 'Washington']],
    ['Ông Tập Cận Bình thăm Bắc Kinh.', ['Tập Cận Bình', 'Bắc Kinh']],
    ['«Тулпар Финанс» привлек деньги в Казахстане.', ['Тулпар Финанс', 'Казахстане']],
    ['China’s Dahua Technology joined forces on Monday.', ['China', 'Dahua Technology']],
  ])('%s', (text, names) => {
    const got = run(text);
    expect(got.map((e) => e.text)).toEqual(names);
    for (const e of got) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('keys gazetteer names to one canonical key', () => {
    const [en] = run('Beijing agreed.');
    const [vi] = run('Bắc Kinh đồng ý.');
    expect(en!.key).toBe(vi!.key);
    expect(en!.alias).toBe(true);
  });
});
