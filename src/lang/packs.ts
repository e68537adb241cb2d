import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_DIR } from '../paths.js';
import { compilePack, neutralPack, type LoadedPack } from './compile.js';
import { readPackFile, type PackData } from './load.js';
import type { LangPack } from './pack.js';

/** The language packs of one folder, each loaded on first use and kept. */
export interface Packs {
  /** The folder the packs are read from. */
  readonly dir: string;
  /** The pack for a language code ("en", "vi", "ru", "en-GB" falls back to "en"); unknown codes get the neutral pack. */
  get(code: string): LoadedPack;
  /** Language codes with a pack in the folder (the neutral "und" base is not a language), sorted. */
  codes(): readonly string[];
  /** The pack's data as read (validated, merged, defaults filled), without compiling it: cheap where only a field or
   * two is needed. Same fallbacks as get(). */
  data(code: string): LangPack;
}

/** The packs of `dir` (default rules/lang). Loading is lazy: a pack is read, validated and compiled when first asked for. */
export function createPacks(dir = join(RULES_DIR, 'lang')): Packs {
  const read = new Map<string, PackData | undefined>();
  const compiled = new Map<string, LoadedPack>();
  let codes: string[] | undefined;
  /** The file code falls back to ("en-GB" -> "en", unknown -> "und"), or undefined for the built-in neutral pack. */
  const fileCode = (code: string): string | undefined => {
    const key = (code || 'und').trim();
    for (const c of [key, key.split(/[-_]/)[0]!.toLowerCase(), 'und']) {
      if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(c)) continue;
      if (read.has(c) || existsSync(join(dir, `${c}.json`))) return c;
    }
    return undefined;
  };
  const dataOf = (c: string): PackData => {
    if (!read.has(c)) read.set(c, readPackFile(join(dir, `${c}.json`)));
    return read.get(c)!;
  };
  return {
    dir,
    get(code: string): LoadedPack {
      const hit = compiled.get(code);
      if (hit) return hit;
      const c = fileCode(code);
      const key = c ?? '\u0000neutral';
      let pack = compiled.get(key);
      if (!pack) {
        pack = c === undefined ? neutralPack() : compilePack(dataOf(c));
        compiled.set(key, pack);
      }
      compiled.set(code, pack);
      return pack;
    },
    data(code: string): LangPack {
      const hit = compiled.get(code);
      if (hit) return hit;
      const c = fileCode(code);
      return c === undefined ? neutralPack() : dataOf(c).pack;
    },
    codes(): readonly string[] {
      codes ??= existsSync(dir)
        ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).filter((c) => c !== 'und').sort()
        : [];
      return codes;
    },
  };
}

let shared: Packs | undefined;
/**
 * The packs of rules/lang, loaded once per process: for the composition roots (the library entry points, worker
 * threads), tests and scripts. Stages and rule kinds never call this: they get the packs from their context.
 */
export function defaultPacks(): Packs {
  shared ??= createPacks();
  return shared;
}

/** defaultPacks().get(code): for tests and scripts. */
export const getPack = (code: string): LoadedPack => defaultPacks().get(code);


