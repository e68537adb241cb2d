import { readdirSync, readFileSync } from 'node:fs';
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


/** Known misspellings by package: the misspelt word (lower case) -> the words it misspells (lower case). */
const misspellingLists = new Map<string, Map<string, Set<string>> | null>();

/**
 * A list of common misspellings in cspell's layout: JSON files under dict/ whose dictionary definitions hold entries
 * "wrong->right" or "wrong->right, other" in `suggestWords` and `flagWords`.
 */
function misspellingList(pkg: string): Map<string, Set<string>> | null {
  let list = misspellingLists.get(pkg);
  if (list === undefined) {
    try {
      const dir = join(dirname(require.resolve(`${pkg}/cspell-ext.json`)), 'dict');
      list = new Map();
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
        const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { dictionaryDefinitions?: { suggestWords?: string[]; flagWords?: string[] }[] };
        for (const def of data.dictionaryDefinitions ?? []) {
          for (const entry of [...(def.suggestWords ?? []), ...(def.flagWords ?? [])]) {
            const at = entry.indexOf('->');
            if (at < 0) continue;
            const wrong = entry.slice(0, at).trim().toLowerCase();
            let rights = list.get(wrong);
            if (!rights) list.set(wrong, (rights = new Set()));
            for (const r of entry.slice(at + 2).split(',')) rights.add(r.trim().toLowerCase());
          }
        }
      }
    } catch {
      list = null;
    }
    misspellingLists.set(pkg, list);
  }
  return list;
}

/**
 * Whether `written` is a known common misspelling of `meant` ("Amercia" of "America") in the list `pkg`; undefined
 * when there is no list.
 */
export function isKnownMisspelling(pkg: string | undefined, written: string, meant: string): boolean | undefined {
  if (!pkg) return undefined;
  const list = misspellingList(pkg);
  if (!list) return undefined;
  return list.get(written.toLowerCase())?.has(meant.toLowerCase()) ?? false;
}
