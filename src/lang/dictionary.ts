import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Spelling dictionaries: is a word a word of the language? A language pack names a Hunspell dictionary package
 * (`spelling.dictionary`, e.g. "dictionary-de"); it is read with nspell the first time a rule asks about that
 * language (loading costs 0.1 s for English, about 1 s for German and 2 s for Russian), never at start-up.
 *
 * Used to tell a name from a common word where capitals do not ("Präsident" is a German noun, "Sonat" is no word; a
 * sentence-initial "Hydrogen" is the English word), and a misspelt word from an unknown name.
 */

interface Speller { correct(word: string): boolean }
type NSpell = (dictionary: { aff: Buffer; dic: Buffer }) => Speller;

const require = createRequire(import.meta.url);
const spellers = new Map<string, Speller | null>();

const answers = new Map<string, boolean>();

function speller(pkg: string): Speller | null {
  let s = spellers.get(pkg);
  if (s === undefined) {
    try {
      // The packages export an ES module that reads its two files with top-level await; read them here instead, so
      // a synchronous rule can load a dictionary when it first needs one.
      const dir = dirname(require.resolve(pkg));
      const nspell = require('nspell') as NSpell;
      s = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
    } catch {
      // Not installed (a trimmed install): the rules fall back to what they decide without a dictionary.
      s = null;
    }
    spellers.set(pkg, s);
  }
  return s;
}

/**
 * Whether `word` is spelled as a word of the dictionary `pkg` (case as written: Hunspell accepts "Hydrogen" for
 * "hydrogen" but not "berlin" for "Berlin"). Undefined when there is no dictionary.
 */
export function isDictionaryWord(pkg: string | undefined, word: string): boolean | undefined {
  if (!pkg) return undefined;
  const key = `${pkg}\u0000${word}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const s = speller(pkg);
  if (!s) return undefined;
  const ok = s.correct(word);
  if (answers.size > 100_000) answers.clear();
  answers.set(key, ok);
  return ok;
}

