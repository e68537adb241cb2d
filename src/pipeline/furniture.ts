import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES_DIR } from '../paths.js';
import { compileLinePattern, type LinePattern } from './user-pattern.js';

/** Compiled page-furniture knowledge (rules/furniture.json, plus user patterns from the config). */
export interface Furniture {
  lines: Set<string>;
  /** The shipped patterns (RegExp) and the user's, which run in linear time (compileLinePattern). */
  patterns: LinePattern[];
  tailMarkers: Set<string>;
  blockMarkers: Set<string>;
  bylines: RegExp[];
}

interface FurnitureFile {
  lines: string[];
  patterns: string[];
  tailMarkers: string[];
  blockMarkers: string[];
  bylines: string[];
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function compileFurniture(data: FurnitureFile, extraPatterns: string[] = []): Furniture {
  return {
    lines: new Set(data.lines.map(fold)),
    patterns: [...data.patterns.map((p) => new RegExp(p, 'u')), ...extraPatterns.map(compileLinePattern)],
    tailMarkers: new Set(data.tailMarkers.map(fold)),
    blockMarkers: new Set(data.blockMarkers.map(fold)),
    bylines: data.bylines.map((p) => new RegExp(p, 'u')),
  };
}

let cached: Furniture | undefined;
export function defaultFurniture(): Furniture {
  cached ??= compileFurniture(JSON.parse(readFileSync(resolve(RULES_DIR, 'furniture.json'), 'utf8')) as FurnitureFile);
  return cached;
}

/** The default furniture plus user patterns from the config. */
const extended = new Map<string, Furniture>();
export function withExtraPatterns(patterns: string[]): Furniture {
  const key = patterns.join('\u0000');
  let f = extended.get(key);
  if (!f) {
    const base = defaultFurniture();
    f = { ...base, patterns: [...base.patterns, ...patterns.map(compileLinePattern)] };
    extended.set(key, f);
  }
  return f;
}

export { fold as foldLine };
