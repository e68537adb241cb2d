import { resolve } from 'node:path';
import { RULES_DIR } from '../paths.js';
import { compileFurniture, withExtraPatterns, type Furniture } from './furniture.js';
import { loadGazetteer, nameInflection, type Gazetteer } from './keys.js';
import type { LoadedPack } from './compile.js';
import { createPacks, defaultPacks, type Packs } from './packs.js';
import type { LangPack } from './pack.js';
import { loadUnits, type Units } from './units.js';

/**
 * Everything factlint knows about languages and pages, loaded once and handed to every stage and rule kind in its
 * context argument (as ESLint hands `context` to a rule): the language packs (rules/lang), the page furniture they
 * list, the gazetteer (rules/gazetteer) and the unit conversions (rules/units.json). Each part is read on first use and kept by the
 * instance; nothing is kept in a module.
 */
export interface Knowledge {
  /** The rules folder it reads (worker threads load the same one). */
  readonly rulesDir: string;
  /** The pack for a language code ("en-GB" falls back to "en"; unknown codes get the neutral pack). */
  pack(code: string): LoadedPack;
  /** Language codes with a pack (not the neutral "und"), sorted. */
  languages(): readonly string[];
  /**
   * The data of every pack, the shared base first (read, not compiled): for knowledge applied whatever the text's
   * language, because texts quote other languages (an English "St. Louis" in a German article).
   */
  allPacks(): readonly LangPack[];
  /** Page furniture, with the user's extra patterns (the config's `furniture`) when given. */
  furniture(extraPatterns?: readonly string[]): Furniture;
  /** Names that translate (countries, capitals, leaders): folded alias -> canonical key. */
  gazetteer(): Gazetteer;
  /** Unit conversion factors by dimension (rules/units.json). */
  units(): Units;
}

function knowledgeOf(rulesDir: string, packs: Packs): Knowledge {
  let furniture: Furniture | undefined;
  const extended = new Map<string, Furniture>();
  let gazetteer: Gazetteer | undefined;
  let units: Units | undefined;
  let all: LangPack[] | undefined;
  const allPacks = (): readonly LangPack[] => (all ??= [packs.data('und'), ...packs.codes().map((c) => packs.data(c))]);
  return {
    rulesDir,
    pack: (code) => packs.get(code),
    languages: () => packs.codes(),
    allPacks,
    furniture(extra = []) {
      furniture ??= compileFurniture(allPacks());
      if (extra.length === 0) return furniture;
      const key = extra.join('\u0000');
      let f = extended.get(key);
      if (!f) extended.set(key, (f = withExtraPatterns(furniture, [...extra])));
      return f;
    },
    gazetteer() {
      gazetteer ??= loadGazetteer(resolve(rulesDir, 'gazetteer'), (lang) => nameInflection(packs.data(lang)));
      return gazetteer;
    },
    units() {
      units ??= loadUnits(resolve(rulesDir, 'units.json'));
      return units;
    },
  };
}

/** The knowledge in a rules folder (default: the package's rules/). */
export function createKnowledge(rulesDir = RULES_DIR): Knowledge {
  return knowledgeOf(rulesDir, createPacks(resolve(rulesDir, 'lang')));
}

let shared: Knowledge | undefined;
/**
 * The package's knowledge, loaded once per process: for the composition roots (the pipeline's run, worker threads),
 * tests and scripts. Stages and rule kinds never call this; they read the knowledge their context carries.
 */
export function defaultKnowledge(): Knowledge {
  shared ??= knowledgeOf(RULES_DIR, defaultPacks());
  return shared;
}
