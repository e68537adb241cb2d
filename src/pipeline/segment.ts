import type { CleanSource } from '../model/source.js';
import type { Sentence } from '../model/sentence.js';
import { getPack } from '../lang/load.js';

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

/**
 * Abbreviations after which ICU breaks but a sentence does not end: titles, month short forms, company
 * suffixes, and initials ("J.", "U.S."). A short capitalised word is not enough ("Nga." ends a sentence).
 */
const ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gov', 'Sen', 'Rep', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Cmdr', 'Adm', 'Maj', 'Pres',
  'St', 'Mt', 'Ft', 'Jr', 'Sr', 'Inc', 'Co', 'Corp', 'Ltd', 'Bros', 'No', 'Nos', 'Vol', 'Fig', 'vs', 'approx', 'ca', 'cf', 'etc',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Hwy', 'Ave', 'Blvd', 'Rd',
  'TP', 'Tp', 'ThS', 'TS', 'PGS', 'GS',
  'г', 'гг', 'им', 'ул', 'т', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'Dr', 'Nr', 'bzw', 'z', 'B', 'Mme', 'Mlle', 'Sra', 'Sr',
];
const abbrevEnds = new Map<string, RegExp>();
/** The text before a break ends with an abbreviation: the shared list, the language pack's, or initials ("J.", "U.S."). */
function abbrevEndOf(lang: string): RegExp {
  let re = abbrevEnds.get(lang);
  if (!re) {
    const own = getPack(lang).segmentation?.abbreviations ?? [];
    const words = [...new Set([...ABBREVIATIONS, ...own])].map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    re = new RegExp(`(?:^|[\\s(])(?:${words.join('|')}|\\p{Lu}|(?:\\p{Lu}\\.){1,3}\\p{Lu})\\.$`, 'u');
    abbrevEnds.set(lang, re);
  }
  return re;
}
/** A break ICU missed: sentence punctuation glued to the next capitalised word ("lớn.Vì vậy"). */
const GLUED = /[.!?](?=["“«]?\p{Lu}\p{Ll})/gu;

/** A day number with a full stop, the way German and others write dates ("am 29. September"). */
const ORDINAL_DAY_END = /(?:^|[\s(])\d{1,2}\.$/u;
/** A number with a full stop after one of the words the pack lists before ordinals ("ihr 36.", "der 18."). */
const ORDINAL_AFTER_WORD = /(?:^|[\s(])([\p{L}]+)\s+\d{1,4}\.$/u;
const ordinalWords = new Map<string, Set<string>>();
const ordinalBefore = (lang: string): Set<string> => {
  let set = ordinalWords.get(lang);
  if (!set) ordinalWords.set(lang, (set = new Set((getPack(lang).segmentation?.ordinalBefore ?? []).map((w) => w.toLowerCase()))));
  return set;
};
/** A full stop, then spaces and a lower-case letter: ICU never breaks there ("it rose. then it fell."). */
const LOWER_START = /\.(?=\s+\p{Ll})/gu;
const lowerAbbreviations = new Map<string, Set<string>>();
/**
 * Sentence ends ICU misses in text that starts sentences in lower case: a full stop after a word of two or more
 * letters (or a number) that is not an abbreviation of the shared list or the pack, not an ellipsis, and not part
 * of a dotted form ("U.S.", "a.m.", "e.g."). Positions just after each such stop.
 */
function lowerCaseBreaks(t: string, lang: string): number[] {
  let abbrev = lowerAbbreviations.get(lang);
  if (!abbrev) {
    abbrev = new Set([...ABBREVIATIONS, ...(getPack(lang).segmentation?.abbreviations ?? [])].map((w) => w.toLowerCase()));
    lowerAbbreviations.set(lang, abbrev);
  }
  const out: number[] = [];
  for (const m of t.matchAll(LOWER_START)) {
    const at = m.index ?? 0;
    const word = /(?:^|\s|["“«(])([^\s"“«(]+)$/u.exec(t.slice(Math.max(0, at - 40), at))?.[1] ?? '';
    if (!/^(?:\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{N}+)$/u.test(word) || abbrev.has(word.toLowerCase())) continue;
    out.push(at + 1);
  }
  return out;
}
const monthSets = new Map<string, Set<string>>();
/**
 * The month names of a language whose dates put a full stop after the day (its pack has a "{day}. {month}"
 * template, as German does), lower-cased: after "29." one of these continues the sentence. Empty for the others,
 * where "rose to 12. March was quieter" is two sentences.
 */
function monthsOf(lang: string): Set<string> {
  let set = monthSets.get(lang);
  if (!set) {
    const pack = getPack(lang);
    set = pack.dates.patterns.some((t) => /\{day\}\.\s*\{month\}/u.test(t)) ? new Set(pack.monthForms.map((m) => m.toLowerCase().replace(/\.$/u, ''))) : new Set();
    monthSets.set(lang, set);
  }
  return set;
}

/**
 * Splits each title and content block into sentences with Intl.Segmenter, then repairs ICU's usual mistakes on
 * news text: breaks after abbreviations ("Gov. Kotek", "Sept. 7") and after a day number written with a full stop
 * ("29. September"), and missed breaks where a space is missing after the full stop.
 */
export function segment(source: CleanSource): Sentence[] {
  const out: Sentence[] = [];
  const seg = segmenterFor(source.lang);
  source.blocks.forEach((block, bi) => {
    if (block.kind !== 'content' && block.kind !== 'title') return;
    const text = source.text.slice(block.start, block.end);
    const pieces: { start: number; end: number }[] = [];
    for (const s of seg.segment(text)) {
      const start = s.index;
      const end = s.index + s.segment.length;
      const prev = pieces[pieces.length - 1];
      const before = prev ? text.slice(prev.start, prev.end).trimEnd() : '';
      if (prev && abbrevEndOf(source.lang).test(before) && /^\s*[\p{Lu}\p{N}]/u.test(s.segment)) {
        prev.end = end;
      } else if (prev && ordinalBefore(source.lang).has((ORDINAL_AFTER_WORD.exec(before.slice(-48))?.[1] ?? '').toLowerCase()) && /^\s*\p{L}/u.test(s.segment)) {
        // "ihr 36. Treffen", "die 7. Versammlung": a German ordinal, not the end of a sentence.
        prev.end = end;
      } else if (prev && /[?!]["”»’']$/u.test(before) && /^\s*\p{Ll}/u.test(s.segment)) {
        // '"Why?" she asked.': a quoted question or exclamation followed by its speaker is one sentence.
        prev.end = end;
      } else if (prev && ORDINAL_DAY_END.test(before) && monthsOf(source.lang).has((/^\s*(\p{L}+)/u.exec(s.segment)?.[1] ?? '').toLowerCase())) {
        // "Am Samstag (29. September) …": ICU breaks after the day's full stop.
        prev.end = end;
      } else pieces.push({ start, end });
    }
    const split: { start: number; end: number }[] = [];
    for (const p of pieces) {
      const t = text.slice(p.start, p.end);
      const breaks: number[] = [];
      for (const m of t.matchAll(GLUED)) {
        const at = (m.index ?? 0) + 1;
        // "U.S.Army" and decimal-like tokens stay together: require 2+ lowercase letters before the stop.
        if (!/\p{Ll}{2}$/u.test(t.slice(0, at - 1))) continue;
        breaks.push(at);
      }
      breaks.push(...lowerCaseBreaks(t, source.lang));
      let from = 0;
      for (const at of [...new Set(breaks)].sort((x, y) => x - y)) {
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
