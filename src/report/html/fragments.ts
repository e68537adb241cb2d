import { severityRank, type Severity } from '../../model/finding.js';
import { escapeHtml } from '../escape.js';
import type { Mark, MarkKind } from './view.js';

export const esc = escapeHtml;

const KIND_CLASS: Record<MarkKind, string> = { diff: 'd', unsourced: 'u', omit: 'o', add: 'a' };
const KIND_ORDER: MarkKind[] = ['diff', 'unsourced', 'omit', 'add'];

/**
 * `text` (which starts at offset `base` of its source) as HTML with every mark drawn as a <mark>. Overlapping marks
 * are cut at each boundary, so each piece carries all the findings that cover it (data-f) and the strongest kind.
 */
export function highlight(text: string, base: number, marks: readonly Mark[], numbered = false): string {
  if (marks.length === 0) return esc(text);
  const len = text.length;
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start - base), end: Math.min(len, m.end - base) }))
    .filter((m) => m.end > m.start);
  if (clipped.length === 0) return esc(text);
  const cuts = [...new Set([0, len, ...clipped.flatMap((m) => [m.start, m.end])])].sort((x, y) => x - y);
  let out = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? len;
    const piece = esc(text.slice(from, to));
    const covering = clipped.filter((m) => m.start <= from && m.end >= to);
    if (covering.length === 0) {
      out += piece;
      continue;
    }
    const kind = KIND_ORDER.find((k) => covering.some((m) => m.kind === k)) ?? 'diff';
    const severity = covering.reduce<Severity>((s, m) => (severityRank(m.severity) > severityRank(s) ? m.severity : s), 'info');
    const ids = [...new Set(covering.map((m) => m.finding))].sort((x, y) => x - y);
    // The finding numbers are drawn by CSS from data-n, so they link the two columns without entering the text.
    const ends = numbered && kind !== 'omit' && kind !== 'add' && covering.some((m) => m.end === to);
    out += `<mark class="${KIND_CLASS[kind]} s-${severity}" data-f="${ids.join(' ')}"${ends ? ` data-n="${ids.map((i) => i + 1).join(',')}"` : ''}>${piece}</mark>`;
  }
  return out;
}

/**
 * A quote of at most about `max` characters around the marks: long contexts are cut at word boundaries with an
 * ellipsis, so a 2,000-character paragraph does not flood the findings list; a mark longer than `max` (a long
 * omitted passage) keeps its beginning and end.
 */
export function quote(text: string, base: number, marks: readonly Mark[], max = 360): string {
  if (text.length <= max || marks.length === 0) return highlight(text, base, marks);
  // Loops, not Math.min(...marks): a sentence can carry more marks than a call takes arguments.
  let first = Infinity;
  let last = -Infinity;
  for (const m of marks) {
    first = Math.min(first, m.start - base);
    last = Math.max(last, m.end - base);
  }
  first = Math.max(0, first);
  last = Math.min(text.length, last);
  const before = first > 0 ? '… ' : '';
  const after = last < text.length ? ' …' : '';
  if (last - first > max) {
    const half = Math.floor(max / 2);
    const headEnd = cut(text, first + half, -1);
    const tailStart = cut(text, last - half, 1);
    return `${before}${highlight(text.slice(first, headEnd), base + first, marks)} … ${highlight(text.slice(tailStart, last), base + tailStart, marks)}${after}`;
  }
  const room = Math.max(40, Math.floor((max - (last - first)) / 2));
  const from = Math.min(first, first - room > 0 ? cut(text, first - room, 1) : 0);
  const to = Math.max(last, last + room < text.length ? cut(text, last + room, -1) : text.length);
  return `${from > 0 ? '… ' : ''}${highlight(text.slice(from, to), base + from, marks)}${to < text.length ? ' …' : ''}`;
}

/** A place near `at` to cut `text`: just after a nearby space (looking in direction `dir`), never inside a surrogate pair. */
function cut(text: string, at: number, dir: 1 | -1): number {
  let i = at;
  for (let n = 0; n < 20 && i > 0 && i < text.length; n++, i += dir) {
    if (/\s/u.test(text[i] ?? '')) return dir === 1 ? i + 1 : i;
  }
  const low = (k: number): boolean => (text.charCodeAt(k) & 0xfc00) === 0xdc00;
  return low(at) ? at + dir : at;
}

/** A category id for people: "entity-mismatch" → "entity mismatch". */
export const human = (id: string): string => id.replace(/-/gu, ' ');
