import type { CleanSource } from '../model/source.js';
import type { Sentence } from '../model/sentence.js';
import type { LoadedPack } from '../lang/compile.js';
import { escapeRe } from '../lang/text.js';
import type { LangPack } from '../lang/pack.js';
import type { Knowledge } from '../lang/knowledge.js';

const segmenters = new Map<string, Intl.Segmenter>();
const segmenterFor = (lang: string): Intl.Segmenter => {
  let s = segmenters.get(lang);
  if (!s) {
    let locale = 'en';
    try { locale = Intl.Segmenter.supportedLocalesOf([lang])[0] ?? 'en'; } catch { /* "und" and the like */ }
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
};

const abbrevEnds = new WeakMap<readonly LangPack[], RegExp>();
/**
 * What ends a piece after which ICU breaks but a sentence does not end: an abbreviation of any pack (titles, month
 * short forms, company suffixes; names and titles travel: "St. Louis" in a German article), a single capital letter or
 * an initialism ("J.", "U.S."). A short capitalised word is not enough ("Nga." ends a sentence).
 */
function abbreviationEnd(packs: readonly LangPack[]): RegExp {
  let re = abbrevEnds.get(packs);
  if (!re) {
    const words = [...new Set(packs.flatMap((p) => p.abbreviations))].map(escapeRe);
    re = new RegExp(`(?:^|[\\s(])(?:${words.length ? `${words.join('|')}|` : ''}\\p{Lu}|(?:\\p{Lu}\\.){1,3}\\p{Lu})\\.$`, 'u');
    abbrevEnds.set(packs, re);
  }
  return re;
}
/** A break ICU missed: sentence punctuation glued to the next capitalised word ("lớn.Vì vậy"). */
const GLUED = /[.!?](?=["“«]?\p{Lu}\p{Ll})/gu;

/** A day number with a full stop, the way German and others write dates ("am 29. September"). */
const ORDINAL_DAY_END = /(?:^|[\s(])\d{1,2}\.$/u;
const monthSets = new WeakMap<LoadedPack, Set<string>>();
/**
 * The month names of a language whose dates put a full stop after the day (its pack has a "{day}. {month}"
 * template, as German does), lower-cased: after "29." one of these continues the sentence. Empty for the others,
 * where "rose to 12. March was quieter" is two sentences.
 */
function monthsOf(pack: LoadedPack): Set<string> {
  let set = monthSets.get(pack);
  if (!set) {
    set = pack.dates.patterns.some((t) => /\{day\}\.\s*\{month\}/u.test(t)) ? new Set(pack.monthForms.map((m) => m.toLowerCase().replace(/\.$/u, ''))) : new Set();
    monthSets.set(pack, set);
  }
  return set;
}

/**
 * Blocks longer than this are given to Intl.Segmenter in windows: V8's sentence iterator spends time in proportion
 * to the length of the whole string on every segment it returns, so one long line cost time quadratic in its length
 * (a 1 MB line took minutes). Paragraphs of articles are far shorter and are segmented whole, as before.
 */
const LONG_BLOCK = 20_000;
/** Window length for long blocks: each window ends at a sentence boundary where ICU breaks anyway, when it has one. */
const WINDOW = 1024;
/**
 * Where ICU always breaks: after a full stop, question or exclamation mark (with closing quotes or brackets) and
 * spaces, before a capital letter (UAX #29 SB11; SB8 needs a lower-case letter after it to hold the break), or
 * after a line break (SB4).
 */
const SURE_BREAK = /[.!?]["'”’»)\]]*[ \t\u00a0]+(?=["“«(\[]?\p{Lu})|\r\n|[\n\u0085\u2028\u2029]/gu;

/**
 * The windows (offsets into `text`) a long block is segmented in: at most WINDOW long, each ending at the last sure
 * sentence break in its second half, else after its last space (a run of that length without a sentence boundary
 * is cut there), else at WINDOW (never inside a surrogate pair). Each window is looked at once: linear in the block.
 */
function windows(text: string): { start: number; end: number }[] {
  if (text.length <= LONG_BLOCK) return [{ start: 0, end: text.length }];
  const out: { start: number; end: number }[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + WINDOW);
    if (end < text.length) {
      const half = at + WINDOW / 2;
      const stretch = text.slice(half, end);
      let cut = -1;
      for (const m of stretch.matchAll(SURE_BREAK)) cut = half + (m.index ?? 0) + m[0].length;
      for (let i = end - 1; cut < 0 && i > half; i--) if (/\s/u.test(text[i] ?? '')) cut = i + 1;
      if (cut < 0 && (text.charCodeAt(end) & 0xfc00) === 0xdc00) cut = end - 1;
      end = cut > at ? cut : end;
    }
    out.push({ start: at, end });
    at = end;
  }
  return out;
}

/**
 * The last (up to) 40 characters of text[start, end) before its trailing white space, which is what the repairs
 * look at (an abbreviation or a day number before the break): a piece that grows by repairs is not read again whole.
 */
function tailOf(text: string, start: number, end: number): string {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1] ?? '')) e--;
  return text.slice(Math.max(start, e - 40), e);
}

/**
 * Splits each title and content block into sentences with Intl.Segmenter, then repairs ICU's usual mistakes on
 * news text: breaks after abbreviations ("Gov. Kotek", "Sept. 7") and after a day number written with a full stop
 * ("29. September"), and missed breaks where a space is missing after the full stop. Linear in the length of the
 * text: long blocks are segmented in windows, and each repair looks at a bounded stretch around the break.
 */
export function segment(source: CleanSource, k: Knowledge): Sentence[] {
  const pack = k.pack(source.lang);
  const abbrevEnd = abbreviationEnd(k.allPacks());
  const out: Sentence[] = [];
  const seg = segmenterFor(source.lang);
  source.blocks.forEach((block, bi) => {
    if (block.kind !== 'content' && block.kind !== 'title') return;
    const text = source.text.slice(block.start, block.end);
    const pieces: { start: number; end: number }[] = [];
    for (const w of windows(text)) {
      for (const s of seg.segment(w.end - w.start === text.length ? text : text.slice(w.start, w.end))) {
        const start = w.start + s.index;
        const end = start + s.segment.length;
        const prev = pieces[pieces.length - 1];
        const before = prev ? tailOf(text, prev.start, prev.end) : '';
        if (prev && abbrevEnd.test(before) && /^\s*[\p{Lu}\p{N}]/u.test(s.segment)) {
          prev.end = end;
        } else if (prev && ORDINAL_DAY_END.test(before) && monthsOf(pack).has((/^\s*(\p{L}+)/u.exec(s.segment)?.[1] ?? '').toLowerCase())) {
          // "Am Samstag (29. September) …": ICU breaks after the day's full stop.
          prev.end = end;
        } else pieces.push({ start, end });
      }
    }
    const split: { start: number; end: number }[] = [];
    for (const p of pieces) {
      const t = text.slice(p.start, p.end);
      let from = 0;
      for (const m of t.matchAll(GLUED)) {
        const at = (m.index ?? 0) + 1;
        // "U.S.Army" and decimal-like tokens stay together: require 2+ lowercase letters before the stop.
        if (!/\p{Ll}{2}$/u.test(t.slice(Math.max(0, at - 5), at - 1))) continue;
        split.push({ start: p.start + from, end: p.start + at });
        from = at;
      }
      split.push({ start: p.start + from, end: p.end });
    }
    for (const p of split) {
      let s = p.start;
      let e = p.end;
      while (s < e && /\s/u.test(text[s] ?? '')) s++;
      while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
      if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) continue;
      const index = out.length;
      out.push({
        id: `${source.id}#${index}`, index, block: bi, isTitle: block.kind === 'title',
        source: source.id, start: block.start + s, end: block.start + e, text: text.slice(s, e),
      });
    }
  });
  return out;
}
