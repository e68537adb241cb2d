import type { DocumentInfo } from '../../model/source.js';
import { decodeBytes } from '../decode.js';
import { positioner } from '../../model/position.js';
import { assemble, collapseSpaces, domBlocks, NOT_TEXT, type DomNode, type RawBlock } from './blocks.js';
import { Unreadable, type Extracted } from './result.js';

/**
 * Saved web pages (.html, .htm) and fetched pages: parsed with linkedom (an HTML parser and DOM, no script engine,
 * no network: nothing of the page is ever run or fetched), the article found with Mozilla's Readability (Firefox's
 * reader view: navigation, share bars, related-article lists, cookie banners and comments are not content), and the
 * metadata read before Readability changes the document: JSON-LD NewsArticle `headline`, `author`, `datePublished`;
 * `article:published_time` and other date meta tags; `og:title`; `<time datetime>`; the language from `<html lang>`.
 *
 * Lines: before parsing, every start tag gets an attribute with its line in the file (found with htmlparser2, the
 * tokenizer linkedom itself uses, so both see the same tags). Readability moves and renames elements but keeps
 * their attributes, so each paragraph of the article still knows the line of the file it came from.
 */

/**
 * Elements a page may have before it is not parsed (a news page has one to five thousand). Parsing and Readability
 * take about a second per 10,000 elements on this project's 2-core machine.
 */
export const MAX_ELEMENTS = 30_000;

/**
 * How deep elements may nest (news pages nest 20 to 40 levels). Readability's time grows faster than the square of
 * the depth (measured on a chain of <div>s around an article: 100 levels 1.3 s, 200 levels 3.4 s, 400 levels 26 s),
 * so a page nested deeper than this is refused before it is parsed.
 */
export const MAX_DEPTH = 128;

/** The attribute that carries an element's line through Readability. */
const LINE_ATTR = 'data-factlint-line';

/** Fewer words than this in the article found is no article (an index page, an error page, a login wall). */
const MIN_ARTICLE_WORDS = 20;

export interface HtmlOptions {
  /** The charset an HTTP response declared. */
  charset?: string;
  maxElements?: number;
}

interface Element extends DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  parentNode: Element | null;
}

interface Doc {
  documentElement: Element;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

/** The charset a page declares in its first bytes (<meta charset>, or http-equiv Content-Type). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Bytes to text: the HTTP charset, else a byte order mark or the page's <meta charset>, else the text decoder's guess. */
export function decodeHtml(bytes: Uint8Array, httpCharset?: string): { text: string; warnings: string[] } {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const label = hasBom ? undefined : httpCharset?.toLowerCase() ?? declaredCharset(bytes);
  if (label && !/^utf-?8$/u.test(label)) {
    try {
      return { text: new TextDecoder(label).decode(bytes), warnings: [] };
    } catch { /* an unknown label: guess as for any text file */ }
  }
  const d = decodeBytes(bytes);
  if (!d.ok) throw new Unreadable(d.code, d.reason);
  return { text: d.text, warnings: d.warnings };
}

/** The page with each start tag marked with its line; throws FL155 past `maxElements` tags or MAX_DEPTH levels. */
async function withLines(html: string, maxElements: number): Promise<string> {
  const { Parser } = await import('htmlparser2');
  const position = positioner(html);
  const lineAt = (offset: number): number => position(offset).line;
  const inserts: [number, string][] = [];
  let tags = 0;
  let depth = 0;
  let tooMany = false;
  let tooDeep = false;
  const parser = new Parser({
    onclosetag() { depth--; },
    onopentag() { if (++depth > MAX_DEPTH && !tooDeep) { tooDeep = true; parser.pause(); } },
    onopentagname(name) {
      if (++tags > maxElements) { tooMany = true; parser.pause(); return; }
      const at = parser.startIndex;
      // Only a real start tag "<name…" (htmlparser2 also reports tags it implies, e.g. for a stray </p>).
      if (html.charCodeAt(at) !== 60 || html.slice(at + 1, at + 1 + name.length).toLowerCase() !== name) return;
      inserts.push([at + 1 + name.length, ` ${LINE_ATTR}="${lineAt(at)}"`]);
    },
  }, { decodeEntities: true });
  parser.end(html);
  if (tooMany) throw new Unreadable('FL155', `the page has more than ${maxElements.toLocaleString('en-US')} elements; it was not parsed`);
  if (tooDeep) throw new Unreadable('FL155', `the page nests elements more than ${MAX_DEPTH} levels deep; it was not parsed`);
  let out = '';
  let from = 0;
  for (const [at, s] of inserts) { out += html.slice(from, at) + s; from = at; }
  return out + html.slice(from);
}

const ARTICLE_TYPE = /(?:^|[/:])(?:\w*Article|BlogPosting|Report)$/u;

const typesOf = (o: Record<string, unknown>): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** The article objects of the page's JSON-LD blocks (through arrays and @graph); malformed blocks are ignored. */
function jsonLdArticles(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try { data = JSON.parse(s.textContent ?? ''); } catch { continue; }
    const stack: unknown[] = [data];
    let seen = 0;
    while (stack.length > 0 && seen++ < 1000) {
      const v = stack.pop();
      // A loop, not push(...): a JSON-LD array of 130,000 items or more would overflow the call stack.
      if (Array.isArray(v)) { for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]); continue; }
      if (typeof v !== 'object' || v === null) continue;
      const o = v as Record<string, unknown>;
      if (typesOf(o).some((t) => ARTICLE_TYPE.test(t))) out.push(o);
      if (o['@graph'] !== undefined) stack.push(o['@graph']);
    }
  }
  return out;
}

/** Names of JSON-LD authors: a string, a Person or Organization with a name, or a list of those. */
function authorNames(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.flatMap((a) => {
    if (typeof a === 'string') return /^https?:/u.test(a) ? [] : [a];
    if (typeof a === 'object' && a !== null) {
      const n = (a as Record<string, unknown>).name;
      return typeof n === 'string' ? [n] : Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : [];
    }
    return [];
  }).map((s) => collapseSpaces(s).trim()).filter((s) => s.length > 0);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? collapseSpaces(v).trim() : undefined);

/** An ISO 8601 date or date-time as metadata writes it; the date is taken as written (the publisher's own day). */
export function isoDate(s: string): { date: string; at?: string } | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/u.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, z] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined || mi === undefined) return { date };
  const offset = z === undefined ? '' : z === 'Z' ? '+00:00' : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
  return { date, at: `${date}T${h}:${mi}${offset}` };
}

/** Meta tags that carry a publication date, by attribute and value, in the order they are trusted. */
const DATE_META: [string, string][] = [
  ['property', 'article:published_time'], ['name', 'article:published_time'], ['itemprop', 'datePublished'],
  ['name', 'pubdate'], ['name', 'publishdate'], ['name', 'publish-date'], ['name', 'dc.date.issued'],
  ['name', 'dcterms.issued'], ['name', 'parsely-pub-date'], ['name', 'sailthru.date'], ['name', 'date'],
];
const AUTHOR_META: [string, string][] = [['name', 'author'], ['property', 'article:author'], ['name', 'parsely-author'], ['name', 'dc.creator']];

/** The page's <meta> tags by "attribute=value" (first of each), read in one pass: linkedom's selectors scan the whole page. */
function metaIndex(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = str(m.getAttribute('content'));
    if (content === undefined) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const v = m.getAttribute(attr);
      if (v !== null) { const k = `${attr}=${v.toLowerCase()}`; if (!out.has(k)) out.set(k, content); }
    }
  }
  return out;
}

/** "vi-VN", "en_US" → "vi", "en". */
const primaryLang = (s: string | undefined): string | undefined => {
  const m = s ? /^([a-z]{2,3})(?:[-_]|$)/iu.exec(s.trim()) : null;
  return m?.[1]?.toLowerCase();
};

interface PageMeta {
  title?: string;
  author?: string;
  published?: { value: string; from: string };
  lang?: string;
  titleLine?: number;
}

function pageMeta(doc: Doc, lineOf: (el: DomNode) => number | undefined): PageMeta {
  const meta: PageMeta = {};
  const metas = metaIndex(doc);
  const metaContent = (attr: string, value: string): string | undefined => metas.get(`${attr}=${value.toLowerCase()}`);
  const article = jsonLdArticles(doc)[0];
  const headline = str(article?.headline) ?? str(article?.name);
  const ogTitle = metaContent('property', 'og:title');
  // Without metadata, the article's own <h1> (the <title> usually carries the site's name too).
  const h1Text = str(doc.querySelector('article h1, main h1, h1')?.textContent);
  const title = headline ?? ogTitle ?? h1Text;
  if (title) meta.title = title;
  const names = article ? authorNames(article.author) : [];
  if (names.length === 0) {
    for (const [a, v] of AUTHOR_META) {
      const c = metaContent(a, v);
      if (c && !/^https?:/u.test(c)) { names.push(c); break; }
    }
  }
  if (names.length > 0) meta.author = [...new Set(names)].join(', ');
  const ldDate = str(article?.datePublished);
  if (ldDate && isoDate(ldDate)) meta.published = { value: ldDate, from: 'JSON-LD datePublished' };
  for (const [a, v] of DATE_META) {
    if (meta.published) break;
    const c = metaContent(a, v);
    if (c && isoDate(c)) meta.published = { value: c, from: `meta ${v}` };
  }
  if (!meta.published) {
    const t = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
    const c = str(t?.getAttribute('datetime'));
    if (c && isoDate(c)) meta.published = { value: c, from: '<time datetime>' };
  }
  const lang = primaryLang(doc.documentElement.getAttribute('lang') ?? undefined)
    ?? primaryLang(metaContent('http-equiv', 'content-language'))
    ?? primaryLang(metaContent('property', 'og:locale'))
    ?? primaryLang(str(article?.inLanguage));
  if (lang) meta.lang = lang;
  // Where the headline is in the file: the <h1> that reads as it, else the <title>.
  const norm = (s: string | null | undefined): string => collapseSpaces(s ?? '').trim().toLowerCase();
  const h1 = Array.from(doc.querySelectorAll('h1')).find((h) => title !== undefined && norm(h.textContent) === norm(title));
  const where = h1 ?? doc.querySelector('title');
  const l = where ? lineOf(where) : undefined;
  if (l !== undefined) meta.titleLine = l;
  return meta;
}

/**
 * Figures and their captions are written for the picture, not part of the running article (and a draft rarely has
 * them): left out like the picture itself.
 */
const NOT_ARTICLE_TEXT: ReadonlySet<string> = new Set([...NOT_TEXT, 'FIGURE', 'FIGCAPTION']);

/** A class or id that names a cookie or consent notice (Readability takes only some of them for clutter). */
const NOTICE = /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|cookiebar|cookie-?notice)(?:$|[\s_-])/iu;

/** Removes cookie and consent notices: short elements so named, that hold no article. */
function removeNotices(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (!NOTICE.test(names) || !el.parentNode) continue;
    if (el.querySelector('article, main, h1') || words(el.textContent ?? '') > 150) continue;
    (el as unknown as { remove(): void }).remove();
  }
}

const words = (s: string): number => s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export async function readHtml(bytes: Uint8Array, opts: HtmlOptions = {}): Promise<Extracted> {
  const { text: html, warnings } = decodeHtml(bytes, opts.charset);
  const marked = await withLines(html, opts.maxElements ?? MAX_ELEMENTS);
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  const { document } = parseHTML(marked) as unknown as { document: Doc };
  const lineOf = (el: DomNode): number | undefined => {
    const v = el.getAttribute?.(LINE_ATTR);
    return v ? Number(v) : undefined;
  };
  const meta = pageMeta(document, lineOf);
  removeNotices(document);
  let article: { title?: string | null; byline?: string | null; publishedTime?: string | null; content?: unknown } | null;
  try {
    // keepClasses false: class names are not text; the serializer returns the element itself, so its nodes keep their lines.
    article = new Readability(document as never, { serializer: (el: unknown) => el, keepClasses: false }).parse();
  } catch (e) {
    throw new Unreadable('FL153', `no article text could be found in the page (${(e as Error).message.split('\n')[0]})`);
  }
  const content = article?.content as Element | undefined;
  const body: RawBlock[] = content ? domBlocks(content, lineOf, NOT_ARTICLE_TEXT) : [];
  if (words(body.map((b) => b.text).join(' ')) < MIN_ARTICLE_WORDS) {
    throw new Unreadable('FL153', 'no article text found in the page (its main content is empty or a few words: an index, error or login page?)');
  }
  if (!meta.published) {
    // A <time datetime> in the article itself (Readability keeps the one beside the byline).
    const t = content?.querySelector('time[datetime]');
    const c = str(t?.getAttribute('datetime'));
    if (c && isoDate(c)) meta.published = { value: c, from: '<time datetime>' };
  }
  const title = meta.title ?? str(article?.title);
  const norm = (s: string): string => collapseSpaces(s).trim().toLowerCase();
  // Readability drops the <h1> that repeats the title; the title is the text's first line again, unless it kept it
  // (or kept another heading to start the article).
  if (title && !(body[0] && (norm(body[0].text) === norm(title) || body[0].heading === 1))) body.unshift({ text: title, heading: 1, ...(meta.titleLine !== undefined ? { line: meta.titleLine } : {}) });
  const { text, blocks } = assemble(body);
  const byline = meta.author ?? str(article?.byline);
  const info: DocumentInfo = { format: 'html', blocks };
  if (title) info.title = title;
  if (byline) info.author = byline;
  if (meta.lang) info.lang = meta.lang;
  const out: Extracted = { text, document: info, warnings };
  if (byline) out.byline = byline;
  const pub = meta.published ? isoDate(meta.published.value) : undefined;
  if (pub && meta.published) {
    info.published = meta.published.value;
    info.publishedFrom = meta.published.from;
    out.published = pub.date;
    if (pub.at) out.publishedAt = pub.at;
  }
  return out;
}
