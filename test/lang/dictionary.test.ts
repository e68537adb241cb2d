import { describe, expect, it } from 'vitest';
import { isDictionaryWord, isKnownMisspelling } from '../../src/lang/dictionary.js';
import { getPack } from '../../src/lang/packs.js';

describe('spelling dictionaries named by the packs', () => {
  it.each([
    ['en', 'hydrogen', true],
    ['en', 'Hydrogen', true],
    ['en', 'goverment', false],
    ['de', 'Präsident', true],
    ['de', 'Präsidenten', true],
    ['de', 'Kongress', true],
    ['de', 'Sonat', false],
    ['ru', 'Ассамблее', true],
    ['ru', 'Ассамблуе', false],
    ['vi', 'Không', true],
    ['vi', 'Tramp', false],
  ])('%s: "%s" is a word: %s', (lang, word, want) => {
    expect(isDictionaryWord(getPack(lang).dictionary, word)).toBe(want);
  });

  it('says nothing for a language without a dictionary or a package that is not installed', () => {
    expect(getPack('und').dictionary).toBeUndefined();
    expect(isDictionaryWord(undefined, 'anything')).toBeUndefined();
    expect(isDictionaryWord('dictionary-xx-not-installed', 'anything')).toBeUndefined();
  });
});

describe('common misspellings named by the packs', () => {
  it.each([
    ['Amercia', 'America', true],
    ['goverment', 'government', true],
    ['Senute', 'Senate', false],
    ['Tramp', 'Trump', false],
    ['America', 'Amercia', false],
  ])('en: "%s" is a known misspelling of "%s": %s', (written, meant, want) => {
    expect(isKnownMisspelling(getPack('en').misspellings, written, meant)).toBe(want);
  });

  it('says nothing for a language without a list, or a list that is not installed', () => {
    expect(getPack('ru').misspellings).toBeUndefined();
    expect(isKnownMisspelling(undefined, 'Amercia', 'America')).toBeUndefined();
    expect(isKnownMisspelling('@cspell/dict-xx-not-installed', 'Amercia', 'America')).toBeUndefined();
  });
});
