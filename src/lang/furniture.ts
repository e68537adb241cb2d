import { escapeRe } from './text.js';
import type { LangPack } from './pack.js';
import { compileLinePattern, type LinePattern } from './user-pattern.js';

/**
 * Compiled page-furniture knowledge: the `furniture` of every language pack, whatever the source's language (pages
 * mix languages: an English story with a Russian footer), plus the user's patterns from the config.
 */
export interface Furniture {
  lines: Set<string>;
  /** The packs' patterns (RegExp) and the user's, which run in linear time (compileLinePattern). */
  patterns: LinePattern[];
  tailMarkers: Set<string>;
  blockMarkers: Set<string>;
  bylines: RegExp[];
  /** Copyright and contact lines (matched case-insensitively). */
  contacts: RegExp[];
  /** Short author biographies ("Anna Berg is a reporter for …"): bylines. */
  bios: RegExp[];
  /** A byline's opening cue ("By", "Source:"), removed to compare two bylines by their names. */
  bylineCue: RegExp;
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The furniture of every pack in `packs`, with `extraPatterns` (the config's `furniture`) added to the patterns. */
export function compileFurniture(packs: readonly LangPack[], extraPatterns: readonly string[] = []): Furniture {
  const all = <K extends keyof LangPack['furniture']>(k: K): string[] => [...new Set(packs.flatMap((p) => p.furniture[k]))];
  const cues = all('bylineCues');
  return {
    lines: new Set(all('lines').map(fold)),
    patterns: [...all('patterns').map((p) => new RegExp(p, 'u')), ...extraPatterns.map(compileLinePattern)],
    tailMarkers: new Set(all('tailMarkers').map(fold)),
    blockMarkers: new Set(all('blockMarkers').map(fold)),
    bylines: all('bylines').map((p) => new RegExp(p, 'u')),
    contacts: all('contacts').map((p) => new RegExp(p, 'iu')),
    bios: all('bios').map((p) => new RegExp(p, 'u')),
    bylineCue: new RegExp(`^\\W*(?:${cues.length ? cues.map(escapeRe).join('|') : '(?!)'})\\W+`, 'i'),
  };
}

/** `base` plus user patterns from the config. */
export function withExtraPatterns(base: Furniture, patterns: readonly string[]): Furniture {
  return { ...base, patterns: [...base.patterns, ...patterns.map(compileLinePattern)] };
}

export { fold as foldLine };
