import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Report } from './model/report.js';
import type { RenderContext, Reporter, StreamingReporter } from './report/context.js';
import { renderJson, streamJson } from './report/json.js';
import { renderText } from './report/text.js';
import { renderHtml } from './report/html.js';
import { renderSarif, streamSarif } from './report/sarif.js';
import { renderJunit, streamJunit } from './report/junit.js';
import { renderGithub } from './report/github.js';
import { FactlintError } from './errors.js';

export const FORMATS = ['text', 'json', 'html', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS: Record<Format, Reporter> = {
  text: renderText, json: renderJson, html: renderHtml, sarif: renderSarif, junit: renderJunit, github: renderGithub,
};

/** The formats written in pieces (`StreamingReporter`): those whose size grows with a translation memory's findings. */
const STREAMING: Partial<Record<Format, StreamingReporter>> = { json: streamJson, sarif: streamSarif, junit: streamJunit };

export const EXTENSIONS: Record<Format, string> = {
  text: 'txt', json: 'json', html: 'html', sarif: 'sarif', junit: 'junit.xml', github: 'github.txt',
};

/** Parses "json,html" into formats, rejecting unknown names with the list of known ones. */
export function parseFormats(value: string): Format[] {
  const out: Format[] = [];
  for (const f of value.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new FactlintError('FL002', `unknown format "${f}"`, undefined, undefined, `use one or more of: ${FORMATS.join(', ')} (comma-separated)`);
    }
    if (!out.includes(f as Format)) out.push(f as Format);
  }
  if (out.length === 0) throw new FactlintError('FL002', 'no format given', undefined, undefined, `use one or more of: ${FORMATS.join(', ')}`);
  return out;
}

const pending = new Set<string>();
let hooked = false;
/** On SIGINT/SIGTERM, remove half-written temporary files so an old report stays whole. */
function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  const cleanup = (sig: NodeJS.Signals): void => {
    for (const p of pending) rmSync(p, { force: true });
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', cleanup);
  process.once('SIGTERM', cleanup);
}

/** Bytes gathered before a write: pieces of a streamed report are small. */
const WRITE_SIZE = 1 << 20;

/**
 * Writes pieces of text as they come, gathered into writes of about a megabyte: the whole text is never one string.
 * `write` takes each gathered part.
 */
export function writePieces(content: string | Iterable<string>, write: (part: string) => void): void {
  if (typeof content === 'string') { write(content); return; }
  let part: string[] = [];
  let size = 0;
  for (const piece of content) {
    part.push(piece);
    size += piece.length;
    if (size >= WRITE_SIZE) { write(part.join('')); part = []; size = 0; }
  }
  if (size > 0) write(part.join(''));
}

/**
 * Writes to a temporary file in the same folder, syncs, then renames into place: readers see the old or the new file,
 * never half. The content may come in pieces (a streamed report), written as they come.
 */
export function writeAtomic(path: string, content: string | Iterable<string>): void {
  hookSignals();
  const dir = dirname(path);
  try { mkdirSync(dir, { recursive: true }); } catch (e) {
    throw new FactlintError('FL501', `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, dir, undefined, 'choose a writable location');
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writePieces(content, (part) => { writeSync(fd, part); });
      fsyncSync(fd);
    } finally { closeSync(fd); }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof FactlintError) throw e;
    throw new FactlintError('FL502', `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path, undefined, 'check that the folder exists and is writable, and that the path is not a folder');
  } finally {
    pending.delete(tmp);
  }
}

export function render(format: Format, report: Report, ctx: RenderContext): string {
  return REPORTERS[format](report, ctx);
}

/** The report in a format, in pieces where the format streams (joined, the same text as `render`). */
export function renderPieces(format: Format, report: Report, ctx: RenderContext): string | Iterable<string> {
  const stream = STREAMING[format];
  return stream ? stream(report, ctx) : REPORTERS[format](report, ctx);
}
