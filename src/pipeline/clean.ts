import type { Block, CleanSource, Source } from '../model/source.js';
import type { DateMention } from '../model/mention.js';
import type { LoadedPack } from '../lang/compile.js';
import type { Knowledge } from '../lang/knowledge.js';
import { extractDates } from './extract/dates.js';
import { closedClassLanguage, detectLanguage, SHORT_TEXT } from '../lang/detect.js';
import { foldLine } from '../lang/furniture.js';
import { splitLines, wordCount, type Line } from './lines.js';

export interface CleanContext {
  /** Extra page-furniture patterns (the config's `furniture`), added to the packs' furniture. */
  furniturePatterns?: string[];
  /** Languages the user declared (config or manifest) by source id; detection is skipped for these. */
  langHints?: Record<string, string>;
  /** Restrict detection to these languages. */
  languages?: string[];
  /** Segment files (pairs mode, bitext): every line is content; no headers, bylines or furniture. */
  pairs?: boolean;
}

const BREADCRUMB = /\s[›»·|]\s|^[^.!?]{1,60}\s[›»]\s/u;
const UPPER_NAME = /^[\p{Lu}][\p{Lu}.' -]{2,40}$/u;
const NAME_ONLY = /^\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
const FX_NOTE = /^\((?:\p{Sc}|US\$|C\$)?\s?1\s?=\s?[^)]{1,40}\)$/u;
/** "HO CHI MINH CITY — ", "TORONTO, Oct 15 (Wire) - ", "BERGEN — " at the start of a paragraph. */
const DATELINE_PREFIX = /^(?:\p{Lu}[\p{Lu}.'’ -]{1,40}\p{Lu}\.?)(?:,\s[^—–()\n]{1,20})?(?:\s\([^)]{1,40}\))?\s?[—–-]{1,2}\s/u;

const isContentLike = (l: Line): boolean => {
  const w = wordCount(l.text);
  return (w >= 8 && /[.!?…»”"')]$/u.test(l.text)) || w >= 14;
};
/**
 * The first line of a text opens its body only when it ends as a sentence does: a long line without a full stop
 * there is a headline, however many words it has (a Vietnamese headline counts its syllables: "Người dân Macedonia
 * bỏ phiếu trong cuộc trưng cầu dân ý về việc thay đổi tên quốc gia" is seventeen).
 */
const opensBody = (l: Line, i: number): boolean => (i === 0 ? /[.!?…»”"')]$/u.test(l.text) && isContentLike(l) : isContentLike(l));

const monthWordSets = new WeakMap<LoadedPack, Set<string>>();
/** The month names of a pack, lower-cased, to tell cheaply whether a line could hold one of its dates. */
function monthWords(pack: LoadedPack): Set<string> {
  let set = monthWordSets.get(pack);
  if (!set) {
    set = new Set(pack.monthForms.map((m) => m.toLowerCase().replace(/\.$/, '')));
    monthWordSets.set(pack, set);
  }
  return set;
}

/** Each pack's closed-class, function and stop words in lower case (for the languages asked, if any), once per knowledge. */
const closedClassCache = new WeakMap<Knowledge, Map<string, ReadonlyMap<string, ReadonlySet<string>>>>();
function closedClassWords(k: Knowledge, only?: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> {
  const key = only?.join(',') ?? '';
  let byOnly = closedClassCache.get(k);
  if (!byOnly) closedClassCache.set(k, (byOnly = new Map()));
  let words = byOnly.get(key);
  if (!words) {
    const langs = k.languages().filter((l) => !only?.length || only.includes(l));
    words = new Map(langs.map((l) => {
      const p = k.pack(l);
      return [l, new Set([...p.closedClassWords, ...p.functionWords, ...p.stopwords].map((w) => w.normalize('NFC').toLowerCase()))];
    }));
    byOnly.set(key, words);
  }
  return words;
}

/** Finds a date in a short line, trying the source's language first, then every other pack. */
function dateIn(line: Line, source: Source, k: Knowledge): DateMention | undefined {
  // Other languages' packs are tried only for a line naming one of their months ("07 февраля 2020" on an
  // English page): compiling every pack for every header line would cost more than the whole analysis.
  // A publication date has a year, and years are written in digits: a line without one is not looked at (nor
  // are the other packs loaded for it).
  if (!/\d/u.test(line.text)) return undefined;
  const inLang = (lang: string): DateMention | undefined => {
    const found = extractDates(source.text, { source: source.id, start: line.start, end: line.end }, k.pack(lang), {})
      .filter((d) => d.year !== undefined && d.month !== undefined && !d.relative);
    return found.length > 0 ? found.sort((a, b) => (b.day ? 1 : 0) - (a.day ? 1 : 0))[0] : undefined;
  };
  const own = inLang(source.lang);
  if (own) return own;
  const words = line.text.toLowerCase().match(/\p{L}+\.?/gu)?.map((w) => w.replace(/\.$/, '')) ?? [];
  for (const lang of k.languages()) {
    if (lang === source.lang || !words.some((w) => monthWords(k.pack(lang)).has(w))) continue;
    const found = inLang(lang);
    if (found) return found;
  }
  return undefined;
}

/**
 * Classifies every line of a source as title, content, dateline, byline or page furniture, reads the
 * publication date and provenance from the page, and detects the language from the content alone.
 */
export function clean(source: Source, ctx: CleanContext, k: Knowledge): CleanSource {
  const furniture = k.furniture(ctx.furniturePatterns);
  const text = source.text;
  const lines = splitLines(text);
  const tailAt = lines.findIndex((l) => furniture.tailMarkers.has(foldLine(l.text)));
  const body = tailAt >= 0 ? lines.slice(0, tailAt) : lines;
  const firstContent = body.findIndex(opensBody);
  let lastContent = -1;
  for (let i = body.length - 1; i >= 0; i--) if (isContentLike(body[i]!)) { lastContent = i; break; }

  const blocks: Block[] = [];
  const push = (l: { start: number; end: number }, kind: Block['kind'], reason?: string): void => {
    blocks.push({ source: source.id, start: l.start, end: l.end, kind, ...(reason ? { reason } : {}) });
  };

  // Detect the language on candidate content before classification needs the pack for dates.
  const out: CleanSource = { ...source, blocks };
  const hinted = ctx.langHints?.[source.id];
  if (hinted) out.lang = hinted;
  else {
    const sample = lines.filter(isContentLike).map((l) => l.text).join('\n') || text;
    const short = sample.length < SHORT_TEXT ? closedClassLanguage(sample, closedClassWords(k, ctx.languages)) : undefined;
    out.lang = short ?? detectLanguage(sample, ctx.languages);
  }

  // Segment files, and texts too short to have a page around them (no line reads like article prose): every
  // line is content.
  if (ctx.pairs || firstContent < 0) {
    for (const l of lines) push(l, 'content');
    return out;
  }
  const headerLines = firstContent < 0 ? [] : body.slice(0, firstContent);
  /** A short line that is a date ("Published 14 March 2024", "March 2024"): a dateline, whatever else it says. */
  // Read once per line: the headline's choice and the header's classification both ask.
  const datelines = new Map<Line, DateMention | undefined>();
  const datelineOf = (l: Line): DateMention | undefined => {
    if (datelines.has(l)) return datelines.get(l);
    const words = wordCount(l.text);
    const d = words > 12 ? undefined : dateIn(l, out, k);
    const found = d && (d.day !== undefined || words <= 4) ? d : undefined;
    datelines.set(l, found);
    return found;
  };
  // A headline may name a year ("… President in 2020, Senator Says"); a date line is no headline.
  const headline = headerLines
    .filter((l) => !furniture.lines.has(foldLine(l.text)) && !BREADCRUMB.test(l.text) && !isByline(l.text, furniture.bylines) && !(/\d{4}/u.test(l.text) && datelineOf(l)))
    .reduce<Line | undefined>((best, l) => (!best || wordCount(l.text) > wordCount(best.text) ? l : best), undefined);
  let inTail = false;
  let inLinkBlock = false;
  let titleSeen = false;
  let published: DateMention | undefined;
  let publishedTime: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const folded = foldLine(l.text);
    if (inTail) { push(l, 'furniture', 'after a related-links marker'); continue; }
    if (furniture.tailMarkers.has(folded)) { inTail = true; push(l, 'furniture', 'related-links marker'); continue; }
    if (furniture.blockMarkers.has(folded)) { inLinkBlock = true; push(l, 'furniture', 'related-links marker'); continue; }
    if (inLinkBlock) {
      if (!isContentLike(l)) { push(l, 'furniture', 'related link'); continue; }
      inLinkBlock = false;
    }
    if (furniture.lines.has(folded)) { push(l, 'furniture', 'page label'); continue; }
    if (furniture.patterns.some((p) => p.test(l.text))) { push(l, 'furniture', 'timestamp or share bar'); continue; }
    if (l.text.length <= 120 && isByline(l.text, furniture.bylines)) {
      push(l, 'byline');
      out.provenance = { ...out.provenance, byline: out.provenance.byline ?? l.text, bylineSpan: out.provenance.bylineSpan ?? { source: source.id, start: l.start, end: l.end } };
      continue;
    }
    if (furniture.contacts.some((p) => p.test(l.text))) { push(l, 'furniture', 'copyright or contact line'); continue; }
    if (FX_NOTE.test(l.text)) { push(l, 'furniture', 'currency conversion note'); continue; }
    const header = firstContent < 0 || i < firstContent;
    const trailer = lastContent >= 0 && i > lastContent;
    if (header || trailer) {
      const words = wordCount(l.text);
      const d = datelineOf(l);
      if (d) {
        push(l, 'dateline');
        if (!published) { published = d; publishedTime = timeOfDay(l.text); }
        continue;
      }
      if (furniture.bios.some((p) => p.test(l.text))) { push(l, 'byline'); setByline(out, l); continue; }
      if (BREADCRUMB.test(l.text)) { push(l, 'furniture', 'section breadcrumb'); continue; }
      if (header && titleSeen && (NAME_ONLY.test(l.text) || UPPER_NAME.test(l.text)) && words <= 4) {
        push(l, 'byline'); setByline(out, l); continue;
      }
      if (trailer && UPPER_NAME.test(l.text) && words <= 4) { push(l, 'byline'); setByline(out, l); continue; }
      // The headline is the longest plain line of the header; shorter ones before it are outlet and section names.
      if (header && !titleSeen && words >= 3 && l === headline) { titleSeen = true; push(l, 'title'); continue; }
      if (header && !titleSeen && words >= 3) { push(l, 'furniture', 'outlet or section name'); continue; }
      if (header && words < 3) { push(l, 'furniture', 'page label'); continue; }
    }
    const m = DATELINE_PREFIX.exec(l.text);
    if (m && m[0].length < l.text.length - 20) {
      push({ start: l.start, end: l.start + m[0].trimEnd().length }, 'dateline');
      push({ start: l.start + m[0].length, end: l.end }, 'content');
      continue;
    }
    push(l, 'content');
  }
  // A date the source already has (the page's metadata, a manifest, the caller) is what its publisher declared; a
  // date line found in the text is used only where none was declared.
  if (published && !source.published && published.year !== undefined && published.month !== undefined) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    out.published = `${published.year}-${pad(published.month)}-${pad(published.day ?? 1)}`;
    out.publishedSpan = { source: source.id, start: published.start, end: published.end };
    if (publishedTime) out.publishedAt = `${out.published}T${publishedTime}`;
  }
  return out;
}

/**
 * The time of day on a dateline ("6:05 AM GMT+7", "16:20 (GMT+7)", "6:10 p.m."), as "HH:MM" plus a UTC offset
 * when the line gives one ("+07:00"); used to tell which of two same-day versions came first.
 */
export function timeOfDay(line: string): string | undefined {
  const m = /(?<![\d:])(\d{1,2}):(\d{2})(?::\d{2})?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/iu.exec(line);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const ampm = m[3]?.toLowerCase().replace(/[.\s]/g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59) return undefined;
  const tz = /(?:GMT|UTC)\s?([+-])(\d{1,2})(?::?(\d{2}))?/u.exec(line);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = tz ? `${tz[1]}${pad(Number(tz[2]))}:${tz[3] ?? '00'}` : '';
  return `${pad(h)}:${pad(min)}${offset}`;
}

/** A line that ends as a sentence does: a byline does not, unless it is a few words ("By Jane Doe Jr."). */
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s*$/u;
/** The most words a byline that ends with a full stop has. */
const BYLINE_STOP_WORDS = 5;

/**
 * A byline by the packs' patterns ("By Jane Doe", "Theo Reuters", "Источник: ТАСС"), and not a sentence that opens
 * with the same word ("By that logic, …", "Theo Bộ Tài chính, lạm phát … 3%."): a line of more than a few words that
 * ends with a full stop is content.
 */
function isByline(text: string, patterns: readonly RegExp[]): boolean {
  if (!patterns.some((p) => p.test(text))) return false;
  return !SENTENCE_END.test(text) || wordCount(text) <= BYLINE_STOP_WORDS;
}

function setByline(out: CleanSource, l: Line): void {
  if (out.provenance.byline) return;
  out.provenance = { ...out.provenance, byline: l.text, bylineSpan: { source: out.id, start: l.start, end: l.end } };
}
