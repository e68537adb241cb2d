import { describe, expect, it } from 'vitest';
import { entityKey, foldKey, nameInflection } from '../../src/lang/keys.js';
import { getPack } from '../../src/lang/packs.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';

describe('entity keys', () => {
  it.each([
    ['Bắc Ninh', 'bac ninh'],
    ['Bac Ninh', 'bac ninh'],
    ['Сбербанк', 'sberbank'],
    ['Đà Nẵng', 'da nang'],
    ['Russia’s', 'russia'],
  ])('folds %s', (s, k) => expect(foldKey(s)).toBe(k));

  it.each([
    ['Бековой', 'Bekova'],
    ['в Казахстане', 'Kazakhstan'],
  ])('strips Russian inflection: %s ~ %s', (ru, en) => {
    const r = entityKey(ru, nameInflection(getPack('ru'))).tokens.at(-1)!;
    const e = entityKey(en).tokens[0]!;
    expect(e.startsWith(r) || r.startsWith(e.slice(0, r.length))).toBe(true);
  });

  it.each([
    ['Beijing', 'Bắc Kinh'], ['Pentagon', 'Lầu Năm Góc'], ['Xi Jinping', 'Tập Cận Bình'], ['Moscow', 'Москва'], ['United States', 'Mỹ'],
  ])('gazetteer gives %s and %s one key', (a, b) => {
    const g = defaultKnowledge().gazetteer();
    expect(g.aliases.get(entityKey(a).key)).toBeDefined();
    expect(g.aliases.get(entityKey(a).key)).toBe(g.aliases.get(entityKey(b, nameInflection(getPack(/\p{Script=Cyrillic}/u.test(b) ? 'ru' : 'vi'))).key));
  });
});
