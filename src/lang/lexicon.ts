import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_DIR } from '../paths.js';
import type { LoadedPack } from './compile.js';

/**
 * A generated word list of one language (rules/lexicon/<file>, built from WordNet for English by
 * scripts/build-lexicon.mjs): words that negate by meaning, antonym pairs of verbs and adjectives, and the inflected
 * forms of those verbs. Read when a pack that names one first needs it, once per pack.
 */
export interface Lexicon {
  /** Word forms (lower case) that negate by meaning: "unfit", "lacked", "impossible". */
  negatives: Set<string>;
  /** Lemma -> its antonyms ("win" -> ["lose"]), verbs, adjectives and adverbs. */
  antonyms: Map<string, string[]>;
  /** Inflected verb form -> lemma ("won" -> "win"). */
  verbForms: Map<string, string>;
  /** Adjectives and adverbs of the antonym pairs ("inevitable", "well"): words that are not verbs. */
  modifiers: Set<string>;
  /**
   * Negatives that are verbs and also nouns whose usual sense negates nothing ("bar", "founder", "rest"): after a
   * determiner ("a bar", "the founder") the noun is meant.
   */
  nouns: Set<string>;
}

interface LexiconFile {
  negatives: string[];
  antonyms: { verb: [string, string][]; adj: [string, string][]; adv?: [string, string][] };
  verbForms: Record<string, string>;
  nouns?: string[];
}

const EMPTY: Lexicon = { negatives: new Set(), antonyms: new Map(), verbForms: new Map(), modifiers: new Set(), nouns: new Set() };
const cache = new WeakMap<LoadedPack, Lexicon>();

/** The pack's lexicon (an empty one when the pack names none or the file is missing). */
export function lexiconOf(pack: LoadedPack): Lexicon {
  let lex = cache.get(pack);
  if (lex) return lex;
  const file = pack.lexicon ? join(RULES_DIR, 'lexicon', pack.lexicon) : undefined;
  const extra = pack.antonyms ?? [];
  if ((!file || !existsSync(file)) && extra.length === 0) lex = EMPTY;
  else {
    const raw: LexiconFile = file && existsSync(file)
      ? JSON.parse(readFileSync(file, 'utf8')) as LexiconFile
      : { negatives: [], antonyms: { verb: [], adj: [] }, verbForms: {} };
    const antonyms = new Map<string, string[]>();
    for (const [a, b] of [...raw.antonyms.verb, ...raw.antonyms.adj, ...(raw.antonyms.adv ?? []), ...extra]) {
      (antonyms.get(a) ?? antonyms.set(a, []).get(a)!).push(b);
      (antonyms.get(b) ?? antonyms.set(b, []).get(b)!).push(a);
    }
    const modifiers = new Set([...raw.antonyms.adj, ...(raw.antonyms.adv ?? [])].flat());
    lex = { negatives: new Set(raw.negatives), antonyms, verbForms: new Map(Object.entries(raw.verbForms)), modifiers, nouns: new Set(raw.nouns ?? []) };
  }
  cache.set(pack, lex);
  return lex;
}

/** The lemma of a word form: an inflected verb's infinitive, else the form itself (lower case). */
export const lemmaOf = (lex: Lexicon, word: string): string => {
  const w = word.toLowerCase();
  return lex.verbForms.get(w) ?? w;
};

/** A language's synonyms (rules/lexicon/<pack.synonyms>), read the first time an edit replaces a word. */
export interface Synonyms {
  /** Do the two words (any inflected forms) share a sense? */
  same(a: string, b: string): boolean;
}

interface SynonymFile {
  detach: [string, string][];
  irregular: Record<string, string>;
  synsets: string[];
}

const NO_SYNONYMS: Synonyms = { same: () => false };
const synonymCache = new WeakMap<LoadedPack, Synonyms>();

/** The pack's synonyms (none when the pack names no list or the file is missing). */
export function synonymsOf(pack: LoadedPack): Synonyms {
  let syn = synonymCache.get(pack);
  if (syn) return syn;
  const file = pack.synonyms ? join(RULES_DIR, 'lexicon', pack.synonyms) : undefined;
  if (!file || !existsSync(file)) syn = NO_SYNONYMS;
  else {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as SynonymFile;
    const senses = new Map<string, number[]>();
    raw.synsets.forEach((set, i) => {
      for (const w of set.split(' ')) (senses.get(w) ?? senses.set(w, []).get(w)!).push(i);
    });
    /** The lemmas a form may be: itself, an irregular verb's infinitive, and each detachment that is a lemma. */
    const lemmas = (word: string): string[] => {
      const w = word.toLowerCase();
      const out = new Set<string>([w]);
      const irregular = raw.irregular[w];
      if (irregular) out.add(irregular);
      for (const [suffix, ending] of raw.detach) {
        if (!w.endsWith(suffix) || w.length <= suffix.length + 1) continue;
        const stem = w.slice(0, -suffix.length) + ending;
        out.add(stem);
        if (ending === '' && /([^aeiou])\1$/.test(stem)) out.add(stem.slice(0, -1));
      }
      return [...out].filter((x) => senses.has(x));
    };
    syn = {
      same(a, b) {
        const sa = new Set(lemmas(a).flatMap((x) => senses.get(x)!));
        return lemmas(b).some((x) => senses.get(x)!.some((i) => sa.has(i)));
      },
    };
  }
  synonymCache.set(pack, syn);
  return syn;
}
