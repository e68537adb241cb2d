// One module per function: the package root would load all ~300 date-fns modules at start-up.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getDay } from 'date-fns/getDay';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';
import type { LoadedPack } from '../../lang/compile.js';
import { startPositions, Template, type DateRole, type DatePlaceholder, type Words } from '../../lang/templates.js';
import { caseKey, cpAt, cpBefore, firstWord, flavour, lookupKey, lookupMap, sortedTerms, SPACE_CHAR, TermSet, WORD_RUN, type Flavour } from '../../lang/text.js';
import type { DateGranularity, DateMention } from '../../model/mention.js';
import type { Span } from '../../model/span.js';

/**
 * Dates in one sentence, from the pack's date templates (rules/lang/<code>.json, dates.patterns) and its relative
 * phrases ("yesterday", "năm ngoái", "в прошлом году"), resolved against the publication date with date-fns.
 *
 * Year of a month or day written without one ("in June", "Sept. 20"), with P the publication date:
 *   - "last June" -> the most recent June before P's month; "next June" -> the first one after it;
 *   - otherwise, when the sentence has no future or expectation cue (pack modality.future / modality.expected) and the
 *     month (day) is not after P's, P's year;
 *   - otherwise the year is left undefined: unsure, it agrees with any year.
 * A weekday ("on Monday", "Friday afternoon") is the one on or before P, unless the sentence is about the future,
 * when it is left unresolved (weekday only). Without a publication date nothing relative is resolved.
 */

/**
 * How the extractor stays cheap. A date template compiles to one expression with every month, weekday and relative
 * form of the language in it, each behind its own \p{…} word boundary (1,000–3,000 characters); V8 builds such an
 * expression slowly, interprets it for a while, and runs the whole alternation at every position of every sentence.
 * Instead the template is matched here from its tree (CompiledDatePattern.nodes), with the same backtracking order as
 * the expression: a name placeholder looks up the word at the position by its caseKey (TermSet) and tries only the
 * names starting with that word, each with a small sticky expression; numbers, spaces and literal words are read
 * directly. A template is tried only where it can start (a digit, a word that starts one of its names, …), which
 * are all the places where its expression could match, so the matches are the expression's, in the same order.
 * The relative phrases, the future cues, the prepositions before a date and the speech verbs are TermSets too.
 */

/** The pack's date templates as matchers, and its name lists. */
interface DateTables {
  relativeDays: Map<string, number>;
  relativePeriods: Map<string, { unit: 'year' | 'month' | 'week'; offset: number }>;
  quarters: Map<string, number>;
  last: Set<string>;
  next: Set<string>;
  /** Speech verbs: a weekday right after one ("said on Tuesday") is past whatever else the sentence says. */
  verbs: TermSet;
  /** Lower-case first word of every name and phrase -> the roles (and "relative") it can start. */
  firstWords: Map<string, Set<string>>;
  /** Relative days and periods ("iu"). */
  relative: TermSet;
  /** Future and expectation cues ("iu"). */
  future: TermSet;
  /** Date prepositions: one ending the text before a date gives it its context (contextWord). */
  prepositions: TermSet;
  /** The names of each name placeholder, with the pack's name flags. */
  names: Partial<Record<DateRole, TermSet>>;
  /** caseKey of a word -> the name placeholders with a name starting with it. */
  rolesOfWord: Map<string, DateRole[]>;
  /** One per template. */
  templates: Template[];
  flavour: Flavour;
  /** Sticky flags for the small expressions (literal words, day suffixes). */
  stickyFlags: string;
}

const cache = new WeakMap<LoadedPack, DateTables>();

function dateTables(pack: LoadedPack): DateTables {
  const hit = cache.get(pack);
  if (hit) return hit;
  const d = pack.dates;
  const nameFlags = pack.nameFlags.replace('g', '');
  const stickyFlags = `${nameFlags}y`;
  const relativeTerms = [...Object.keys(d.relativeDays), ...Object.keys(d.relativePeriods)];
  const tables: DateTables = {
    relativeDays: lookupMap(d.relativeDays),
    relativePeriods: lookupMap(d.relativePeriods),
    quarters: lookupMap(d.quarters),
    last: new Set(d.last.map(lookupKey)),
    next: new Set(d.next.map(lookupKey)),
    verbs: new TermSet(sortedTerms(pack.speech.verbs), 'iuy'),
    firstWords: new Map(),
    relative: new TermSet(sortedTerms(relativeTerms), 'iuy'),
    future: new TermSet(sortedTerms([...pack.modality.future, ...pack.modality.expected]), 'iuy'),
    prepositions: new TermSet(sortedTerms(d.prepositions), 'iuy'),
    names: {},
    rolesOfWord: new Map(),
    templates: [],
    flavour: flavour(nameFlags),
    stickyFlags,
  };
  const placeholders = pack.datePlaceholders;
  for (const [role, ph] of Object.entries(placeholders) as [DateRole, DatePlaceholder][]) {
    if (!ph.terms) continue;
    const set = new TermSet(ph.terms, stickyFlags);
    tables.names[role] = set;
    for (const term of ph.terms) {
      const w = /^[\p{L}\p{M}\p{N}]+/u.exec(term);
      if (!w) continue;
      const key = caseKey(w[0]);
      const roles = tables.rolesOfWord.get(key);
      if (!roles) tables.rolesOfWord.set(key, [role]);
      else if (!roles.includes(role)) roles.push(role);
    }
  }
  tables.templates = pack.datePatterns.map((p) => new Template(p, placeholders, tables));
  const index = (role: string, terms: Iterable<string>): void => {
    for (const term of terms) {
      const w = firstWord(term);
      if (!w) continue;
      const set = tables.firstWords.get(w) ?? new Set<string>();
      set.add(role);
      tables.firstWords.set(w, set);
    }
  };
  index('month', pack.monthForms);
  index('weekday', pack.weekdayForms);
  index('quarter', Object.keys(d.quarters));
  index('last', d.last);
  index('next', d.next);
  index('this', d.this);
  index('yearword', d.yearWords);
  index('monthword', d.monthWords);
  index('relative', relativeTerms);
  cache.set(pack, tables);
  return tables;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const cpLength = (s: string, p: number): number => cpAt(s, p).length || 1;

/** The matches of a TermSet in s, left to right, none overlapping (as a global expression's matchAll gives them). */
function* scanTerms(set: TermSet, s: string, words: Words): Generator<{ start: number; end: number }> {
  let from = 0;
  for (const p of set.startsIn(s, words.keyAt)) {
    if (p < from) continue;
    const end = set.firstAt(s, p, words.keyAt.get(p) ?? '');
    if (end < 0) continue;
    from = end > p ? end : p + cpLength(s, p);
    yield { start: p, end };
  }
}

/** The end of the earliest-ending match of any term anywhere in s, or Infinity. */
function firstEnd(set: TermSet, s: string, words: Words): number {
  let best = Infinity;
  for (const p of set.startsIn(s, words.keyAt)) {
    if (p >= best) break;
    for (const k of set.candidates(s, p, words.keyAt.get(p) ?? '')) {
      const e = set.endOf(k, s, p);
      if (e >= 0 && e < best) best = e;
    }
  }
  return best;
}

/**
 * The date preposition that ends `tail` (before its trailing spaces) and starts it or follows a non-word character,
 * or undefined when there is none; of several, the one that starts leftmost ("в конце" over "конце").
 */
function contextWord(set: TermSet, tail: string): string | undefined {
  let end = tail.length;
  while (end > 0 && SPACE_CHAR.test(tail[end - 1]!)) end--;
  const p = set.endingAt(tail, end, (p) => p === 0 || !set.flavour.word.test(cpBefore(tail, p)));
  return p < 0 ? undefined : tail.slice(p, end);
}

/** After a speech verb: spaces, maybe one word and spaces, then the end ([\s\u00a0]+(?:\p{L}+[\s\u00a0]+)?$). */
const AFTER_VERB = /[\s\u00a0]+(?:\p{L}+[\s\u00a0]+)?$/iuy;

/**
 * Whether `tail` ends with a speech verb and at most one more word (the old saidBeforeRe, "iu"): a verb ends where a
 * run of spaces starts (it ends in something else than a space), and the rest is AFTER_VERB.
 */
function saidBefore(set: TermSet, tail: string): boolean {
  for (let v = 1; v < tail.length; v++) {
    if (!SPACE_CHAR.test(tail[v]!) || SPACE_CHAR.test(tail[v - 1]!)) continue;
    AFTER_VERB.lastIndex = v;
    if (AFTER_VERB.test(tail) && set.endingAt(tail, v) >= 0) return true;
  }
  return false;
}

interface Candidate extends DateMention {
  /** Longer matches win when candidates overlap. */
  length: number;
  order: number;
}

const TAIL = 48;
/** How many days before publication a day-and-month date is taken as this year's even in a future sentence. */
const RECENT_DAYS = 45;


/** Extracts the dates of one sentence (`range`) of `text`; offsets are absolute. */
export function extractDates(text: string, range: Span, pack: LoadedPack, ctx: { published?: string }): DateMention[] {
  const t = dateTables(pack);
  const limit = Math.min(range.end, text.length);
  const sentence = text.slice(range.start, limit);
  const pub = ctx.published ? parseISO(ctx.published) : undefined;
  const published = pub && isValid(pub) ? pub : undefined;
  const found: Candidate[] = [];
  // Which kinds of date words the sentence has; templates needing one it lacks are not run.
  const present = new Set<string>();
  if (/\d/.test(sentence)) present.add('digit');
  const words: Words = { keyAt: new Map(), starts: [] };
  const byRole = new Map<DateRole, number[]>();
  for (const m of sentence.matchAll(WORD_RUN)) {
    const word = m[0].toLowerCase();
    const roles = t.firstWords.get(word);
    if (roles) for (const role of roles) present.add(role);
    const key = caseKey(word);
    words.keyAt.set(m.index, key);
    words.starts.push(m.index);
    for (const role of t.rolesOfWord.get(key) ?? []) {
      const list = byRole.get(role);
      if (list) list.push(m.index);
      else byRole.set(role, [m.index]);
    }
  }
  let digitStarts: number[] | undefined;
  const digits = (): number[] => {
    if (!digitStarts) {
      digitStarts = [];
      for (let p = 0; p < sentence.length; p++)
        if (isDigit(sentence.charCodeAt(p)) && (p === 0 || !isDigit(sentence.charCodeAt(p - 1)))) digitStarts.push(p);
    }
    return digitStarts;
  };
  const can = (role: DateRole): boolean =>
    role === 'day' || role === 'mm' || role === 'year' ? present.has('digit') : role === 'daypart' || present.has(role);
  // A future or expectation cue counts only before the date: "is scheduled to begin in September", not "agreed on
  // Tuesday to buy …, betting that households will keep paying". The cue is in the text before the date when one of
  // its matches ends there (the text before a template's match ends with a non-word character).
  const futureEnd = present.size > 0 ? firstEnd(t.future, sentence, words) : Infinity;
  const futureBefore = (start: number): boolean => futureEnd <= start - range.start;
  const preposition = (start: number): string | undefined => contextWord(t.prepositions, text.slice(Math.max(range.start, start - TAIL), start));

  pack.datePatterns.forEach((p, order) => {
    if (!p.required.every(can)) return;
    const tpl = t.templates[order]!;
    const matches = tpl.matchAll(sentence, words, startPositions(tpl, sentence, words, byRole, digits));
    for (const m of matches) {
      const start = range.start + m.start;
      const end = range.start + m.end;
      const ctxWord = preposition(start);
      if (p.needsContext && ctxWord === undefined) continue;
      const fields: Partial<Record<DateRole, string>> = {};
      p.roles.forEach((role, k) => {
        const a = m.caps[2 * k]!;
        if (a >= 0) fields[role] = sentence.slice(a, m.caps[2 * k + 1]);
      });
      const said = fields.weekday !== undefined && saidBefore(t.verbs, text.slice(Math.max(range.start, start - TAIL), start));
      const mention = build(fields, pack, t, published, futureBefore(start) && !said);
      if (!mention) continue;
      const prep = ctxWord ? lookupKey(ctxWord) : undefined;
      const matched = sentence.slice(m.start, m.end);
      found.push({
        ...mention,
        type: 'date',
        source: range.source,
        start,
        end,
        text: matched,
        ...(prep ? { preposition: prep } : {}),
        length: matched.length,
        order,
      });
    }
  });

  for (const m of present.has('relative') ? scanTerms(t.relative, sentence, words) : []) {
    const matched = sentence.slice(m.start, m.end);
    const key = lookupKey(matched);
    const start = range.start + m.start;
    // "5 năm tới" is the next five years, not next year.
    if (/\d[\s\u00a0]*$/.test(text.slice(Math.max(range.start, start - 4), start))) continue;
    const day = t.relativeDays.get(key);
    const period = t.relativePeriods.get(key);
    let fields: Omit<DateMention, 'type' | 'source' | 'start' | 'end' | 'text'> | undefined;
    if (day !== undefined) {
      fields = published
        ? { granularity: 'day', ...ymd(addDays(published, day)), relative: true }
        : { granularity: 'day', relative: true };
    } else if (period && period.unit !== 'week') {
      if (period.unit === 'year') fields = { granularity: 'year', relative: true, ...(published ? { year: published.getFullYear() + period.offset } : {}) };
      else {
        const at = published ? addMonths(published, period.offset) : undefined;
        fields = { granularity: 'month', relative: true, ...(at ? { year: at.getFullYear(), month: at.getMonth() + 1 } : {}) };
      }
    }
    if (!fields) continue;
    const prep = preposition(start);
    found.push({
      type: 'date',
      source: range.source,
      start,
      end: start + matched.length,
      text: matched,
      ...fields,
      ...(prep ? { preposition: lookupKey(prep) } : {}),
      length: matched.length,
      order: -1,
    });
  }

  // Longest first; among equals, the earlier pattern. Keep what does not overlap something already kept.
  found.sort((a, b) => b.length - a.length || a.start - b.start || a.order - b.order);
  const kept: Candidate[] = [];
  for (const c of found) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ length: _l, order: _o, ...d }) => d);
}

const ymd = (d: Date): { year: number; month: number; day: number } => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

const daysIn = (year: number | undefined, month: number): number => new Date(year ?? 2024, month, 0).getDate();

type Fields = Omit<DateMention, 'type' | 'source' | 'start' | 'end' | 'text'>;

/** Turns the captured parts of a template into date fields, or undefined when they are not a date (month 13). */
function build(
  f: Partial<Record<DateRole, string>>,
  pack: LoadedPack,
  t: DateTables,
  published: Date | undefined,
  future: boolean,
): Fields | undefined {
  let year = f.year !== undefined ? Number(f.year) : undefined;
  let month = f.month !== undefined ? pack.monthNames.get(lookupKey(f.month)) : f.mm !== undefined ? Number(f.mm) : undefined;
  let day = f.day !== undefined ? Number(/\d+/.exec(f.day)?.[0]) : undefined;
  const weekday = f.weekday !== undefined ? pack.weekdayNames.get(lookupKey(f.weekday)) : undefined;
  let quarter = f.quarter !== undefined ? t.quarters.get(lookupKey(f.quarter)) : undefined;
  if (f.month !== undefined && month === undefined) return undefined;
  if (f.weekday !== undefined && weekday === undefined) return undefined;
  if (f.quarter !== undefined && quarter === undefined) return undefined;
  if (year !== undefined && (year < 1000 || year > 2199)) return undefined;
  // A bare year needs to look like one; a year in a full date may be historical.
  if (year !== undefined && month === undefined && day === undefined && quarter === undefined && (year < 1800 || year > 2100))
    return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || month === undefined || day > daysIn(year, month))) return undefined;

  const relWord = f.last !== undefined ? 'last' : f.next !== undefined ? 'next' : f.this !== undefined ? 'this' : undefined;
  let relative = false;
  let granularity: DateGranularity = day !== undefined ? 'day' : month !== undefined ? 'month' : quarter !== undefined ? 'quarter' : year !== undefined ? 'year' : 'weekday';

  if (year === undefined && published) {
    const pm = published.getMonth() + 1;
    const py = published.getFullYear();
    if (month !== undefined || quarter !== undefined) {
      const m = month ?? (quarter! - 1) * 3 + 1;
      const d = day ?? 1;
      const notAfter = m < pm || (m === pm && (day === undefined || d <= published.getDate()));
      // A day and month just before publication is this year's, whatever the tense ("announced on Oct. 15 that it will").
      const recent = day !== undefined && notAfter && published.getTime() - new Date(py, m - 1, d).getTime() <= RECENT_DAYS * 864e5;
      if (relWord === 'last') year = m < pm ? py : py - 1;
      else if (relWord === 'next') year = m > pm ? py : py + 1;
      else if (relWord === 'this') year = py;
      else if ((!future && notAfter) || recent) year = py;
      if (relWord) relative = true;
      else if (year !== undefined) relative = true;
    } else if (weekday !== undefined) {
      const pd = getDay(published);
      let date: Date | undefined;
      if (relWord === 'last') date = subDays(published, (pd - weekday + 7) % 7 || 7);
      else if (relWord === 'next') date = addDays(published, (weekday - pd + 7) % 7 || 7);
      else if (relWord === 'this' || !future) date = subDays(published, (pd - weekday + 7) % 7);
      if (date) {
        ({ year, month, day } = ymd(date));
        granularity = 'day';
        relative = true;
      }
    }
  }
  const out: Fields = { granularity, relative };
  if (year !== undefined) out.year = year;
  if (quarter !== undefined) out.quarter = quarter;
  if (month !== undefined) out.month = month;
  if (day !== undefined) out.day = day;
  if (weekday !== undefined) out.weekday = weekday;
  return out;
}
