// Test oracle: src/pipeline/extract/dates.ts as it was before the extractors stopped running the packs' giant
// alternations (commit 0a964df), with only its import paths changed. It matches with the full expressions
// (pack.datePatterns[i].re, pack.dateContextRe, alternation()); equivalence.test.ts checks that the extractors give
// exactly what this code gives. Not used by the tool.
import { addDays, addMonths, getDay, isValid, parseISO, subDays } from 'date-fns';
import { type LoadedPack } from '../../../../src/lang/compile.js';
import { type DateRole } from '../../../../src/lang/templates.js';
import { alternation, firstWord, lookupKey, lookupMap, words } from '../../../../src/lang/text.js';
import type { DateGranularity, DateMention } from '../../../../src/model/mention.js';
import type { Span } from '../../../../src/model/span.js';

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

interface DateTables {
  relativeRe: RegExp;
  relativeDays: Map<string, number>;
  relativePeriods: Map<string, { unit: 'year' | 'month' | 'week'; offset: number }>;
  quarters: Map<string, number>;
  last: Set<string>;
  next: Set<string>;
  futureRe: RegExp;
  /** Speech verbs: a weekday right after one ("said on Tuesday") is past whatever else the sentence says. */
  saidBeforeRe: RegExp;
  /** Lower-case first word of every name and phrase -> the roles (and "relative") it can start. */
  firstWords: Map<string, Set<string>>;
}

const cache = new WeakMap<LoadedPack, DateTables>();

function dateTables(pack: LoadedPack): DateTables {
  const hit = cache.get(pack);
  if (hit) return hit;
  const d = pack.dates;
  const tables: DateTables = {
    relativeRe: new RegExp(alternation([...Object.keys(d.relativeDays), ...Object.keys(d.relativePeriods)]), 'giu'),
    relativeDays: lookupMap(d.relativeDays),
    relativePeriods: lookupMap(d.relativePeriods),
    quarters: lookupMap(d.quarters),
    last: new Set(d.last.map(lookupKey)),
    next: new Set(d.next.map(lookupKey)),
    futureRe: new RegExp(alternation([...pack.modality.future, ...pack.modality.expected]), 'iu'),
    saidBeforeRe: new RegExp(`(?:${alternation(pack.speech.verbs)})[\\s\\u00a0]+(?:\\p{L}+[\\s\\u00a0]+)?$`, 'iu'),
    firstWords: new Map(),
  };
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
  index('relative', [...Object.keys(d.relativeDays), ...Object.keys(d.relativePeriods)]);
  cache.set(pack, tables);
  return tables;
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
  for (const { word } of words(sentence)) for (const role of t.firstWords.get(word) ?? []) present.add(role);
  const can = (role: DateRole): boolean =>
    role === 'day' || role === 'mm' || role === 'year' ? present.has('digit') : role === 'daypart' || present.has(role);
  const anyFuture = present.size > 0 && t.futureRe.test(sentence);
  // A future or expectation cue counts only before the date: "is scheduled to begin in September", not "agreed on
  // Tuesday to buy …, betting that households will keep paying".
  const futureBefore = (start: number): boolean => anyFuture && t.futureRe.test(text.slice(range.start, start));

  pack.datePatterns.forEach((p, order) => {
    if (!p.required.every(can)) return;
    p.re.lastIndex = 0;
    for (const m of sentence.matchAll(p.re)) {
      const start = range.start + m.index;
      const end = start + m[0].length;
      const tail = text.slice(Math.max(range.start, start - TAIL), start);
      const ctxMatch = pack.dateContextRe.exec(tail);
      if (p.needsContext && !ctxMatch) continue;
      const fields: Partial<Record<DateRole, string>> = {};
      p.roles.forEach((role, k) => {
        const v = m[k + 1];
        if (v !== undefined) fields[role] = v;
      });
      const said = fields.weekday !== undefined && t.saidBeforeRe.test(text.slice(Math.max(range.start, start - TAIL), start));
      const mention = build(fields, pack, t, published, futureBefore(start) && !said);
      if (!mention) continue;
      const preposition = ctxMatch?.[1] ? lookupKey(ctxMatch[1]) : undefined;
      found.push({
        ...mention,
        type: 'date',
        source: range.source,
        start,
        end,
        text: m[0],
        ...(preposition ? { preposition } : {}),
        length: m[0].length,
        order,
      });
    }
  });

  t.relativeRe.lastIndex = 0;
  for (const m of present.has('relative') ? sentence.matchAll(t.relativeRe) : []) {
    const key = lookupKey(m[0]);
    const start = range.start + m.index;
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
    const tail = text.slice(Math.max(range.start, start - TAIL), start);
    const ctxMatch = pack.dateContextRe.exec(tail);
    found.push({
      type: 'date',
      source: range.source,
      start,
      end: start + m[0].length,
      text: m[0],
      ...fields,
      ...(ctxMatch?.[1] ? { preposition: lookupKey(ctxMatch[1]) } : {}),
      length: m[0].length,
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
