import { readFileSync } from 'node:fs';

/** Compiled page-furniture knowledge (rules/furniture.json, plus user patterns from the config). */
export interface Furniture {
  lines: Set<string>;
  patterns: RegExp[];
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
    patterns: [...data.patterns, ...extraPatterns].map((p) => new RegExp(p, 'u')),
    tailMarkers: new Set(data.tailMarkers.map(fold)),
    blockMarkers: new Set(data.blockMarkers.map(fold)),
    bylines: data.bylines.map((p) => new RegExp(p, 'u')),
  };
}

/** Reads and compiles a furniture file (rules/furniture.json). */
export function loadFurniture(file: string): Furniture {
  return compileFurniture(JSON.parse(readFileSync(file, 'utf8')) as FurnitureFile);
}

/** `base` plus user patterns from the config. */
export function withExtraPatterns(base: Furniture, patterns: string[]): Furniture {
  return { ...base, patterns: [...base.patterns, ...patterns.map((p) => new RegExp(p, 'u'))] };
}

export { fold as foldLine };
