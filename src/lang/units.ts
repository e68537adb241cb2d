import { readFileSync } from 'node:fs';

/** rules/units.json as written (schema: rules/schema/units.schema.json). */
interface UnitsFile {
  dimensions: Record<string, Record<string, number>>;
  offsets?: Record<string, number>;
  either?: Record<string, string[]>;
}

/** One unit: its dimension and how it converts into the dimension's base unit ((x + offset) * factor). */
export interface Unit {
  key: string;
  dimension: string;
  factor: number;
  offset: number;
}

/** The conversion table: unit key -> unit, and the ambiguous keys with the units they may stand for. */
export interface Units {
  of: ReadonlyMap<string, Unit>;
  either: ReadonlyMap<string, readonly string[]>;
}

/** Reads a units table (rules/units.json). */
export function loadUnits(path: string): Units {
  const file = JSON.parse(readFileSync(path, 'utf8')) as UnitsFile;
  const of = new Map<string, Unit>();
  for (const [dimension, members] of Object.entries(file.dimensions))
    for (const [key, factor] of Object.entries(members)) of.set(key, { key, dimension, factor, offset: file.offsets?.[key] ?? 0 });
  return { of, either: new Map(Object.entries(file.either ?? {})) };
}
