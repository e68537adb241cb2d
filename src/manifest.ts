import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FactlintError } from './errors.js';
import { describeAjvError, jsonErrorLine, schemaValidator } from './schema.js';

/** One manifest entry: what an editor declares about a file. */
export interface ManifestEntry {
  file: string;
  story?: string;
  lang?: string;
  published?: string;
  publisher?: string;
  byline?: string;
  original?: boolean;
}

/** Declarations by source id (the same ids the loader gives: paths relative to the working directory). */
export type Declarations = Map<string, ManifestEntry>;

export const MANIFEST_NAMES = ['sources.json', 'factlint.json'];

/** Reads and validates one manifest; errors name the file, the field and the line where JSON is broken. */
export function readManifest(path: string): ManifestEntry[] {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) {
    throw new FactlintError('FL140', `not valid JSON (${(e as Error).message})`, path, jsonErrorLine(text, e), 'fix the JSON syntax of the manifest');
  }
  const validator = schemaValidator('manifest.schema.json');
  if (!validator(data)) {
    throw new FactlintError('FL141', (validator.errors ?? []).map(describeAjvError).join('; '), path, undefined, 'see rules/schema/manifest.schema.json');
  }
  return (data as { sources: ManifestEntry[] }).sources;
}

const toId = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
};

/** Finds sources.json / factlint.json in the named folders (and beside named files) and collects their declarations. */
export function collectManifests(inputs: string[], cwd = process.cwd()): Declarations {
  const out: Declarations = new Map();
  const dirs = new Set<string>();
  for (const i of inputs) {
    if (i === '-' || i === '<stdin>') continue;
    const p = resolve(cwd, i);
    try { dirs.add(statSync(p).isDirectory() ? p : dirname(p)); } catch { /* the loader reports missing inputs */ }
  }
  for (const d of [...dirs].sort()) {
    for (const name of MANIFEST_NAMES) {
      const m = join(d, name);
      if (!existsSync(m)) continue;
      for (const e of readManifest(m)) out.set(toId(resolve(d, e.file), cwd), e);
    }
  }
  return out;
}
