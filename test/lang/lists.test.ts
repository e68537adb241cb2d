/**
 * The word lists the stages and rule kinds read come from the language packs (no list of a language's words in
 * src/): each field here is read by the code that once held it as a constant, for the language it belongs to.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';
import { entityKey, nameInflection } from '../../src/lang/keys.js';
import { getPack } from '../../src/lang/packs.js';
import type { CleanSource } from '../../src/model/source.js';
import { sourceYear } from '../../src/pipeline/cluster.js';
import { extract } from '../../src/pipeline/extract/index.js';
import { segment } from '../../src/pipeline/segment.js';

const k = defaultKnowledge();

/** One text as a single content block in `lang`. */
const source = (text: string, lang: string, published?: string): CleanSource => ({
  id: 's', path: 's', lang, text, provenance: {}, warnings: [], ...(published ? { published } : {}),
  blocks: [{ source: 's', start: 0, end: text.length, kind: 'content' }],
});
const claimsOf = (text: string, lang: string) => {
  const src = source(text, lang);
  return extract(src, segment(src, k), k);
};
/** Findings of one rule on two versions in one language, `a` the original. */
const edits = async (ruleId: string, lang: string, a: string, b: string): Promise<string[]> => {
  const { report } = await check([
    { id: 'a.txt', text: a, lang, story: 's', original: true },
    { id: 'b.txt', text: b, lang, story: 's' },
  ]);
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
};

describe('functionWords (edit-diff)', () => {
  it('an inserted English function word is no edit', async () => {
    expect(await edits('edited-addition', 'en', 'Meridian said the port will open in May.', 'Meridian said that the port will open in May.')).toEqual([]);
  });

  // English function words applied to every language hid this: German "will" is "wants", not the future.
  it('a German modal replaced by "will" (wants) is an edit: English function words are not German ones', async () => {
    expect(await edits('edited-word', 'de', 'Die Ministerin kann am Montag nach Berlin kommen, teilte ihr Büro mit.',
      'Die Ministerin will am Montag nach Berlin kommen, teilte ihr Büro mit.')).toEqual(['A word was replaced: "kann" became "will"']);
  });
});

describe('articleForms', () => {
  it('"an important" / "a trivial" is a word replaced, the article following it', async () => {
    expect(await edits('edited-word', 'en', 'Radio has become an important source of news in Ashby since 2019.',
      'Radio has become a trivial source of news in Ashby since 2019.')).toEqual(['A word was replaced: "important" became "trivial"']);
  });
});

describe('wordPrefixes (shared base)', () => {
  it('loanword prefixes tell German Export from Import', async () => {
    expect(await edits('edited-name', 'de', 'Der Export von Stahl stieg im Mai um vier Prozent, sagte der Verband.',
      'Der Import von Stahl stieg im Mai um vier Prozent, sagte der Verband.')).toEqual(['A name was changed: "Export" became "Import"']);
  });
  it('every pack inherits them from und', () => {
    for (const code of ['en', 'de', 'vi']) expect(getPack(code).wordPrefixes).toEqual(expect.arrayContaining(['ex', 'im', 'de']));
  });
});

describe('dates.deadlinePrepositions (cluster: the year a source was written)', () => {
  it.each([
    ['en', 'The plant opened in 2019. It will double its output by 2030.', 2019],
    ['ru', 'Завод открылся в 2019 году. До 2030 года он удвоит выпуск.', 2019],
    ['de', 'Das Werk wurde im Jahr 2019 eröffnet. Bis 2030 soll es die Leistung verdoppeln.', 2019],
    // "в конце" (at the end of) is not "к" (by): the year counts.
    ['ru', 'Завод открылся в конце 2021 года.', 2021],
  ])('[%s] %s -> %i', (lang, text, year) => {
    const src = source(text, lang);
    expect(sourceYear(src, extract(src, segment(src, k), k), getPack(lang))).toBe(year);
  });
});

describe('abbreviations (segment)', () => {
  it.each([
    ['en', 'Gov. Tina Kotek arrived. Crews left.', 2],
    ['vi', 'Ông Nguyễn Văn An, ThS. Kinh tế, phát biểu tại hội thảo. Hội thảo kết thúc lúc 17 giờ.', 2],
    ['ru', 'Офис находится на ул. Ленина в Казани. Он открыт с утра.', 2],
    // Names and titles travel: an English abbreviation in a German article is still one.
    ['de', 'Zwischen St. Louis und Des Moines ist es kälter. Die Sonne schien.', 2],
  ])('[%s] %s', (lang, text, n) => {
    expect(segment(source(text, lang), k)).toHaveLength(n);
  });
});

describe('speech.pronouns (claims: a pronoun speaker)', () => {
  it.each([
    ['en', 'The talks will resume in March, he said.', 'he'],
    ['vi', 'Các cuộc đàm phán sẽ nối lại vào tháng 3, ông cho biết.', 'ông'],
    ['ru', 'В марте переговоры возобновятся, сказал он.', 'он'],
  ])('[%s] %s', (lang, text, pronoun) => {
    expect(claimsOf(text, lang)[0]!.attribution?.speaker?.toLowerCase()).toBe(pronoun);
  });
});

describe('nounSuffixes (claims: a topic noun is not an event verb)', () => {
  it('a partnership between named parties is not check-worthy on its own; signing one is', () => {
    expect(claimsOf('Kestrel Foods and Ardent Logistics have a partnership.', 'en')[0]!.checkWorthy).toBe(false);
    expect(claimsOf('Kestrel Foods signed a partnership with Ardent Logistics.', 'en')[0]!.checkWorthy).toBe(true);
  });
});

describe('determiners and possessiveEndings (claims: a title in apposition)', () => {
  it.each([
    'Ardent Logistics hired Maria Okafor, the company\'s chief financial officer, in May.',
    'Ardent Logistics hired Maria Okafor, its chief financial officer, in May.',
  ])('%s', (text) => {
    expect(claimsOf(text, 'en')[0]!.titled?.map((t) => t.roles)).toEqual([['cfo']]);
  });
});

describe('nameConnectors (entities)', () => {
  it.each([
    ['en', 'Officials at the Bank of America declined to comment.', 'Bank of America'],
    // The shared base lists connectors of many languages: names keep them in any text.
    ['vi', 'Ông Ludwig van Beethoven sinh ra ở Bonn.', 'Ludwig van Beethoven'],
  ])('[%s] %s', (lang, text, name) => {
    expect(claimsOf(text, lang)[0]!.entities.map((e) => e.text)).toContain(name);
  });
});

describe('script and nameEndings (keys)', () => {
  it('a Russian text strips case endings from Cyrillic names only', () => {
    const ru = nameInflection(getPack('ru'));
    expect(entityKey('Шанхае', ru).key).toBe('shanha');
    expect(entityKey('Huawei', ru).key).toBe('huawei');
  });
  it('a language without nameEndings strips nothing', () => {
    expect(nameInflection(getPack('en'))).toBeUndefined();
    expect(entityKey('Шанхае', nameInflection(getPack('en'))).key).toBe('shanhae');
  });
});
