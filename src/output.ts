import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Report } from './model/report.js';
import type { RenderContext, Reporter } from './report/context.js';
import { renderJson } from './report/json.js';
import { renderText } from './report/text.js';
import { renderHtml } from './report/html.js';
import { renderSarif } from './report/sarif.js';
import { renderJunit } from './report/junit.js';
import { renderGithub } from './report/github.js';
import { FactlintError } from './errors.js';

export const FORMATS = ['text', 'json', 'html', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const REPORTERS: Record<Format, Reporter> = {
  text: renderText, json: renderJson, html: renderHtml, sarif: renderSarif, junit: renderJunit, github: renderGithub,
};

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

/** Writes to a temporary file in the same folder, syncs, then renames into place: readers see the old or the new file, never half. */
export function writeAtomic(path: string, content: string): void {
  hookSignals();
  const dir = dirname(path);
  try { mkdirSync(dir, { recursive: true }); } catch (e) {
    throw new FactlintError('FL501', `cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, dir, undefined, 'choose a writable location');
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try { writeSync(fd, content); fsyncSync(fd); } finally { closeSync(fd); }
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
