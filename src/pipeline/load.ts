import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { Source } from '../model/source.js';
import type { SkippedInput } from '../model/report.js';
import { FactlintError } from '../errors.js';

export interface LoadOptions {
  /** Extensions read from folders. */
  extensions?: string[];
  maxFileSize?: number;
}

export interface LoadResult {
  sources: Source[];
  skipped: SkippedInput[];
}

const DEFAULT_EXTENSIONS = ['.txt', '.md'];

const toId = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
};

/** Reads the files and folders the user named; folders contribute their text files recursively, sorted by path. */
export async function load(inputs: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const exts = opts.extensions ?? DEFAULT_EXTENSIONS;
  const files: string[] = [];
  const skipped: SkippedInput[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = resolve(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (exts.includes(extname(e.name).toLowerCase())) files.push(p);
      else skipped.push({ path: toId(p), code: 'FL101', reason: 'not a text file (.txt or .md)' });
    }
  };
  for (const input of inputs) {
    const p = resolve(input);
    const st = await stat(p).catch(() => {
      throw new FactlintError('FL100', 'no such file or folder', input, undefined, 'check the path');
    });
    if (st.isDirectory()) await walk(p);
    else files.push(p);
  }
  const unique = [...new Set(files)].sort();
  const sources: Source[] = [];
  for (const f of unique) {
    const text = (await readFile(f, 'utf8')).replace(/^\uFEFF/, '');
    sources.push({ id: toId(f), path: toId(f), lang: 'und', text, provenance: {}, warnings: [] });
  }
  return { sources, skipped };
}
