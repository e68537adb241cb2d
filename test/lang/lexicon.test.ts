/**
 * The generated word lists of rules/lexicon/ as the rules read them: synonyms (a word replaced by one that shares a
 * WordNet sense with it is a paraphrase), through inflected forms.
 */
import { describe, expect, it } from 'vitest';
import { synonymsOf } from '../../src/lang/lexicon.js';
import { getPack } from '../../src/lang/packs.js';

describe('synonymsOf (en)', () => {
  const syn = synonymsOf(getPack('en'));
  it.each([
    ['largest', 'biggest'], // superlatives: "larg(e)", "big(g)" detached
    ['bigger', 'larger'],
    ['showing', 'depicting'],
    ['shows', 'depicts'],
    ['project', 'undertaking'],
    ['bought', 'purchased'], // an irregular past
    ['Urgent', 'pressing'],
  ])('%s ~ %s', (a, b) => {
    expect(syn.same(a, b)).toBe(true);
    expect(syn.same(b, a)).toBe(true);
  });
  it.each([
    ['increased', 'decreased'],
    ['won', 'lost'],
    ['bought', 'sold'],
    ['spent', 'invested'],
    ['largest', 'smallest'],
    ['approved', 'rejected'],
  ])('%s is no synonym of %s', (a, b) => {
    expect(syn.same(a, b)).toBe(false);
  });
  it('a pack without a list has no synonyms', () => {
    expect(synonymsOf(getPack('vi')).same('lớn', 'to')).toBe(false);
  });
});
