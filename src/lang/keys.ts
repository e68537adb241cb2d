import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { transliterate } from 'transliteration';
import type { LangPack } from './pack.js';
import { icuRegionNames } from './intl.js';

/**
 * How a language declines names: the endings (transliterated, as keys are) that names written in its script take
 * ("Шанхае" -> "shankha", "Новгороде" -> "novgorod"). From the pack's `script` and `nameEndings`.
 */
export interface NameInflection {
  script: RegExp;
  endings: readonly string[];
}

const inflections = new WeakMap<LangPack, NameInflection | null>();
/** The pack's name inflection, or undefined when its names do not decline (no `script` or no `nameEndings`). */
export function nameInflection(pack: LangPack): NameInflection | undefined {
  let inf = inflections.get(pack);
  if (inf === undefined) {
    inf = pack.script && pack.nameEndings.length ? { script: new RegExp(`\\p{Script=${pack.script}}`, 'u'), endings: pack.nameEndings } : null;
    inflections.set(pack, inf);
  }
  return inf ?? undefined;
}

// Transliteration is the costly part of reading names and words, and the same words recur across an archive.
const folded = new Map<string, string>();
const FOLD_CACHE_MAX = 200_000;

/** Folds case, diacritics and script: "Bắc Ninh" -> "bac ninh", "Газпром" -> "gazprom". */
export function foldKey(s: string): string {
  // Words and names recur; whole texts do not, and would only fill the memory.
  if (s.length > 64) return foldUncached(s);
  let key = folded.get(s);
  if (key === undefined) {
    if (folded.size >= FOLD_CACHE_MAX) folded.clear();
    key = foldUncached(s);
    folded.set(s, key);
  }
  return key;
}

function foldUncached(s: string): string {
  const t = transliterate(s.normalize('NFC'), { unknown: '' });
  // "kh" and "h" both render Cyrillic "х" (Kazakhstan / Казахстан -> kazahstan), so fold them together.
  return t.toLowerCase().replace(/['’`]s\b/g, '').replace(/[^a-z0-9]+/g, ' ').replace(/kh/g, 'h').trim();
}

/** Strips a case ending from one folded token, keeping at least four letters (the first ending that fits). */
export function stemToken(token: string, endings: readonly string[]): string {
  if (token.length < 5) return token;
  for (const e of endings) if (token.endsWith(e) && token.length - e.length >= 4) return token.slice(0, -e.length);
  return token;
}

/**
 * Key used for matching a name across versions: folded; with the inflection of the text's language, the case endings
 * of a name written in that language's script stripped.
 */
export function entityKey(surface: string, inflection?: NameInflection, folded?: readonly string[]): { key: string; tokens: string[] } {
  const declines = inflection !== undefined && inflection.script.test(surface);
  // `folded`: the surface's folded words when the caller has them (foldKey(surface) split on spaces).
  const tokens = (folded ?? foldKey(surface).split(' ').filter(Boolean)).map((t) => (declines ? stemToken(t, inflection.endings) : t));
  return { key: tokens.join(' '), tokens };
}

interface GazetteerFile { entries: { key: string; names: Record<string, string[]> }[] }

/** Folded alias -> canonical key, from every file in rules/gazetteer/. */
export interface Gazetteer { aliases: Map<string, string>; maxWords: number }

/**
 * Reads every gazetteer file of `dir` (rules/gazetteer). Each name is keyed as a text in its language would key it
 * (`inflectionOf` gives that language's name inflection).
 */
export function loadGazetteer(dir: string, inflectionOf: (lang: string) => NameInflection | undefined): Gazetteer {
  const aliases = new Map<string, string>();
  let maxWords = 1;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as GazetteerFile;
    for (const e of data.entries) {
      for (const [lang, names] of Object.entries(e.names)) {
        const inflection = inflectionOf(lang);
        for (const n of names) {
          const k = entityKey(n, inflection).key;
          if (!k) continue;
          aliases.set(k, `=${e.key}`);
          maxWords = Math.max(maxWords, k.split(' ').length);
        }
      }
    }
  }
  return { aliases, maxWords };
}

/**
 * A rough phonetic skeleton of a folded name, for comparing a name across scripts and spellings:
 * "Flake" / "Флейк" -> "flk", "Micronesia" / "Микронезии" -> "mkrns", "Jaynes" / "Джейнс" -> "jns",
 * "Sturridge" / "Старридж" -> "strj".
 */
export function nameSkeleton(folded: string): string {
  const t = nameSpelling(folded.toLowerCase().replace(/[^a-z]/g, ''));
  const first = t.slice(0, 1);
  const rest = t.slice(1).replace(/[aeiouy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/**
 * The letters of a folded name with the consonants that transliteration spells several ways written one way: "dzh",
 * "zh", "dj" and English "dg" before e/i/y (which sounds as "dzh" does: "Sturridge" / "Старридж") as "j", "kh" as
 * "h", "ph" as "f", "ck", "c", "q" as "k", "x" as "ks", "z" as "s", "w" as "v". Vowels are kept.
 */
export function nameSpelling(t: string): string {
  return t.replace(/dg(?=[eiy])/g, 'j').replace(/dzh|zh|dj/g, 'j').replace(/kh/g, 'h').replace(/ph/g, 'f').replace(/ck|c|q/g, 'k').replace(/x/g, 'ks').replace(/z/g, 's').replace(/w/g, 'v');
}

/**
 * A coarser sound key than nameSkeleton, for telling whether two texts in different scripts name the same people and
 * places: consonants only, with the letters that transliteration renders several ways folded together (w, v and h,
 * which Russian writes as у, в, х or not at all; j, g, dzh, zh; soft and hard c; "chr" as "kr"; th, ph, gh). "Wheeling" / "Уилинг"
 * -> "lng", "Christine" / "Кристин" -> "krstn", "Virginia" / "Вирджиния" -> "rgn".
 */
export function soundKey(folded: string): string {
  const t = folded.toLowerCase().replace(/[^a-z]/g, '')
    .replace(/chr/g, 'kr').replace(/shch|sch/g, 'S').replace(/dzh|zh|dj|j/g, 'g').replace(/kh/g, '').replace(/tch|ch/g, 'C').replace(/sh/g, 'S')
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/gh/g, '').replace(/ck|q/g, 'k').replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k').replace(/z/g, 's').replace(/[hwv]/g, '');
  return t.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

const regionKeyCache = new Map<string, Set<string>>();
/** Keys of the country and territory names ICU knows in `locale`, inflected as the pack declines names. */
export function regionKeys(locale: string, inflection?: NameInflection): Set<string> {
  let out = regionKeyCache.get(locale);
  if (!out) {
    out = new Set<string>();
    for (const n of icuRegionNames(locale)) {
      const k = entityKey(n, inflection).key;
      if (k) out.add(k);
    }
    regionKeyCache.set(locale, out);
  }
  return out;
}
