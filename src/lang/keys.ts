import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { transliterate } from 'transliteration';
import { RULES_DIR } from '../paths.js';
import { icuRegionNames } from './intl.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Russian case endings, longest first: "Шанхае" -> "shankha", "Новгороде" -> "novgorod". */
const RU_ENDINGS = ['iyami', 'iyakh', 'ami', 'yami', 'ovoy', 'evoy', 'akh', 'yakh', 'iey', 'oy', 'ey', 'om', 'em', 'ov', 'ev', 'ym', 'im', 'yu', 'ya', 'ye', 'ogo', 'ego', 'omu', 'emu', 'a', 'u', 'e', 'y', 'i', 'o'];

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

/** Strips a Russian inflection from one folded token (only for tokens that came from Cyrillic). */
export function stemToken(token: string): string {
  if (token.length < 5) return token;
  for (const e of RU_ENDINGS) if (token.endsWith(e) && token.length - e.length >= 4) return token.slice(0, -e.length);
  return token;
}

/** Key used for matching a name across versions: folded, Cyrillic inflection stripped. */
export function entityKey(surface: string): { key: string; tokens: string[] } {
  const cyr = CYRILLIC.test(surface);
  const tokens = foldKey(surface).split(' ').filter(Boolean).map((t) => (cyr ? stemToken(t) : t));
  return { key: tokens.join(' '), tokens };
}

interface GazetteerFile { entries: { key: string; names: Record<string, string[]> }[] }

/** Folded alias -> canonical key, from every file in rules/gazetteer/. */
export interface Gazetteer { aliases: Map<string, string>; maxWords: number }

let cached: Gazetteer | undefined;
export function gazetteer(dir = resolve(RULES_DIR, 'gazetteer')): Gazetteer {
  if (cached) return cached;
  const aliases = new Map<string, string>();
  let maxWords = 1;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as GazetteerFile;
    for (const e of data.entries) {
      for (const names of Object.values(e.names)) {
        for (const n of names) {
          const k = entityKey(n).key;
          if (!k) continue;
          aliases.set(k, `=${e.key}`);
          maxWords = Math.max(maxWords, k.split(' ').length);
        }
      }
    }
  }
  cached = { aliases, maxWords };
  return cached;
}

/**
 * A rough phonetic skeleton of a folded name, for comparing a name across scripts and spellings:
 * "Flake" / "Флейк" -> "flk", "Micronesia" / "Микронезии" -> "mkrns", "Jaynes" / "Джейнс" -> "jns".
 */
export function nameSkeleton(folded: string): string {
  let t = folded.toLowerCase().replace(/[^a-z]/g, '');
  t = t.replace(/dzh|zh|dj/g, 'j').replace(/kh/g, 'h').replace(/ph/g, 'f').replace(/ck|c|q/g, 'k').replace(/x/g, 'ks').replace(/z/g, 's').replace(/w/g, 'v');
  const first = t.slice(0, 1);
  const rest = t.slice(1).replace(/[aeiouy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

const regionKeyCache = new Map<string, Set<string>>();
/** Keys of the country and territory names ICU knows in `locale` (each word's key and the whole name's). */
export function regionKeys(locale: string): Set<string> {
  let out = regionKeyCache.get(locale);
  if (!out) {
    out = new Set<string>();
    for (const n of icuRegionNames(locale)) {
      const k = entityKey(n).key;
      if (k) out.add(k);
    }
    regionKeyCache.set(locale, out);
  }
  return out;
}
