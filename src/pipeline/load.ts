import type { BigIntStats, Dirent, Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Source } from '../model/source.js';
import type { SkippedInput } from '../model/report.js';
import { FactlintError, type LoadCode } from '../errors.js';
import { decodeBytes } from './decode.js';
import { DOCUMENT_EXTENSIONS, readDocument, Unreadable } from './read/index.js';
import { DEFAULT_FETCH_TIMEOUT_MS, fetchDocument, isUrl, normaliseUrl } from './fetch.js';
import type { DocumentFormat } from '../model/source.js';

/**
 * The load stage: turns the paths the user named into decoded sources. It never crashes on what editors leave in a
 * folder and never drops an input silently: every input is either a Source (with warnings) or a SkippedInput with a
 * code (see LOAD_CODES in errors.ts and docs/errors.md). Files are only ever opened read-only.
 */

/** The file-system calls the loader makes; replaceable so tests can simulate failures (EACCES as root, EIO). */
export interface LoadFs {
  lstat(path: string): Promise<Stats>;
  /** Follows symbolic links; bigint so that inode numbers (used to load a file reached twice only once) are exact. */
  stat(path: string): Promise<BigIntStats>;
  realpath(path: string): Promise<string>;
  readlink(path: string): Promise<string>;
  readdir(path: string): Promise<Dirent[]>;
  /** Reads at most `size` bytes from the start of the file (opened read-only). */
  readBytes(path: string, size: number): Promise<Uint8Array>;
}

export interface LoadOptions {
  /** Extensions read from folders (lower case, with the dot). Files named explicitly are read whatever their extension. */
  extensions?: string[];
  /** Files larger than this many bytes are skipped (FL106) without being read. Default 10 MiB. */
  maxFileSize?: number;
  /** Texts with a line longer than this many characters are skipped (FL119). Default 1,000,000. */
  maxLineLength?: number;
  /** More files than this under the named folders is an error (FL109). Default 20,000. */
  maxFiles?: number;
  /** Files stat'ed and read at a time. Default 32. */
  concurrency?: number;
  /** Legacy encodings the decoder may guess among; default LEGACY_ENCODINGS in decode.ts. */
  legacyEncodings?: readonly string[];
  /** Folder that relative inputs are resolved against and ids are relative to. Default: the working directory. */
  cwd?: string;
  /** Return no sources instead of throwing FL102, for callers that add sources of their own (in-memory texts). */
  allowEmpty?: boolean;
  /** Milliseconds to wait for each URL's whole response (default 20 s). */
  fetchTimeoutMs?: number;
  /** Replaces some or all file-system calls (tests). */
  fs?: Partial<LoadFs>;
}

export interface LoadResult {
  /** Sorted by id. */
  sources: Source[];
  /** Sorted by path. FL101 entries are noise unless the user asked for --verbose: see `isQuietSkip`. */
  skipped: SkippedInput[];
}

export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.md', ...Object.keys(DOCUMENT_EXTENSIONS)];
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 20_000;
export const DEFAULT_MAX_LINE_LENGTH = 1_000_000;

/** The length of the longest line of `text` (lines end at CR, LF, CRLF, U+2028 or U+2029); one pass. */
export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      if (i - start > longest) longest = i - start;
      start = i + 1;
    }
  }
  return Math.max(longest, text.length - start);
}

/**
 * The line budget of a text: a line longer than `max` characters is no paragraph a person wrote (an article's
 * longest is some thousands), and every stage after it works line by line, so such a text is skipped (FL119) rather
 * than analysed for minutes.
 */
export function lineProblem(text: string, max = DEFAULT_MAX_LINE_LENGTH): { code: 'FL119'; reason: string } | undefined {
  const longest = longestLine(text);
  if (longest <= max) return undefined;
  return { code: 'FL119', reason: `a line of ${longest.toLocaleString('en-US')} characters, longer than the limit of ${max.toLocaleString('en-US')} (maxLineLength)` };
}
export const DEFAULT_CONCURRENCY = 32;

/** Skips the CLI lists only with --verbose (files in a folder that are not text files, hidden files). */
export const isQuietSkip = (s: SkippedInput): boolean => s.code === 'FL101';

async function readBytes(path: string, size: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
  }
}

const NODE_FS: LoadFs = {
  lstat: (p) => lstat(p),
  stat: (p) => stat(p, { bigint: true }),
  realpath: (p) => realpath(p),
  readlink: (p) => readlink(p),
  readdir: (p) => readdir(p, { withFileTypes: true }),
  readBytes,
};

/** The id of a path: relative to `cwd` with forward slashes, or absolute when outside it. */
const toIdIn = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return (outside ? path : rel === '' ? '.' : rel).split(sep).join('/');
};

/** Code-unit order, not localeCompare: the same on every machine. */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const errno = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

interface Problem {
  code: LoadCode;
  reason: string;
}

/** Why a file-system call failed, as a skip reason. `link` is the target of the symbolic link involved, if any. */
function fsProblem(e: unknown, link?: string): Problem {
  const c = errno(e);
  if (c === 'ELOOP') return { code: 'FL108', reason: 'symbolic link loop (the link resolves to itself)' };
  if (c === 'ENOENT' && link !== undefined) return { code: 'FL108', reason: `broken symbolic link (its target ${link} does not exist)` };
  if (c === 'EACCES' || c === 'EPERM') return { code: 'FL107', reason: `cannot be read: permission denied (${c})` };
  if (c === 'ENOENT') return { code: 'FL107', reason: 'cannot be read: it disappeared while loading' };
  return { code: 'FL107', reason: `cannot be read (${c ?? (e instanceof Error ? e.message : String(e))})` };
}

const throwProblem = (p: Problem, file: string, hint?: string): never => {
  throw new FactlintError(p.code, p.reason, file, undefined, hint);
};

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the order of `items`. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Whitespace, including no-break, zero-width and BOM characters. */
const BLANK = /^[\s\u200b-\u200d\u2060]*$/u;

const formatBytes = (n: number | bigint): string => `${n.toLocaleString('en-US')} bytes`;

/** Reads the files and folders the user named; folders contribute their text files recursively. */
export async function load(inputs: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const fs: LoadFs = { ...NODE_FS, ...opts.fs };
  const exts = (opts.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.toLowerCase());
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const cwd = resolve(opts.cwd ?? process.cwd());
  const toId = (p: string): string => toIdIn(p, cwd);

  /** absolute path → id, for every file to stat and read. */
  const candidates = new Map<string, string>();
  const skipped = new Map<string, SkippedInput>();
  const skip = (id: string, p: Problem): void => {
    if (!skipped.has(id)) skipped.set(id, { path: id, code: p.code, reason: p.reason });
  };
  /** Real paths of the folders already walked: a folder reached twice is read once, and a loop ends. */
  const visited = new Set<string>();
  let filesSeen = 0;

  const countFile = (root: string): void => {
    if (++filesSeen > maxFiles)
      throw new FactlintError('FL109', `more than ${maxFiles.toLocaleString('en-US')} files under the named folders`, root, undefined, 'name a narrower folder, or raise the limit (maxFiles)');
  };

  const linkTarget = async (p: string): Promise<string> => fs.readlink(p).catch(() => '?');

  const walk = async (dir: string, real: string, ancestors: ReadonlySet<string>, root: string): Promise<void> => {
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir);
    } catch (e) {
      skip(toId(dir), fsProblem(e));
      return;
    }
    entries.sort((a, b) => byString(a.name, b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      const id = toId(p);
      if (e.name.startsWith('.')) {
        if (!e.isDirectory()) countFile(root);
        skip(id, { code: 'FL101', reason: `hidden ${e.isDirectory() ? 'folder' : 'file'} (name starts with ".")` });
        continue;
      }
      if (e.isDirectory()) {
        const childReal = join(real, e.name);
        if (!visited.has(childReal)) await walk(p, childReal, new Set([...ancestors, childReal]), root);
        continue;
      }
      let st: { isFile(): boolean; isDirectory(): boolean } = e;
      if (e.isSymbolicLink()) {
        try {
          st = await fs.stat(p);
        } catch (err) {
          countFile(root);
          skip(id, fsProblem(err, await linkTarget(p)));
          continue;
        }
        if (st.isDirectory()) {
          const target = await fs.realpath(p).catch((err: unknown) => fsProblem(err));
          if (typeof target !== 'string') skip(id, target);
          else if (ancestors.has(target)) skip(id, { code: 'FL108', reason: `symbolic link loop (it points to ${toId(target)}, a folder that contains it)` });
          else if (!visited.has(target)) await walk(p, target, new Set([...ancestors, target]), root);
          continue;
        }
      }
      countFile(root);
      if (!st.isFile()) skip(id, { code: 'FL115', reason: 'not a regular file (device, named pipe or socket)' });
      else if (exts.includes(extname(e.name).toLowerCase())) candidates.set(p, id);
      else skip(id, { code: 'FL101', reason: `not a text file (${exts.join(' or ')})` });
    }
  };

  // URLs are fetched, not looked for on disk.
  const urls = [...new Set(inputs.filter(isUrl).map(normaliseUrl))].sort(byString);
  const paths = inputs.filter((i) => !isUrl(i));
  // Named inputs in sorted order, so that which of two paths to the same file or folder wins does not depend on
  // the order they were named in.
  const named = [...new Map(paths.map((i) => [resolve(cwd, i), i] as const))].sort(([a], [b]) => byString(a, b));
  const found: [string, Stats][] = [];
  const missing: string[] = [];
  for (const [abs, given] of named) {
    try {
      found.push([abs, await fs.lstat(abs)]);
    } catch (e) {
      const c = errno(e);
      if (c === 'ENOENT' || c === 'ENOTDIR') missing.push(given);
      else skip(toId(abs), fsProblem(e));
    }
  }
  if (missing.length > 0) {
    const [first, ...rest] = missing;
    throw new FactlintError(
      'FL100',
      `no such file or folder${rest.length > 0 ? ` (nor ${rest.join(', ')})` : ''}`,
      first,
      undefined,
      'check the path; it is relative to the working directory',
    );
  }
  for (const [abs, lst] of found) {
    const id = toId(abs);
    let st: Stats | BigIntStats = lst;
    if (lst.isSymbolicLink()) {
      try {
        st = await fs.stat(abs);
      } catch (e) {
        skip(id, fsProblem(e, await linkTarget(abs)));
        continue;
      }
    }
    if (st.isDirectory()) {
      const real = await fs.realpath(abs).catch((e: unknown) => fsProblem(e));
      if (typeof real !== 'string') skip(id, real);
      else if (!visited.has(real)) await walk(abs, real, new Set([real]), id);
    } else if (st.isFile()) candidates.set(abs, id);
    else skip(id, { code: 'FL115', reason: 'not a regular file (device, named pipe or socket)' });
  }

  // Stat every candidate (sizes are checked before anything is read), then keep one path per file (dev + inode),
  // the smallest id, so a file named twice, or reached through a folder and directly, is loaded once.
  const list = [...candidates].sort(([, a], [, b]) => byString(a, b));
  const stats = await mapLimit(list, concurrency, async ([abs]) => fs.stat(abs).catch((e: unknown) => fsProblem(e)));
  const seen = new Set<string>();
  const toRead: { abs: string; id: string; size: number }[] = [];
  list.forEach(([abs, id], i) => {
    const st = stats[i];
    if (st === undefined) return;
    if (!('isFile' in st)) return skip(id, st);
    const key = st.ino !== 0n ? `${st.dev}:${st.ino}` : `path:${abs}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!st.isFile()) return skip(id, { code: 'FL115', reason: 'not a regular file (device, named pipe or socket)' });
    if (st.size === 0n) return skip(id, { code: 'FL103', reason: 'empty file (0 bytes)' });
    if (st.size > BigInt(maxFileSize))
      return skip(id, { code: 'FL106', reason: `too large: ${formatBytes(st.size)}, the limit is ${formatBytes(maxFileSize)} (maxFileSize)` });
    toRead.push({ abs, id, size: Number(st.size) });
  });

  /** Bytes to a source: a document's extracted text, or the decoded text of any other file. */
  const toSource = async (id: string, bytes: Uint8Array, format: DocumentFormat | undefined, extra: { url?: string; charset?: string } = {}): Promise<Source | undefined> => {
    if (format !== undefined) {
      try {
        const ex = await readDocument(format, bytes, extra.charset ? { charset: extra.charset } : {});
        // A paragraph is a line of the extracted text: the same line budget as for text files.
        const long = lineProblem(ex.text, opts.maxLineLength);
        if (long) return void skip(id, long);
        return {
          id, path: id, lang: ex.lang ?? 'und', text: ex.text,
          ...(ex.published ? { published: ex.published } : {}),
          ...(ex.publishedAt ? { publishedAt: ex.publishedAt } : {}),
          provenance: ex.byline ? { byline: ex.byline } : {},
          warnings: ex.warnings,
          document: { ...ex.document, ...(extra.url && extra.url !== id ? { url: extra.url } : {}) },
        };
      } catch (e) {
        if (e instanceof Unreadable) return void skip(id, { code: e.code, reason: e.message });
        // A reader's library failing on a file it should refuse cleanly: still a skip, never a crash of the run.
        return void skip(id, { code: 'FL150', reason: `cannot be read as ${format.toUpperCase()} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` });
      }
    }
    const d = decodeBytes(bytes, opts.legacyEncodings ? { legacyEncodings: opts.legacyEncodings } : {});
    if (!d.ok) return void skip(id, { code: d.code, reason: d.reason });
    if (d.text.length === 0) return void skip(id, { code: 'FL103', reason: 'empty file (only a byte order mark)' });
    if (BLANK.test(d.text)) return void skip(id, { code: 'FL104', reason: 'only whitespace' });
    const long = lineProblem(d.text, opts.maxLineLength);
    if (long) return void skip(id, long);
    return { id, path: id, lang: 'und', text: d.text, provenance: {}, warnings: d.warnings };
  };

  const read = await mapLimit(toRead, concurrency, async ({ abs, id, size }): Promise<Source | undefined> => {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readBytes(abs, size);
    } catch (e) {
      skip(id, fsProblem(e));
      return undefined;
    }
    return toSource(id, bytes, DOCUMENT_EXTENSIONS[extname(abs).toLowerCase()]);
  });
  // Pages fetched a few at a time; each failure is a coded skip of that URL.
  const fetched = await mapLimit(urls, 4, async (url): Promise<Source | undefined> => {
    try {
      const f = await fetchDocument(url, { maxBytes: maxFileSize, timeoutMs: opts.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS });
      if (f.bytes.length === 0) return void skip(url, { code: 'FL103', reason: 'empty response (0 bytes)' });
      return await toSource(url, f.bytes, f.format === 'text' ? undefined : f.format, { url: f.url, ...(f.charset ? { charset: f.charset } : {}) });
    } catch (e) {
      if (e instanceof Unreadable) return void skip(url, { code: e.code, reason: e.message });
      throw e;
    }
  });

  const sources = [...read, ...fetched].filter((s): s is Source => s !== undefined).sort((a, b) => byString(a.id, b.id));
  const skippedList = [...skipped.values()].sort((a, b) => byString(a.path, b.path) || byString(a.code, b.code));
  if (sources.length === 0 && !opts.allowEmpty) throw noSources(inputs, skippedList);
  return { sources, skipped: skippedList };
}

function noSources(inputs: string[], skipped: SkippedInput[]): FactlintError {
  if (inputs.length === 0) return new FactlintError('FL102', 'no files or folders named', undefined, undefined, 'name articles (.txt, .md, .docx, .odt, .html, .pdf) or URLs, or folders that contain them');
  const shown = skipped.slice(0, 10).map((s) => `${s.path} (${s.code}: ${s.reason})`);
  const more = skipped.length > shown.length ? `; and ${skipped.length - shown.length} more` : '';
  const why = skipped.length > 0 ? `; skipped: ${shown.join('; ')}${more}` : '; the named folders contain no files';
  return new FactlintError('FL102', `no readable sources${why}`, undefined, undefined, 'name articles (.txt, .md, .docx, .odt, .html, .pdf) or URLs, or folders that contain them, and fix the reasons listed');
}

export interface InputFile {
  /** The path as shown in messages (relative to the working directory, forward slashes). */
  id: string;
  text: string;
  /** Decoding notes (FL110, FL111, FL112), for the caller to print. */
  warnings: string[];
}

/**
 * Reads one file an option names (--baseline, --config, a manifest…). Unlike `load`, every problem is fatal:
 * a folder (FL116), a missing file (FL100), and the reasons `load` would skip a file for (FL103–FL108, FL115).
 * `what` names the file's role in messages, e.g. "baseline report".
 */
export async function readInputFile(path: string, what: string, opts: Pick<LoadOptions, 'maxFileSize' | 'legacyEncodings' | 'cwd' | 'fs'> = {}): Promise<InputFile> {
  const fs: LoadFs = { ...NODE_FS, ...opts.fs };
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = resolve(cwd, path);
  const id = toIdIn(abs, cwd);
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let st: BigIntStats;
  try {
    st = await fs.stat(abs);
  } catch (e) {
    const c = errno(e);
    if (c === 'ENOENT' || c === 'ENOTDIR') {
      const isLink = await fs.lstat(abs).then((l) => l.isSymbolicLink(), () => false);
      if (!isLink) throw new FactlintError('FL100', `${what} not found`, path, undefined, 'check the path; it is relative to the working directory');
      return throwProblem(fsProblem(e, await fs.readlink(abs).catch(() => '?')), id);
    }
    return throwProblem(fsProblem(e), id);
  }
  if (st.isDirectory()) throw new FactlintError('FL116', `${what} must be a file, but this is a folder`, id, undefined, 'name a file inside the folder');
  if (!st.isFile()) return throwProblem({ code: 'FL115', reason: `${what} is not a regular file (device, named pipe or socket)` }, id);
  if (st.size === 0n) return throwProblem({ code: 'FL103', reason: `${what} is empty (0 bytes)` }, id);
  if (st.size > BigInt(maxFileSize))
    return throwProblem({ code: 'FL106', reason: `${what} is too large: ${formatBytes(st.size)}, the limit is ${formatBytes(maxFileSize)}` }, id);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readBytes(abs, Number(st.size));
  } catch (e) {
    return throwProblem(fsProblem(e), id);
  }
  const d = decodeBytes(bytes, opts.legacyEncodings ? { legacyEncodings: opts.legacyEncodings } : {});
  if (!d.ok) return throwProblem({ code: d.code, reason: `${what} is a ${d.reason}` }, id, 'name a text file');
  if (BLANK.test(d.text)) return throwProblem({ code: d.text.length === 0 ? 'FL103' : 'FL104', reason: `${what} is ${d.text.length === 0 ? 'empty' : 'only whitespace'}` }, id);
  return { id, text: d.text, warnings: d.warnings };
}

/** Checks that an option naming a folder (an output or rules folder) names one: FL100 if missing, FL117 if a file. Returns the absolute path. */
export async function requireFolder(path: string, what: string, opts: Pick<LoadOptions, 'cwd' | 'fs'> = {}): Promise<string> {
  const fs: LoadFs = { ...NODE_FS, ...opts.fs };
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = resolve(cwd, path);
  let st: BigIntStats;
  try {
    st = await fs.stat(abs);
  } catch (e) {
    const c = errno(e);
    if (c === 'ENOENT' || c === 'ENOTDIR') throw new FactlintError('FL100', `${what} not found`, path, undefined, 'check the path; it is relative to the working directory');
    return throwProblem(fsProblem(e), toIdIn(abs, cwd));
  }
  if (!st.isDirectory()) throw new FactlintError('FL117', `${what} must be a folder, but this is a file`, toIdIn(abs, cwd), undefined, 'name the folder that contains it');
  return abs;
}
