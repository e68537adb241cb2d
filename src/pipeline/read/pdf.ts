import type { DocumentInfo } from '../../model/source.js';
import { assemble, type RawBlock } from './blocks.js';
import { setProperties, Unreadable, type Extracted } from './result.js';

/**
 * PDF (press releases) with PDF.js, through unpdf's build of it for servers (one file, no worker, no canvas, no
 * eval: `isEvalSupported: false`, so nothing in the file is run). PDF.js gives positioned text runs; this module
 * puts them back into lines and paragraphs:
 *
 * - reading order: runs are read in the order the page draws them (how word processors write their PDFs), and each
 *   page's runs are split into columns where a vertical gutter separates them, left column first;
 * - a run starts a new line when its baseline moves, and a new paragraph when the gap to the line before is clearly
 *   larger than the column's line spacing (its smallest gap between lines), or the line is indented where the text
 *   was flush;
 * - a word broken at a line end ("inter-" / "national") is joined, unless the document elsewhere writes it with
 *   the hyphen ("state-owned"): then the hyphen stays. A soft hyphen (U+00AD) is always joined.
 *
 * A PDF with no text at all (a scan) is FL154; with a password FL151; damaged FL150.
 */

interface Run { str: string; x: number; y: number; h: number; w: number; eol: boolean }
interface Line { text: string; x: number; y: number; h: number }

/** Lines of one column, from runs in drawing order. */
function linesOf(runs: Run[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  let lastEnd = 0;
  for (const r of runs) {
    const sameLine = cur !== undefined && Math.abs(r.y - cur.y) <= Math.max(1, 0.4 * Math.max(r.h, cur.h));
    if (!sameLine) {
      if (cur) lines.push(cur);
      cur = { text: r.str, x: r.x, y: r.y, h: r.h };
    } else if (cur) {
      // A gap wider than a fraction of the font size between runs is a space PDF.js did not write.
      const gap = r.x - lastEnd;
      if (gap > 0.15 * r.h && !/\s$/u.test(cur.text) && !/^\s/u.test(r.str)) cur.text += ' ';
      cur.text += r.str;
    }
    lastEnd = r.x + r.w;
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => l.text.trim().length > 0);
}

/**
 * Splits a page's runs into columns at vertical gutters: x ranges no run crosses, with text on both sides over
 * several lines. One column when there is none.
 */
function columns(runs: Run[], pageWidth: number): Run[][] {
  if (runs.length < 6) return [runs];
  const step = 4;
  const n = Math.ceil(pageWidth / step) + 1;
  const covered = new Array<number>(n).fill(0);
  for (const r of runs) for (let i = Math.max(0, Math.floor(r.x / step)); i <= Math.min(n - 1, Math.floor((r.x + r.w) / step)); i++) covered[i]!++;
  // reduce, not Math.min(...runs): a page of 130,000 runs or more (a crafted PDF) would overflow the stack as arguments.
  const minX = runs.reduce((m, r) => Math.min(m, r.x), Infinity);
  const maxX = runs.reduce((m, r) => Math.max(m, r.x + r.w), -Infinity);
  // The widest empty band strictly inside the text's extent, at least 12 points wide.
  let best: [number, number] | undefined;
  for (let i = Math.floor(minX / step) + 1; i < Math.floor(maxX / step); i++) {
    if (covered[i] !== 0) continue;
    let j = i;
    while (j < n && covered[j] === 0) j++;
    if ((j - i) * step >= 12 && (!best || j - i > best[1] - best[0])) best = [i, j];
    i = j;
  }
  if (!best) return [runs];
  const cut = (best[0] + best[1]) * step / 2;
  const left = runs.filter((r) => r.x + r.w / 2 < cut);
  const right = runs.filter((r) => r.x + r.w / 2 >= cut);
  const lines = (rs: Run[]): number => new Set(rs.map((r) => Math.round(r.y))).size;
  if (lines(left) < 3 || lines(right) < 3) return [runs];
  return [...columns(left, pageWidth), ...columns(right, pageWidth)];
}

/** Paragraphs of a column's lines: a break at a wide vertical gap or an indented first line. */
function paragraphs(lines: Line[]): string[][] {
  // The line spacing is the smallest gap between consecutive baselines (lines of one paragraph), ignoring gaps
  // smaller than most of a line (superscripts, runs nudged up or down).
  const gaps = lines.slice(1).map((l, i) => ({ gap: lines[i]!.y - l.y, h: l.h })).filter((g) => g.gap >= 0.8 * g.h).map((g) => g.gap);
  const usual = gaps.length > 0 ? gaps.reduce((m, g) => Math.min(m, g), Infinity) : 0;
  const left = lines.length > 0 ? lines.reduce((m, l) => Math.min(m, l.x), Infinity) : 0;
  const out: string[][] = [];
  let cur: string[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - l.y : 0;
    const indented = prev !== undefined && l.x - left > 1.5 * l.h && prev.x - left < 0.5 * l.h;
    if (prev && (gap > usual * 1.3 + 0.5 || gap < 0 || indented)) { out.push(cur); cur = []; }
    cur.push(l.text.trim());
  });
  if (cur.length > 0) out.push(cur);
  return out;
}

const BROKEN = /(\p{L}+)[-\u2010\u00ad]$/u;

/** Joins a paragraph's lines, repairing words hyphenated at line ends. `hyphenated` holds words seen with a hyphen. */
function joinLines(lines: string[], hyphenated: Set<string>): string {
  let out = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    const m = BROKEN.exec(out);
    const head = /^\p{Ll}[\p{L}]*/u.exec(next)?.[0];
    if (m && head) {
      const soft = out.endsWith('\u00ad');
      const keep = !soft && hyphenated.has(`${m[1]!.toLowerCase()}-${head.toLowerCase()}`);
      out = keep ? out + next : out.slice(0, -1) + next;
    } else out += ` ${next}`;
  }
  return out;
}

/** PDF date "D:20240314090000+07'00'" → ISO 8601. */
export function pdfDate(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/u.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h, mi, sec] = m;
  const z = m[7];
  const time = h !== undefined ? `T${h}:${mi ?? '00'}:${sec ?? '00'}${z === undefined ? '' : z === 'Z' ? 'Z' : `${z.slice(0, 3)}:${z.slice(3).replace(/'/gu, '') || '00'}`}` : '';
  return `${y}-${mo}-${d}${time}`;
}

interface TextItem { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean }

export async function readPdf(bytes: Uint8Array): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js takes over (detaches) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new Unreadable('FL151', 'the PDF is protected with a password');
    throw new Unreadable('FL150', `damaged PDF: ${(e as Error)?.message ?? String(e)}`);
  }
  try {
    const pages: { page: number; paras: string[][] }[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const width = (page.view[2] ?? 612) - (page.view[0] ?? 0);
      const content = await page.getTextContent();
      const runs: Run[] = (content.items as TextItem[])
        // Whitespace runs are PDF.js's guesses at gaps (one spans a column gutter); linesOf puts spaces back.
        .filter((it) => typeof it.str === 'string' && it.str.trim().length > 0 && Array.isArray(it.transform))
        .map((it) => ({ str: it.str!, x: it.transform![4]!, y: it.transform![5]!, h: Math.abs(it.height ?? it.transform![3] ?? 10) || 10, w: it.width ?? 0, eol: it.hasEOL ?? false }));
      const paras = columns(runs, width).flatMap((col) => paragraphs(linesOf(col)));
      pages.push({ page: p, paras });
      page.cleanup();
    }
    const all = pages.flatMap((p) => p.paras.flat()).join('\n');
    if (!/[\p{L}\p{N}]/u.test(all)) {
      throw new Unreadable('FL154', `the PDF has no text layer (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images only: a scan?); nothing was read`);
    }
    // Words the document writes with a hyphen inside a line: those keep it when broken at a line end.
    const hyphenated = new Set((all.match(/\p{L}+-\p{L}+/gu) ?? []).map((w) => w.toLowerCase()));
    const raw: RawBlock[] = pages.flatMap(({ page, paras }) => paras.map((lines, i) => ({ text: joinLines(lines, hyphenated), page, paragraph: i + 1 })));
    const { text, blocks } = assemble(raw);
    const info: DocumentInfo = { format: 'pdf', blocks };
    const meta = await pdf.getMetadata().catch(() => undefined);
    const i = (meta?.info ?? {}) as Record<string, unknown>;
    const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    setProperties(info, { title: s(i.Title), author: s(i.Author), created: pdfDate(i.CreationDate), modified: pdfDate(i.ModDate), lang: s(i.Language) });
    return { text, document: info, warnings: [] };
  } finally {
    await pdf.destroy();
  }
}
