import type { ExtractedBlock } from '../../model/source.js';

/**
 * The common end of every document reader: paragraphs (with where each came from) joined into the source text, one
 * paragraph a line with a blank line between, so that the clean stage sees the same shape as a saved .txt article
 * and every later offset points into that text.
 */

/** A paragraph as a reader found it. */
export interface RawBlock {
  text: string;
  line?: number;
  page?: number;
  heading?: number;
  /** PDF: the paragraph's number within its page (else the running number is used). */
  paragraph?: number;
}

/** Whitespace as HTML and ODF collapse it (not U+00A0, which the text keeps). */
const COLLAPSIBLE = /[ \t\n\r\f]+/gu;

export const collapseSpaces = (s: string): string => s.replace(COLLAPSIBLE, ' ');

/** Trims each line of a paragraph and drops empty ones; a paragraph keeps its own line breaks (a <br>, a soft return). */
const tidy = (s: string): string =>
  s.split('\n').map((l) => l.replace(/^[ \t\u200b]+|[ \t\u200b]+$/gu, '')).filter((l) => l.length > 0).join('\n');

/** Joins paragraphs into the source text and records each one's offsets and origin. Empty paragraphs are left out. */
export function assemble(raw: readonly RawBlock[]): { text: string; blocks: ExtractedBlock[] } {
  let text = '';
  const blocks: ExtractedBlock[] = [];
  for (const b of raw) {
    const t = tidy(b.text);
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    if (text.length > 0) text += '\n\n';
    const start = text.length;
    text += t;
    blocks.push({
      start, end: text.length, paragraph: b.paragraph ?? blocks.length + 1,
      ...(b.line !== undefined ? { line: b.line } : {}),
      ...(b.page !== undefined ? { page: b.page } : {}),
      ...(b.heading !== undefined ? { heading: b.heading } : {}),
    });
  }
  return { text, blocks };
}

/** The part of the DOM the walker needs: what linkedom (and any DOM) provides. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never article text: code, media, forms, embedded documents. */
export const NOT_TEXT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO',
  'IMG', 'PICTURE', 'SOURCE', 'TRACK', 'MAP', 'BUTTON', 'INPUT', 'SELECT', 'OPTION', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE',
]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * Walks a DOM subtree in document order and returns its paragraphs: every block element (p, h1–h6, li, td,
 * blockquote, div, …) starts and ends one, <br> is a line break inside one, and whitespace collapses as a browser
 * shows it (kept in <pre>). `lineOf` gives the original file's line of an element, where the reader knows it;
 * elements named in `skip` (upper case) are left out with their content.
 * Iterative, so a page nested ten thousand levels deep does not overflow the stack.
 */
export function domBlocks(root: DomNode, lineOf: (el: DomNode) => number | undefined = () => undefined, skip: ReadonlySet<string> = NOT_TEXT): RawBlock[] {
  const out: RawBlock[] = [];
  let cur: { parts: string[]; line?: number; heading?: number } = { parts: [] };
  const flush = (): void => {
    if (cur.parts.length > 0) {
      out.push({ text: cur.parts.join(''), ...(cur.line !== undefined ? { line: cur.line } : {}), ...(cur.heading !== undefined ? { heading: cur.heading } : {}) });
    }
    cur = { parts: [] };
  };
  /** The line of the nearest element at or above `n` that has one. */
  const lineAbove = (n: DomNode | null): number | undefined => {
    for (let e = n; e; e = e.parentNode) if (e.nodeType === ELEMENT) { const l = lineOf(e); if (l !== undefined) return l; }
    return undefined;
  };
  let pre = 0;
  // [node, entering]: a block element is visited twice, to end its paragraph when its children are done.
  const stack: [DomNode, boolean][] = [];
  const kids = root.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, true]);
  while (stack.length > 0) {
    const [node, entering] = stack.pop()!;
    const name = node.nodeName.toUpperCase();
    if (!entering) {
      if (name === 'PRE') pre--;
      flush();
      continue;
    }
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const v = node.nodeValue ?? '';
      const t = pre > 0 ? v : collapseSpaces(v);
      if (t === '' || (cur.parts.length === 0 && t.trim() === '')) continue;
      if (cur.parts.length === 0 && cur.line === undefined) { const l = lineAbove(node.parentNode); if (l !== undefined) cur.line = l; }
      cur.parts.push(t);
      continue;
    }
    if (node.nodeType !== ELEMENT || skip.has(name)) continue;
    if (name === 'BR') { cur.parts.push('\n'); continue; }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      const l = lineOf(node);
      if (l !== undefined) cur.line = l;
      const h = /^H([1-6])$/u.exec(name);
      if (h) cur.heading = Number(h[1]);
      if (name === 'PRE') pre++;
      stack.push([node, false]);
    }
    const c = node.childNodes;
    for (let i = c.length - 1; i >= 0; i--) stack.push([c[i]!, true]);
  }
  flush();
  return out;
}
